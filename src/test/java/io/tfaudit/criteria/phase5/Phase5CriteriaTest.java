package io.tfaudit.criteria.phase5;

import static io.tfaudit.backend.MiniBackend.FILTER;
import static io.tfaudit.backend.MiniBackend.POSTGRESQL;
import static io.tfaudit.backend.MiniBackend.SNOWFLAKE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.audit.AuditConfig;
import io.tfaudit.audit.SampleProvider;
import io.tfaudit.backend.MiniBackend;
import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.MiniProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventType;

/**
 * Phase 5 criteria on {@link MiniProvider} and a backend tree written beside it
 * ({@link MiniBackend}): each fails on a fixture broken for it, with its evidence, and on the
 * sound pair passes, or is skipped without a backend.
 */
class Phase5CriteriaTest {

    @TempDir
    Path dir;

    private int runs;

    private static final String KEY1 = "transforms_insert_static_key1_static_field";
    private static final String NO_BACKEND = "skipped: no backend checkout (give -Dbackend.path=DIR or STREAMKAP_BACKEND_PATH)";

    /** Each run gets fresh folders: the audit reads a provider once per path and configuration. */
    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider, MiniBackend backend) {
        Path p = provider.writeTo(dir.resolve("run" + ++runs));
        return CriterionTestKit.run(story, method, p, backend == null ? Map.of()
                : Map.of(AuditConfig.BACKEND_PATH, backend.writeTo(dir.resolve("backend" + runs)).toString()));
    }

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniBackend backend) {
        return run(story, method, MiniProvider.sound(), backend);
    }

    private static String message(CriterionTestKit.Outcome o, TestExecutionResult r) {
        return o.message(r);
    }

    private static void assertSkippedForTheBackend(CriterionTestKit.Outcome o) {
        for (var e : o.finished()) {
            TestExecutionResult r = e.getRequiredPayload(TestExecutionResult.class);
            assertThat(r.getStatus()).as(e.getTestDescriptor().getDisplayName()).isEqualTo(Status.ABORTED);
            assertThat(o.message(r)).startsWith(NO_BACKEND).contains("--backend BACKEND_DIR");
        }
    }

    private static String pgLine(MiniBackend b, String field) {
        return POSTGRESQL + ":" + b.lineOf(POSTGRESQL, field);
    }

    /** The embedded sample is sound: with the backend it was generated from, no Phase 5 criterion fails, and most pass. */
    @Test
    void theSampleProviderIsAlignedWithItsBackend() {
        Path sample = SampleProvider.directory();
        var finished = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(Map.of(AuditConfig.PROVIDER_PATH, sample.toString(),
                        AuditConfig.INVENTORY, sample.resolve("inventory.txt").toString(),
                        AuditConfig.BACKEND_PATH, sample.resolve("cmd/tfgen/testdata/backend").toString()))
                .selectors(Stream.of(US015CreateBackendAlignmentTooling.class, US016VerifySourceConnectorFieldMappings.class,
                        US017VerifyDestinationConnectorFieldMappings.class, US018VerifyTransformFieldMappings.class,
                        US019VerifyDynamicFieldExclusion.class).map(DiscoverySelectors::selectClass)
                        .toArray(DiscoverySelector[]::new))
                .execute().allEvents()
                .filter(e -> e.getType() == EventType.FINISHED && e.getTestDescriptor().isTest()).toList();
        var statuses = finished.stream().collect(Collectors.groupingBy(
                e -> e.getRequiredPayload(TestExecutionResult.class).getStatus(), Collectors.mapping(
                        e -> e.getTestDescriptor().getDisplayName() + ": " + e.getRequiredPayload(TestExecutionResult.class)
                                .getThrowable().map(io.tfaudit.criteria.CriterionTestKit::messageOf).orElse(""), Collectors.toList())));
        assertThat(statuses.getOrDefault(Status.FAILED, List.of())).isEmpty();
        assertThat(statuses.get(Status.SUCCESSFUL)).hasSize(31);
        assertThat(statuses.get(Status.ABORTED)).allMatch(m -> m.startsWith("Typecheck passes: skipped: every Go file parses"));
    }

    @Nested
    class US015 {
        private final Class<?> story = US015CreateBackendAlignmentTooling.class;

        @Test
        void everyCriterionNeedingTheBackendIsSkippedWithoutIt() {
            for (String m : new String[] {"parsesBackendConfigurations", "extractsUserDefinedFields", "comparesWithFieldMappings",
                    "reportsMissingFields", "reportsExtraFields", "outputsStructuredReport"}) {
                assertSkippedForTheBackend(run(story, m, null));
            }
        }

        @Test
        void theSoundPairPassesEveryCriterion() {
            for (String m : new String[] {"parsesBackendConfigurations", "extractsUserDefinedFields", "comparesWithFieldMappings",
                    "reportsMissingFields", "reportsExtraFields", "outputsStructuredReport"}) {
                run(story, m, MiniBackend.sound()).assertAllSucceeded();
            }
        }

        @Test
        void aConfigurationThatIsNotJsonFailsWithItsLine() {
            var o = run(story, "parsesBackendConfigurations", MiniBackend.sound().text(POSTGRESQL, "{\n  \"config\": [\n    {\"name\": \"x\",}\n  ]\n}\n"));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains(POSTGRESQL + ":3: source postgresql: not valid JSON");
        }

        @Test
        void aConfigurationWithoutAConfigArrayFails() {
            var o = run(story, "parsesBackendConfigurations", MiniBackend.sound().text(SNOWFLAKE, "{\"display_name\": \"Snowflake\"}"));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains(SNOWFLAKE + ":1: destination snowflake: expected a \"config\" array of fields, found none");
        }

        @Test
        void anEntryGoCannotDecodeFailsTheExtraction() {
            MiniBackend b = MiniBackend.sound().replace(POSTGRESQL, "api." + KEY1,
                    "{\"name\": \"api." + KEY1 + "\", \"user_defined\": \"yes\", \"value\": {\"control\": \"string\"}}");
            var o = run(story, "extractsUserDefinedFields", b);
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains(pgLine(b, "api." + KEY1) + ": source postgresql: field api." + KEY1
                    + ": \"user_defined\": expected a boolean, found a string (\"yes\")");
        }

        @Test
        void aSelectOptionWithoutValueFailsTheExtraction() {
            MiniBackend b = MiniBackend.sound().add(FILTER, MiniBackend.field("mode", true,
                    "{\"control\": \"one-select\", \"raw_values\": [{\"label\": \"Fast\"}]}"));
            var o = run(story, "extractsUserDefinedFields", b);
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains(FILTER + ":" + b.lineOf(FILTER, "mode"), "field mode: raw_values entry",
                    "expected a string, number, boolean or an object with a \"value\", found no \"value\"");
        }

        @Test
        void aResourceWithoutFieldMappingsFailsEvenWithoutTheBackend() {
            MiniProvider broken = MiniProvider.sound().edit("internal/resource/transform/filter_generated.go",
                    s -> s.replace("\treturn m\n}", "\treturn map[string]string{}\n}"));
            var o = run(story, "comparesWithFieldMappings", broken, null);
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("internal/resource/transform/filter_generated.go:",
                    "acme_transform_filter: expected field mappings (GetFieldMappings) to compare with the backend, found none");
        }

        @Test
        void aMappingOfAnAttributeTheSchemaLacksFails() {
            MiniProvider broken = MiniProvider.sound().edit("internal/generated/destination_snowflake.go",
                    s -> s.replace("\t\"name\": \"name\",\n", "\t\"name\": \"name\",\n\t\"ghost\": \"api.ghost\",\n"));
            var o = run(story, "comparesWithFieldMappings", broken, MiniBackend.sound());
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            // The effective mappings are the map the wrapper builds from the generated one.
            assertThat(message(o, o.single())).contains("internal/resource/destination/snowflake_generated.go:",
                    "acme_destination_snowflake: field mapping ghost → api.ghost: expected an attribute ghost in the schema, found none");
        }

        @Test
        void aResourceWithoutBackendConfigurationIsNotCompared() {
            var o = run(story, "comparesWithFieldMappings", MiniBackend.sound().without(FILTER));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("internal/resource/transform/filter_generated.go:",
                    "acme_transform_filter: not compared: no backend configuration for connector code filter (from the type name "
                            + "acme_transform_filter): expected " + FILTER + ", found no such file");
        }

        @Test
        void aUserDefinedFieldNoAttributeMapsIsMissing() {
            MiniBackend b = MiniBackend.sound().add(POSTGRESQL, MiniBackend.string("api.extra_setting"))
                    .add(POSTGRESQL, MiniBackend.field("database.hostname", false, "{\"control\": \"string\", \"type\": \"dynamic\"}"));
            var o = run(story, "reportsMissingFields", b);
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("(1 time)", pgLine(b, "api.extra_setting")
                    + ": acme_source_postgresql: backend field api.extra_setting: missing: expected an attribute whose field mapping "
                    + "is api.extra_setting (user_defined, control string), found none in the field mappings");
        }

        @Test
        void aConnectorWhoseConfigurationDoesNotParseIsSkippedNeverPassed() {
            MiniBackend b = MiniBackend.sound().add(POSTGRESQL, MiniBackend.string("api.extra_setting")).text(POSTGRESQL, "{\"config\": [");
            for (String criterion : new String[] {"reportsMissingFields", "reportsExtraFields"}) {
                var o = run(story, criterion, b);
                assertThat(o.single().getStatus()).as(message(o, o.single())).isEqualTo(Status.ABORTED);
                assertThat(message(o, o.single())).contains("1 connector(s) could not be compared with the backend: "
                        + "acme_source_postgresql: its backend configuration could not be read");
            }
        }

        @Test
        void aMappingToAFieldTheBackendLacksOrComputesIsExtra() {
            var o = run(story, "reportsExtraFields", MiniBackend.sound().remove(SNOWFLAKE, "api.create_schema_auto"));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("internal/generated/destination_snowflake.go:",
                    "acme_destination_snowflake.create_schema_auto (API key api.create_schema_auto): extra: expected a user_defined "
                            + "field api.create_schema_auto in " + SNOWFLAKE + ", found no such field",
                    "acme_destination_snowflake.auto_schema_creation (API key api.create_schema_auto): extra:");

            MiniBackend computed = MiniBackend.sound().replace(FILTER, "name",
                    MiniBackend.field("name", false, "{\"control\": \"string\", \"type\": \"dynamic\", \"function_name\": \"default_name\"}"));
            o = run(story, "reportsExtraFields", computed);
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("internal/generated/transform_filter.go:",
                    "acme_transform_filter.name (API key name): extra: expected a user_defined field name, found user_defined=false "
                            + "(the backend computes it, type dynamic via default_name) [backend: " + FILTER + ":4]");
        }

        @Test
        void theReportLeavingAConnectorOutFails() {
            var o = run(story, "outputsStructuredReport", MiniBackend.sound().without(SNOWFLAKE));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("internal/resource/destination/snowflake_generated.go:",
                    "acme_destination_snowflake: expected in the report with its differences, found it left out: no backend "
                            + "configuration for connector code snowflake", SNOWFLAKE);
        }

        @Test
        void typecheckIsSkippedWithoutConsentAndFailsOnASyntaxError() {
            var sound = run(story, "typecheckPasses", MiniBackend.sound()).single();
            assertThat(sound.getStatus()).isEqualTo(Status.ABORTED);
            assertThat(sound.getThrowable().orElseThrow().getMessage()).contains("go build ./...", "-Dexec=true");
            var o = run(story, "typecheckPasses", MiniProvider.sound().edit("internal/resource/connector/base.go",
                    s -> s.replace("type BaseResource struct{ config ConnectorConfig }", "type BaseResource struct{ config")), null);
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("internal/resource/connector/base.go:", "Go syntax error");
        }
    }

    /** US-016, US-017 and US-018: the same criteria, each over its category. */
    @Nested
    class PerCategory {

        static Stream<Arguments> stories() {
            return Stream.of(
                    Arguments.of(US016VerifySourceConnectorFieldMappings.class, "acme_source_postgresql"),
                    Arguments.of(US017VerifyDestinationConnectorFieldMappings.class, "acme_destination_snowflake"),
                    Arguments.of(US018VerifyTransformFieldMappings.class, "acme_transform_filter"));
        }

        @ParameterizedTest
        @MethodSource("stories")
        void withoutTheBackendEveryConnectorIsSkipped(Class<?> story, String type) {
            for (String m : new String[] {"fieldAlignment", "fieldCoverage", "discrepanciesDocumented"}) {
                var o = run(story, m, null);
                assertThat(o.names()).singleElement().asString().endsWith(type);
                assertSkippedForTheBackend(o);
            }
        }

        @ParameterizedTest
        @MethodSource("stories")
        void theSoundPairIsAlignedCoveredAndHasNothingToDocument(Class<?> story, String type) {
            for (String m : new String[] {"fieldAlignment", "fieldCoverage", "discrepanciesDocumented"}) {
                var o = run(story, m, MiniBackend.sound());
                assertThat(o.names()).singleElement().asString().endsWith(type);
                o.assertAllSucceeded();
            }
        }

        @ParameterizedTest
        @MethodSource("stories")
        void typecheckIsSkippedWithoutConsent(Class<?> story, String type) {
            assertThat(run(story, "typecheckPasses", MiniBackend.sound()).single().getStatus()).isEqualTo(Status.ABORTED);
        }

        @ParameterizedTest
        @MethodSource("stories")
        void aConnectorWithoutBackendConfigurationFailsAlignmentAndCoverage(Class<?> story, String type) {
            MiniBackend b = MiniBackend.sound().without(POSTGRESQL).without(SNOWFLAKE).without(FILTER);
            for (String m : new String[] {"fieldAlignment", "fieldCoverage"}) {
                var o = run(story, m, b);
                var r = o.result(type);
                assertThat(r.getStatus()).isEqualTo(Status.FAILED);
                assertThat(message(o, r)).contains(type + ": ", "not compared with the backend: no backend configuration for connector code");
            }
            var skipped = run(story, "discrepanciesDocumented", b);
            assertThat(skipped.result(type).getStatus()).isEqualTo(Status.ABORTED);
            assertThat(message(skipped, skipped.result(type))).contains("could not be compared with the backend");
        }

        @Test
        void aTypeTheControlDoesNotCallForFails() {
            MiniBackend b = MiniBackend.sound().replace(POSTGRESQL, "api." + KEY1,
                    MiniBackend.field("api." + KEY1, true, "{\"control\": \"number\", \"type\": \"raw\"}"));
            var o = run(US016VerifySourceConnectorFieldMappings.class, "fieldAlignment", b);
            var r = o.result("acme_source_postgresql");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains("(1 time)", "internal/generated/source_postgresql.go:",
                    "acme_source_postgresql." + KEY1 + " (API key api." + KEY1 + "): type: expected Int64 (control number), found String"
                            + " [backend: " + pgLine(b, "api." + KEY1) + "]");
            // the API rejects a value of the wrong type: a CRUD failure
            assertThat(message(o, r)).startsWith("[blocker] ");
        }

        @Test
        void aPortIsInt64WhateverItsControl() {
            MiniProvider p = MiniProvider.sound().edit("internal/generated/destination_snowflake.go",
                    s -> s.replace("\t\"name\": \"name\",\n", "\t\"name\": \"name\",\n\t\"ssh_port\": \"ssh.port\",\n")
                            .replace("\t\t\t\"name\": schema.StringAttribute{", "\t\t\t\"ssh_port\": schema.StringAttribute{Optional: true},\n"
                                    + "\t\t\t\"name\": schema.StringAttribute{"));
            var o = run(US017VerifyDestinationConnectorFieldMappings.class, "fieldAlignment", p,
                    MiniBackend.sound().add(SNOWFLAKE, MiniBackend.string("ssh.port")));
            var r = o.result("acme_destination_snowflake");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains("acme_destination_snowflake.ssh_port (API key ssh.port): type: expected Int64 "
                    + "(a port field), found String [backend: " + SNOWFLAKE + ":6]");
        }

        @Test
        void aSecretNotMarkedSensitiveFails() {
            MiniBackend b = MiniBackend.sound().replace(POSTGRESQL, "api." + KEY1,
                    MiniBackend.field("api." + KEY1, true, "{\"control\": \"password\", \"type\": \"raw\"}"));
            var o = run(US016VerifySourceConnectorFieldMappings.class, "fieldAlignment", b);
            var r = o.result("acme_source_postgresql");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            // The deprecated alias of the field carries the same secret: it is reported too.
            assertThat(message(o, r)).contains("(2 times)",
                    "acme_source_postgresql." + KEY1 + " (API key api." + KEY1 + "): sensitive: expected Sensitive: true "
                            + "(control password), found not sensitive [backend: " + pgLine(b, "api." + KEY1) + "]",
                    "acme_source_postgresql.insert_static_key_field_1 (API key api." + KEY1 + "): sensitive:");
        }

        @Test
        void aSelectWithoutExactlyTheBackendsOptionsFails() {
            MiniBackend b = MiniBackend.sound().replace(SNOWFLAKE, "api.create_schema_auto", MiniBackend.field(
                    "api.create_schema_auto", true, "{\"control\": \"one-select\", \"raw_values\": [\"yes\", {\"value\": \"no\", \"label\": \"No\"}]}"));
            var o = run(US017VerifyDestinationConnectorFieldMappings.class, "fieldAlignment", b);
            var r = o.result("acme_destination_snowflake");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains("(1 time)", "internal/generated/destination_snowflake.go:",
                    "acme_destination_snowflake.create_schema_auto (API key api.create_schema_auto): enum: expected OneOf(yes, no) "
                            + "(raw_values), found no OneOf validator [backend: " + SNOWFLAKE + ":5]");
            // other options than the backend's are an alignment gap, not a CRUD failure
            assertThat(message(o, r)).startsWith("[normal] ");

            MiniProvider withOneOf = MiniProvider.sound().edit("internal/generated/destination_snowflake.go", s -> s
                    .replace("import \"github.com/hashicorp/terraform-plugin-framework/resource/schema\"",
                            "import (\n\t\"github.com/hashicorp/terraform-plugin-framework/resource/schema\"\n"
                                    + "\t\"github.com/hashicorp/terraform-plugin-framework/schema/validator\"\n"
                                    + "\t\"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator\"\n)")
                    .replace("\"create_schema_auto\": schema.StringAttribute{Optional: true,",
                            "\"create_schema_auto\": schema.StringAttribute{Optional: true, Validators: []validator.String{"
                                    + "stringvalidator.OneOf(\"yes\", \"maybe\")},"));
            o = run(US017VerifyDestinationConnectorFieldMappings.class, "fieldAlignment", withOneOf, b);
            r = o.result("acme_destination_snowflake");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains("enum: expected OneOf(yes, no) (raw_values), found OneOf(yes, maybe) without [no] "
                    + "with [maybe], which the backend does not offer");

            MiniProvider exact = MiniProvider.sound().edit("internal/generated/destination_snowflake.go", s -> s
                    .replace("import \"github.com/hashicorp/terraform-plugin-framework/resource/schema\"",
                            "import (\n\t\"github.com/hashicorp/terraform-plugin-framework/resource/schema\"\n"
                                    + "\t\"github.com/hashicorp/terraform-plugin-framework/schema/validator\"\n"
                                    + "\t\"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator\"\n)")
                    .replace("\"create_schema_auto\": schema.StringAttribute{Optional: true,",
                            "\"create_schema_auto\": schema.StringAttribute{Optional: true, Validators: []validator.String{"
                                    + "stringvalidator.OneOf(\"no\", \"yes\")},"));
            run(US017VerifyDestinationConnectorFieldMappings.class, "fieldAlignment", exact, b).assertAllSucceeded();
        }

        @Test
        void aSliderWithoutTheBackendsBoundsFails() {
            MiniProvider int64 = MiniProvider.sound().edit("internal/generated/source_postgresql.go", s -> s
                    .replace("import \"github.com/hashicorp/terraform-plugin-framework/resource/schema\"",
                            "import (\n\t\"github.com/hashicorp/terraform-plugin-framework/resource/schema\"\n"
                                    + "\t\"github.com/hashicorp/terraform-plugin-framework/schema/validator\"\n"
                                    + "\t\"github.com/hashicorp/terraform-plugin-framework-validators/int64validator\"\n)")
                    .replace("\"" + KEY1 + "\": schema.StringAttribute{Optional: true,",
                            "\"" + KEY1 + "\": schema.Int64Attribute{Optional: true, Validators: []validator.Int64{"
                                    + "int64validator.Between(1, 16)},"));
            MiniBackend b = MiniBackend.sound().replace(POSTGRESQL, "api." + KEY1, MiniBackend.field("api." + KEY1, true,
                    "{\"control\": \"slider\", \"type\": \"raw\", \"default\": 2, \"min\": 1, \"max\": 8, \"step\": 1}"));
            var o = run(US016VerifySourceConnectorFieldMappings.class, "fieldAlignment", int64, b);
            var r = o.result("acme_source_postgresql");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains("(1 time)", "acme_source_postgresql." + KEY1 + " (API key api." + KEY1
                    + "): bounds: expected Between(1, 8) (slider min/max), found [Between(1, 16)] [backend: " + pgLine(b, "api." + KEY1) + "]");

            MiniBackend matching = MiniBackend.sound().replace(POSTGRESQL, "api." + KEY1, MiniBackend.field("api." + KEY1, true,
                    "{\"control\": \"slider\", \"min\": 1, \"max\": 16}"));
            run(US016VerifySourceConnectorFieldMappings.class, "fieldAlignment", int64, matching).assertAllSucceeded();
        }

        @Test
        void anExtraMappingFailsAlignmentButMissingFieldsOnlyCoverage() {
            var o = run(US018VerifyTransformFieldMappings.class, "fieldAlignment", MiniBackend.sound().remove(FILTER, "name"));
            var r = o.result("acme_transform_filter");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains("internal/generated/transform_filter.go:",
                    "acme_transform_filter.name (API key name): extra: expected a user_defined field name in " + FILTER + ", found no such field");

            MiniBackend more = MiniBackend.sound().add(FILTER, MiniBackend.string("condition"));
            run(US018VerifyTransformFieldMappings.class, "fieldAlignment", more).assertAllSucceeded();
            o = run(US018VerifyTransformFieldMappings.class, "fieldCoverage", more);
            r = o.result("acme_transform_filter");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains(FILTER + ": acme_transform_filter: expected 100% of the 2 user-defined fields mapped, "
                    + "found 1 (50%)", FILTER + ":5: acme_transform_filter: backend field condition: missing:");
        }

        @Test
        void aFieldTheProvidersOwnCodeSendsIsCovered() {
            MiniBackend b = MiniBackend.sound().add(FILTER, MiniBackend.string("transforms.name"));
            assertThat(run(US018VerifyTransformFieldMappings.class, "fieldCoverage", b).result("acme_transform_filter").getStatus())
                    .isEqualTo(Status.FAILED);
            MiniProvider sends = MiniProvider.sound().with("internal/resource/transform/payload.go",
                    "package transform\n\nfunc payload(name string) map[string]any {\n\tm := map[string]any{}\n"
                            + "\tm[\"transforms.name\"] = name\n\treturn m\n}\n");
            run(US018VerifyTransformFieldMappings.class, "fieldCoverage", sends, b).assertAllSucceeded();
        }

        @Test
        void aDiscrepancyMustBeNamedOnAFindingsPage() {
            MiniBackend b = MiniBackend.sound().add(POSTGRESQL, MiniBackend.string("slot.name"));
            var o = run(US016VerifySourceConnectorFieldMappings.class, "discrepanciesDocumented", b);
            var r = o.result("acme_source_postgresql");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains(pgLine(b, "slot.name") + ": acme_source_postgresql: backend field slot.name: missing:",
                    "undocumented: expected a page under docs/ (not docs/resources/ or docs/data-sources/) or CHANGELOG.md naming "
                            + "postgresql and slot.name, found none among [docs/MIGRATION.md, docs/audits/architecture-comparison-report.md]");

            // A resource page names attributes anyway, and a longer key is not this one.
            MiniProvider notFindings = MiniProvider.sound()
                    .with("docs/resources/source_postgresql.md", "# postgresql\n\nslot.name is not mapped.\n")
                    .with("docs/audits/backend-alignment.md", "# Backend alignment\n\npostgresql: slot.name.prefix is not mapped.\n");
            assertThat(run(US016VerifySourceConnectorFieldMappings.class, "discrepanciesDocumented", notFindings, b)
                    .result("acme_source_postgresql").getStatus()).isEqualTo(Status.FAILED);

            MiniProvider documented = MiniProvider.sound().with("docs/audits/backend-alignment.md",
                    "# Backend alignment\n\n| connector | field | note |\n|---|---|---|\n| PostgreSQL | `slot.name` | not exposed yet |\n");
            run(US016VerifySourceConnectorFieldMappings.class, "discrepanciesDocumented", documented, b).assertAllSucceeded();
            MiniProvider inChangelog = MiniProvider.sound().with("CHANGELOG.md", "# Changelog\n\n- postgresql: slot.name is not exposed.\n");
            run(US016VerifySourceConnectorFieldMappings.class, "discrepanciesDocumented", inChangelog, b).assertAllSucceeded();
        }
    }

    @Nested
    class US019 {
        private final Class<?> story = US019VerifyDynamicFieldExclusion.class;

        private MiniProvider mapping(String from, String to) {
            String file = from.startsWith("create") ? "internal/generated/destination_snowflake.go" : "internal/generated/source_postgresql.go";
            return MiniProvider.sound().edit(file, s -> s.replace("\"api." + from + "\"", "\"" + to + "\""));
        }

        @Test
        void theSoundProviderExposesNoComputedKeyWithOrWithoutTheBackend() {
            for (String m : new String[] {"databaseHostnameNotExposed", "databasePortNotExposed", "connectionUrlNotExposed"}) {
                run(story, m, null).assertAllSucceeded();
                run(story, m, MiniBackend.sound()).assertAllSucceeded();
            }
            run(story, "onlyUserDefinedVariantsExposed", MiniBackend.sound()).assertAllSucceeded();
        }

        @Test
        void aMappingToTheComputedHostnameFails() {
            var o = run(story, "databaseHostnameNotExposed", mapping(KEY1, "database.hostname"), null);
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("internal/generated/source_postgresql.go:", "acme_source_postgresql." + KEY1
                    + ": expected the field mapping database.hostname.user.defined (the user's input), found database.hostname, "
                    + "which the backend computes");
            // The alias maps to the same key, so it is exposed too.
            assertThat(message(o, o.single())).contains("acme_source_postgresql.insert_static_key_field_1:");
        }

        @Test
        void theBackendNamesTheComputedFieldOrAllowsAUserDefinedOne() {
            MiniBackend computed = MiniBackend.sound().replace(POSTGRESQL, "api." + KEY1,
                    MiniBackend.field("database.port", false, "{\"control\": \"string\", \"type\": \"dynamic\"}"));
            var o = run(story, "databasePortNotExposed", mapping(KEY1, "database.port"), computed);
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("found database.port, which the backend computes ("
                    + pgLine(computed, "database.port") + ": user_defined=false)");

            MiniBackend userDefined = MiniBackend.sound().replace(POSTGRESQL, "api." + KEY1, MiniBackend.string("database.port"));
            run(story, "databasePortNotExposed", mapping(KEY1, "database.port"), userDefined).assertAllSucceeded();
        }

        @Test
        void aMappingToTheComputedConnectionUrlFails() {
            var o = run(story, "connectionUrlNotExposed", mapping("create_schema_auto", "connection.url"), null);
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("internal/generated/destination_snowflake.go:",
                    "acme_destination_snowflake.create_schema_auto: expected the field mapping connection.url.user.defined");
        }

        @Test
        void withoutTheBackendOnlyTheStaticPartRunsThenItIsSkipped() {
            var r = run(story, "onlyUserDefinedVariantsExposed", null).single();
            assertThat(r.getStatus()).isEqualTo(Status.ABORTED);
            assertThat(r.getThrowable().orElseThrow().getMessage()).startsWith("skipped: no mapping names a known computed key "
                    + "(database.hostname, database.port, connection.url)").contains("no backend checkout", "--backend BACKEND_DIR");
        }

        @Test
        void mappingBothAKeyAndItsUserDefinedVariantFails() {
            MiniProvider both = mapping(KEY1, "database.user").edit("internal/generated/source_postgresql.go",
                    s -> s.replace("\"api.transforms_insert_static_key1_static_value\"", "\"database.user.user.defined\""));
            var o = run(story, "onlyUserDefinedVariantsExposed", both, null);
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("internal/generated/source_postgresql.go:", "acme_source_postgresql." + KEY1
                    + " maps to database.user while another attribute maps to database.user.user.defined: expected only the "
                    + ".user.defined variant exposed, found both");
        }

        @Test
        void withTheBackendEveryComputedKeyIsCaught() {
            MiniBackend b = MiniBackend.sound()
                    .replace(POSTGRESQL, "api." + KEY1, MiniBackend.field("api." + KEY1, false, "{\"type\": \"dynamic\"}"))
                    .add(POSTGRESQL, MiniBackend.string("api." + KEY1 + ".user.defined"));
            var o = run(story, "onlyUserDefinedVariantsExposed", b);
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("acme_source_postgresql." + KEY1 + " maps to api." + KEY1 + ", which "
                    + pgLine(b, "api." + KEY1) + " marks user_defined=false (type dynamic): expected api." + KEY1 + ".user.defined ("
                    + pgLine(b, "api." + KEY1 + ".user.defined") + "), found api." + KEY1);
        }

        @Test
        void withoutAnyFieldMappingThereIsNothingToReadExposureFrom() {
            MiniProvider none = MiniProvider.sound();
            for (String w : new String[] {"source/postgresql", "destination/snowflake", "transform/filter"}) {
                none.edit("internal/resource/" + w + "_generated.go", s -> s.replace("\treturn m\n}", "\treturn map[string]string{}\n}"));
            }
            var r = run(story, "databaseHostnameNotExposed", none, null).single();
            assertThat(r.getStatus()).isEqualTo(Status.ABORTED);
            assertThat(r.getThrowable().orElseThrow().getMessage()).contains("none of the 3 connector resources has field mappings");
        }

        @Test
        void typecheckIsSkippedWithoutConsent() {
            assertThat(run(story, "typecheckPasses", null).single().getStatus()).isEqualTo(Status.ABORTED);
        }
    }
}
