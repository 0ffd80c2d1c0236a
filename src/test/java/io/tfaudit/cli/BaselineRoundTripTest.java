package io.tfaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfaudit.audit.AcceptedFindings;
import io.tfaudit.criteria.SampleFixture;
import io.tfaudit.report.AuditResults;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accepted-findings baseline round-trips: right after {@code baseline --write}, auditing
 * the same tree fails nothing and finds no stale entry, also for requirements that restate a
 * story, a data source's findings and Phase 11's findings about the other failures.
 */
class BaselineRoundTripTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int audit(Path provider, Path results) {
        return run("audit", "--provider", provider.toString(), "--inventory", provider.resolve("inventory.txt").toString(),
                "--results", results.toString());
    }

    @Test
    void auditingRightAfterWritingTheBaselineFailsNothingAndFindsNoStaleEntry() throws Exception {
        Path provider = SampleFixture.copyTo(dir.resolve("p"))
                // a story's finding that requirements judge by their own words too (US-027.3, FR-18)
                .delete("examples/resources/streamkap_topic/complete.tf")
                // a data source's finding, which FR-17 restates
                .replace("internal/datasource/tag.go", "\t\t\t\tMarkdownDescription: \"Name of the tag as shown in the Streamkap UI.\",\n", "")
                // shared code: one finding that many resources meet
                .replace("internal/resource/transform/base.go",
                        "\t\t\"timeouts\": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),\n", "")
                // a critical breaking change, which FR-8 restates and Phase 11 judges (US-033.1)
                .replace("internal/provider/migration_test.go", "plancheck.ExpectEmptyPlan()},\n", "plancheck.ExpectNonEmptyPlan()},\n")
                .replace("docs/index.md", "\n## ", "\nTODO: finish this page.\n\n## ")
                .root();
        Path first = dir.resolve("r1/allure-results");
        assertThat(audit(provider, first)).as(out.toString(StandardCharsets.UTF_8) + err).isEqualTo(1);
        AuditResults before = AuditResults.read(first);
        List<AuditResults.Result> failed = before.results().stream().filter(AuditResults.Result::failed).toList();
        assertThat(failed).extracting(AuditResults.Result::criterion)
                .as("the breaks are found, restated by requirements and judged by Phase 11")
                .contains("US-027.3", "FR-18", "FR-17", "FR-8", "US-033.1", "US-032.6");
        assertThat(failed).extracting(AuditResults.Result::resource).contains("data.streamkap_tag");
        assertThat(failed).anyMatch(AuditResults.Result::restatesOnly);

        assertThat(run("baseline", "--write", "--provider", provider.toString(), "--results", first.toString(), "--reason", "known",
                "--owner", "sam", "--expires", "2999-12-31")).as(out.toString(StandardCharsets.UTF_8) + err).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).as("every failure is a finding that can be accepted").isEmpty();
        AcceptedFindings written = AcceptedFindings.read(provider.resolve(AcceptedFindings.FILE_NAME));
        assertThat(written.problems()).isEmpty();
        assertThat(written.entries()).allSatisfy(e -> assertThat(e.finding()).matches("[0-9a-f]{16}"));
        assertThat(written.entries()).extracting(AcceptedFindings.Entry::criterion)
                .as("restated findings are accepted where they were found").doesNotContain("US-033.1");

        // The same tree checked out elsewhere (as CI does; and in this JVM a new path is a new audit, not the first one's cache).
        Path checkout = io.tfaudit.audit.Trees.copy(provider, dir.resolve("ci/p"));
        Path second = dir.resolve("r2/allure-results");
        int code = audit(checkout, second);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err).isZero();
        AuditResults after = AuditResults.read(second);
        assertThat(after.results()).filteredOn(AuditResults.Result::failed).as(printed).isEmpty();
        assertThat(printed).doesNotContain("stale accepted finding");
        var summary = new ObjectMapper().readTree(dir.resolve("r2/tfaudit-results/summary.json").toFile());
        assertThat(summary.path("staleAcceptedFindings")).isEmpty();
        // Baselined, not passed: the stories, the data source, and the requirements restating them.
        assertThat(after.results()).filteredOn(r -> r.skipped() && r.message().startsWith("baselined:"))
                .extracting(AuditResults.Result::criterion).contains("US-027.3", "FR-18", "US-026.1", "US-007.2", "FR-17");
        // "Critical issues fixed immediately": the critical one is accepted, not fixed; skipped as baselined, not passed.
        assertThat(after.results()).filteredOn(r -> "US-033.1".equals(r.criterion())).singleElement()
                .matches(r -> r.skipped() && r.message().startsWith("baselined:") && r.message().contains("accepted in the baseline, not fixed"),
                        "skipped as baselined");
        // FR-8 restates US-007.1 too, which needs consent to run: undecided, so skipped with that reason.
        assertThat(after.results()).filteredOn(r -> "FR-8".equals(r.criterion()))
                .singleElement().matches(r -> r.skipped() && r.message().contains("US-007.1"), "skipped, naming US-007.1");
        assertThat(after.results()).filteredOn(r -> "data.streamkap_tag".equals(r.resource())
                        && List.of("US-026.1", "FR-17").contains(r.criterion()))
                .hasSize(2).allMatch(r -> r.skipped() && r.message().startsWith("baselined:"));

        // The TODO fixed (in a new checkout: a new path, a new audit): its entries match nothing any more, and each is reported stale, once.
        Path fixed = io.tfaudit.audit.Trees.copy(checkout, dir.resolve("ci2/p"));
        Files.writeString(fixed.resolve("docs/index.md"), Files.readString(fixed.resolve("docs/index.md"))
                .replace("\nTODO: finish this page.\n", ""));
        List<AcceptedFindings.Entry> ofTheTodo = written.entries().stream()
                .filter(e -> e.where() != null && e.where().startsWith("docs/index.md")).toList();
        assertThat(ofTheTodo).as("the TODO was accepted").isNotEmpty();
        Path third = dir.resolve("r3/allure-results");
        audit(fixed, third);
        printed = out.toString(StandardCharsets.UTF_8);
        List<String> staleLines = printed.lines().filter(l -> l.startsWith("stale accepted finding")).toList();
        assertThat(staleLines).as(printed).hasSize(ofTheTodo.size());
        for (AcceptedFindings.Entry e : ofTheTodo) {
            assertThat(staleLines).filteredOn(l -> l.contains(e.key())).as(e.key()).hasSize(1);
        }
        var stale = new ObjectMapper().readTree(dir.resolve("r3/tfaudit-results/summary.json").toFile()).path("staleAcceptedFindings");
        assertThat(stale).hasSize(ofTheTodo.size());
        assertThat(AuditResults.read(third).results()).filteredOn(AuditResults.Result::failed).isEmpty();
    }
}
