package io.tfaudit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The PRD's critical-issue thresholds as Allure severities: blocker (compilation, CRUD,
 * data loss, security), critical (breaking change against the baseline), normal (missing
 * tests), minor (documentation gaps), trivial (enhancement opportunities).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Severity {
    BLOCKER, CRITICAL, NORMAL, MINOR, TRIVIAL;

    public String label() {
        return name().toLowerCase();
    }

    /** Whether this severity is at least as grave as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
