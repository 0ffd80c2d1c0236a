package io.tfaudit.criteria.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.MiniProvider;
import io.tfaudit.criteria.phase6.US020WriteAcceptanceTestsForMissingSourceConnectors;
import io.tfaudit.criteria.phase6.US021CreateSchemaSnapshotsForSourceConnectors;
import io.tfaudit.criteria.phase7.US022WriteAcceptanceTestsForMissingDestinationConnectors;
import io.tfaudit.criteria.phase8.US025CreateSchemaSnapshotsForTransformResources;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult.Status;

/** Phases 6–8 on the mini provider: acceptance tests and snapshots per resource, found, shaped and compared. */
class EntityCoverageCriteriaTest {

    @TempDir
    Path dir;

    private int runs;

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider) {
        return CriterionTestKit.run(story, method, provider.writeTo(dir.resolve("run" + ++runs)));
    }

    /** A basic CRUD acceptance test for a resource: create, update, import and verify, CheckDestroy. */
    static String acceptanceTest(String name, String type, boolean update, boolean checkDestroy) {
        return """
                package provider

                import (
                \t"testing"

                \t"github.com/hashicorp/terraform-plugin-testing/helper/resource"
                )

                func %1$s(t *testing.T) {
                \tresource.Test(t, resource.TestCase{
                \t\t%3$s
                \t\tSteps: []resource.TestStep{
                \t\t\t{Config: `resource "%2$s" "t" { name = "tf-acc-test-a" }`},
                \t\t\t%4$s
                \t\t\t{ResourceName: "%2$s.t", ImportState: true, ImportStateVerify: true},
                \t\t},
                \t})
                }
                """.formatted(name, type, checkDestroy ? "CheckDestroy: checkDestroyed," : "",
                update ? "{Config: `resource \"" + type + "\" \"t\" { name = \"tf-acc-test-b\" }`}," : "");
    }

    private static MiniProvider withAlloyDb() {
        return MiniProvider.sound().withConnector("source", "alloydb", "Alloydb");
    }

    @Test
    void anAcceptanceTestByNameWithEveryStepPasses() {
        run(US020WriteAcceptanceTestsForMissingSourceConnectors.class, "writeTestAccSourceAlloyDB", withAlloyDb()
                .with("internal/provider/alloydb_test.go", acceptanceTest("TestAccSourceAlloyDBResource", "acme_source_alloydb", true, true)))
                .assertAllSucceeded();
    }

    @Test
    void anAcceptanceTestNamedOtherwiseIsFoundByItsHcl() {
        run(US020WriteAcceptanceTestsForMissingSourceConnectors.class, "writeTestAccSourceAlloyDB", withAlloyDb()
                .with("internal/provider/alloydb_test.go", acceptanceTest("TestAccPostgresCompatibleSources", "acme_source_alloydb", true, true)))
                .assertAllSucceeded();
    }

    @Test
    void missingStepsAreNamed() {
        var o = run(US020WriteAcceptanceTestsForMissingSourceConnectors.class, "writeTestAccSourceAlloyDB", withAlloyDb()
                .with("internal/provider/alloydb_test.go", acceptanceTest("TestAccSourceAlloyDB", "acme_source_alloydb", false, false)));
        assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
        assertThat(o.message(o.single())).contains("internal/provider/alloydb_test.go:9", "expected an update step",
                "expected CheckDestroy");
        var none = run(US020WriteAcceptanceTestsForMissingSourceConnectors.class, "writeTestAccSourceAlloyDB", withAlloyDb());
        assertThat(none.message(none.single())).contains("expected an acceptance test TestAccSourceAlloyDB (or any TestAcc* whose HCL declares acme_source_alloydb), found none");
    }

    @Test
    void aConnectorOutOfScopeIsNotApplicable() {
        var o = run(US022WriteAcceptanceTestsForMissingDestinationConnectors.class, "writeTestAccDestinationAzBlob", MiniProvider.sound());
        assertThat(o.single().getStatus()).isEqualTo(Status.ABORTED);
        assertThat(o.message(o.single())).contains("not applicable: acme_destination_azblob");
    }

    @Test
    void allTestsPassNeedsATestPerResourceThenConsent() {
        var o = run(US020WriteAcceptanceTestsForMissingSourceConnectors.class, "allTestsPass", MiniProvider.sound());
        assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
        assertThat(o.message(o.single())).contains("acme_source_postgresql: expected an acceptance test declaring it");
        var tested = run(US020WriteAcceptanceTestsForMissingSourceConnectors.class, "allTestsPass", MiniProvider.sound()
                .with("internal/provider/pg_test.go", acceptanceTest("TestAccSourcePostgresql", "acme_source_postgresql", true, true)));
        assertThat(tested.single().getStatus()).isEqualTo(Status.ABORTED);
        assertThat(tested.message(tested.single())).contains("TF_ACC=1 go test -v -timeout 120m -run 'TestAccSource'");
    }

    /** The sound snapshot of the mini provider's postgresql source: every attribute with its flags. */
    static String postgresqlSnapshot() {
        StringBuilder sb = new StringBuilder("{\"attributes\": {\"name\": {\"required\": true}");
        for (String a : List.of("transforms_insert_static_key1_static_field", "transforms_insert_static_key1_static_value",
                "transforms_insert_static_value1_static_field", "transforms_insert_static_value1_static_value",
                "transforms_insert_static_key2_static_field", "transforms_insert_static_key2_static_value",
                "transforms_insert_static_value2_static_field", "transforms_insert_static_value2_static_value",
                "insert_static_key_field_1", "insert_static_key_value_1", "insert_static_value_field_1", "insert_static_value_1",
                "insert_static_key_field_2", "insert_static_key_value_2", "insert_static_value_field_2", "insert_static_value_2")) {
            sb.append(", \"").append(a).append("\": {\"optional\": true}");
        }
        return sb.append("}}").toString();
    }

    /** "All 20 source snapshots exist": a snapshot that exists passes, stale or not (staleness is FR-21's, minor). */
    @Test
    void aSnapshotThatExistsPassesEvenWhenStale() {
        var sound = MiniProvider.sound().with("internal/provider/testdata/schemas/source_postgresql_v1.json", postgresqlSnapshot());
        run(US021CreateSchemaSnapshotsForSourceConnectors.class, "allSnapshotsExist", sound).assertAllSucceeded();
        // The mini provider's own snapshot lacks most attributes of the schema: it exists, so it passes.
        var stale = run(US021CreateSchemaSnapshotsForSourceConnectors.class, "allSnapshotsExist", MiniProvider.sound());
        assertThat(stale.result("acme_source_postgresql").getStatus()).isEqualTo(Status.SUCCESSFUL);
        var unreadable = run(US021CreateSchemaSnapshotsForSourceConnectors.class, "allSnapshotsExist", MiniProvider.sound()
                .with("internal/provider/testdata/schemas/source_postgresql_v1.json", "{\"attributes\": {\"name\": "));
        assertThat(unreadable.result("acme_source_postgresql").getStatus()).isEqualTo(Status.FAILED);
        assertThat(unreadable.message(unreadable.result("acme_source_postgresql"))).contains("the snapshot cannot be read");
        var missing = run(US025CreateSchemaSnapshotsForTransformResources.class, "allSnapshotsExist", MiniProvider.sound());
        assertThat(missing.message(missing.result("acme_transform_filter")))
                .contains("internal/provider/testdata/schemas/: expected a schema snapshot of acme_transform_filter, found none");
    }

    @Test
    void snapshotsForTheNamedConnectors() {
        var o = run(US021CreateSchemaSnapshotsForSourceConnectors.class, "snapshotsForTheMissing", withAlloyDb());
        assertThat(o.result("acme_source_alloydb").getStatus()).isEqualTo(Status.FAILED);
        assertThat(o.result("acme_source_db2").getStatus()).isEqualTo(Status.ABORTED);
        var ok = run(US021CreateSchemaSnapshotsForSourceConnectors.class, "snapshotsForTheMissing", withAlloyDb()
                .with("internal/provider/testdata/schemas/source_alloydb_v1.json", "{\"attributes\": {\"name\": {\"required\": true}}}"));
        assertThat(ok.result("acme_source_alloydb").getStatus()).isEqualTo(Status.SUCCESSFUL);
    }

    @Test
    void theSnapshotUpdateIsStaticallyCheckedThenLeftToTheUser() {
        var o = run(US021CreateSchemaSnapshotsForSourceConnectors.class, "runTheSnapshotUpdate", MiniProvider.sound());
        assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
        assertThat(o.message(o.single())).contains("expected a test to rewrite the snapshots when UPDATE_SNAPSHOTS is set");
        var ok = run(US021CreateSchemaSnapshotsForSourceConnectors.class, "runTheSnapshotUpdate", MiniProvider.sound()
                .edit("internal/provider/schema_compat_test.go", s -> s.replace("import \"testing\"", "import (\n\t\"os\"\n\t\"testing\"\n)")
                        .replace("compareWithSnapshot(t,", "_ = os.Getenv(\"UPDATE_SNAPSHOTS\")\n\tcompareWithSnapshot(t,")));
        assertThat(ok.single().getStatus()).isEqualTo(Status.ABORTED);
        assertThat(ok.message(ok.single())).contains("tfaudit never does", "UPDATE_SNAPSHOTS=1 go test");
    }
}
