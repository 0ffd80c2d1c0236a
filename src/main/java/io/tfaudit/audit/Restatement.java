package io.tfaudit.audit;

import io.tfaudit.api.Criterion;
import io.tfaudit.api.UserStory;
import io.tfaudit.api.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/** How a requirement's verdict is built from the results of the criteria it restates. */
final class Restatement {

    /** One restated criterion and its results. */
    record Part(String id, String text, FindingKind kind, List<CriterionOutcomes.Result> results) {}

    /** One result of a restated criterion. */
    record Judged(String id, FindingKind kind, CriterionOutcomes.Result result) {}

    private Restatement() {}

    static List<Part> evaluate(Audit audit, Restated criteria) {
        List<Part> parts = new ArrayList<>();
        for (Restated.Ref ref : criteria.refs()) {
            var method = CriterionOutcomes.criterionMethod(ref);
            String id = CriterionRun.idOf(ref.story().getAnnotation(UserStory.class), method.getAnnotation(Criterion.class));
            parts.add(new Part(id, AuditExtension.text(method), FindingKind.of(ref.story().getAnnotation(UserStory.class)),
                    audit.outcomes().of(audit, ref)));
        }
        return parts;
    }

    static List<Judged> flatten(List<Part> parts) {
        List<Judged> out = new ArrayList<>();
        for (Part p : parts) {
            p.results().forEach(r -> out.add(new Judged(p.id(), p.kind(), r)));
        }
        return out;
    }

    /** Which criteria were restated and how each came out, for the report. */
    static String summary(List<Part> parts) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            long passed = count(p, CriterionOutcomes.Status.PASSED);
            long failed = count(p, CriterionOutcomes.Status.FAILED);
            long skipped = count(p, CriterionOutcomes.Status.SKIPPED);
            sb.append(p.id()).append(" \"").append(p.text()).append("\": ").append(passed).append(" passed, ")
                    .append(failed).append(" failed, ").append(skipped).append(" skipped\n");
        }
        return sb.toString();
    }

    private static long count(Part p, CriterionOutcomes.Status s) {
        return p.results().stream().filter(r -> r.status() == s).count();
    }

    /**
     * Fails with the restated findings (at the requirement's own severity, or lower when every
     * restated failure was lower), else skips with the restated reasons, else passes.
     */
    static void verdict(CriterionRun run, List<Judged> judged, Findings f) {
        Set<String> skipped = new LinkedHashSet<>();
        Set<String> baselined = new LinkedHashSet<>();
        Set<String> notApplicable = new LinkedHashSet<>();
        boolean decided = false;
        // Its own severity, lowered where every restated failure was reported lower (US-020.15's
        // missing test is normal): a stricter story's severity does not come through.
        Severity worst = null;
        for (Judged j : judged) {
            CriterionOutcomes.Result r = j.result();
            String source = j.id() + (r.resource() == null ? "" : " " + r.resource());
            switch (r.status()) {
                case FAILED -> {
                    // Shown here, counted once where they were found: a restatement adds no finding.
                    if (r.findings().isEmpty()) {
                        f.restate(j.id(), new Findings.Finding(source, firstLines(r.message()), null), j.kind(), null);
                    }
                    for (Findings.Finding x : r.findings()) {
                        f.restate(j.id(), x, j.kind(), r.resource());
                    }
                    Severity restated = r.severity() != null ? r.severity() : run.severity();
                    if (worst == null || restated.compareTo(worst) < 0) {
                        worst = restated;
                    }
                }
                case SKIPPED -> {
                    String m = r.message() == null ? "" : r.message();
                    (m.startsWith("baselined:") ? baselined : m.startsWith(CriterionRun.NOT_APPLICABLE) ? notApplicable : skipped)
                            .add(j.id() + ": " + m);
                }
                case PASSED -> decided = true;
            }
        }
        if (!f.isEmpty()) {
            // Its own findings weigh what its own check reported (it may have lowered it: a missing test).
            Severity restated = worst == null || worst.compareTo(run.severity()) < 0 ? run.severity() : worst;
            Severity own = run.reportedSeverity();
            Severity reported = !f.hasOwn() ? restated : worst == null || own.compareTo(restated) <= 0 ? own : restated;
            if (reported != run.reportedSeverity()) {
                run.reportSeverity(reported);
            }
            f.verify();
        }
        if (!skipped.isEmpty()) {
            throw Skip.because("skipped: " + skipped.size() + " restated result(s) could not be decided here:\n  "
                    + String.join("\n  ", skipped));
        }
        if (!decided && !notApplicable.isEmpty() && baselined.isEmpty()) {
            // Only when nothing else was judged: a criterion that does not apply says nothing about the requirement.
            throw Skip.because(CriterionRun.NOT_APPLICABLE + "none of the restated criteria applies here:\n  "
                    + String.join("\n  ", notApplicable));
        }
        if (!baselined.isEmpty()) {
            throw Skip.because("baselined: every finding of the restated criteria is accepted:\n  " + String.join("\n  ", baselined));
        }
    }

    /** A failure without findings (a check that threw): its message without the stack. */
    private static String firstLines(String message) {
        String m = message == null ? "(no message)" : message.strip();
        return m.length() > 2000 ? m.substring(0, 2000) + "…" : m;
    }
}
