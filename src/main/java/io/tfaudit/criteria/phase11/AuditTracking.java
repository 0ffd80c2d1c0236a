package io.tfaudit.criteria.phase11;

import io.tfaudit.audit.AuditFailure;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.provider.files.DocPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Phase 11 reads: the failing results of every other phase in this run, and the issue
 * references the provider's audit documents ({@code docs/audits/}) make. A finding is tracked
 * when a line of those documents names its criterion ({@code US-009.3}) or its story
 * ({@code US-009}) together with an issue ({@code #123} or {@code …/issues/123}).
 */
final class AuditTracking {

    static final String AUDITS = "docs/audits/";
    static final String REPORT = "docs/audits/comprehensive-audit-report.md";
    static final Pattern ISSUE = Pattern.compile("(?:^|[\\s(\\[|,;:])#(\\d+)\\b|/issues/(\\d+)\\b");

    /** One line of an audit document that references an issue. */
    record Reference(String where, String line, Set<Integer> issues) {}

    private AuditTracking() {}

    /** The failures of every phase but Phase 11 (which judges them). */
    static List<AuditFailure> failures(CriterionRun run) {
        return run.audit().memo("phase-11-failures", () -> run.failuresOfTheStories(Set.of(Phase.PHASE_11)));
    }

    /** Every line of the audit documents that references an issue; read once per run for the six criteria that ask. */
    static List<Reference> references(CriterionRun run) {
        return run.audit().memo("phase-11-references", () -> readReferences(run));
    }

    private static List<Reference> readReferences(CriterionRun run) {
        List<Reference> out = new ArrayList<>();
        for (DocPage page : run.provider().files().docs()) {
            if (!page.path().startsWith(AUDITS)) {
                continue;
            }
            String[] lines = page.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Set<Integer> issues = issuesIn(lines[i]);
                if (!issues.isEmpty()) {
                    out.add(new Reference(page.path() + ":" + (i + 1), lines[i], issues));
                }
            }
        }
        return out;
    }

    static Set<Integer> issuesIn(String line) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = ISSUE.matcher(line);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return out;
    }

    /** The reference tracking the failure (its criterion or story named on the line), if any. */
    static java.util.Optional<Reference> trackedBy(AuditFailure failure, List<Reference> references) {
        Pattern criterion = Pattern.compile("(?<![\\w.-])" + Pattern.quote(failure.criterionId()) + "(?![\\w.])|(?<![\\w.-])"
                + Pattern.quote(failure.storyId()) + "(?![\\w.]|\\.\\d)", Pattern.CASE_INSENSITIVE);
        return references.stream().filter(r -> criterion.matcher(r.line()).find()).findFirst();
    }

    /** Where tfaudit writes its draft for the failure's story. */
    static String draftOf(AuditFailure failure) {
        return "tfaudit-results/issues/" + failure.storyId().toLowerCase(Locale.ROOT) + ".md";
    }
}
