package io.tfaudit.criteria.phase3;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.audit.AuditConfig;
import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.MiniProvider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult.Status;

/** Phase 3 criteria: each fails on a fixture broken for it, and on the sound one passes or is skipped for the run it needs. */
class Phase3CriteriaTest {

    @TempDir
    Path dir;

    @TempDir
    Path baselineDir;

    private int runs;
    private Path lastProvider;

    /** Each run gets a fresh folder: the audit reads a provider once per path and configuration. */
    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider) {
        lastProvider = provider.writeTo(dir.resolve("run" + ++runs));
        return CriterionTestKit.run(story, method, lastProvider,
                Map.of(AuditConfig.BASELINE_PATH, MiniProvider.sound().writeTo(baselineDir).toString()));
    }

    private static String message(CriterionTestKit.Outcome o, org.junit.platform.engine.TestExecutionResult r) {
        return o.message(r);
    }

    @Nested
    class US007 {
        private final Class<?> story = US007RunMigrationTests.class;

        @Test
        void namedMigrationTestsPresentAreSkippedForTheRunWithItsCommand() {
            var o = run(story, "allMigrationTestsPass", MiniProvider.sound());
            assertThat(o.names()).hasSize(13);
            var r = o.result("TestAccSourcePostgreSQL_Migration");
            assertThat(r.getStatus()).isEqualTo(Status.ABORTED);
            assertThat(message(o, r)).contains("-Dexec=true", "TF_ACC=1 go test -v -timeout 180m -run 'TestAcc.*Migration' ./internal/provider/...");
        }

        @Test
        void aMissingNamedMigrationTestFails() {
            var o = run(story, "allMigrationTestsPass", MiniProvider.sound()
                    .edit("inventory.txt", s -> s + "destination acme_destination_kafka\n")
                    .edit("internal/provider/migration_test.go",
                            s -> s.replace("func TestAccDestinationKafka_Migration(", "func TestAccDestinationKafkaUpgrade(")));
            var r = o.result("TestAccDestinationKafka_Migration");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains("expected a Go test TestAccDestinationKafka_Migration", "found none");
        }

        @Test
        void aNamedTestForAResourceOutOfScopeIsNotApplicable() {
            var o = run(story, "allMigrationTestsPass", MiniProvider.sound().edit("internal/provider/migration_test.go",
                    s -> s.replace("func TestAccDestinationKafka_Migration(", "func TestAccDestinationKafkaUpgrade(")));
            var r = o.result("TestAccDestinationKafka_Migration");
            assertThat(r.getStatus()).isEqualTo(Status.ABORTED);
            assertThat(message(o, r)).contains("not applicable: acme_destination_kafka is neither in the inventory");
        }

        @Test
        void aMigrationTestWithoutEmptyPlanCheckFails() {
            var sound = run(story, "eachProducesEmptyPlan", MiniProvider.sound());
            assertThat(sound.result("TestAccSourceMySQL_Migration").getStatus()).isEqualTo(Status.ABORTED);
            var o = run(story, "eachProducesEmptyPlan", MiniProvider.sound().edit("internal/provider/migration_test.go",
                    s -> s.replaceFirst("plancheck.ExpectEmptyPlan\\(\\)", "plancheck.ExpectNonEmptyPlan()")));
            var r = o.result("TestAccSourcePostgreSQL_Migration");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains("internal/provider/migration_test.go:", "expected a plan check plancheck.ExpectEmptyPlan()");
        }

        /** A PlanOnly step fails on a non-empty plan: it is an empty-plan check, unless it also says ExpectNonEmptyPlan. */
        @Test
        void aPlanOnlyStepIsAnEmptyPlanCheck() {
            String planOnly = "{Config: `resource \"acme_x\" \"m\" {}`, PlanOnly: true},";
            var o = run(story, "eachProducesEmptyPlan", MiniProvider.sound().edit("internal/provider/migration_test.go",
                    s -> s.replaceFirst("\\{Config: `resource \"acme_x\" \"m\" \\{\\}`, ConfigPlanChecks: resource.ConfigPlanChecks\\{\\n"
                            + "\\t\\t\\tPreApply: \\[\\]plancheck.PlanCheck\\{plancheck.ExpectEmptyPlan\\(\\)\\}\\}\\},", planOnly)));
            var r = o.result("TestAccSourcePostgreSQL_Migration");
            assertThat(r.getStatus()).as(message(o, r)).isEqualTo(Status.ABORTED); // judged statically, the run is left to consent
            var nonEmpty = run(story, "eachProducesEmptyPlan", MiniProvider.sound().edit("internal/provider/migration_test.go",
                    s -> s.replaceFirst("\\{Config: `resource \"acme_x\" \"m\" \\{\\}`, ConfigPlanChecks: resource.ConfigPlanChecks\\{\\n"
                            + "\\t\\t\\tPreApply: \\[\\]plancheck.PlanCheck\\{plancheck.ExpectEmptyPlan\\(\\)\\}\\}\\},",
                            planOnly.replace("PlanOnly: true", "PlanOnly: true, ExpectNonEmptyPlan: true"))));
            var n = nonEmpty.result("TestAccSourcePostgreSQL_Migration");
            assertThat(n.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(nonEmpty, n)).contains("or a PlanOnly step, which fails on a non-empty plan");
        }

        @Test
        void theRunNeedsMigrationTests() {
            assertThat(run(story, "runTheMigrationTests", MiniProvider.sound()).single().getStatus()).isEqualTo(Status.ABORTED);
            var o = run(story, "runTheMigrationTests", MiniProvider.sound().without("internal/provider/migration_test.go"));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("expected tests matching 'TestAcc.*Migration'");
        }
    }

    @Nested
    class US008 {
        private final Class<?> story = US008VerifyDeprecatedFieldHandling.class;

        @Test
        void deprecatedFieldsPresentWithMessagesAndReplacements() {
            run(story, "deprecatedFieldsArePresent", MiniProvider.sound()).assertAllSucceeded();
            run(story, "deprecatedFieldsHaveAMessage", MiniProvider.sound()).assertAllSucceeded();
            run(story, "postgresqlDeprecatedFields", MiniProvider.sound()).assertAllSucceeded();
            run(story, "snowflakeDeprecatedFields", MiniProvider.sound()).assertAllSucceeded();
        }

        @Test
        void aDeprecationNamingAMissingReplacementFails() {
            var o = run(story, "deprecatedFieldsArePresent", MiniProvider.sound().edit("internal/resource/destination/snowflake_generated.go",
                    s -> s.replace("{\"auto_schema_creation\", \"create_schema_auto\"}", "{\"auto_schema_creation\", \"create_schema_automatically\"}")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("replacement create_schema_automatically of auto_schema_creation is not in the schema");
        }

        @Test
        void deprecationsJsonIsTheSourceWhenPresent() {
            var o = run(story, "deprecatedFieldsArePresent", MiniProvider.sound().with("cmd/tfgen/deprecations.json",
                    "{\"source\": {\"postgresql\": [{\"old\": \"insert_static_key_field_9\", \"new\": \"transforms_insert_static_key1_static_field\"}]}}"));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("cmd/tfgen/deprecations.json",
                    "acme_source_postgresql: expected deprecated attribute insert_static_key_field_9 in the schema");
        }

        @Test
        void aDeprecatedFieldWithoutItsMessageFails() {
            var o = run(story, "deprecatedFieldsHaveAMessage", MiniProvider.sound().with("cmd/tfgen/deprecations.json",
                    "{\"source\": {\"postgresql\": [{\"old\": \"transforms_insert_static_key2_static_field\", \"new\": \"name\"}]}}"));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("transforms_insert_static_key2_static_field: expected a DeprecationMessage");
        }

        @Test
        void aDeprecatedFieldMappedElsewhereDoesNotWork() {
            var sound = run(story, "deprecatedFieldsStillWork", MiniProvider.sound()).single();
            assertThat(sound.getStatus()).isEqualTo(Status.ABORTED);
            var o = run(story, "deprecatedFieldsStillWork", MiniProvider.sound().edit("internal/resource/destination/snowflake_generated.go",
                    s -> s.replace("m[a.oldName] = generated.DestinationSnowflakeFieldMappings[a.newName]", "m[a.oldName] = \"api.legacy\"")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("auto_schema_creation: expected the same API field as create_schema_auto (api.create_schema_auto), found api.legacy");
        }

        @Test
        void fewerThanEightPostgresqlDeprecationsFail() {
            var o = run(story, "postgresqlDeprecatedFields", MiniProvider.sound().edit("internal/resource/source/postgresql_generated.go",
                    s -> s.replace("\t{\"insert_static_value_2\", \"transforms_insert_static_value2_static_value\"},\n", "")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("expected at least 8 deprecated fields", "found 7");
        }

        @Test
        void snowflakeWithoutItsAliasFails() {
            var o = run(story, "snowflakeDeprecatedFields", MiniProvider.sound().edit("internal/resource/destination/snowflake_generated.go",
                    s -> s.replace("\t{\"auto_schema_creation\", \"create_schema_auto\"},\n", "")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("expected deprecated attribute auto_schema_creation → create_schema_auto, found it absent");
        }
    }

    @Nested
    class US009 {
        private final Class<?> story = US009RunSchemaCompatibilityTests.class;

        @Test
        void theCompatibilityTestRunIsSkippedWithoutConsentAndFailsWithoutTests() {
            assertThat(run(story, "runTheSchemaCompatibilityTests", MiniProvider.sound()).single().getStatus()).isEqualTo(Status.ABORTED);
            var o = run(story, "runTheSchemaCompatibilityTests", MiniProvider.sound().without("internal/provider/schema_compat_test.go"));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
        }

        @Test
        void snapshotsPassUntilAnAttributeIsRenamed() {
            run(story, "everySnapshotPasses", MiniProvider.sound()).assertAllSucceeded();
            var o = run(story, "everySnapshotPasses", MiniProvider.sound().edit("internal/provider/testdata/schemas/source_postgresql_v1.json",
                    s -> s.replace("\"name\"", "\"display_name\"")));
            var r = o.result("acme_source_postgresql");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains("acme_source_postgresql.display_name: attribute removed or renamed", "source_postgresql_v1.json");
        }

        @Test
        void aRequiredAttributeRemovedSinceTheBaselineFails() {
            run(story, "noRequiredAttributeRemoved", MiniProvider.sound()).assertAllSucceeded();
            var o = run(story, "noRequiredAttributeRemoved", MiniProvider.sound().edit("internal/generated/destination_snowflake.go",
                    s -> s.replace("\"name\": schema.StringAttribute{Required: true", "\"title\": schema.StringAttribute{Required: true")));
            var r = o.result("acme_destination_snowflake (vs the checkout " + baselineDir.getFileName() + ")");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains("acme_destination_snowflake.name: attribute removed or renamed (was required at "
                    + "internal/generated/destination_snowflake.go:");
        }

        @Test
        void anOptionalAttributeMadeRequiredFails() {
            run(story, "noOptionalChangedToRequired", MiniProvider.sound()).assertAllSucceeded();
            var o = run(story, "noOptionalChangedToRequired", MiniProvider.sound().edit("internal/generated/source_postgresql.go",
                    s -> s.replace("\"transforms_insert_static_key1_static_field\": schema.StringAttribute{Optional: true",
                            "\"transforms_insert_static_key1_static_field\": schema.StringAttribute{Required: true")));
            assertThat(o.result("acme_source_postgresql (vs the checkout " + baselineDir.getFileName() + ")").getStatus()).isEqualTo(Status.FAILED);
            var snap = o.result("(vs internal/provider/testdata/schemas/source_postgresql_v1.json)");
            assertThat(snap.getStatus()).isEqualTo(Status.FAILED);
        }

        @Test
        void computedChangesMustBeDocumented() {
            run(story, "computedChangesAreDocumented", MiniProvider.sound()).assertAllSucceeded();
            var o = run(story, "computedChangesAreDocumented", MiniProvider.sound().edit("internal/generated/source_postgresql.go",
                    s -> s.replace("\"transforms_insert_static_key2_static_field\": schema.StringAttribute{Optional: true",
                            "\"transforms_insert_static_key2_static_field\": schema.StringAttribute{Optional: true, Computed: true")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("transforms_insert_static_key2_static_field: computed changed",
                    "expected docs/MIGRATION.md or CHANGELOG.md to mention");
        }
    }
}
