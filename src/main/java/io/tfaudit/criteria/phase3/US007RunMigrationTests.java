package io.tfaudit.criteria.phase3;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.audit.GoTestRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.provider.TestFunction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@UserStory(id = "US-007", title = "Run Migration Tests", phase = Phase.PHASE_3)
public class US007RunMigrationTests {

    /** The 13 migration tests the PRD lists. A test named with a suffix (…_MigrationFromLegacy) counts. */
    static final List<String> NAMED = List.of(
            "TestAccSourcePostgreSQL_Migration", "TestAccSourceMySQL_Migration", "TestAccSourceMongoDB_Migration",
            "TestAccSourceDynamoDB_Migration", "TestAccSourceSQLServer_Migration", "TestAccSourceKafkaDirect_Migration",
            "TestAccDestinationSnowflake_Migration", "TestAccDestinationClickhouse_Migration",
            "TestAccDestinationDatabricks_Migration", "TestAccDestinationPostgreSQL_Migration",
            "TestAccDestinationS3_Migration", "TestAccDestinationIceberg_Migration", "TestAccDestinationKafka_Migration");

    static final String RUN_REGEX = "TestAcc.*Migration";
    static final Duration TIMEOUT = Duration.ofMinutes(180);

    @TestFactory
    @DisplayName("All 13 existing migration tests pass:")
    @Criterion(value = 1, severity = Severity.CRITICAL)
    Stream<DynamicTest> allMigrationTestsPass(CriterionRun run) {
        return NAMED.stream().map(name -> DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + name, () -> {
            TestFunction t = find(run, name).orElse(null);
            Findings f = run.findings();
            String resource = resourceOf(run, name);
            if (t == null && run.audit().resources(r -> r.typeName().equals(resource)).isEmpty()) {
                run.notApplicable(resource + " is neither in the inventory (" + run.audit().inventory().origin()
                        + ") nor registered by the provider");
            }
            if (t == null) {
                f.add("internal/provider/", "expected a Go test " + name + " (or " + name + "*), found none; migration tests present: "
                        + migrationTests(run).stream().map(TestFunction::name).toList());
                f.verify();
            }
            GoTestRun.Result result = GoTestRun.runOrSkip(run, true, RUN_REGEX, "./internal/provider/...", TIMEOUT);
            String action = result.actions().get(t.name());
            if (!"pass".equals(action)) {
                f.add(t.pos(), t.name() + ": expected pass, found " + (action == null ? "no result" : action));
            }
            f.verify();
        }));
    }

    @TestFactory
    @DisplayName("Each test produces empty plan (no changes detected vs v2.1.18)")
    @Criterion(value = 2, severity = Severity.CRITICAL)
    Stream<DynamicTest> eachProducesEmptyPlan(CriterionRun run) {
        List<TestFunction> tests = migrationTests(run);
        if (tests.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + "(no migration test)", () ->
                    run.findings().add("internal/provider/", "expected migration tests (TestAcc*Migration*), found none").verify()));
        }
        String baseline = run.audit().config().releasedBaselineVersion();
        return tests.stream().map(t -> DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + t.name(), () -> {
            Findings f = run.findings();
            if (t.externalProviderVersions().stream().noneMatch(v -> v.replaceFirst("^[=v ]+", "").equals(baseline))) {
                f.add(t.pos(), t.name() + ": expected a step with the released provider pinned to " + baseline
                        + " (ExternalProviders … VersionConstraint), found " + t.externalProviderVersions());
            }
            if (!t.expectsEmptyPlan()) {
                f.add(t.pos(), t.name() + ": expected a plan check plancheck.ExpectEmptyPlan() after upgrading (or a PlanOnly "
                        + "step, which fails on a non-empty plan), found none");
            }
            f.verify();
            GoTestRun.Result result = GoTestRun.runOrSkip(run, true, RUN_REGEX, "./internal/provider/...", TIMEOUT);
            if (!"pass".equals(result.actions().get(t.name()))) {
                f.add(t.pos(), t.name() + ": expected an empty plan (pass), found " + result.actions().get(t.name()));
            }
            f.verify();
        }));
    }

    @Test
    @DisplayName("Run: `TF_ACC=1 go test -v -timeout 180m -run 'TestAcc.*Migration' ./internal/provider/...`")
    @Criterion(value = 3, severity = Severity.CRITICAL)
    void runTheMigrationTests(CriterionRun run) {
        Findings f = run.findings();
        if (migrationTests(run).isEmpty()) {
            f.add("internal/provider/", "expected tests matching '" + RUN_REGEX + "', found none");
            f.verify();
        }
        GoTestRun.Result result = GoTestRun.runOrSkip(run, true, RUN_REGEX, "./internal/provider/...", TIMEOUT);
        result.actions().forEach((test, action) -> {
            if (action.equals("fail")) {
                f.add(test, "expected pass, found fail");
            }
        });
        if (!result.command().succeeded() && f.isEmpty()) {
            f.add("go test", "exited " + result.command().exitCode() + ": " + result.command().output().lines().reduce((a, b) -> b).orElse(""));
        }
        f.verify();
    }

    /** TestAccSourceMongoDB_Migration → streamkap_source_mongodb (the provider's type name prefix). */
    static String resourceOf(CriterionRun run, String testName) {
        String local = testName.replaceFirst("^TestAcc", "").replaceFirst("_Migration.*$", "");
        String category = local.startsWith("Source") ? "source" : local.startsWith("Destination") ? "destination" : "";
        String name = local.substring(category.length()).toLowerCase();
        String provider = run.provider().providerTypeName() == null ? "" : run.provider().providerTypeName() + "_";
        return provider + (category.isEmpty() ? "" : category + "_") + name;
    }

    static List<TestFunction> migrationTests(CriterionRun run) {
        return run.provider().tests().stream().filter(t -> t.kind() == TestFunction.Kind.MIGRATION).toList();
    }

    /** By name, case-insensitively, allowing a suffix: the PRD's "Clickhouse" is the code's "ClickHouse". */
    static Optional<TestFunction> find(CriterionRun run, String name) {
        return migrationTests(run).stream().filter(t -> t.name().toLowerCase().startsWith(name.toLowerCase())).findFirst();
    }
}
