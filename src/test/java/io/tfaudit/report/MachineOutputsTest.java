package io.tfaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF, issue drafts and the markdown report, derived from the results folder. */
class MachineOutputsTest {

    @TempDir
    Path dir;

    @Test
    void everyFindingBecomesASarifResultAtItsPlaceAndEveryFailingStoryAnIssueDraft() throws Exception {
        Path results = Files.createDirectories(dir.resolve("allure-results"));
        Files.writeString(results.resolve("a-result.json"), """
                {"name": "x", "status": "failed",
                 "statusDetails": {"message": "[critical] 'All 16 existing schema snapshots pass' was violated (2 times):\\n  internal/generated/a.go:87: a.b: attribute removed or renamed\\n  docs/x.md: stale"},
                 "labels": [{"name": "severity", "value": "critical"}, {"name": "criterion", "value": "US-009.2"},
                            {"name": "resource", "value": "acme_a"}, {"name": "epic", "value": "Phase 3: Backward Compatibility Verification"},
                            {"name": "feature", "value": "US-009: Run Schema Compatibility Tests"},
                            {"name": "story", "value": "All 16 existing schema snapshots pass"}]}
                """);
        Files.writeString(results.resolve("b-result.json"), """
                {"name": "y", "status": "passed", "labels": [{"name": "severity", "value": "minor"}, {"name": "criterion", "value": "US-029.1"},
                 {"name": "feature", "value": "US-029: Verify Core Documentation"}]}
                """);
        Path out = dir.resolve("tfaudit-results");
        Files.createDirectories(out.resolve("issues"));
        Files.writeString(out.resolve("issues/us-044.md"), "# a draft of an earlier run\n");
        MachineOutputs.writeAll(AuditResults.read(results), out, "allure-report/index.html");

        JsonNode sarif = new ObjectMapper().readTree(out.resolve("tfaudit.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("rules").get(0).path("id").asText()).isEqualTo("US-009.2");
        assertThat(run.path("results")).hasSize(2);
        JsonNode first = run.path("results").get(0);
        assertThat(first.path("level").asText()).isEqualTo("error");
        assertThat(first.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("internal/generated/a.go");
        assertThat(first.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(87);
        assertThat(first.path("message").path("text").asText()).isEqualTo("acme_a: a.b: attribute removed or renamed");

        assertThat(out.resolve("issues")).isDirectoryContaining(p -> p.getFileName().toString().equals("us-009.md"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().equals("us-029.md"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().equals("us-044.md"));
        assertThat(Files.readString(out.resolve("issues/us-009.md"))).contains("Labels: `bug`", "`internal/generated/a.go:87`",
                "allure-report/index.html");
        assertThat(Files.readString(out.resolve("comprehensive-audit-report.md"))).contains("## Executive Summary",
                "## Compatibility Assessment", "US-009.2 acme_a", "## Recommendations", "Fix US-009.2 for acme_a");
    }
}
