package io.tfaudit.criteria.phase11;

import io.tfaudit.audit.AuditFailure;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.ExternalCommand;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.provider.files.DocPage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every finding of this run is tracked by an issue that the provider's audit documents
 * reference, by severity class as the PRD sorts them (blocker and critical: bugs; normal:
 * missing tests; minor: documentation gaps; trivial: enhancements). tfaudit writes a draft per
 * failing story ({@code tfaudit-results/issues/}) ready for {@code gh issue create --body-file};
 * these criteria check that the repository tracks them.
 */
@UserStory(id = "US-032", title = "Create GitHub Issues for Findings", phase = Phase.PHASE_11)
public class US032CreateGithubIssuesForFindings {

    /** The label each severity class's issues carry. */
    static final Map<Severity, Set<String>> LABELS = Map.of(
            Severity.BLOCKER, Set.of("bug"), Severity.CRITICAL, Set.of("bug"),
            Severity.NORMAL, Set.of("bug", "enhancement", "testing", "tests"),
            Severity.MINOR, Set.of("documentation", "docs"), Severity.TRIVIAL, Set.of("enhancement"));

    @Test
    @DisplayName("Create issues for all critical bugs found")
    @Criterion(value = 1, severity = Severity.NORMAL)
    void criticalBugs(CriterionRun run) {
        tracked(run, "critical bug", Set.of(Severity.BLOCKER, Severity.CRITICAL));
    }

    @Test
    @DisplayName("Create issues for missing test coverage")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void missingTestCoverage(CriterionRun run) {
        tracked(run, "missing-test", Set.of(Severity.NORMAL));
    }

    @Test
    @DisplayName("Create issues for documentation gaps")
    @Criterion(value = 3, severity = Severity.MINOR)
    void documentationGaps(CriterionRun run) {
        tracked(run, "documentation", Set.of(Severity.MINOR));
    }

    @Test
    @DisplayName("Create issues for enhancement opportunities")
    @Criterion(value = 4, severity = Severity.TRIVIAL)
    void enhancementOpportunities(CriterionRun run) {
        tracked(run, "enhancement", Set.of(Severity.TRIVIAL));
    }

    /** Each failing criterion of the class is named, with an issue, in docs/audits/; one finding per criterion. */
    private static void tracked(CriterionRun run, String kind, Set<Severity> severities) {
        List<AuditTracking.Reference> refs = AuditTracking.references(run);
        Map<String, List<AuditFailure>> byCriterion = new LinkedHashMap<>();
        for (AuditFailure a : AuditTracking.failures(run)) {
            if (severities.contains(a.severity())) {
                byCriterion.computeIfAbsent(a.criterionId(), k -> new ArrayList<>()).add(a);
            }
        }
        Findings f = run.findings();
        List<String> trackedBy = new ArrayList<>();
        byCriterion.forEach((id, failures) -> {
            AuditFailure first = failures.get(0);
            var ref = AuditTracking.trackedBy(first, refs);
            if (ref.isPresent()) {
                trackedBy.add(id + " → #" + ref.get().issues() + " at " + ref.get().where());
            } else {
                // The findings themselves are counted where they were found: this restates them, untracked.
                String untracked = first.severity().label() + ": tracked by no issue under " + AuditTracking.AUDITS
                        + " (expected a line naming " + id + " or " + first.storyId() + " with #N or …/issues/N); tfaudit drafted one: "
                        + AuditTracking.draftOf(first);
                for (AuditFailure failure : failures) {
                    failure.findings().forEach(x -> f.restate(id, x, untracked));
                }
            }
        });
        run.evidence(kind + " findings of this run", byCriterion.isEmpty() ? "none: nothing to track"
                : byCriterion.size() + " failing criteria; tracked: " + (trackedBy.isEmpty() ? "none" : String.join("\n", trackedBy)));
        f.verify();
    }

    /**
     * Statically: the issue templates (if any) apply these labels. Then, with {@code exec}
     * consent, {@code gh} and a token: every referenced issue carries its class's label.
     */
    @Test
    @DisplayName("Label issues appropriately (bug, enhancement, documentation)")
    @Criterion(value = 5, severity = Severity.TRIVIAL)
    void labelled(CriterionRun run) {
        Findings f = run.findings();
        Map<Integer, Severity> expected = expectedLabels(run);
        List<String> templateLabels = templateLabels(run);
        if (!templateLabels.isEmpty()) {
            for (String label : List.of("bug", "enhancement", "documentation")) {
                if (!templateLabels.contains(label)) {
                    f.add(".github/ISSUE_TEMPLATE/", "expected an issue template applying the label `" + label + "`, found labels "
                            + templateLabels);
                }
            }
        }
        f.verify();
        if (expected.isEmpty()) {
            // Issue templates that apply the labels were checked above; with no issue there is no label to judge.
            run.notApplicable("no issue of this run's findings is referenced under " + AuditTracking.AUDITS
                    + ": there is no issue to label (US-032.1…4 say what is untracked)");
        }
        String command = "cd " + run.audit().providerDir() + " && gh issue view N --json labels  (for #" + expected.keySet() + ")";
        if (!run.audit().config().exec()) {
            run.skip("the labels are on GitHub; reading them runs `gh` and needs consent (-Dexec=true)", command);
        }
        if (ExternalCommand.onPath("gh").isEmpty() || !ExternalCommand.environmentHas("GH_TOKEN") && !ExternalCommand.environmentHas("GITHUB_TOKEN")) {
            run.skip("the labels are on GitHub; reading them needs the `gh` command and GH_TOKEN or GITHUB_TOKEN", command);
        }
        expected.forEach((issue, severity) -> {
            List<String> labels = labelsOf(run, issue, f);
            if (labels != null && labels.stream().noneMatch(LABELS.get(severity)::contains)) {
                f.add("#" + issue, "tracks " + severity.label() + " findings: expected a label among " + LABELS.get(severity)
                        + ", found " + labels);
            }
        });
        f.verify();
    }

    /** Each referenced issue and the worst severity among the failures it tracks. */
    private static Map<Integer, Severity> expectedLabels(CriterionRun run) {
        List<AuditTracking.Reference> refs = AuditTracking.references(run);
        Map<Integer, Severity> out = new TreeMap<>();
        for (AuditFailure a : AuditTracking.failures(run)) {
            AuditTracking.trackedBy(a, refs).ifPresent(r -> r.issues().forEach(i -> out.merge(i, a.severity(),
                    (x, y) -> x.compareTo(y) <= 0 ? x : y)));
        }
        return out;
    }

    private static final Pattern TEMPLATE_LABELS = Pattern.compile("(?m)^labels:\\s*(.+)$");

    /** Labels the issue templates under .github/ISSUE_TEMPLATE/ apply. */
    private static List<String> templateLabels(CriterionRun run) {
        List<String> out = new ArrayList<>();
        java.nio.file.Path dir = run.audit().providerDir().resolve(".github/ISSUE_TEMPLATE");
        if (!java.nio.file.Files.isDirectory(dir)) {
            return out;
        }
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path p : files.sorted().toList()) {
                Matcher m = TEMPLATE_LABELS.matcher(java.nio.file.Files.readString(p));
                while (m.find()) {
                    for (String l : m.group(1).replaceAll("[\\[\\]\"']", "").split(",")) {
                        if (!l.isBlank()) {
                            out.add(l.strip().toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            out.add("(unreadable: " + e.getMessage() + ")");
        }
        return out;
    }

    private static final java.util.regex.Pattern UNREACHABLE = java.util.regex.Pattern.compile(
            "error connecting to|" + ExternalCommand.NETWORK_FAILURE + "|network is unreachable");

    private static List<String> labelsOf(CriterionRun run, int issue, Findings f) {
        try {
            ExternalCommand.Result r = ExternalCommand.run(run.audit().providerDir(),
                    List.of("gh", "issue", "view", String.valueOf(issue), "--json", "labels", "--jq", ".labels[].name"),
                    Duration.ofMinutes(1));
            if (!r.succeeded() && UNREACHABLE.matcher(r.output()).find()) {
                // No answer from GitHub says nothing about the issue.
                run.skip("`gh issue view " + issue + "` could not reach GitHub: " + r.output().strip(),
                        "gh issue view " + issue + " --json labels  (with network access to GitHub)");
            }
            if (!r.succeeded()) {
                f.add("#" + issue, "expected the issue on GitHub, `gh issue view " + issue + "` said: " + r.output().strip());
                return null;
            }
            return r.output().lines().map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
        } catch (IOException e) {
            f.add("#" + issue, "`gh issue view` could not start: " + e.getMessage());
            return null;
        }
    }


    /** The comprehensive report references the issues that track this run's findings. */
    @Test
    @DisplayName("Link issues to audit report")
    @Criterion(value = 6, severity = Severity.MINOR)
    void linkedToTheReport(CriterionRun run) {
        Findings f = run.findings();
        List<AuditFailure> failures = AuditTracking.failures(run);
        java.util.Optional<DocPage> report = run.provider().files().doc(AuditTracking.REPORT);
        if (failures.isEmpty()) {
            run.evidence("issues", "this run found nothing to track");
            return;
        }
        if (report.isEmpty()) {
            f.add(AuditTracking.REPORT, "expected the audit report linking the issues of this run's " + failures.size()
                    + " failing results, found no such file (tfaudit writes one: tfaudit-results/comprehensive-audit-report.md)");
        } else if (AuditTracking.references(run).stream().noneMatch(r -> r.where().startsWith(AuditTracking.REPORT + ":"))) {
            f.add(AuditTracking.REPORT, "expected links to the issues tracking this run's " + failures.size()
                    + " failing results (#N or …/issues/N), found none");
        }
        f.verify();
    }
}
