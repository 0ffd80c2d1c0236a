package io.tfaudit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfaudit.api.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate decides from the results folder, by severity; summary.json counts what the report shows. */
class GateTest {

    @TempDir
    Path dir;

    private void result(String name, String status, String severity, String criterion) throws Exception {
        Files.writeString(dir.resolve(name + "-result.json"), """
                {"name": "%s", "status": "%s", "statusDetails": {"message": "evidence of %s"},
                 "labels": [{"name": "severity", "value": "%s"}, {"name": "criterion", "value": "%s"},
                            {"name": "epic", "value": "Phase 3"}, {"name": "feature", "value": "US-009: x"}]}
                """.formatted(name, status, name, severity, criterion));
    }

    @ParameterizedTest(name = "fail-on {0} with failures blocker+minor breaks: {1}")
    @CsvSource({"blocker, 1", "critical, 1", "normal, 1", "minor, 2", "trivial, 2", "none, 0"})
    void breaksOnFailuresAtOrAboveTheThreshold(String failOn, int breaking) throws Exception {
        result("a", "failed", "blocker", "US-004.2");
        result("b", "failed", "minor", "US-029.1");
        result("c", "passed", "critical", "US-009.2");
        result("d", "skipped", "critical", "US-007.1");
        var decision = Gate.parse(failOn).decide(AuditResults.read(dir));
        assertThat(decision.findings().size() + decision.broken().size()).isEqualTo(breaking);
    }

    @Test
    void aResultNotJudgedBreaksTheGateWhateverItsSeverityUnlessTheGateIsOff() throws Exception {
        result("a", "broken", "trivial", "US-051.6");
        result("b", "failed", "minor", "US-029.1");
        assertThat(Gate.parse("critical").decide(AuditResults.read(dir)).broken()).extracting(AuditResults.Result::name).containsExactly("a");
        assertThat(Gate.parse("critical").decide(AuditResults.read(dir)).findings()).isEmpty();
        assertThat(Gate.parse("none").decide(AuditResults.read(dir)).passed()).isTrue();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = GateMain.decide(dir, Gate.parse("critical"), dir.resolve("out/summary.json"),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 finding(s) at or above critical, 1 result(s) not judged (broken)",
                "[broken] US-051.6: a (evidence of a)");
    }

    @Test
    void defaultIsCriticalAndBadValuesAreClear() {
        assertThat(Gate.parse(null).threshold()).isEqualTo(Severity.CRITICAL);
        assertThatThrownBy(() -> Gate.parse("urgent")).hasMessageContaining("--fail-on takes blocker, critical");
    }

    @Test
    void summaryCountsAndListsFindingsAndTheGateExitsOne() throws Exception {
        result("a", "failed", "critical", "US-009.2");
        result("b", "passed", "normal", "US-020.1");
        Path summary = dir.resolve("out/summary.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = GateMain.decide(dir, Gate.parse("critical"), summary, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 finding(s) at or above critical", "[critical] evidence of a (US-009.2)");
        JsonNode s = new ObjectMapper().readTree(summary.toFile());
        assertThat(s.path("totals").path("failed").asInt()).isEqualTo(1);
        assertThat(s.path("totals").path("passed").asInt()).isEqualTo(1);
        assertThat(s.path("bySeverity").path("critical").path("failed").asInt()).isEqualTo(1);
        assertThat(s.path("failedResults").get(0).path("message").asText()).isEqualTo("evidence of a");
        assertThat(s.path("findings")).hasSize(1);
        assertThat(s.path("findings").get(0).path("criteria").get(0).asText()).isEqualTo("US-009.2");
        assertThat(s.path("gate").path("passed").asBoolean()).isFalse();
        assertThat(GateMain.decide(dir, Gate.parse("none"), summary, new PrintStream(out))).isZero();
    }
}
