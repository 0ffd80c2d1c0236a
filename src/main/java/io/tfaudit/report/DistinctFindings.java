package io.tfaudit.report;

import io.tfaudit.audit.FindingKind;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The defects behind an audit's failed results, each counted once: results that name the same
 * finding (its place and defect) from several criteria or resources make one finding that
 * names them all. What only a restatement names (a requirement, Phase 11) adds nothing.
 */
public final class DistinctFindings {

    /**
     * One defect: its identity, kind, severity (the worst of the results it fails), place,
     * title and text, and every criterion and resource it affects, restating ones apart. A defect
     * in generated code is met in every generated file that has it: {@code places} lists them all,
     * {@code where} is the first.
     */
    public record Finding(String key, FindingKind kind, Severity severity, String where, String title, String what,
                          SortedSet<String> criteria, SortedSet<String> resources, SortedSet<String> restatedBy,
                          SortedSet<String> places) {

        /** The file of its place ({@code internal/x.go} of {@code internal/x.go:41}). */
        public String file() {
            return Findings.fileOf(where);
        }

        public int line() {
            return Findings.lineOf(where);
        }

        /** How many results it accounts for: criteria × resources, as a maintainer reads "affects". */
        public int reach() {
            return criteria.size() + Math.max(0, resources.size() - 1);
        }
    }

    /** Worst first, then the widest reach, then by place. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Comparator.comparingInt(Finding::reach).reversed())
            .thenComparing(f -> f.where() == null ? "" : f.where())
            .thenComparing(Finding::title);

    private DistinctFindings() {}

    public static List<Finding> of(AuditResults results) {
        Map<String, Builder> byKey = new LinkedHashMap<>();
        for (AuditResults.Result r : results.results()) {
            if (!r.failed()) {
                continue;
            }
            for (AuditResults.Entry e : r.findings()) {
                Builder b = byKey.computeIfAbsent(e.key(), k -> new Builder(e));
                if (e.restated()) {
                    b.restatedBy.add(r.criterion() == null ? r.name() : r.criterion());
                    b.restatedIn.add(r);
                } else {
                    b.found(e, r);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Builder b : byKey.values()) {
            if (b.severity == null) {
                // Restated from a criterion this run did not report (a partial selection): counted here, once.
                b.restatedIn.forEach(r -> b.found(b.first, r));
                b.restatedBy.clear();
            }
            out.add(b.build());
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** The findings at or above a severity. */
    public static List<Finding> atLeast(List<Finding> findings, Severity threshold) {
        return findings.stream().filter(f -> f.severity().atLeast(threshold)).toList();
    }

    private static final class Builder {
        private final AuditResults.Entry first;
        private Severity severity;
        private FindingKind kind;
        private final SortedSet<String> criteria = new TreeSet<>();
        private final SortedSet<String> resources = new TreeSet<>();
        private final SortedSet<String> restatedBy = new TreeSet<>();
        private final SortedSet<String> places = new TreeSet<>();
        private final List<AuditResults.Result> restatedIn = new ArrayList<>();

        Builder(AuditResults.Entry first) {
            this.first = first;
        }

        void found(AuditResults.Entry e, AuditResults.Result r) {
            if (severity == null || r.severity().compareTo(severity) < 0) {
                severity = r.severity();
            }
            if (kind == null) {
                kind = e.kind();
            }
            if (e.where() != null) {
                places.add(e.where());
            }
            criteria.add(e.criterion() != null ? e.criterion() : r.criterion() != null ? r.criterion() : r.name());
            String resource = e.resource() != null ? e.resource() : r.resource();
            if (resource != null) {
                resources.add(resource);
            }
        }

        Finding build() {
            restatedBy.removeAll(criteria);
            return new Finding(first.key(), kind, severity, first.where(), first.title(), first.what(),
                    java.util.Collections.unmodifiableSortedSet(criteria), java.util.Collections.unmodifiableSortedSet(resources),
                    java.util.Collections.unmodifiableSortedSet(restatedBy),
                    java.util.Collections.unmodifiableSortedSet(places.isEmpty() && first.where() != null
                            ? new TreeSet<>(java.util.Set.of(first.where())) : places));
        }
    }
}
