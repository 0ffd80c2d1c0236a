package io.tfaudit.report;

import io.tfaudit.audit.Severity;
import java.util.List;
import java.util.Locale;

/**
 * The CI gate: the run fails when a criterion failed with a severity at or above the
 * threshold ({@code --fail-on}, default critical; {@code none} never fails), and when a
 * criterion could not be judged at all (broken: an error in tfaudit or in what it was given),
 * whatever its severity: an unknown verdict must not pass CI.
 */
public record Gate(Severity threshold) {

    public static final Severity DEFAULT = Severity.CRITICAL;

    /** blocker, critical, normal, minor, trivial, or none (null threshold: never fails). */
    public static Gate parse(String value) {
        if (value == null || value.isBlank()) {
            return new Gate(DEFAULT);
        }
        if (value.equalsIgnoreCase("none")) {
            return new Gate(null);
        }
        try {
            return new Gate(Severity.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fail-on takes blocker, critical, normal, minor, trivial or none; found '" + value + "'");
        }
    }

    /** The failures that break the gate. */
    public List<AuditResults.Result> breaking(AuditResults results) {
        if (threshold == null) {
            return List.of();
        }
        return results.results().stream().filter(r -> r.broken() || r.failed() && r.severity().atLeast(threshold)).toList();
    }

    public String describe() {
        return threshold == null ? "none" : threshold.label();
    }
}
