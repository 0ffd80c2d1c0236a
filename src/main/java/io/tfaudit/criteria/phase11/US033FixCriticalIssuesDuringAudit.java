package io.tfaudit.criteria.phase11;

import io.tfaudit.audit.AuditFailure;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.audit.GoTestRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.documentation.Markdown;
import io.tfaudit.criteria.phase10b.US049UpdateChangelogForAuditFindings;
import io.tfaudit.provider.TestFunction;
import io.tfaudit.provider.files.DocPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * No blocker or critical finding is left in this run; each fix the changelog records under
 * [Unreleased] → Fixed names the Go test that verifies it, and the audit report names those
 * tests; the code builds and its tests pass.
 */
@UserStory(id = "US-033", title = "Fix Critical Issues During Audit", phase = Phase.PHASE_11)
public class US033FixCriticalIssuesDuringAudit {

    /** With no fix recorded there is nothing to verify or document: not a pass (US-033.1 may still fail). */
    private static final String NO_FIX = "the changelog records no fix under [Unreleased] → Fixed (CHANGELOG.md): "
            + "no fix to verify or document";

    private static final Pattern TEST_NAME = Pattern.compile("\\b(Test[A-Z_]\\w*)\\b");

    @Test
    @DisplayName("Critical issues (blocking functionality) fixed immediately")
    @Criterion(value = 1, severity = Severity.BLOCKER)
    void criticalIssuesFixed(CriterionRun run) {
        Findings f = run.findings();
        int results = 0;
        for (AuditFailure a : AuditTracking.failures(run)) {
            if (a.severity().atLeast(Severity.CRITICAL)) {
                results++;
                // Each is counted where it was found: this criterion restates them.
                for (var x : a.findings()) {
                    f.restate(a.criterionId(), x, a.severity().label());
                }
            }
        }
        run.evidence("blocker and critical results of this run", results + " failing");
        f.verify();
        // Accepted is not fixed: with the critical findings all baselined there is nothing to pass.
        long accepted = run.acceptedOfTheStories(Set.of(Phase.PHASE_11)).stream()
                .filter(a -> a.severity().atLeast(Severity.CRITICAL)).count();
        if (accepted > 0) {
            run.baselined(accepted + " blocker or critical result(s) of other stories are accepted in the baseline, not fixed");
        }
    }

    @Test
    @DisplayName("Fixes verified with tests before continuing audit")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void fixesVerifiedWithTests(CriterionRun run) {
        Findings f = run.findings();
        Set<String> tests = testNames(run);
        List<Fix> fixes = fixes(run);
        if (fixes.isEmpty()) {
            run.notApplicable(NO_FIX);
        }
        for (Fix fix : fixes) {
            if (fix.tests().isEmpty()) {
                f.add(fix.where(), "the fix \"" + abbreviate(fix.text()) + "\" names no Go test verifying it (expected a Test… name)");
            }
            for (String t : fix.tests()) {
                if (!tests.contains(t)) {
                    f.add(fix.where(), "the fix names " + t + ", which is no test function of the module");
                }
            }
        }
        run.evidence("fixes under [Unreleased] → Fixed", fixes.size() + " entries");
        f.verify();
    }

    @Test
    @DisplayName("Fixes documented in audit report")
    @Criterion(value = 3, severity = Severity.MINOR)
    void fixesInTheReport(CriterionRun run) {
        Findings f = run.findings();
        List<Fix> fixes = fixes(run);
        if (fixes.isEmpty()) {
            run.notApplicable(NO_FIX);
        }
        Optional<DocPage> report = run.provider().files().doc(AuditTracking.REPORT);
        if (report.isEmpty()) {
            f.add(AuditTracking.REPORT, "expected the audit report documenting the " + fixes.size() + " fix(es) of the changelog, "
                    + "found no such file");
            f.verify();
        }
        String text = report.get().text();
        for (Fix fix : fixes) {
            List<String> absent = fix.tests().stream().filter(t -> !text.contains(t)).toList();
            if (fix.tests().isEmpty() ? !text.contains(keyOf(fix.text())) : !absent.isEmpty()) {
                f.add(fix.where(), "the fix \"" + abbreviate(fix.text()) + "\" is not in " + AuditTracking.REPORT + " (expected it to "
                        + "name " + (fix.tests().isEmpty() ? "\"" + keyOf(fix.text()) + "\"" : absent) + ")");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Typecheck and all existing tests pass after fixes")
    @Criterion(value = 4, severity = Severity.BLOCKER)
    void typecheckAndTestsPass(CriterionRun run) {
        Typecheck.verify(run);
        GoTestRun.Result r = GoTestRun.runOrSkip(run, false, ".", "./...", Duration.ofMinutes(30));
        Findings f = run.findings();
        r.actions().forEach((test, action) -> {
            if (action.equals("fail")) {
                f.add(test, "expected pass, found fail");
            }
        });
        if (!r.command().succeeded() && f.isEmpty()) {
            f.add("go test ./...", "exited " + r.command().exitCode() + " without a failing test (the build failed?)");
        }
        f.verify();
    }

    /** One entry of [Unreleased] → Fixed and the test names it gives. */
    record Fix(String where, String text, List<String> tests) {}

    private static List<Fix> fixes(CriterionRun run) {
        Optional<DocPage> changelog = run.provider().files().doc("CHANGELOG.md");
        if (changelog.isEmpty()) {
            return List.of();
        }
        Markdown md = Markdown.of(changelog.get().text());
        Optional<Markdown.Section> unreleased = US049UpdateChangelogForAuditFindings.unreleasedIn(md);
        if (unreleased.isEmpty()) {
            return List.of();
        }
        List<Fix> out = new ArrayList<>();
        for (String item : US049UpdateChangelogForAuditFindings.items(unreleased.get(), "fixed")) {
            List<String> tests = new ArrayList<>();
            Matcher m = TEST_NAME.matcher(item);
            while (m.find()) {
                tests.add(m.group(1));
            }
            int line = md.lineOf(item.length() > 40 ? item.substring(0, 40) : item);
            out.add(new Fix("CHANGELOG.md" + (line > 0 ? ":" + line : ""), item, tests));
        }
        return out;
    }

    private static Set<String> testNames(CriterionRun run) {
        Set<String> out = new LinkedHashSet<>();
        for (TestFunction t : run.provider().tests()) {
            out.add(t.name());
        }
        return out;
    }

    /** The first code span of an entry (`snapshot_large_table_threshold`), else its first words. */
    private static String keyOf(String item) {
        Matcher m = Pattern.compile("`([^`]+)`").matcher(item);
        return m.find() ? m.group(1) : abbreviate(item);
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }
}
