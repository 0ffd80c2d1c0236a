package io.tfaudit.criteria.phase10b;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.audit.AuditConfig;
import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.MiniProvider;
import io.tfaudit.criteria.documentation.DocumentedProvider;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

/** Phase 10B criteria: each fails on the documented fixture broken for it, and passes (or is skipped for a stated reason) on it. */
class Phase10bCriteriaTest {

    static final String PG = "examples/resources/acme_source_postgresql/";

    @TempDir
    Path dir;

    private int runs;

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider, Map<String, String> extra) {
        int n = ++runs;
        Map<String, String> params = new HashMap<>(extra);
        return CriterionTestKit.run(story, method, provider.writeTo(dir.resolve("run" + n)), params);
    }

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider) {
        return run(story, method, provider, Map.of());
    }

    static void assertFails(CriterionTestKit.Outcome o, TestExecutionResult r, String... evidence) {
        assertThat(r.getStatus()).as(o.message(r)).isEqualTo(Status.FAILED);
        assertThat(o.message(r)).contains(evidence);
    }

    @Test
    void theDocumentedFixturePassesEveryPhase10bCriterion() {
        for (Class<?> story : new Class<?>[] {US045CreateMissingResourceDocumentation.class, US046UpdateInlineCodeComments.class,
                US047CreateTestDocumentation.class, US048CreateCodeGeneratorDocumentation.class,
                US049UpdateChangelogForAuditFindings.class, US050CreateUpdateExampleFilesForAllResources.class,
                US051UpdateReadmeWithQuickStartGuide.class}) {
            for (var m : story.getDeclaredMethods()) {
                if (m.isAnnotationPresent(io.tfaudit.api.Criterion.class)) {
                    var o = run(story, m.getName(), DocumentedProvider.sound());
                    for (var e : o.finished()) {
                        TestExecutionResult r = e.getRequiredPayload(TestExecutionResult.class);
                        assertThat(r.getStatus()).as("%s: %s", e.getTestDescriptor().getDisplayName(), o.message(r))
                                .isIn(Status.SUCCESSFUL, Status.ABORTED);
                        if (r.getStatus() == Status.ABORTED) {
                            assertThat(o.message(r)).startsWith("skipped: ");
                        }
                    }
                }
            }
        }
    }

    @Nested
    class US045 {
        private final Class<?> story = US045CreateMissingResourceDocumentation.class;

        @Test
        void aMissingPageIsFoundByTheAudit() {
            var o = run(story, "auditForMissingPages", DocumentedProvider.sound().without("docs/resources/pipeline.md"));
            assertFails(o, o.single(), "docs/resources/pipeline.md: acme_pipeline: expected its documentation page, found no such file");
        }

        @Test
        void eachCategoryNeedsItsPagesTitledWithTheirType() {
            var missing = run(story, "sourcePages", DocumentedProvider.sound().without("docs/resources/source_postgresql.md"));
            assertFails(missing, missing.result("acme_source_postgresql"), "docs/resources/source_postgresql.md: acme_source_postgresql: "
                    + "expected its documentation page, found no such file");
            var wrong = run(story, "destinationPages", DocumentedProvider.sound().edit("docs/resources/destination_snowflake.md",
                    s -> s.replace("acme_destination_snowflake Resource", "acme_destination_s3 Resource")
                            .replace("# acme_destination_snowflake (Resource)", "# acme_destination_s3 (Resource)")));
            assertFails(wrong, wrong.result("acme_destination_snowflake"), "expected the page titled with acme_destination_snowflake, "
                    + "found page_title \"acme_destination_s3 Resource - terraform-provider-acme\"");
            var transform = run(story, "transformPages", DocumentedProvider.sound().without("docs/resources/transform_filter.md"));
            assertFails(transform, transform.result("acme_transform_filter"), "docs/resources/transform_filter.md");
            assertThat(transform.names()).hasSize(1);
        }

        @Test
        void aPageMissingSectionsOrAttributesFails() {
            var o = run(story, "pagesHaveEverySection", DocumentedProvider.sound().edit("docs/resources/pipeline.md", s -> s
                    .replace("## Import", "## Notes").replace("### Read-Only", "### Computed").replace("- `source_id` (String) source id.\n", "")));
            assertFails(o, o.result("acme_pipeline"), "docs/resources/pipeline.md: expected an \"Import\" section",
                    "expected an attribute reference (\"Attributes Reference\", or tfplugindocs' \"Read-Only\")",
                    "expected the reference to name every attribute, found 1 not named: source_id");
        }

        @Test
        void withoutTheGenerateDirectiveOrWithBrokenMarkdownTheDocsAreNotGenerated() {
            var o = run(story, "generatedDocsAreValidMarkdown", DocumentedProvider.sound().without("main.go")
                    .edit("docs/resources/pipeline.md", s -> s.replace("```shell\nterraform import acme_pipeline.example 0123456789\n```",
                            "```shell\nterraform import acme_pipeline.example 0123456789\n")));
            assertFails(o, o.single(), "expected a //go:generate directive running tfplugindocs",
                    "docs/resources/pipeline.md:", "a code fence opened here is never closed");
        }
    }

    @Nested
    class US046 {
        private final Class<?> story = US046UpdateInlineCodeComments.class;

        @Test
        void aNamedFileWithoutItsTopicExplainedFails() {
            var o = run(story, "baseGo", MiniProvider.sound());
            assertFails(o, o.single(), "internal/resource/connector/base.go:1: expected a comment explaining the reflection logic");
            var missing = run(story, "generatorGo", MiniProvider.sound());
            assertFails(missing, missing.single(), "cmd/tfgen/generator.go: expected the file the PRD names, found no such file");
        }

        @Test
        void aComplexFunctionWithoutADocCommentFails() {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                body.append("\tif n == ").append(i).append(" {\n\t\treturn \"").append(i).append("\"\n\t}\n");
            }
            var o = run(story, "parserGo", DocumentedProvider.sound().edit("cmd/tfgen/parser.go",
                    s -> s + "\nfunc spell(n int) string {\n" + body + "\treturn \"many\"\n}\n"));
            assertFails(o, o.single(), "cmd/tfgen/parser.go:8: spell (cyclomatic complexity 9) has no doc comment explaining what it does");
        }

        @Test
        void aVeryComplexFunctionNeedsCommentsInsideItsBody() {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                body.append("\tif n == ").append(i).append(" {\n\t\treturn \"").append(i).append("\"\n\t}\n");
            }
            var o = run(story, "retryGo", DocumentedProvider.sound().edit("internal/api/retry.go",
                    s -> s + "\n// spell names small numbers.\nfunc spell(n int) string {\n" + body + "\treturn \"many\"\n}\n"));
            assertFails(o, o.single(), "spell (cyclomatic complexity 21) has no comment inside its body explaining its logic");
        }

        @Test
        void theOAuthFlowMustBeExplained() {
            var o = run(story, "clientGo", DocumentedProvider.sound().edit("internal/api/client.go",
                    s -> s.replace("// GetAccessToken exchanges client credentials for a bearer token.", "// GetAccessToken logs in.")));
            assertFails(o, o.single(), "internal/api/client.go:1: expected a comment explaining the OAuth2 flow");
        }

        @Test
        void anExportedFunctionWithoutGoDocIsListedWithItsPlace() {
            var o = run(story, "exportedFunctionsHaveGoDoc", MiniProvider.sound());
            assertFails(o, o.single(), "internal/resource/connector/base.go:", "method (BaseResource).Metadata is exported, expected a GoDoc comment",
                    "internal/resource/source/postgresql_generated.go:", "method (PostgresqlConfig).GetSchema is exported");
        }

        @Test
        void typecheckIsSkippedWithoutConsent() {
            var o = run(story, "typecheckPasses", DocumentedProvider.sound());
            assertThat(o.single().getStatus()).isEqualTo(Status.ABORTED);
            assertThat(o.message(o.single())).contains("-Dexec=true");
            var broken = run(story, "typecheckPasses", DocumentedProvider.sound().with("cmd/tfgen/broken.go", "package main\n\nvar = 1\n"));
            assertFails(broken, broken.single(), "cmd/tfgen/broken.go:3", "Go syntax error");
        }
    }

    @Nested
    class US047 {
        private final Class<?> story = US047CreateTestDocumentation.class;

        @Test
        void withoutTestingMdEveryTopicFails() {
            for (String m : new String[] {"testingGuide", "testTiers", "cassettes", "sweepers", "environmentVariables", "addingTests",
                    "troubleshooting"}) {
                var o = run(story, m, DocumentedProvider.sound().without("docs/TESTING.md"));
                assertFails(o, o.single(), "docs/TESTING.md: expected the test guide, found no such file");
            }
        }

        @Test
        void aGuideWithoutCommandsOrSectionsIsNotComprehensive() {
            var o = run(story, "testingGuide", DocumentedProvider.sound().with("docs/TESTING.md", "# Testing\n\nRun the tests.\n"));
            assertFails(o, o.single(), "expected a guide with sections", "expected the commands that run the tests (go test ...), found none");
        }

        @Test
        void aMissingTierFails() {
            var o = run(story, "testTiers", DocumentedProvider.sound().edit("docs/TESTING.md", s -> s.replace("migration tests", "other tests")));
            assertFails(o, o.single(), "docs/TESTING.md: expected the migration tier documented, found no mention");
        }

        @Test
        void cassettesWithoutPlaybackOrTheRecordingVariableFail() {
            var o = run(story, "cassettes", DocumentedProvider.sound()
                    .edit("docs/TESTING.md", s -> s.replace("replay recorded cassettes (playback)", "use cassettes")
                            .replace("`UPDATE_CASSETTES=1` records them again", "they can be refreshed"))
                    .with("internal/provider/vcr_test.go", "package provider\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\n"
                            + "func TestIntegration_X(t *testing.T) {\n\t_ = os.Getenv(\"UPDATE_CASSETTES\")\n}\n"));
            assertFails(o, o.single(), "expected how cassettes are recorded, found no mention of recording",
                    "expected how cassettes are played back (replayed), found no mention of playback",
                    "the tests read UPDATE_CASSETTES to record cassettes, which the guide does not name");
        }

        @Test
        void sweepersWithoutTheirCommandFail() {
            var o = run(story, "sweepers", DocumentedProvider.sound().edit("docs/TESTING.md",
                    s -> s.replace("`go test ./internal/provider -sweep=all` deletes leftovers.", "Sweepers delete leftovers.")));
            assertFails(o, o.single(), "expected the command that runs the sweepers (go test ... -sweep=...), found none");
        }

        @Test
        void aVariableTheTestsReadMustBeDocumentedHereOrInALinkedPage() {
            MiniProvider withVariable = DocumentedProvider.sound().with("internal/provider/env_test.go", "package provider\n\nimport (\n"
                    + "\t\"os\"\n\t\"testing\"\n)\n\nfunc TestAccX(t *testing.T) {\n\t_ = os.Getenv(\"ACME_TEST_HOST\")\n}\n");
            var o = run(story, "environmentVariables", withVariable);
            assertFails(o, o.single(), "docs/TESTING.md: ACME_TEST_HOST (read at internal/provider/env_test.go:9) is not documented "
                    + "in the guide or a page it links to");
            var linked = run(story, "environmentVariables", withVariable
                    .edit("docs/TESTING.md", s -> s.replace("an API token.", "an API token; see [DEVELOPMENT.md](DEVELOPMENT.md)."))
                    .edit("docs/DEVELOPMENT.md", s -> s + "\n| `ACME_TEST_HOST` | test database host |\n"));
            linked.assertAllSucceeded();
        }

        @Test
        void withoutAddingTestsOrTroubleshootingSectionsTheGuideIsIncomplete() {
            MiniProvider p = DocumentedProvider.sound().edit("docs/TESTING.md", s -> s
                    .replace("## Adding tests for a new resource", "## More").replace("## Troubleshooting", "## Misc"));
            var adding = run(story, "addingTests", p);
            assertFails(adding, adding.single(), "expected a section on adding tests for a new resource");
            var o = run(story, "troubleshooting", p);
            assertFails(o, o.single(), "docs/TESTING.md: expected a troubleshooting section");
        }
    }

    @Nested
    class US048 {
        private final Class<?> story = US048CreateCodeGeneratorDocumentation.class;

        @Test
        void withoutTheGuideEveryTopicFails() {
            var o = run(story, "guideExists", DocumentedProvider.sound().without("docs/CODE_GENERATOR.md"));
            assertFails(o, o.single(), "docs/CODE_GENERATOR.md: expected the code generator guide, found no such file");
        }

        @Test
        void anUndocumentedFlagFails() {
            var o = run(story, "cliUsageAndFlags", DocumentedProvider.sound().edit("cmd/tfgen/main.go", s -> s.replace(
                    "\tflag.Parse()", "\tentity := flag.String(\"entity\", \"all\", \"source, destination or transform\")\n\t_ = entity\n\tflag.Parse()")));
            assertFails(o, o.single(), "docs/CODE_GENERATOR.md: cmd/tfgen defines the flag -entity, which the guide does not document");
        }

        @Test
        void anOverrideFieldOrTypeTheGuideLacksFails() {
            var o = run(story, "overridesJson", DocumentedProvider.sound().with("cmd/tfgen/overrides.json",
                    "{\"overrides\": [{\"connector\": \"x\", \"api_field\": \"a\", \"type\": \"map_nested\", \"nested_attributes\": []}]}"));
            assertFails(o, o.single(), "cmd/tfgen/overrides.json entries use the field `nested_attributes`, which the guide does not document",
                    "cmd/tfgen/overrides.json uses the override type `map_nested`, which the guide does not document");
        }

        @Test
        void withoutDeprecationsJsonTheGuideCannotDocumentIt() {
            var o = run(story, "deprecationsJson", DocumentedProvider.sound().without("cmd/tfgen/deprecations.json"));
            assertFails(o, o.single(), "cmd/tfgen/deprecations.json: expected the deprecations file the PRD names, found no such file "
                    + "(deprecated attributes come from the alias code of the wrappers");
            var field = run(story, "deprecationsJson", DocumentedProvider.sound().edit("cmd/tfgen/deprecations.json", s -> s.replace(
                    "\"new\": \"create_schema_auto\"}", "\"new\": \"create_schema_auto\", \"since\": \"3.0.0\"}")));
            assertFails(field, field.single(), "cmd/tfgen/deprecations.json entries use the field `since`, which the guide does not document");
        }

        @Test
        void addingAConnectorWithoutGenerationFails() {
            var o = run(story, "addingAConnector", DocumentedProvider.sound().edit("docs/CODE_GENERATOR.md",
                    s -> s.replace("Add it to the backend and generate its schema with tfgen.", "Write its schema by hand.")));
            assertFails(o, o.single(), "expected the section to say how to generate the new connector's schema");
        }

        @Test
        void anUnlistedControlTypeFails() {
            var o = run(story, "typeMapping", DocumentedProvider.sound().edit("cmd/tfgen/generator.go",
                    s -> s.replace("\t\"one-select\": \"String\",\n", "\t\"one-select\": \"String\",\n\t\"slider\":     \"Int64\",\n")));
            assertFails(o, o.single(), "cmd/tfgen maps the control type `slider`, which the guide's type mapping does not list");
        }

        @Test
        void withoutAJsonExampleThereIsNoCustomizationExample() {
            var o = run(story, "customizationExamples", DocumentedProvider.sound().edit("docs/CODE_GENERATOR.md", s -> s.replace(
                    "```json\n{\"overrides\": [{\"connector\": \"snowflake\", \"api_field\": \"auto.qa\", \"type\": \"map_string\"}]}\n```\n", "")));
            assertFails(o, o.single(), "expected worked examples of customizations");
        }
    }

    @Nested
    class US049 {
        private final Class<?> story = US049UpdateChangelogForAuditFindings.class;

        @Test
        void withoutAnUnreleasedSectionTheAuditsChangesAreNotRecorded() {
            MiniProvider p = DocumentedProvider.sound().edit("CHANGELOG.md", s -> s.replace("## [Unreleased]", "## [3.1.0] - 2026-02-01"));
            for (String m : new String[] {"unreleasedSection", "bugFixes", "newTests", "documentationImprovements"}) {
                var o = run(story, m, p);
                assertFails(o, o.single(), "CHANGELOG.md: expected an \"## [Unreleased]\" section");
            }
        }

        @Test
        void anUnreleasedSectionWithoutFixesTestsOrDocsFails() {
            MiniProvider p = DocumentedProvider.sound().edit("CHANGELOG.md", s -> s
                    .replace("- `acme_pipeline`, with acceptance tests and docs.", "- `acme_pipeline`.")
                    .replace("### Fixed\n\n- Read no longer fails on a deleted source.\n\n", ""));
            var fixes = run(story, "bugFixes", p);
            assertFails(fixes, fixes.single(), "CHANGELOG.md:5: expected a \"### Fixed\" list under [Unreleased]");
            var tests = run(story, "newTests", p);
            assertFails(tests, tests.single(), "expected the tests added by the audit under [Unreleased], found no mention of tests");
            var docs = run(story, "documentationImprovements", p);
            assertFails(docs, docs.single(), "expected the documentation improvements under [Unreleased]");
        }

        @Test
        void anUnreleasedSectionBelowAReleaseFails() {
            var o = run(story, "unreleasedSection", DocumentedProvider.sound().edit("CHANGELOG.md", s -> s
                    .replace("## [Unreleased]\n", "## [3.1.0] - 2026-02-01\n\n### Added\n\n- X.\n\n## [Unreleased]\n")));
            assertFails(o, o.single(), "expected [Unreleased] to be the first section, found \"[3.1.0] - 2026-02-01\" above it");
        }

        @Test
        void anUnmentionedDeprecationOrRemovalFails() {
            var o = run(story, "breakingChangesAndDeprecations", DocumentedProvider.sound().edit("CHANGELOG.md",
                    s -> s.replace(", auto_schema_creation", "")));
            assertFails(o, o.single(), "acme_destination_snowflake.auto_schema_creation is deprecated (cmd/tfgen/deprecations.json), "
                    + "expected the changelog to say so, found no mention");
            var removed = run(story, "breakingChangesAndDeprecations", DocumentedProvider.sound(),
                    Map.of(AuditConfig.BASELINE_PATH, MiniProvider.v2(1).writeTo(dir.resolve("v2-baseline")).toString(),
                            AuditConfig.BASELINE_REF, ""));
            assertFails(removed, removed.single(), "acme_source_postgresql.field_0 was removed since ", "a breaking change the changelog does not mention");
        }

        @Test
        void aChangelogOutOfKeepAChangelogFormatFails() {
            var o = run(story, "keepAChangelog", DocumentedProvider.sound().edit("CHANGELOG.md", s -> s
                    .replace("## [3.0.0] - 2026-01-10", "## [3.0.0] - January 2026").replace("### Changed", "### Notes")
                    .replace("## [2.1.18] - 2025-06-30", "## [3.2.0] - 2025-06-30")));
            assertFails(o, o.single(), "release 3.0.0 is dated \"January\", expected an ISO date YYYY-MM-DD",
                    "expected a change type (Added, Changed, Deprecated, Removed, Fixed, Security), found \"Notes\"",
                    "release 3.2.0 is listed after 3.0.0; expected the newest first");
        }
    }

    @Nested
    class US050 {
        private final Class<?> story = US050CreateUpdateExampleFilesForAllResources.class;

        @Test
        void aMissingFolderIsFoundByTheAuditAndPerResource() {
            MiniProvider p = DocumentedProvider.sound().without("examples/resources/acme_pipeline/basic.tf")
                    .without("examples/resources/acme_pipeline/complete.tf").without("examples/resources/acme_pipeline/import.sh");
            var audit = run(story, "auditForMissingFolders", p);
            assertFails(audit, audit.single(), "examples/resources/acme_pipeline/: acme_pipeline: expected an examples folder");
            var per = run(story, "folderPerResource", p);
            assertFails(per, per.result("acme_pipeline"), "expected an examples folder for acme_pipeline, found no such directory");
        }

        @Test
        void basicAndCompleteAreCheckedAsInUs027() {
            var basic = run(story, "basicTf", DocumentedProvider.sound().edit(PG + "basic.tf", s -> s.replace("  name              = \"orders\"\n", "")));
            assertFails(basic, basic.result("acme_source_postgresql"), "required attribute name is not set");
            var complete = run(story, "completeTf", DocumentedProvider.sound().without(PG + "complete.tf"));
            assertFails(complete, complete.result("acme_source_postgresql"), PG + "complete.tf: acme_source_postgresql: expected complete.tf");
        }

        @Test
        void anImportExampleMustImportTheExamplesResource() {
            var missing = run(story, "importSh", DocumentedProvider.sound().without(PG + "import.sh"));
            assertFails(missing, missing.result("acme_source_postgresql"), PG + "import.sh: acme_source_postgresql: expected an import command example");
            var other = run(story, "importSh", DocumentedProvider.sound().with(PG + "import.sh", "terraform import acme_source_postgresql.orders 42\n"));
            assertFails(other, other.result("acme_source_postgresql"), PG + "import.sh:1: imports into acme_source_postgresql.orders, "
                    + "but basic.tf and complete.tf declare acme_source_postgresql as [example, complete]");
        }

        /** terraform fmt -check writes nothing and runs no provider code: it needs no consent. */
        @Test
        void withoutConsentAnUnformattedExampleFails() {
            org.junit.jupiter.api.Assumptions.assumeTrue(io.tfaudit.audit.ExternalCommand.onPath("terraform").isPresent(),
                    "terraform is not on PATH");
            var ok = run(story, "formatted", DocumentedProvider.sound());
            assertThat(ok.single().getStatus()).as(ok.message(ok.single())).isEqualTo(Status.SUCCESSFUL);
            var o = run(story, "formatted", DocumentedProvider.sound().edit(PG + "basic.tf", s -> s.replace("  name              = \"orders\"",
                    "  name = \"orders\"")));
            assertFails(o, o.single(), PG + "basic.tf: not formatted as `terraform fmt` writes it");
        }

        @Test
        void examplesAreValidatedAgainstTheSchema() {
            var o = run(story, "valid", DocumentedProvider.sound().edit(PG + "complete.tf", s -> s
                    .replaceAll("  database_port += 5432 # the server's port\n", "  database_port = \"fivefourthreetwo\"\n  port_number = 1\n")
                    .replaceAll("  name += \"example-name\"\n", "")));
            assertFails(o, o.result("acme_source_postgresql"),
                    PG + "complete.tf:5: acme_source_postgresql.complete: attribute database_port: expected a number (Int64), found a "
                            + "string literal \"fivefourthreetwo\", which Terraform cannot convert: the example would not apply",
                    PG + "complete.tf:6: acme_source_postgresql.complete: unknown attribute port_number",
                    PG + "complete.tf:3: acme_source_postgresql.complete: required attribute name is not set");
            var readOnly = run(story, "valid", DocumentedProvider.sound().edit("examples/resources/acme_pipeline/basic.tf",
                    s -> s.replace("  name           = \"orders-to-warehouse\"\n", "  name           = \"orders-to-warehouse\"\n  id = \"p-1\"\n")));
            assertFails(readOnly, readOnly.result("acme_pipeline"), "attribute id is read-only (Computed); setting it is an error");
        }

        /**
         * terraform validate accepts what it converts (a quoted number, a quoted bool) and only
         * warns of a deprecated attribute: none of them fails "All examples pass terraform validate".
         */
        @Test
        void whatTerraformConvertsOrOnlyWarnsOfPasses() {
            var o = run(story, "valid", DocumentedProvider.sound().edit(PG + "complete.tf", s -> s
                    .replaceAll("  database_port += 5432 # the server's port\n", "  database_port = \"5432\"\n")
                    .replaceAll("  ssl_mode += \"require\"\n", "  ssl_mode = \"require\"\n  insert_static_value_1 = \"x\"\n")));
            var r = o.result("acme_source_postgresql");
            assertThat(r.getStatus()).as(o.message(r)).isEqualTo(Status.SUCCESSFUL);
        }

        /** terraform validate reads a folder as one module: a declaration repeated across its files fails, as terraform says. */
        @Test
        void aFolderDeclaringTheSameThingTwiceFails() {
            var o = run(story, "valid", DocumentedProvider.sound()
                    .edit(PG + "complete.tf", s -> s.replace("\"complete\"", "\"example\"")
                            + "\nvariable \"password\" {}\n\nprovider \"acme\" {}\n")
                    .edit(PG + "basic.tf", s -> s + "\nprovider \"acme\" {}\n"));
            assertFails(o, o.result("acme_source_postgresql"),
                    PG + "complete.tf:3: Duplicate resource \"acme_source_postgresql\" configuration: a acme_source_postgresql resource "
                            + "named \"example\" was already declared at " + PG + "basic.tf:",
                    "Duplicate variable declaration: a variable named \"password\" was already declared at " + PG + "basic.tf:",
                    "Duplicate provider configuration: a default (non-aliased) configuration for \"acme\" was already given at "
                            + PG + "basic.tf:",
                    "terraform validate reads the folder as one module and rejects it");
            var ok = run(story, "valid", DocumentedProvider.sound());
            assertThat(ok.result("acme_source_postgresql").getStatus()).isEqualTo(Status.SUCCESSFUL);
        }
    }

    @Nested
    class US051 {
        private final Class<?> story = US051UpdateReadmeWithQuickStartGuide.class;

        @Test
        void withoutAQuickStartNothingOfItCanBeFound() {
            MiniProvider p = DocumentedProvider.sound().edit("README.md", s -> s.replace("## Quick Start", "## Usage"));
            for (String m : new String[] {"quickStartSection", "providerConfiguration", "sourceAndDestination", "pipeline"}) {
                var o = run(story, m, p);
                assertFails(o, o.single(), "README.md: expected a \"Quick Start\" section");
            }
        }

        @Test
        void aQuickStartWithoutProviderSourceOrPipelineFails() {
            MiniProvider p = DocumentedProvider.sound().edit("README.md", s -> s.replace("provider \"acme\" {}\n\n", "")
                    .replace("resource \"acme_source_postgresql\" \"orders\"", "resource \"random_id\" \"orders\"")
                    .replace("resource \"acme_pipeline\" \"orders\"", "resource \"random_pet\" \"orders\""));
            var provider = run(story, "providerConfiguration", p);
            assertFails(provider, provider.single(), "README.md:9: expected a provider \"acme\" block in the Quick Start, found none");
            var source = run(story, "sourceAndDestination", p);
            assertFails(source, source.single(), "expected the Quick Start to create a source (resource \"acme_source_...\")");
            var pipeline = run(story, "pipeline", p);
            assertFails(pipeline, pipeline.single(), "expected the Quick Start to create a pipeline (resource \"acme_pipeline\")");
        }

        @Test
        void aPipelineNotWiredToTheExampleFails() {
            var o = run(story, "pipeline", DocumentedProvider.sound().edit("README.md", s -> s
                    .replace("destination_id = acme_destination_snowflake.warehouse.id", "destination_id = \"dst-1\"")));
            assertFails(o, o.single(), "expected the pipeline to reference the example's destination");
        }

        @Test
        void aResourceKindWithoutADocumentationLinkFails() {
            var o = run(story, "documentationLinks", DocumentedProvider.sound().edit("README.md",
                    s -> s.replace("- [Transforms](docs/resources/transform_filter.md)\n", "")));
            assertFails(o, o.single(), "README.md: expected a link to the documentation of transforms, found none among 3 documentation link(s)");
        }

        @Test
        void aMissingBadgeFails() {
            var o = run(story, "badges", DocumentedProvider.sound().edit("README.md",
                    s -> s.replace("[![Release](https://img.shields.io/github/v/release/example/acme)](https://github.com/example/acme/releases)\n", "")));
            assertFails(o, o.single(), "README.md:1: expected a version badge, found [Build, License]");
        }
    }
}
