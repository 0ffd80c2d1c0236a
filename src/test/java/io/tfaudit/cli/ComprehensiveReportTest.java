package io.tfaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.SampleFixture;
import io.tfaudit.criteria.phase10.US031CreateComprehensiveAuditReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comprehensive audit report tfaudit writes (US-031's deliverable) is one the PRD accepts:
 * committed as {@code docs/audits/comprehensive-audit-report.md}, every US-031 criterion passes.
 */
class ComprehensiveReportTest {

    @TempDir
    Path dir;

    @Test
    void theReportOfARunSatisfiesUs031OnceCommitted() throws Exception {
        SampleFixture audited = SampleFixture.copyTo(dir.resolve("audited"));
        Path results = dir.resolve("out/allure-results");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"audit", "--provider", audited.root().toString(), "--inventory",
                audited.root().resolve("inventory.txt").toString(), "--results", results.toString(), "--fail-on", "none"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        String report = Files.readString(dir.resolve("out/tfaudit-results/comprehensive-audit-report.md"));
        assertThat(report).contains("### Entity Coverage Matrix", "| streamkap_source_mysql | passed | passed | passed | passed | passed |",
                "## Functional Requirements", "## Success Metrics", "### Results per phase");

        SampleFixture committed = SampleFixture.copyTo(dir.resolve("committed"))
                .write("docs/audits/comprehensive-audit-report.md", report);
        for (String method : new String[] {"reportExists", "summaryArchitectureImplementation", "compatibilityAndCoverageMatrix",
                "generatorAndBackend", "aiAgentAndTestCoverage", "documentationAndRecommendations", "appendicesWithTestOutput"}) {
            CriterionTestKit.run(US031CreateComprehensiveAuditReport.class, method, committed.root()).assertAllSucceeded();
        }
    }
}
