package io.tfaudit.criteria.phase9;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.audit.AuditConfig;
import io.tfaudit.audit.ExternalCommand;
import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.MiniProvider;
import io.tfaudit.criteria.documentation.DocumentedProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * Phase 9 criteria: each fails on the documented fixture broken for it, with its evidence,
 * and passes (or is skipped for the tool or consent it needs) on the sound one.
 */
class Phase9CriteriaTest {

    static final String PG_GENERATED = "internal/generated/source_postgresql.go";
    static final String PG_EXAMPLES = "examples/resources/acme_source_postgresql/";

    @TempDir
    Path dir;

    private int runs;

    /** Each run gets a fresh folder: the audit reads a provider once per path and configuration. */
    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider) {
        return run(story, method, provider, Map.of());
    }

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider, Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(extra);
        return CriterionTestKit.run(story, method, provider.writeTo(dir.resolve("run" + ++runs)), params);
    }

    /** Every test passed, or was skipped saying what it needs. */
    static void assertPassesOrSkips(CriterionTestKit.Outcome o) {
        assertThat(o.finished()).as("finished tests").isNotEmpty();
        for (var e : o.finished()) {
            TestExecutionResult r = e.getRequiredPayload(TestExecutionResult.class);
            String name = e.getTestDescriptor().getDisplayName();
            if (r.getStatus() == Status.ABORTED) {
                assertThat(o.message(r)).as(name).startsWith("skipped: ");
            } else {
                assertThat(r.getStatus()).as("%s: %s", name, o.message(r)).isEqualTo(Status.SUCCESSFUL);
            }
        }
    }

    static void assertFails(CriterionTestKit.Outcome o, TestExecutionResult r, String... evidence) {
        assertThat(r.getStatus()).as(o.message(r)).isEqualTo(Status.FAILED);
        assertThat(o.message(r)).contains(evidence);
    }

    @Test
    void theDocumentedFixturePassesEveryPhase9Criterion() {
        for (Class<?> story : List.of(US026AuditDescriptionQuality.class, US027VerifyExampleFiles.class,
                US028TestTerraformMcpServerCompatibility.class)) {
            for (var m : story.getDeclaredMethods()) {
                if (m.isAnnotationPresent(io.tfaudit.api.Criterion.class)) {
                    assertPassesOrSkips(run(story, m.getName(), DocumentedProvider.sound()));
                }
            }
        }
    }

    @Nested
    class US026 {
        private final Class<?> story = US026AuditDescriptionQuality.class;

        @Test
        void aMissingMarkdownDescriptionFails() {
            var o = run(story, "bothDescriptions", DocumentedProvider.sound().edit(PG_GENERATED, s -> s.replace(
                    "MarkdownDescription: \"TCP port the server listens on. Defaults to `5432`.\", ", "")));
            assertFails(o, o.result("acme_source_postgresql"), PG_GENERATED + ":",
                    "attribute database_port: expected both Description and MarkdownDescription, MarkdownDescription is missing");
            assertThat(o.result("acme_destination_snowflake").getStatus()).isEqualTo(Status.SUCCESSFUL);
        }

        @Test
        void deprecatedAliasesWithoutDescriptionsFailOnTheMiniProvider() {
            var o = run(story, "bothDescriptions", MiniProvider.sound());
            assertFails(o, o.result("acme_destination_snowflake"), "internal/resource/destination/snowflake_generated.go:",
                    "attribute auto_schema_creation: expected both Description and MarkdownDescription, found neither");
        }

        @Test
        void anEnumListingOtherValuesFails() {
            var o = run(story, "enumsListTheirValues", DocumentedProvider.sound().edit(PG_GENERATED, s -> s.replaceFirst(
                    "Valid values: `require`, `disable`\\.", "Valid values: `require`, `verify-full`.")));
            assertFails(o, o.result("acme_source_postgresql"), PG_GENERATED + ":",
                    "attribute ssl_mode: Description lists valid values [require, verify-full], expected exactly the OneOf values "
                            + "[require, disable]; missing [disable]; not accepted by the validator [verify-full]");
        }

        @Test
        void anEnumWithoutValidValuesFails() {
            var o = run(story, "enumsListTheirValues", DocumentedProvider.sound().edit(PG_GENERATED, s -> s.replace(
                    " Valid values: `require`, `disable`.", "")));
            assertFails(o, o.result("acme_source_postgresql"),
                    "attribute ssl_mode: MarkdownDescription does not document its valid values; expected \"Valid values: `require`, `disable`.\"");
        }

        @Test
        void aDefaultThatIsNotTheSchemasFails() {
            var o = run(story, "defaultsAreDocumented", DocumentedProvider.sound().edit(PG_GENERATED, s -> s.replace(
                    "MarkdownDescription: \"TCP port the server listens on. Defaults to `5432`.\"",
                    "MarkdownDescription: \"TCP port the server listens on. Defaults to `5433`.\"")));
            assertFails(o, o.result("acme_source_postgresql"), PG_GENERATED + ":",
                    "attribute database_port: MarkdownDescription says \"Defaults to `5433`\", which is not the schema's default; "
                            + "expected \"Defaults to `5432`.\" (int64default.StaticInt64(5432))");
        }

        /**
         * A generator that writes the plain Description's default with fmt's %q quotes the value
         * as a Go literal ("re\\quire" for re\quire): that documents the default.
         */
        @Test
        void aDefaultQuotedAsGoQuotesItIsDocumented() {
            var o = run(story, "defaultsAreDocumented", DocumentedProvider.sound().edit(PG_GENERATED, s -> s.replace(
                    "encrypted. Defaults to `require`. Valid values: `require`, `disable`.\", MarkdownDescription: \"How the connection to the server is encrypted. Defaults to `require`. Valid values: `require`, `disable`.\", Default: stringdefault.StaticString(\"require\")",
                    "encrypted. Defaults to \\\"re\\\\\\\\quire\\\". Valid values: `require`, `disable`.\", MarkdownDescription: \"How the connection to the server is encrypted. Defaults to `re\\\\quire`. Valid values: `require`, `disable`.\", Default: stringdefault.StaticString(\"re\\\\quire\")")));
            var r = o.result("acme_source_postgresql");
            assertThat(r.getStatus()).as(o.message(r)).isEqualTo(Status.SUCCESSFUL);
        }

        @Test
        void anUndocumentedDefaultFails() {
            var o = run(story, "defaultsAreDocumented", DocumentedProvider.sound().edit(PG_GENERATED, s -> s.replace(
                    " Defaults to `require`.", "")));
            assertFails(o, o.result("acme_source_postgresql"), "attribute ssl_mode: Description and MarkdownDescription do not "
                    + "document its default; expected \"Defaults to `require`.\"");
        }

        @Test
        void aDefaultMissingFromOneTextIsNamedForThatText() {
            var o = run(story, "defaultsAreDocumented", DocumentedProvider.sound().edit(PG_GENERATED, s -> s.replaceFirst(
                    "(MarkdownDescription: \"How the connection to the server is encrypted\\.) Defaults to `require`\\.", "$1")));
            assertFails(o, o.result("acme_source_postgresql"),
                    "attribute ssl_mode: MarkdownDescription does not document its default; expected \"Defaults to `require`.\"");
        }

        @Test
        void aSensitiveFieldWithoutASecurityNoteFails() {
            var o = run(story, "sensitiveFieldsCarryANote", DocumentedProvider.sound().edit(PG_GENERATED, s -> s.replace(
                    " Security: this value is sensitive and never shown.", "")));
            assertFails(o, o.result("acme_source_postgresql"), PG_GENERATED + ":",
                    "attribute database_password is Sensitive: expected its Description to carry a security note",
                    "attribute database_password is Sensitive: expected its MarkdownDescription to carry a security note");
        }

        @Test
        void aResourceDescriptionOutOfPatternFails() {
            var o = run(story, "resourceDescriptionsFollowThePattern", DocumentedProvider.sound().edit(PG_GENERATED, s -> s
                    .replace("Description: \"Manages a PostgreSQL source connector.\"", "Description: \"Manages an PostgreSQL source connector.\"")
                    .replace("MarkdownDescription: \"Manages a **PostgreSQL** source connector.", "MarkdownDescription: \"A PostgreSQL source.")));
            // Each finding is at the line where its text is written, not at the schema literal.
            assertFails(o, o.result("acme_source_postgresql"),
                    PG_GENERATED + ":16: acme_source_postgresql: Description says \"an PostgreSQL\", expected \"a PostgreSQL\"",
                    PG_GENERATED + ":17: acme_source_postgresql: expected MarkdownDescription \"Manages a **{DisplayName}**...\", "
                            + "found \"A PostgreSQL source.");
            assertThat(o.result("acme_transform_filter").getStatus()).isEqualTo(Status.SUCCESSFUL);
        }

        /** "Manages a {DisplayName}" is the PRD's own pattern: followed literally before a vowel, it passes. */
        @Test
        void thePrdsLiteralArticlePassesBeforeAVowel() {
            var o = run(story, "resourceDescriptionsFollowThePattern", DocumentedProvider.sound().edit(PG_GENERATED, s -> s
                    .replace("Description: \"Manages a PostgreSQL source connector.\"", "Description: \"Manages a Oracle source connector.\"")
                    .replace("MarkdownDescription: \"Manages a **PostgreSQL** source connector.", "MarkdownDescription: \"Manages a **Oracle** source connector.")));
            assertThat(o.result("acme_source_postgresql").getStatus()).as(o.message(o.result("acme_source_postgresql")))
                    .isEqualTo(Status.SUCCESSFUL);
        }

        @Test
        void aDisplayNameOtherThanTheBackendsFails() throws Exception {
            Path backend = dir.resolve("backend");
            Path config = backend.resolve("app/sources/plugins/postgresql/configuration.latest.json");
            Files.createDirectories(config.getParent());
            Files.writeString(config, "{\"display_name\": \"Postgres\", \"config\": []}\n");
            var o = run(story, "resourceDescriptionsFollowThePattern", DocumentedProvider.sound(),
                    Map.of(AuditConfig.BACKEND_PATH, backend.toString()));
            assertFails(o, o.result("acme_source_postgresql"), "the description names \"PostgreSQL\", expected the backend's "
                    + "display name \"Postgres\" (app/sources/plugins/postgresql/configuration.latest.json)");
        }

        @Test
        void typecheckFailsOnASyntaxErrorAndIsSkippedWithoutConsent() {
            var skipped = run(story, "typecheckPasses", DocumentedProvider.sound());
            assertThat(skipped.single().getStatus()).isEqualTo(Status.ABORTED);
            assertThat(skipped.message(skipped.single())).contains("-Dexec=true", "go build ./...");
            var o = run(story, "typecheckPasses", DocumentedProvider.sound().with("internal/helper/broken.go", "package helper\n\nfunc {\n"));
            assertFails(o, o.single(), "internal/helper/broken.go:3", "Go syntax error");
        }
    }

    @Nested
    class US027 {
        private final Class<?> story = US027VerifyExampleFiles.class;

        @Test
        void aResourceWithoutAnExamplesFolderFails() {
            var o = run(story, "everyResourceHasAnExampleFolder", DocumentedProvider.sound()
                    .without("examples/resources/acme_transform_filter/basic.tf")
                    .without("examples/resources/acme_transform_filter/complete.tf")
                    .without("examples/resources/acme_transform_filter/import.sh"));
            assertFails(o, o.result("acme_transform_filter"), "examples/resources/acme_transform_filter/: expected an examples "
                    + "folder for acme_transform_filter, found no such directory");
            assertThat(o.result("acme_pipeline").getStatus()).isEqualTo(Status.SUCCESSFUL);
        }

        @Test
        void aBasicExampleWithoutARequiredAttributeFails() {
            var o = run(story, "basicSetsTheRequiredAttributes", DocumentedProvider.sound().edit(PG_EXAMPLES + "basic.tf",
                    s -> s.replace("  database_password = var.password\n", "")));
            assertFails(o, o.result("acme_source_postgresql"), PG_EXAMPLES + "basic.tf:8: acme_source_postgresql.example: "
                    + "required attribute database_password is not set");
        }

        @Test
        void aMissingBasicExampleFails() {
            var o = run(story, "basicSetsTheRequiredAttributes", DocumentedProvider.sound().without(PG_EXAMPLES + "basic.tf"));
            assertFails(o, o.result("acme_source_postgresql"), PG_EXAMPLES + "basic.tf: acme_source_postgresql: expected basic.tf, "
                    + "found no such file (the folder has [complete.tf, import.sh])");
        }

        @Test
        void aCompleteExampleLeavingOutAnOptionOrCommentsFails() {
            var o = run(story, "completeSetsEveryOptionWithComments", DocumentedProvider.sound().edit(PG_EXAMPLES + "complete.tf",
                    s -> s.replaceAll("  ssl_mode += \"require\"\n", "").replace("# Every configurable attribute of acme_source_postgresql.\n", "")
                            .replace(" # the server's port", "")));
            assertFails(o, o.result("acme_source_postgresql"),
                    "acme_source_postgresql.complete: expected every configurable attribute set, found 1 of 12 not set: ssl_mode",
                    PG_EXAMPLES + "complete.tf: expected comments explaining the options (# ...), found none");
        }

        @Test
        void anOptionShownInACommentedOutAssignmentCountsAsShown() {
            var o = run(story, "completeSetsEveryOptionWithComments", DocumentedProvider.sound().edit(PG_EXAMPLES + "complete.tf",
                    s -> s.replaceAll("  ssl_mode( +)= \"require\"", "  # ssl_mode$1= \"require\" (when the server enforces TLS)")));
            assertThat(o.result("acme_source_postgresql").getStatus()).as(o.message(o.result("acme_source_postgresql")))
                    .isEqualTo(Status.SUCCESSFUL);
        }

        @Test
        void anExampleThatIsNotHclFails() {
            var o = run(story, "examplesParse", DocumentedProvider.sound().with("examples/resources/acme_pipeline/basic.tf",
                    "resource \"acme_pipeline\" \"example\" {\n  name =\n}\n"));
            assertFails(o, o.single(), "examples/resources/acme_pipeline/basic.tf:2: not valid HCL: '=' without a value");
        }

        /** Read-only (-check writes nothing, no provider code runs): it runs without consent when terraform is on PATH. */
        @Test
        void withoutConsentAnUnformattedExampleFails() {
            Assumptions.assumeTrue(ExternalCommand.onPath("terraform").isPresent(), "terraform is not on PATH");
            var ok = run(story, "examplesAreFormatted", DocumentedProvider.sound());
            assertThat(ok.single().getStatus()).as(ok.message(ok.single())).isEqualTo(Status.SUCCESSFUL);
            var o = run(story, "examplesAreFormatted", DocumentedProvider.sound().with("examples/resources/acme_pipeline/basic.tf",
                    "resource \"acme_pipeline\" \"example\" {\nname=\"x\"\n    source_id      = \"s\"\n  destination_id = \"d\"\n}\n"));
            assertFails(o, o.single(), "examples/resources/acme_pipeline/basic.tf: not formatted as `terraform fmt` writes it");
        }
    }

    @Nested
    class US028 {
        private final Class<?> story = US028TestTerraformMcpServerCompatibility.class;

        @Test
        void withoutAnOverviewPageTheProviderIsNotDescribed() {
            var o = run(story, "providerOverview", DocumentedProvider.sound().without("docs/index.md"));
            assertFails(o, o.single(), "docs/index.md: expected the provider's overview page");
        }

        @Test
        void anOverviewWithoutFrontmatterDescriptionOrExampleFails() {
            var o = run(story, "providerOverview", DocumentedProvider.sound().edit("docs/index.md", s -> s
                    .replace("description: |-\n  Manages Acme sources, destinations, transforms and pipelines.\n", "")
                    .replace("provider \"acme\" {}", "terraform {}")));
            assertFails(o, o.single(), "docs/index.md:1: expected a frontmatter description",
                    "expected an \"Example Usage\" section with a provider \"acme\" block, found no such block");
        }

        @Test
        void aResourceWithoutItsPageIsNotQueryable() {
            var o = run(story, "schemasQueryable", DocumentedProvider.sound().without("docs/resources/pipeline.md"));
            assertFails(o, o.result("acme_pipeline"), "docs/resources/pipeline.md: acme_pipeline: expected the page the MCP "
                    + "server fetches for it, found no such file");
            assertThat(o.result("acme_source_postgresql").getStatus()).isEqualTo(Status.SUCCESSFUL);
        }

        @Test
        void aPageWithoutFrontmatterDescriptionIsNotListed() {
            var o = run(story, "schemasQueryable", DocumentedProvider.sound().edit("docs/resources/pipeline.md",
                    s -> s.replace("description: |-\n  Manages the pipeline.\n", "")));
            assertFails(o, o.result("acme_pipeline"), "docs/resources/pipeline.md:1: acme_pipeline: expected a frontmatter description");
        }

        @Test
        void aDescriptionRestatingTheNameOrAPlaceholderIsNotHelpful() {
            var o = run(story, "descriptionsAreHelpful", DocumentedProvider.sound().edit("internal/resource/pipeline/pipeline.go", s -> s
                    .replace("\"Display name of the pipeline in Acme.\", MarkdownDescription: \"Display name of the pipeline in Acme.\"",
                            "\"The name.\", MarkdownDescription: \"The name.\"")
                    .replace("MarkdownDescription: \"ID of the destination it writes to.\"", "MarkdownDescription: \"TODO\"")));
            assertFails(o, o.result("acme_pipeline"), "internal/resource/pipeline/pipeline.go:",
                    "attribute name: the description only restates the attribute's name: \"The name.\"",
                    "attribute destination_id: the description contains a placeholder (TODO): \"TODO\"");
        }

        @Test
        void validValuesMissingFromTheExportedDescriptionFail() {
            var o = run(story, "validValuesInTheSchema", DocumentedProvider.sound().edit(PG_GENERATED, s -> s.replace(
                    "MarkdownDescription: \"How the connection to the server is encrypted. Defaults to `require`. Valid values: `require`, `disable`.\"",
                    "MarkdownDescription: \"How the connection to the server is encrypted. Defaults to `require`.\"")));
            assertFails(o, o.result("acme_source_postgresql"), PG_GENERATED + ":",
                    "attribute ssl_mode: the schema's description metadata does not show the valid values [disable]; expected every "
                            + "OneOf value [require, disable] in it");
        }
    }
}
