package io.tfaudit.criteria.phase4;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.audit.AuditConfig;
import io.tfaudit.audit.ExternalCommand;
import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.MiniProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * Phase 4 criteria on the mini provider with a small code generator of its own
 * ({@code tfgen-fixture}: cmd/tfgen, the internal/generated files it writes, and the backend
 * it writes them from): each criterion fails on a fixture broken for it, and on the sound one
 * passes, or is skipped for what it needs (a backend checkout, consent to run Go).
 */
class Phase4CriteriaTest {

    /** The fixture's files, under src/test/resources/io/tfaudit/criteria/phase4/tfgen-fixture. */
    static final List<String> FIXTURE = List.of(
            "cmd/tfgen/parser.go", "cmd/tfgen/generator.go", "cmd/tfgen/main.go", "cmd/tfgen/overrides.json",
            "cmd/tfgen/deprecations.json", "internal/generated/generate.go", "internal/generated/source_postgresql.go",
            "internal/generated/destination_snowflake.go", "internal/generated/transform_filter.go",
            "backend/app/sources/plugins/postgresql/configuration.latest.json",
            "backend/app/destinations/plugins/snowflake/configuration.latest.json",
            "backend/app/transforms/plugins/filter/configuration.latest.json");

    static final String PG = "internal/generated/source_postgresql.go";
    static final String SF = "internal/generated/destination_snowflake.go";
    static final String PG_BACKEND = "backend/app/sources/plugins/postgresql/configuration.latest.json";

    @TempDir
    Path dir;

    private int runs;

    /** The mini provider with the generator fixture; the PostgreSQL wrapper's v2 aliases are dropped (the fixture's backend has no such fields). */
    static MiniProvider fixture() {
        MiniProvider p = MiniProvider.sound();
        for (String path : FIXTURE) {
            p.with(path, resource(path));
        }
        return p.edit("internal/resource/source/postgresql_generated.go",
                s -> s.replaceAll("(var postgresqlAliases = \\[\\]struct\\{ oldName, newName string \\}\\{\n)(\t\t\\{[^\n]*\\},\n)+", "$1"));
    }

    private static String resource(String path) {
        try (InputStream in = Phase4CriteriaTest.class.getResourceAsStream("tfgen-fixture/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource tfgen-fixture/" + path, e instanceof IOException io
                    ? new UncheckedIOException(io) : e);
        }
    }

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider) {
        return run(story, method, provider, false, false);
    }

    private CriterionTestKit.Outcome withBackend(Class<?> story, String method, MiniProvider provider) {
        return run(story, method, provider, true, false);
    }

    private CriterionTestKit.Outcome withExec(Class<?> story, String method, MiniProvider provider) {
        Assumptions.assumeTrue(ExternalCommand.onPath("go").isPresent(), "needs `go` on PATH");
        return run(story, method, provider, true, true);
    }

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider, boolean backend, boolean exec) {
        Path root = provider.writeTo(dir.resolve("run" + ++runs));
        Map<String, String> config = new HashMap<>();
        if (backend) {
            config.put(AuditConfig.BACKEND_PATH, root.resolve("backend").toString());
        }
        if (exec) {
            config.put(AuditConfig.EXEC, "true");
        }
        return CriterionTestKit.run(story, method, root, config);
    }

    private static void assertFails(CriterionTestKit.Outcome o, TestExecutionResult r, String... evidence) {
        assertThat(r.getStatus()).as(o.message(r)).isEqualTo(Status.FAILED);
        assertThat(o.message(r)).contains(evidence);
    }

    private static void assertSkipped(CriterionTestKit.Outcome o, TestExecutionResult r, String... reason) {
        assertThat(r.getStatus()).as(o.message(r)).isEqualTo(Status.ABORTED);
        assertThat(o.message(r)).contains(reason);
    }

    private static void assertPasses(CriterionTestKit.Outcome o) {
        o.assertAllSucceeded();
    }

    @ParameterizedTest
    @ValueSource(classes = {US010VerifyParserImplementation.class, US011VerifyGeneratorImplementation.class,
            US012VerifyOverrideSystem.class, US013VerifyDeprecationSystem.class, US014RunRegenerationTest.class})
    void typecheckIsSkippedWithoutConsentAndFailsOnASyntaxError(Class<?> story) {
        var sound = run(story, "typecheckPasses", fixture());
        assertSkipped(sound, sound.single(), "every Go file parses", "go build ./...");
        var o = run(story, "typecheckPasses", fixture().edit("cmd/tfgen/parser.go", s -> s.replace("func (c *Connector) Exposed() []Field {",
                "func (c *Connector) Exposed() []Field {{")));
        assertFails(o, o.single(), "cmd/tfgen/parser.go:", "Go syntax error");
    }

    @Nested
    class US010 {
        private final Class<?> story = US010VerifyParserImplementation.class;

        @Test
        void readsConfigurationFilesThenComparesWithTheBackend() {
            var noBackend = run(story, "readsConfigurationFiles", fixture());
            assertSkipped(noBackend, noBackend.single(), "the parser's source decodes configuration.latest.json",
                    "needs a backend checkout", "--backend");
            assertPasses(withBackend(story, "readsConfigurationFiles", fixture()));
            var renamed = run(story, "readsConfigurationFiles", fixture().edit("cmd/tfgen/main.go",
                    s -> s.replace("\"configuration.latest.json\"", "\"config.json\"")));
            assertFails(renamed, renamed.single(), "cmd/tfgen/", "expected the generator to read each connector's configuration.latest.json");
            var o = withBackend(story, "readsConfigurationFiles", fixture().edit(PG_BACKEND, s -> s.replace("\"aws.role.arn\"", "\"aws.role\"")));
            assertFails(o, o.single(), PG + ":", "acme_source_postgresql.aws_role_arn maps to aws.role.arn, which "
                    + "app/sources/plugins/postgresql/configuration.latest.json does not define");
        }

        @Test
        void aConnectorTheBackendLacksFails() {
            var o = withBackend(story, "readsConfigurationFiles", fixture().without("backend/app/transforms/plugins/filter/configuration.latest.json"));
            assertFails(o, o.single(), "internal/generated/transform_filter.go:1", "the backend has no app/transforms/plugins/filter/configuration.latest.json");
        }

        @Test
        void onlyUserDefinedFields() {
            assertPasses(withBackend(story, "onlyUserDefinedFields", fixture()));
            var o = withBackend(story, "onlyUserDefinedFields", fixture().edit(PG_BACKEND,
                    s -> s.replace("{\"name\": \"ssh.host\", \"description\": \"Host of the SSH tunnel\", \"user_defined\": true",
                            "{\"name\": \"ssh.host\", \"description\": \"Host of the SSH tunnel\", \"user_defined\": false")));
            assertFails(o, o.single(), "acme_source_postgresql.ssh_host maps to ssh.host, which the backend marks user_defined: false");
            var unfiltered = run(story, "onlyUserDefinedFields", fixture().edit("cmd/tfgen/parser.go",
                    s -> s.replace("if f.UserDefined && ", "if ")));
            assertFails(unfiltered, unfiltered.single(), "cmd/tfgen/parser.go:", "Field.UserDefined, but no code the generator runs reads it");
        }

        @Test
        void fieldMetadataExtracted() {
            assertPasses(withBackend(story, "fieldMetadataExtracted", fixture()));
            var notSensitive = withBackend(story, "fieldMetadataExtracted", fixture().edit(PG, s -> s.replace(
                    "\t\t\t\tRequired:            true,\n\t\t\t\tSensitive:           true,\n", "\t\t\t\tRequired:            true,\n")));
            assertFails(notSensitive, notSensitive.single(), "acme_source_postgresql.database_password: the backend's database.password "
                    + "is encrypt: true, the attribute is not Sensitive");
            var otherDefault = withBackend(story, "fieldMetadataExtracted", fixture().edit(PG_BACKEND, s -> s.replace("\"default\": \"5432\"",
                    "\"default\": \"5433\"")));
            assertFails(otherDefault, otherDefault.single(), "database_port: default int64default.StaticInt64(5432), the backend's default "
                    + "for database.port.user.defined is 5433");
            var undecoded = run(story, "fieldMetadataExtracted", fixture().edit("cmd/tfgen/parser.go",
                    s -> s.replace("`json:\"encrypt\"`", "`json:\"encrypted\"`")));
            assertFails(undecoded, undecoded.single(), "to decode \"encrypt\", found no such field");
        }

        @Test
        void enumValuesFromRawValues() {
            assertPasses(withBackend(story, "enumValuesFromRawValues", fixture()));
            var o = withBackend(story, "enumValuesFromRawValues", fixture().edit(PG_BACKEND,
                    s -> s.replace("[\"require\", \"disable\"]", "[\"require\", \"disable\", \"verify-full\"]")));
            assertFails(o, o.single(), "database_sslmode: OneOf[require, disable], the backend's raw_values for database.sslmode are "
                    + "[require, disable, verify-full]");
            var twice = run(story, "enumValuesFromRawValues", fixture().edit(PG,
                    s -> s.replace("stringvalidator.OneOf(\"require\", \"disable\")", "stringvalidator.OneOf(\"require\", \"require\")")));
            assertFails(twice, twice.single(), PG + ":", "lists a value twice");
        }

        @Test
        void sliderBounds() {
            assertPasses(withBackend(story, "sliderBounds", fixture()));
            var o = withBackend(story, "sliderBounds", fixture().edit(PG_BACKEND, s -> s.replace("\"max\": 8", "\"max\": 16")));
            assertFails(o, o.single(), "snapshot_parallelism: int64validator.Between[1, 8], the backend's slider snapshot.parallelism is "
                    + "Between(1, 16)");
            var inverted = run(story, "sliderBounds", fixture().edit(PG, s -> s.replace("int64validator.Between(1, 8)", "int64validator.Between(8, 1)")));
            assertFails(inverted, inverted.single(), "has min above max");
            var noStep = run(story, "sliderBounds", fixture().edit("cmd/tfgen/parser.go", s -> s.replace("`json:\"step\"`", "`json:\"increment\"`")));
            assertFails(noStep, noStep.single(), "to decode \"step\"");
        }

        @Test
        void conditionalFields() {
            assertPasses(withBackend(story, "conditionalFields", fixture()));
            var o = withBackend(story, "conditionalFields", fixture().edit(PG, s -> s.replace(
                    "\"ssh_host\": schema.StringAttribute{\n\t\t\t\tOptional:", "\"ssh_host\": schema.StringAttribute{\n\t\t\t\tRequired:")));
            assertFails(o, o.single(), "acme_source_postgresql.ssh_host: ssh.host only applies under a condition", "yet the attribute is Required");
            var undecoded = run(story, "conditionalFields", fixture().edit("cmd/tfgen/parser.go",
                    s -> s.replace("`json:\"conditions\"`", "`json:\"when\"`")));
            assertFails(undecoded, undecoded.single(), "expected the entry struct Field to decode \"conditions\"");
        }
    }

    @Nested
    class US011 {
        private final Class<?> story = US011VerifyGeneratorImplementation.class;

        @Test
        void typeMapping() {
            assertPasses(run(story, "typeMapping", fixture()));
            assertPasses(withBackend(story, "typeMapping", fixture()));
            var table = run(story, "typeMapping", fixture().edit("cmd/tfgen/generator.go",
                    s -> s.replace("\"multi-select\": \"types.List\"", "\"multi-select\": \"types.String\"")));
            assertFails(table, table.single(), "cmd/tfgen/generator.go:", "control \"multi-select\": expected types.List, found types.String");
            var o = withBackend(story, "typeMapping", fixture().edit(PG_BACKEND,
                    s -> s.replace("\"control\": \"toggle\"", "\"control\": \"number\"")));
            assertFails(o, o.single(), "heartbeat_enabled: the backend's heartbeat.enabled is a \"number\", expected types.Int64, found Bool");
        }

        @Test
        void portFieldsAreInt64() {
            assertPasses(run(story, "portFieldsAreInt64", fixture()));
            var o = run(story, "portFieldsAreInt64", fixture().edit(PG, s -> s.replace("\"database_port\": schema.Int64Attribute{",
                    "\"database_port\": schema.StringAttribute{").replace("DatabasePort              types.Int64 ", "DatabasePort              types.String")));
            assertFails(o, o.single(), PG + ":", "acme_source_postgresql.database_port: a port, expected schema.Int64Attribute, found String",
                    "model field DatabasePort (tfsdk:\"database_port\") is types.String");
            var noRule = run(story, "portFieldsAreInt64", fixture().edit("cmd/tfgen/generator.go", s -> s.replace("\"_port\"", "\"_prt\"")));
            assertFails(noRule, noRule.single(), "found no \"_port\" in the generator");
        }

        @Test
        void abbreviationsUppercased() {
            assertPasses(run(story, "abbreviationsUppercased", fixture()));
            var o = run(story, "abbreviationsUppercased", fixture().edit(PG, s -> s.replace("\tSSHHost ", "\tSshHost ")));
            assertFails(o, o.single(), PG + ":", "model field SshHost (tfsdk:\"ssh_host\"): expected SSHHost");
            var list = run(story, "abbreviationsUppercased", fixture().edit("cmd/tfgen/generator.go", s -> s.replace(", \"ARN\"", "")));
            assertFails(list, list.single(), "missing [ARN]");
        }

        @Test
        void defaultFunctions() {
            assertPasses(run(story, "defaultFunctions", fixture()));
            var o = run(story, "defaultFunctions", fixture().edit(PG, s -> s.replace("Default:             stringdefault.StaticString(\"require\")",
                    "Default:             int64default.StaticInt64(1)")));
            assertFails(o, o.single(), "database_sslmode: String attribute with default int64default.StaticInt64(1), expected stringdefault.…");
            var notComputed = run(story, "defaultFunctions", fixture().edit(PG, s -> s.replace(
                    "\"heartbeat_enabled\": schema.BoolAttribute{\n\t\t\t\tOptional:            true,\n\t\t\t\tComputed:            true,\n",
                    "\"heartbeat_enabled\": schema.BoolAttribute{\n\t\t\t\tOptional:            true,\n")));
            assertFails(notComputed, notComputed.single(), "heartbeat_enabled: has a Default but is not Computed");
            var noBool = run(story, "defaultFunctions", fixture().edit("cmd/tfgen/generator.go",
                    s -> s.replace("booldefault.StaticBool(%s)", "boolDefault(%s)")));
            assertFails(noBool, noBool.single(), "expected the generator to write booldefault.StaticBool(...)");
        }

        @Test
        void validators() {
            assertPasses(run(story, "validators", fixture()));
            var o = run(story, "validators", fixture().edit(PG, s -> s.replace("stringdefault.StaticString(\"require\")",
                    "stringdefault.StaticString(\"prefer\")")));
            assertFails(o, o.single(), "database_sslmode: default \"prefer\" is not one of [require, disable]");
            var wrongPackage = run(story, "validators", fixture().edit(PG, s -> s.replace("[]validator.Int64{int64validator.Between(1, 8)}",
                    "[]validator.Int64{stringvalidator.LengthBetween(1, 8)}")));
            assertFails(wrongPackage, wrongPackage.single(), "snapshot_parallelism: stringvalidator.LengthBetween on a Int64 attribute, expected int64validator");
            var noBetween = run(story, "validators", fixture().edit("cmd/tfgen/generator.go",
                    s -> s.replace("\"int64validator.Between(%d, %d)\"", "\"int64validator.Range(%d, %d)\"")));
            assertFails(noBetween, noBetween.single(), "expected the generator to write int64validator.Between(");
        }

        @Test
        void planModifiers() {
            assertPasses(run(story, "planModifiers", fixture()));
            assertPasses(withBackend(story, "planModifiers", fixture()));
            var o = run(story, "planModifiers", fixture().edit("internal/generated/transform_filter.go", s -> s.replace(
                    "\t\t\t\tPlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},\n", "")));
            assertFails(o, o.single(), "acme_transform_filter.id: the computed id has no UseStateForUnknown");
            var setOnce = withBackend(story, "planModifiers", fixture().edit(PG, s -> s.replace(
                    "\t\t\t\tPlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},\n", "")));
            assertFails(setOnce, setOnce.single(), "acme_source_postgresql.slot_name: the backend's slot.name is set_once, the attribute has no RequiresReplace");
            // The same missing RequiresReplace with the backend file broken: not compared, so skipped, never passed.
            var unread = withBackend(story, "planModifiers", fixture().edit(PG, s -> s.replace(
                    "\t\t\t\tPlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},\n", ""))
                    .with(PG_BACKEND, "{\"config\": [ {\"name\": \"slot.name\", "));
            assertSkipped(unread, unread.single(), "1 connector(s) could not be compared with the backend: acme_source_postgresql: "
                    + "app/sources/plugins/postgresql/configuration.latest.json does not parse");
        }

        @Test
        void encryptIsSensitive() {
            assertPasses(run(story, "encryptIsSensitive", fixture()));
            assertPasses(withBackend(story, "encryptIsSensitive", fixture()));
            var o = run(story, "encryptIsSensitive", fixture().edit("cmd/tfgen/generator.go",
                    s -> s.replace("a.sensitive = f.Encrypt || f.Value.Control == \"password\"", "a.sensitive = f.Value.Control == \"password\"")));
            assertFails(o, o.single(), "cmd/tfgen/generator.go:", "Sensitive is set without reading Field.Encrypt (encrypt)");
            var b = withBackend(story, "encryptIsSensitive", fixture().edit(PG, s -> s.replace(
                    "\t\t\t\tRequired:            true,\n\t\t\t\tSensitive:           true,\n", "\t\t\t\tRequired:            true,\n")));
            assertFails(b, b.single(), "acme_source_postgresql.database_password: the backend's database.password has encrypt: true, "
                    + "the attribute is not Sensitive");
        }

        @Test
        void descriptionsEnhanced() {
            assertPasses(run(story, "descriptionsEnhanced", fixture()));
            var o = run(story, "descriptionsEnhanced", fixture().edit(PG, s -> s.replace(
                    "Description:         \"TLS mode. Defaults to `require`. Valid values: `require`, `disable`.\",",
                    "Description:         \"TLS mode. Defaults to `require`.\",")));
            assertFails(o, o.single(), "acme_source_postgresql.database_sslmode: Description lacks its valid values ([disable] not named)");
            var secret = run(story, "descriptionsEnhanced", fixture().edit(PG, s -> s.replace(
                    "MarkdownDescription: \"Password of the user. Sensitive: never shown in plans or logs.\",",
                    "MarkdownDescription: \"Password of the user.\",")));
            assertFails(secret, secret.single(), "database_password: MarkdownDescription lacks a security note");
        }

        @Test
        void goEscapedDefaultsAreNamedAsSuch() {
            assertThat(US011VerifyGeneratorImplementation.goQuoted("a\\w\"b")).isEqualTo("\"a\\\\w\\\"b\"");
            assertThat(US011VerifyGeneratorImplementation.expectedSpelling("KcClusterId", "kc_cluster_id")).hasValue("KcClusterID");
            assertThat(US011VerifyGeneratorImplementation.expectedSpelling("ImplementationJSON", "implementation_json")).isEmpty();
            assertThat(US011VerifyGeneratorImplementation.expectedSpelling("Name", "display_name")).isEmpty();
        }
    }

    @Nested
    class US012 {
        private final Class<?> story = US012VerifyOverrideSystem.class;

        @Test
        void overridesLoaded() {
            assertPasses(run(story, "overridesLoaded", fixture()));
            var o = run(story, "overridesLoaded", fixture().edit("cmd/tfgen/overrides.json", s -> s.replace("\"api_field\": \"auto.qa",
                    "\"apiField\": \"auto.qa")));
            assertFails(o, o.single(), "cmd/tfgen/overrides.json:3", "key \"apiField\" is decoded by no struct of cmd/tfgen");
            var missing = run(story, "overridesLoaded", fixture().without("cmd/tfgen/overrides.json"));
            assertFails(missing, missing.single(), "cmd/tfgen/overrides.json: expected the override file, found none");
            var dead = run(story, "overridesLoaded", fixture().edit("cmd/tfgen/overrides.json", s -> s.replace("\"connector\": \"snowflake\"",
                    "\"connector\": \"snowflakes\"")));
            assertFails(dead, dead.single(), "no generated file internal/generated/destination_snowflakes.go");
        }

        @Test
        void overrideTypesWork() {
            var sound = run(story, "overrideTypesWork", fixture());
            assertThat(sound.names()).hasSize(3);
            assertThat(sound.result("map_string: destination snowflake auto_qa_dedupe_table_mapping").getStatus()).isEqualTo(Status.SUCCESSFUL);
            assertSkipped(sound, sound.result("map_nested: destination clickhouse topics_config_map"),
                    "not applicable: the provider has no destination clickhouse resource");
            var o = run(story, "overrideTypesWork", fixture().edit(SF, s -> s.replace(
                    "\"auto_qa_dedupe_table_mapping\": schema.MapAttribute{\n\t\t\t\tElementType:         types.StringType,\n",
                    "\"auto_qa_dedupe_table_mapping\": schema.StringAttribute{\n")));
            assertFails(o, o.result("map_string: destination snowflake auto_qa_dedupe_table_mapping"),
                    "acme_destination_snowflake.auto_qa_dedupe_table_mapping: map_string override, expected schema.MapAttribute, found String");
            var unhandled = run(story, "overrideTypesWork", fixture().edit("cmd/tfgen/generator.go",
                    s -> s.replace("case \"map_nested\":", "case \"nested_map\":")));
            assertFails(unhandled, unhandled.result("map_nested: source sqlserver snapshot_custom_table_config"),
                    "expected the generator to handle override type \"map_nested\"");
        }

        @Test
        void overriddenFieldsGenerated() {
            assertPasses(run(story, "overriddenFieldsGenerated", fixture()));
            var o = run(story, "overriddenFieldsGenerated", fixture().edit(PG, s -> s.replace("int64validator.AtLeast(1)", "int64validator.AtLeast(2)")));
            assertFails(o, o.single(), "acme_source_postgresql.snapshot_custom_table_config.chunks: expected validator AtLeast(1)");
            var optional = run(story, "overriddenFieldsGenerated", fixture().edit(PG, s -> s.replace(
                    "\"chunks\": schema.Int64Attribute{\n\t\t\t\t\t\tRequired:", "\"chunks\": schema.Int64Attribute{\n\t\t\t\t\t\tOptional:")));
            assertFails(optional, optional.single(), "snapshot_custom_table_config.chunks: expected Required as the override says");
        }
    }

    @Nested
    class US013 {
        private final Class<?> story = US013VerifyDeprecationSystem.class;
        private static final String WRAPPER = "internal/resource/destination/snowflake_generated.go";

        @Test
        void deprecationsLoaded() {
            assertPasses(run(story, "deprecationsLoaded", fixture()));
            var missing = run(story, "deprecationsLoaded", fixture().without("cmd/tfgen/deprecations.json"));
            assertFails(missing, missing.single(), "cmd/tfgen/deprecations.json: expected the file, found none; the generator expects it");
            // the aliases are declared in the wrappers: no configuration breaks, a design deviation (normal)
            assertFails(missing, missing.single(), "[normal] ", "deprecated attributes are declared in wrapper code instead");
            var typo = run(story, "deprecationsLoaded", fixture().edit("cmd/tfgen/deprecations.json",
                    s -> s.replace("\"new\": \"create_schema_auto\"", "\"new\": \"create_schema_automatic\"")));
            assertFails(typo, typo.single(), "[critical] ", "acme_destination_snowflake: auto_schema_creation is an alias of create_schema_automatic, which the schema lacks");
        }

        @Test
        void modelFields() {
            assertPasses(run(story, "modelFields", fixture()));
            var o = run(story, "modelFields", fixture().edit(SF, s -> s.replaceAll("\tAutoSchemaCreation [^\n]*\n", "")));
            assertFails(o, o.single(), SF, "acme_destination_snowflake: the model has no field tfsdk:\"auto_schema_creation\"");
        }

        @Test
        void wrapperAttributes() {
            assertPasses(run(story, "wrapperAttributes", fixture()));
            var o = run(story, "wrapperAttributes", fixture().edit(WRAPPER, s -> s.replace(
                    "\t\t\tDeprecationMessage: \"Use '\" + a.newName + \"' instead.\",\n", "")));
            assertFails(o, o.single(), WRAPPER + ":", "acme_destination_snowflake.auto_schema_creation: expected a DeprecationMessage");
        }

        @Test
        void fieldMappings() {
            assertPasses(run(story, "fieldMappings", fixture()));
            var o = run(story, "fieldMappings", fixture().edit(WRAPPER, s -> s.replace(
                    "m[a.oldName] = generated.DestinationSnowflakeFieldMappings[a.newName]", "m[a.oldName] = \"legacy.key\"")));
            assertFails(o, o.single(), "auto_schema_creation maps to legacy.key, its replacement create_schema_auto to create.schema.auto");
        }
    }

    @Nested
    class US014 {
        private final Class<?> story = US014RunRegenerationTest.class;

        @Test
        void goGenerateNeedsTheDirectiveThenConsent() {
            var sound = run(story, "runGoGenerate", fixture());
            assertSkipped(sound, sound.single(), "needs consent (-Dexec=true)",
                    "STREAMKAP_BACKEND_PATH=/path/to/backend go generate ./... && git diff internal/generated/");
            var o = run(story, "runGoGenerate", fixture().without("internal/generated/generate.go"));
            assertFails(o, o.single(), "expected a //go:generate directive that runs tfgen, found none");
            var noBackend = run(story, "runGoGenerate", fixture().edit("internal/generated/generate.go",
                    s -> s.replace("-backend ${STREAMKAP_BACKEND_PATH}", "-backend ../../backend")));
            assertFails(noBackend, noBackend.single(), "internal/generated/generate.go:4", "does not take the backend from STREAMKAP_BACKEND_PATH");
        }

        @Test
        void regenerationRunsWithConsentAndGivesTheCommittedFiles() {
            assertPasses(withExec(story, "runGoGenerate", fixture()));
            assertPasses(withExec(story, "diffTheGeneratedFiles", fixture()));
            assertPasses(withExec(story, "noChanges", fixture()));
        }

        @Test
        void aBrokenGeneratorFailsTheRun() {
            var o = withExec(story, "runGoGenerate", fixture().edit("cmd/tfgen/overrides.json", s -> s.replace("\"overrides\": [", "\"overrides\": [[")));
            assertFails(o, o.single(), "go generate -run tfgen ./... exited 1", "overrides.json");
        }

        @Test
        void aStaleFileFailsTheDiff() {
            var noConsent = run(story, "diffTheGeneratedFiles", fixture());
            assertSkipped(noConsent, noConsent.single(), "needs consent");
            var o = withExec(story, "diffTheGeneratedFiles", fixture().with("internal/generated/source_legacy.go",
                    "// Code generated by tfgen. DO NOT EDIT.\n\npackage generated\n\nvar SourceLegacyFieldMappings = map[string]string{}\n"));
            assertFails(o, o.single(), "internal/generated/source_legacy.go: committed, but the generator no longer produces it");
        }

        @Test
        void aHandEditFailsButWhitespaceDoesNot() {
            var noMarker = run(story, "noChanges", fixture().edit(PG, s -> s.replace("// Code generated by tfgen. DO NOT EDIT.\n", "")));
            assertFails(noMarker, noMarker.single(), PG + ":1", "expected the \"// Code generated ... DO NOT EDIT.\" line");
            var o = withExec(story, "noChanges", fixture().edit(PG, s -> s.replace("\"Tables to capture.\",\n", "\"Tables to capture (edited).\",\n")));
            assertFails(o, o.single(), PG + ":", "differs after regeneration: committed `", "Tables to capture (edited).");
            assertPasses(withExec(story, "noChanges", fixture().edit(PG, s -> s.replace("\tID                        types.String",
                    "\tID types.String"))));
        }

        @Test
        void generatedFilesImportWhatTheyUse() {
            var sound = run(story, "generatedFilesCompile", fixture());
            assertSkipped(sound, sound.single(), "every generated file parses and imports what it uses", "go build ./internal/generated/...");
            var unused = run(story, "generatedFilesCompile", fixture().edit("internal/generated/transform_filter.go", s -> s.replace(
                    "import (\n", "import (\n\t\"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault\"\n")));
            assertFails(unused, unused.single(), "internal/generated/transform_filter.go:6",
                    "\"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault\" imported and not used");
            var undefined = run(story, "generatedFilesCompile", fixture().edit(SF, s -> s.replace(
                    "\t\"github.com/hashicorp/terraform-plugin-framework/types\"\n", "")));
            assertFails(undefined, undefined.single(), SF + ":", "undefined: types");
        }
    }
}
