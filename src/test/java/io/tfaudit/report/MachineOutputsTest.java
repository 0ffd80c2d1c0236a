package io.tfaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF, issue drafts and the markdown report, derived from the results folder: one entry per distinct finding. */
class MachineOutputsTest {

    @TempDir
    Path dir;

    private static final String LABELS = """
            [{"name": "severity", "value": "%s"}, {"name": "criterion", "value": "%s"}, {"name": "resource", "value": "%s"},
             {"name": "epic", "value": "%s"}, {"name": "feature", "value": "%s"}, {"name": "story", "value": "%s"}]""";

    private void failed(Path results, String name, String severity, String criterion, String resource, String epic, String feature,
                        String story, String findings) throws Exception {
        Files.writeString(results.resolve(name + "-attachment.json"), findings);
        Files.writeString(results.resolve(name + "-result.json"), """
                {"name": "%s", "status": "failed", "statusDetails": {"message": "[%s] headline of %s", "trace": "[%s] detail"},
                 "labels": %s, "attachments": [{"name": "findings.json", "source": "%s-attachment.json", "type": "application/json"}]}
                """.formatted(name, severity, name, severity, LABELS.formatted(severity, criterion, resource, epic, feature, story), name));
    }

    private static String finding(String key, String criterion, String where, String resource, String what, boolean restated) {
        return """
                {"key": "%s", "kind": "BREAKING_CHANGE", "criterion": "%s", "where": "%s", "resource": "%s", "title": "%s",
                 "what": "%s", "restated": %s}""".formatted(key, criterion, where, resource, what, what, restated);
    }

    @Test
    void everyDistinctFindingBecomesOneSarifResultOneBulletAndOneRecommendation() throws Exception {
        Path results = Files.createDirectories(dir.resolve("allure-results"));
        String phase3 = "Phase 03: Backward Compatibility Verification";
        String us009 = "US-009: Run Schema Compatibility Tests";
        // One defect met for two resources, and a second one in a file whose name holds a space.
        failed(results, "a", "critical", "US-009.2", "acme_a", phase3, us009, "US-009.02 All 16 existing schema snapshots pass",
                "[" + finding("k1", "US-009.2", "internal/generated/a.go:87", "acme_a", "b: attribute removed or renamed", false) + ","
                        + finding("k2", "US-009.2", "docs/my page.md", "acme_a", "stale", false) + "]");
        failed(results, "b", "critical", "US-009.2", "acme_b", phase3, us009, "US-009.02 All 16 existing schema snapshots pass",
                "[" + finding("k1", "US-009.2", "internal/generated/a.go:87", "acme_b", "b: attribute removed or renamed", false) + "]");
        // A requirement that restates it adds nothing.
        failed(results, "c", "blocker", "FR-9", "acme_a", "Requirements: functional (FR-01 … FR-38)", "FR-07-09: Backward Compatibility",
                "FR-09 Schema compatibility tests must pass", "[" + finding("k1", "US-009.2", "internal/generated/a.go:87", "acme_a",
                        "b: attribute removed or renamed", true) + "]");
        Files.writeString(results.resolve("d-result.json"), """
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
        JsonNode location = first.path("locations").get(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asText()).isEqualTo("internal/generated/a.go");
        assertThat(location.path("region").path("startLine").asInt()).isEqualTo(87);
        assertThat(first.path("message").path("text").asText()).isEqualTo("b: attribute removed or renamed (2 resources)");
        assertThat(first.path("properties").path("resources").toString()).isEqualTo("[\"acme_a\",\"acme_b\"]");
        assertThat(first.path("properties").path("restatedBy").toString()).isEqualTo("[\"FR-9\"]");
        assertThat(run.path("results").get(1).path("locations").get(0).path("physicalLocation").path("artifactLocation")
                .path("uri").asText()).isEqualTo("docs/my%20page.md");

        assertThat(out.resolve("issues")).isDirectoryContaining(p -> p.getFileName().toString().equals("us-009.md"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("fr-"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().equals("us-029.md"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().equals("us-044.md"));
        String draft = Files.readString(out.resolve("issues/us-009.md"));
        assertThat(draft).contains("Labels: `bug`", "2 findings", "`internal/generated/a.go:87`: b: attribute removed or renamed",
                "2 resources: acme_a, acme_b", "allure-report/index.html");
        assertThat(draft.lines().filter(l -> l.startsWith("- "))).hasSize(2);
        String report = Files.readString(out.resolve("comprehensive-audit-report.md"));
        assertThat(report).contains("## Executive Summary", "2 distinct findings", "## Compatibility Assessment", "## Recommendations",
                "- **critical** Breaking change: b: attribute removed or renamed at `internal/generated/a.go:87`");
        assertThat(report.lines().filter(l -> l.startsWith("- **"))).hasSize(2);
    }
}
