package io.tfaudit.criteria.phase11;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.SampleFixture;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * Phase 11 on the sample provider: with nothing failing there is nothing to track or fix;
 * a break makes findings that must be tracked by an issue the audit report links, and a
 * blocker that must be fixed.
 */
class Phase11CriteriaTest {

    static final String REPORT = "docs/audits/comprehensive-audit-report.md";
    /** A minor finding: US-045.2 (the webhook has no page). */
    static final UnaryOperator<SampleFixture> NO_WEBHOOK_PAGE = f -> f.delete("docs/resources/source_webhook.md");
    /** A blocker: US-006.5 (the connectors' base has no Delete), among others of US-002 and US-006. */
    static final UnaryOperator<SampleFixture> NO_DELETE = f -> f.replace("internal/resource/connector/base.go",
            "func (r *BaseConnectorResource) Delete(", "func (r *BaseConnectorResource) Remove(");

    @TempDir
    Path dir;

    private int runs;

    CriterionTestKit.Outcome run(Class<?> story, String method, UnaryOperator<SampleFixture> edit) {
        SampleFixture f = edit.apply(SampleFixture.copyTo(dir.resolve("run" + ++runs)));
        return CriterionTestKit.run(story, method, f.root());
    }

    static void assertFails(CriterionTestKit.Outcome o, String... evidence) {
        var r = o.single();
        assertThat(r.getStatus()).as(o.message(r)).isEqualTo(Status.FAILED);
        assertThat(o.message(r)).contains(evidence);
    }

    static UnaryOperator<SampleFixture> tracking(String line) {
        return f -> f.replace(REPORT, "## Recommendations\n", "## Recommendations\n\n" + line + "\n");
    }

    @Nested
    class US032 {

        final Class<?> story = US032CreateGithubIssuesForFindings.class;

        @Test
        void withNothingFailingThereIsNothingToTrack() {
            for (String m : new String[] {"criticalBugs", "missingTestCoverage", "documentationGaps", "enhancementOpportunities",
                    "linkedToTheReport"}) {
                run(story, m, f -> f).assertAllSucceeded();
            }
        }

        @Test
        void withNoIssueReferencedThereIsNoLabelToJudge() {
            var o = run(story, "labelled", NO_WEBHOOK_PAGE);
            assertThat(o.single().getStatus()).as(o.message(o.single())).isEqualTo(Status.ABORTED);
            assertThat(o.message(o.single())).startsWith("skipped: not applicable: no issue of this run's findings is referenced");
        }

        @Test
        void aDocumentationGapMustBeTrackedByAnIssueTheReportLinks() {
            assertFails(run(story, "documentationGaps", NO_WEBHOOK_PAGE),
                    "docs/resources/source_webhook.md: [US-045.2", "minor: tracked by no issue under docs/audits/",
                    "tfaudit drafted one: tfaudit-results/issues/us-045.md");
            // The missing page also leaves the README's and the MCP criteria's links dangling.
            run(story, "documentationGaps", f -> tracking("- US-045, US-028 and US-029: the webhook page is missing (#12)")
                    .apply(NO_WEBHOOK_PAGE.apply(f))).assertAllSucceeded();
            // naming another criterion of the story does not track this one
            assertFails(run(story, "documentationGaps", f -> tracking("- US-045.4: transform pages (#13)").apply(NO_WEBHOOK_PAGE.apply(f))),
                    "US-045.2");
        }

        @Test
        void aCriticalBugMustBeTracked() {
            // a missing Delete is a CRUD failure (US-002.3, blocker); a Read without a timeout context (US-006.5) is not
            assertFails(run(story, "criticalBugs", NO_DELETE), "[US-002.3, blocker: tracked by no issue under docs/audits/");
            var tracked = run(story, "criticalBugs", f -> tracking("- US-002, US-006 and US-033: Delete is gone from the base "
                    + "(https://github.com/example/terraform-provider-streamkap/issues/7)").apply(NO_DELETE.apply(f)));
            tracked.assertAllSucceeded();
        }

        @Test
        void missingTestsAndEnhancementsMustBeTracked() {
            assertFails(run(story, "missingTestCoverage", f -> f.delete("internal/provider/testdata/cassettes/other/tag.yaml")),
                    "US-036.3", ", normal: tracked by no issue");
            assertFails(run(story, "enhancementOpportunities", f -> f.replaceAll("README.md", "(?m)^\\[!\\[.*\\n", "")),
                    "[US-051.6, trivial: tracked by no issue");
        }

        @Test
        void theReportMustLinkTheIssues() {
            assertFails(run(story, "linkedToTheReport", NO_WEBHOOK_PAGE),
                    REPORT + ": expected links to the issues tracking this run's ", " failing results (#N or …/issues/N), found none");
            assertFails(run(story, "linkedToTheReport", f -> NO_WEBHOOK_PAGE.apply(f).delete(REPORT)),
                    REPORT + ": expected the audit report linking the issues");
            run(story, "linkedToTheReport", f -> tracking("- US-045: #12").apply(NO_WEBHOOK_PAGE.apply(f))).assertAllSucceeded();
        }

        @Test
        void issueTemplatesApplyTheThreeLabelsAndTheIssuesLabelsAreReadFromGithub() {
            assertFails(run(story, "labelled", f -> f.write(".github/ISSUE_TEMPLATE/bug.yml", "name: Bug\nlabels: [\"bug\"]\n")),
                    ".github/ISSUE_TEMPLATE/: expected an issue template applying the label `enhancement`, found labels [bug]");
            var o = run(story, "labelled", f -> tracking("- US-045: #12").apply(NO_WEBHOOK_PAGE.apply(f)));
            var r = o.single();
            assertThat(r.getStatus()).isEqualTo(Status.ABORTED);
            assertThat(o.message(r)).startsWith("skipped: the labels are on GitHub").contains("gh issue view N --json labels  (for #[12])");
        }
    }

    /** With `gh` and a token, but no way to GitHub: a stand-in `gh` answers as gh does offline. */
    @Nested
    @org.junit.jupiter.api.condition.DisabledOnOs(org.junit.jupiter.api.condition.OS.WINDOWS)
    class GithubOutOfReach {

        @Test
        void theLabelsAreSkippedAsUnknownNotFailedAsMissing() throws Exception {
            SampleFixture f = tracking("- US-045: #12").apply(NO_WEBHOOK_PAGE.apply(SampleFixture.copyTo(dir.resolve("provider"))));
            Path stubs = java.nio.file.Files.createDirectories(dir.resolve("stubs"));
            Path gh = java.nio.file.Files.writeString(stubs.resolve("gh"),
                    "#!/bin/sh\necho 'error connecting to api.github.com' >&2\nexit 1\n");
            gh.toFile().setExecutable(true);
            java.util.List<String> argv = java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.tfaudit.cli.Main", "audit", "--provider", f.root().toString(),
                    "--inventory", f.root().resolve("inventory.txt").toString(), "--select", US032CreateGithubIssuesForFindings.class.getName(),
                    "--results", dir.resolve("out/allure-results").toString(), "--fail-on", "none", "--exec");

            var r = io.tfaudit.audit.ExternalCommand.run(dir, argv, java.time.Duration.ofMinutes(2),
                    java.util.Map.of("PATH", stubs + java.io.File.pathSeparator + System.getenv("PATH"), "GH_TOKEN", "not-a-real-token"));

            assertThat(r.succeeded()).as(r.output()).isTrue();
            var labelled = io.tfaudit.audit.ResultFiles.read(dir.resolve("out/allure-results")).single("US-032.5");
            assertThat(labelled.status()).as(labelled.message()).isEqualTo("skipped");
            assertThat(labelled.message()).contains("`gh issue view 12` could not reach GitHub: error connecting to api.github.com");
        }
    }

    @Nested
    class US033 {

        final Class<?> story = US033FixCriticalIssuesDuringAudit.class;

        @Test
        void theSampleHasNoCriticalIssueAndItsFixesNameTheirTests() {
            for (String m : new String[] {"criticalIssuesFixed", "fixesVerifiedWithTests", "fixesInTheReport"}) {
                run(story, m, f -> f).assertAllSucceeded();
            }
            var o = run(story, "typecheckAndTestsPass", f -> f);
            assertThat(o.single().getStatus()).isEqualTo(Status.ABORTED);
            assertThat(o.message(o.single())).contains("-Dexec=true");
        }

        @Test
        void aBlockerLeftIsACriticalIssueNotFixed() {
            assertFails(run(story, "criticalIssuesFixed", NO_DELETE),
                    "[US-002.3", ", blocker]", "Delete");
        }

        @Test
        void aFixMustNameAnExistingTest() {
            assertFails(run(story, "fixesVerifiedWithTests", f -> f.replace("CHANGELOG.md",
                    " Read included (`TestModelTimeouts_ReadsTheBlock`).", " Read included.")),
                    "CHANGELOG.md:29: the fix \"- Every CRUD operation runs under its `timeouts` value, R...\" names no Go test");
            assertFails(run(story, "fixesVerifiedWithTests", f -> f.replace("CHANGELOG.md",
                    "TestModelTimeouts_ReadsTheBlock", "TestModelTimeouts_Gone")),
                    "the fix names TestModelTimeouts_Gone, which is no test function of the module");
        }

        @Test
        void withNoFixRecordedThereIsNothingToVerifyOrDocument() {
            for (String m : new String[] {"fixesVerifiedWithTests", "fixesInTheReport"}) {
                var o = run(story, m, f -> f.replaceAll("CHANGELOG.md", "(?s)### Fixed\\n.*?(?=\\n## \\[3)", ""));
                assertThat(o.single().getStatus()).as(o.message(o.single())).isEqualTo(Status.ABORTED);
                assertThat(o.message(o.single())).startsWith("skipped: not applicable: the changelog records no fix");
            }
        }

        @Test
        void theReportMustDocumentEachFix() {
            assertFails(run(story, "fixesInTheReport", f -> f.replace(REPORT, ": `TestModelTimeouts_ReadsTheBlock`", ".")),
                    "is not in " + REPORT + " (expected it to name [TestModelTimeouts_ReadsTheBlock])");
        }

        @Test
        void codeThatDoesNotParseFailsTheTypecheck() {
            assertFails(run(story, "typecheckAndTestsPass", f -> f.write("internal/helper/broken.go", "package helper\n\nfunc {\n")),
                    "internal/helper/broken.go:3: Go syntax error");
        }
    }
}
