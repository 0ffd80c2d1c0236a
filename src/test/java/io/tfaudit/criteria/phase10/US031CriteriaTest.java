package io.tfaudit.criteria.phase10;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.SampleFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult.Status;

/** US-031 on the sample provider's audit report: sound, then broken one section at a time. */
class US031CriteriaTest {

    private static final Class<?> STORY = US031CreateComprehensiveAuditReport.class;
    private static final String REPORT = "docs/audits/comprehensive-audit-report.md";
    private static final List<String> METHODS = List.of("reportExists", "summaryArchitectureImplementation",
            "compatibilityAndCoverageMatrix", "generatorAndBackend", "aiAgentAndTestCoverage", "documentationAndRecommendations",
            "appendicesWithTestOutput");

    @TempDir
    Path dir;

    private int runs;

    private CriterionTestKit.Outcome run(String method, UnaryOperator<SampleFixture> edit) {
        SampleFixture f = edit.apply(SampleFixture.copyTo(dir.resolve("run" + ++runs)));
        return CriterionTestKit.run(STORY, method, f.root());
    }

    private void assertFails(String method, UnaryOperator<SampleFixture> edit, String evidence) {
        var o = run(method, edit);
        var r = o.single();
        assertThat(r.getStatus()).as(method).isEqualTo(Status.FAILED);
        assertThat(o.message(r)).as(method).contains(evidence);
    }

    @Test
    void theSampleReportHasEverySection() {
        for (String m : METHODS) {
            run(m, f -> f).assertAllSucceeded();
        }
    }

    @Test
    void withoutTheReportEveryCriterionFailsAndPointsAtTheOneTfauditWrites() {
        for (String m : METHODS) {
            assertFails(m, f -> f.delete(REPORT), REPORT + ": expected the comprehensive audit report (tfaudit writes one from each "
                    + "run's results: tfaudit-results/comprehensive-audit-report.md), found no such file");
        }
    }

    @Test
    void aPlaceholderIsNotAFinishedReport() {
        assertFails("reportExists", f -> f.replace(REPORT, "## Executive Summary\n", "## Executive Summary\n\nTBD\n"),
                REPORT + ":8: expected a finished report, found \"TBD\"");
    }

    @Test
    void eachSectionMustBeThereAndSaySomething() {
        assertFails("summaryArchitectureImplementation", f -> f.replace(REPORT, "## Executive Summary", "## Summary"),
                "expected a section \"Executive Summary\", found none among [Comprehensive Audit Report, Summary,");
        assertFails("generatorAndBackend", f -> f.replaceAll(REPORT, "(?s)## Backend Alignment\n.*?\n(## AI-Agent)", "## Backend Alignment\n\n$1"),
                "expected content under \"Backend Alignment\", found none");
        assertFails("aiAgentAndTestCoverage", f -> f.replace(REPORT, "## AI-Agent Assessment", "## Agents"),
                "expected a section \"AI-Agent Assessment\"");
        assertFails("documentationAndRecommendations", f -> f.replace(REPORT, "## Recommendations", "## Next"),
                "expected a section \"Recommendations\"");
        var spelledOtherwise = run("aiAgentAndTestCoverage", f -> f.replace(REPORT, "## AI-Agent Assessment", "## AI agent assessment"));
        spelledOtherwise.assertAllSucceeded();
    }

    @Test
    void theCoverageMatrixCoversEveryRegisteredResource() {
        assertFails("compatibilityAndCoverageMatrix", f -> f.replace(REPORT, "| streamkap_topic | yes | yes | yes | yes | yes |\n", ""),
                "expected the entity coverage matrix to cover every resource the provider registers, found 1 absent: [streamkap_topic]");
    }

    @Test
    void theAppendicesHoldTestOutput() {
        assertFails("appendicesWithTestOutput", f -> f.replaceAll(REPORT, "(?s)```\n\\$ go test.*```\n", "All tests passed.\n"),
                "expected detailed test output (a code block or a table) in \"Appendices\", found only prose");
    }
}
