package io.tfaudit.report;

import io.tfaudit.api.Severity;
import java.util.List;
import java.util.Locale;

/**
 * The CI gate: the run fails when a finding has a severity at or above the
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

    /**
     * What breaks the gate: the distinct findings at or above the threshold (one defect counts
     * once, however many results it fails), and every result that was not judged.
     */
    public record Decision(List<DistinctFindings.Finding> findings, List<AuditResults.Result> broken) {
        public boolean passed() {
            return findings.isEmpty() && broken.isEmpty();
        }
    }

    public Decision decide(AuditResults results) {
        return decide(results, DistinctFindings.of(results));
    }

    public Decision decide(AuditResults results, List<DistinctFindings.Finding> distinct) {
        if (threshold == null) {
            return new Decision(List.of(), List.of());
        }
        return new Decision(DistinctFindings.atLeast(distinct, threshold),
                results.results().stream().filter(AuditResults.Result::broken).toList());
    }

    public String describe() {
        return threshold == null ? "none" : threshold.label();
    }
}
