package io.tfaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfaudit.criteria.SampleFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's generator misspells an abbreviation in two of the files it wrote (the model
 * field {@code Id} for {@code tfsdk:"id"}): a defect of the generator, fixed once there. It is
 * one finding with both places, in summary.json and SARIF, not one per generated file.
 */
class GeneratedCodeOneFindingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] GENERATED = {"internal/generated/source_postgresql.go", "internal/generated/source_mysql.go"};

    @TempDir
    static Path dir;

    private static JsonNode summary;
    private static JsonNode sarif;
    private static String console;

    @BeforeAll
    static void auditTheSampleWithAMisspelledFieldInTwoGeneratedFiles() throws Exception {
        SampleFixture sample = SampleFixture.copyTo(dir.resolve("provider"));
        for (String file : GENERATED) {
            sample.replace(file, "\tID ", "\tId ");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(new String[] {"audit", "--provider", sample.root().toString(), "--results", dir.resolve("run/allure-results").toString(),
                        "--inventory", sample.root().resolve("inventory.txt").toString(), "--backend", sample.backend().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        console = out.toString(StandardCharsets.UTF_8);
        summary = JSON.readTree(dir.resolve("run/tfaudit-results/summary.json").toFile());
        sarif = JSON.readTree(dir.resolve("run/tfaudit-results/tfaudit.sarif").toFile());
    }

    private static List<JsonNode> titled(JsonNode findings, String field, String text) {
        List<JsonNode> out = new ArrayList<>();
        findings.forEach(f -> {
            if (f.at(field).asText().contains(text)) {
                out.add(f);
            }
        });
        return out;
    }

    @Test
    void theSameDefectInTwoGeneratedFilesIsOneFindingWithBothPlaces() {
        List<JsonNode> misspelled = titled(summary.path("findings"), "/title", "model field Id (tfsdk:\"id\"): expected ID");
        assertThat(misspelled).as(console).hasSize(1);
        JsonNode f = misspelled.get(0);
        List<String> places = new ArrayList<>();
        f.path("places").forEach(p -> places.add(p.asText().replaceFirst(":\\d+$", "")));
        assertThat(places).containsExactlyInAnyOrder(GENERATED);
        assertThat(f.path("criteria").toString()).contains("US-011.3");
        assertThat(console).contains("model field Id (tfsdk:\"id\"): expected ID (US-011.3; in 2 places)");
    }

    @Test
    void sarifHasOneResultForItWithTheOtherFileAsARelatedLocation() throws java.io.IOException {
        List<JsonNode> results = titled(sarif.at("/runs/0/results"), "/message/text", "model field Id (tfsdk:\"id\")");
        assertThat(results).hasSize(1);
        JsonNode r = results.get(0);
        String first = r.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
        String related = r.at("/relatedLocations/0/physicalLocation/artifactLocation/uri").asText();
        assertThat(List.of(first, related)).containsExactlyInAnyOrder(GENERATED);
        assertThat(io.tfaudit.report.SarifSchemaTest.violations(dir.resolve("run/tfaudit-results/tfaudit.sarif")))
                .as("SARIF 2.1.0 with related locations").isEmpty();
    }

    @Test
    void aDefectOfHandWrittenCodeKeepsItsPlaceInItsIdentity() {
        io.tfaudit.audit.Findings.Finding inOneFile = new io.tfaudit.audit.Findings.Finding("internal/a.go:3", "x: expected y");
        io.tfaudit.audit.Findings.Finding inAnother = new io.tfaudit.audit.Findings.Finding("internal/b.go:3", "x: expected y");
        assertThat(inOneFile.key()).isNotEqualTo(inAnother.key());
        assertThat(new io.tfaudit.audit.Findings.Finding("internal/a.go:3", "x: expected y", null, true).key())
                .isEqualTo(new io.tfaudit.audit.Findings.Finding("internal/b.go:9", "x: expected y", null, true).key());
        assertThat(new io.tfaudit.audit.Findings.Finding("internal/a.go:3", "acme_source_a.port: computed changed", null, true).key())
                .as("the same attribute's change in two generated resources")
                .isEqualTo(new io.tfaudit.audit.Findings.Finding("internal/b.go:9", "acme_source_b.port: computed changed", null, true).key())
                .isNotEqualTo(new io.tfaudit.audit.Findings.Finding("internal/b.go:9", "acme_source_b.host: computed changed", null, true).key());
    }
}
