package io.tfaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfaudit.api.Phase;
import io.tfaudit.criteria.SampleFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One audit of the sample provider whose shared connector base reads without a timeout
 * context: one line of code that every connector runs, met by a story's criterion for each
 * connector and restated by requirements and Phase 11. It is one finding everywhere: in
 * summary.json, SARIF, the gate, the console; the report's categories partition the failed
 * results and its names sort in the PRD's order.
 */
class OneDefectOneFindingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READ_WITHOUT_TIMEOUT = "BaseConnectorResource.Read runs without a timeout context";

    @TempDir
    static Path dir;

    private static Path results;
    private static JsonNode summary;
    private static String console;
    private static int exit;

    @BeforeAll
    static void auditTheBrokenSample() throws Exception {
        SampleFixture sample = SampleFixture.copyTo(dir.resolve("provider")).replace("internal/resource/connector/base.go",
                "\tctx, cancel, diags := helper.OperationContext(ctx, ModelTimeouts(model), \"read\")\n\tdefer cancel()\n"
                        + "\tresp.Diagnostics.Append(diags...)\n", "");
        results = dir.resolve("run/allure-results");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        exit = Main.run(new String[] {"audit", "--provider", sample.root().toString(), "--results", results.toString(),
                        "--inventory", sample.root().resolve("inventory.txt").toString(), "--backend", sample.backend().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        console = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        summary = JSON.readTree(dir.resolve("run/tfaudit-results/summary.json").toFile());
    }

    private List<JsonNode> findingsTitled(String title) {
        List<JsonNode> out = new ArrayList<>();
        summary.path("findings").forEach(f -> {
            if (f.path("title").asText().contains(title)) {
                out.add(f);
            }
        });
        return out;
    }

    @Test
    void theSameDefectUnderSeveralResourcesAndCriteriaIsOneFinding() {
        List<JsonNode> read = findingsTitled(READ_WITHOUT_TIMEOUT);
        assertThat(read).as(console).hasSize(1);
        JsonNode f = read.get(0);
        assertThat(f.path("where").asText()).startsWith("internal/resource/connector/base.go:");
        assertThat(f.path("resources").size()).as("every connector of the sample runs the base's Read").isGreaterThanOrEqualTo(4);
        assertThat(f.path("criteria").toString()).contains("US-006.5");
        // Requirements restate it; they are listed, not counted.
        assertThat(f.path("restatedBy").size()).isPositive();
        long failedResultsNamingIt = 0;
        for (JsonNode r : summary.path("failedResults")) {
            for (JsonNode k : r.path("findings")) {
                if (k.asText().equals(f.path("key").asText())) {
                    failedResultsNamingIt++;
                }
            }
        }
        assertThat(failedResultsNamingIt).isGreaterThan(f.path("resources").size());
    }

    @Test
    void restatementsAddNoFindingAndEveryOutputCountsFindings() throws Exception {
        Set<String> own = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (JsonNode f : summary.path("findings")) {
            all.add(f.path("key").asText());
        }
        for (JsonNode r : summary.path("failedResults")) {
            r.path("findings").forEach(k -> assertThat(all).as("a failed result names a finding the summary lists").contains(k.asText()));
            if (!r.path("restatesOnly").asBoolean()) {
                r.path("findings").forEach(k -> own.add(k.asText()));
            }
        }
        assertThat(summary.path("totals").path("restatingResults").asInt()).isPositive();
        // A restatement is never reported more severe than what it restates (a stricter story's severity stays there).
        java.util.Map<String, Integer> rank = new java.util.HashMap<>();
        List<String> order = List.of("blocker", "critical", "normal", "minor", "trivial");
        summary.path("findings").forEach(f -> rank.put(f.path("key").asText(), order.indexOf(f.path("severity").asText())));
        for (JsonNode r : summary.path("failedResults")) {
            if (r.path("restatesOnly").asBoolean()) {
                int mostSevere = Integer.MAX_VALUE;
                for (JsonNode k : r.path("findings")) {
                    mostSevere = Math.min(mostSevere, rank.get(k.asText()));
                }
                assertThat(order.indexOf(r.path("severity").asText())).as(r.toString()).isGreaterThanOrEqualTo(mostSevere);
            }
        }
        assertThat(summary.path("totals").path("findings").asInt()).isEqualTo(all.size()).isEqualTo(summary.path("findings").size());

        JsonNode sarif = JSON.readTree(dir.resolve("run/tfaudit-results/tfaudit.sarif").toFile()).path("runs").get(0).path("results");
        assertThat(sarif.size()).isEqualTo(all.size());
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode r : sarif) {
            fingerprints.add(r.path("partialFingerprints").path("tfauditFinding/v1").asText());
        }
        assertThat(fingerprints).isEqualTo(all);

        long atOrAboveCritical = 0;
        for (JsonNode f : summary.path("findings")) {
            String s = f.path("severity").asText();
            if (s.equals("blocker") || s.equals("critical")) {
                atOrAboveCritical++;
            }
        }
        assertThat(summary.path("gate").path("findings").asLong()).isEqualTo(atOrAboveCritical);
        assertThat(exit).isEqualTo(atOrAboveCritical > 0 ? 1 : 0);
    }

    @Test
    void theConsoleSaysWhatToFixFirstInFewLines() {
        assertThat(console.lines().count()).as(console).isLessThan(100);
        assertThat(console).contains("findings: " + summary.path("totals").path("findings").asInt() + " distinct")
                .containsPattern("internal/resource/connector/base.go:\\d+: " + Pattern.quote(READ_WITHOUT_TIMEOUT) + ".*resources\\)")
                .contains("tfaudit-results/summary.json", "allure-report/single-file/index.html")
                .doesNotContain("FAILED ");
    }

    @Test
    void everyFailedResultFallsInExactlyOneCategoryWithoutAJavaStack() throws Exception {
        JsonNode categories = JSON.readTree(results.resolve("categories.json").toFile());
        int failed = 0;
        try (var files = Files.newDirectoryStream(results, "*-result.json")) {
            for (Path p : files) {
                JsonNode r = JSON.readTree(p.toFile());
                String status = r.path("status").asText();
                String message = r.path("statusDetails").path("message").asText("");
                List<String> in = new ArrayList<>();
                for (JsonNode c : categories) {
                    boolean statusMatches = false;
                    for (JsonNode s : c.path("matchedStatuses")) {
                        statusMatches |= s.asText().equals(status);
                    }
                    if (statusMatches && Pattern.compile(c.path("messageRegex").asText()).matcher(message).matches()) {
                        in.add(c.path("name").asText());
                    }
                }
                if (!status.equals("passed")) {
                    assertThat(in).as(status + ": " + message).hasSize(1);
                }
                if (status.equals("failed")) {
                    failed++;
                    assertThat(r.path("statusDetails").path("trace").asText()).doesNotContain("\tat io.tfaudit.", "\tat org.junit.");
                    assertThat(message).doesNotContain("\n");
                }
            }
        }
        assertThat(failed).isEqualTo(summary.path("totals").path("failed").asInt());
    }

    @Test
    void behaviorsSortAsTextInThePrdsOrder() throws Exception {
        List<String[]> names = new ArrayList<>();
        try (var files = Files.newDirectoryStream(results, "*-result.json")) {
            for (Path p : files) {
                JsonNode r = JSON.readTree(p.toFile());
                String epic = null;
                String feature = null;
                String story = null;
                for (JsonNode l : r.path("labels")) {
                    switch (l.path("name").asText()) {
                        case "epic" -> epic = l.path("value").asText();
                        case "feature" -> feature = l.path("value").asText();
                        case "story" -> story = l.path("value").asText();
                        default -> { }
                    }
                }
                names.add(new String[] {epic, feature, story});
            }
        }
        // The epics, sorted as text, are the PRD's phases in order, then the requirements and the metrics.
        List<String> epics = names.stream().map(n -> n[0]).distinct().sorted().toList();
        List<String> expected = java.util.Arrays.stream(Phase.values()).map(Phase::reportName).filter(epics::contains).toList();
        assertThat(epics).isEqualTo(expected);
        // Stories and criteria sort by their padded ids: US-020.2 before US-020.10, FR-4-6 before FR-31-38.
        for (String[] n : names) {
            assertThat(n[1]).matches("(US-\\d{3}|FR-\\d{2}-\\d{2}|SM): .*");
            assertThat(n[2]).matches("(US-\\d{3}\\.\\d{2}|FR-\\d{2}|SM-\\d{2}) .*");
        }
        assertThat(List.of("FR-04-06: CRUD Operations", "FR-31-38: Documentation")).isSorted();
    }
}
