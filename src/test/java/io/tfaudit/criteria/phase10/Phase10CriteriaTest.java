package io.tfaudit.criteria.phase10;

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

/** Phase 10 criteria: each fails on the documented fixture broken for it, and passes (or is skipped for a stated reason) on it. */
class Phase10CriteriaTest {

    @TempDir
    Path dir;

    private int runs;

    /** A fresh folder per run; the baseline is the v2 mini provider unless the test gives another. */
    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider, Map<String, String> extra) {
        int n = ++runs;
        Map<String, String> params = new HashMap<>(extra);
        if (!params.containsKey(AuditConfig.BASELINE_REF)) {
            params.putIfAbsent(AuditConfig.BASELINE_PATH, MiniProvider.v2(0).writeTo(dir.resolve("baseline" + n)).toString());
        }
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
    void theDocumentedFixturePassesEveryPhase10Criterion() {
        for (Class<?> story : new Class<?>[] {US029VerifyCoreDocumentation.class, US030VerifyAuditDocuments.class}) {
            for (var m : story.getDeclaredMethods()) {
                if (m.isAnnotationPresent(io.tfaudit.api.Criterion.class)) {
                    run(story, m.getName(), DocumentedProvider.sound()).assertAllSucceeded();
                }
            }
        }
    }

    @Nested
    class US029 {
        private final Class<?> story = US029VerifyCoreDocumentation.class;

        @Test
        void claudeMdMissingALayerOrNamingAMissingFileFails() {
            var o = run(story, "claudeMd", DocumentedProvider.sound().edit("CLAUDE.md", s -> s
                    .replace("the shared base is\n  `internal/resource/connector/base.go`.", "the shared base is `internal/base/crud.go`.")));
            assertFails(o, o.single(), "CLAUDE.md: expected the shared base layer's real location (internal/resource/connector/base.go",
                    "CLAUDE.md:4: names internal/base/crud.go, which does not exist in the checkout");
        }

        @Test
        void claudeMdRunningAMissingMakeTargetFails() {
            var o = run(story, "claudeMd", DocumentedProvider.sound().with("GNUmakefile", "build:\n\tgo build ./...\n")
                    .edit("CLAUDE.md", s -> s + "- Regenerate with `make generate`.\n"));
            assertFails(o, o.single(), "CLAUDE.md:7: runs `make generate`, which is not a target of the make file (targets: build)");
        }

        @Test
        void anArchitectureNotNamingTheWrappersFails() {
            var o = run(story, "architectureMd", DocumentedProvider.sound().edit("docs/ARCHITECTURE.md", s -> s.replace(
                    "a wrapper per connector in\n`internal/resource/source/`, `internal/resource/destination/` and `internal/resource/transform/`,",
                    "hand-written code,")));
            assertFails(o, o.single(), "docs/ARCHITECTURE.md: expected the wrappers layer named (\"wrapper\"), found no mention",
                    "expected the wrappers layer's real location (internal/resource/destination or internal/resource/source or "
                            + "internal/resource/transform), found none of them named");
        }

        @Test
        void anArchitectureForAProviderWithoutLayersFails() {
            var o = run(story, "architectureMd", MiniProvider.v2(2).with("docs/ARCHITECTURE.md", "# Architecture\n\nGenerated, wrapper, base.\n"));
            assertFails(o, o.single(), "the provider's 3 connector resources are not split into generated schema, wrapper and shared base files");
        }

        @Test
        void aDevelopmentGuideAskingForAnOlderGoFails() {
            var o = run(story, "developmentMd", DocumentedProvider.sound().edit("docs/DEVELOPMENT.md", s -> s.replace("Go 1.22", "Go 1.19")));
            assertFails(o, o.single(), "docs/DEVELOPMENT.md:5: asks for Go 1.19, but go.mod requires go 1.22: Go 1.19 cannot build it");
        }

        @Test
        void aDevelopmentGuideAskingForAGoThatMustDownloadTheModulesFails() {
            var o = run(story, "developmentMd", DocumentedProvider.sound().edit("docs/DEVELOPMENT.md", s -> s.replace("Go 1.22", "Go 1.21")));
            assertFails(o, o.single(), "docs/DEVELOPMENT.md:5: asks for Go 1.21, but go.mod requires go 1.22: "
                    + "Go 1.21 builds it only by downloading the go 1.22 toolchain");
        }

        @Test
        void aDevelopmentGuideWithoutSetupFails() {
            var o = run(story, "developmentMd", DocumentedProvider.sound().with("docs/DEVELOPMENT.md", "# Development\n\nAsk a colleague.\n"));
            assertFails(o, o.single(), "expected a setup section", "expected the Go version to install (go.mod: go 1.22), found none",
                    "expected the commands to build and test");
        }

        @Test
        void aMigrationGuideMissingADeprecatedFieldFails() {
            var o = run(story, "migrationMd", DocumentedProvider.sound().edit("docs/MIGRATION.md", s -> s.replace(
                    "| `acme_destination_snowflake` | `auto_schema_creation` | `create_schema_auto` |\n", "")));
            assertFails(o, o.single(), "docs/MIGRATION.md: acme_destination_snowflake: expected auto_schema_creation → create_schema_auto "
                    + "(cmd/tfgen/deprecations.json) listed, found no mention of auto_schema_creation");
        }

        @Test
        void aPairListedUnderAnotherConnectorDoesNotCount() {
            var o = run(story, "migrationMd", DocumentedProvider.sound().with("docs/MIGRATION.md", "# Migration\n\n## PostgreSQL source\n\n"
                    + "| Old | New |\n|---|---|\n| `auto_schema_creation` | `create_schema_auto` |\n"));
            assertFails(o, o.single(), "acme_destination_snowflake: expected auto_schema_creation → create_schema_auto (cmd/tfgen/deprecations.json) "
                    + "on one line in the resource's section or row, found auto_schema_creation only elsewhere");
        }

        @Test
        void anAiAgentGuideWithoutTheMcpServerFails() {
            var o = run(story, "aiAgentCompatibilityMd", DocumentedProvider.sound().with("docs/AI_AGENT_COMPATIBILITY.md",
                    "# AI agents\n\nDescriptions are complete.\n"));
            assertFails(o, o.single(), "docs/AI_AGENT_COMPATIBILITY.md: expected the MCP integration described, found no mention of MCP");
            var missing = run(story, "aiAgentCompatibilityMd", DocumentedProvider.sound().without("docs/AI_AGENT_COMPATIBILITY.md"));
            assertFails(missing, missing.single(), "docs/AI_AGENT_COMPATIBILITY.md: expected the AI agent compatibility guide, found no such file");
        }

        @Test
        void aChangelogNotAnnouncingAResourceAddedSinceTheBaselineFails() {
            var o = run(story, "changelogIsUpToDate", DocumentedProvider.sound().edit("CHANGELOG.md",
                    s -> s.replace("- `acme_pipeline`, with acceptance tests and docs.", "- Acceptance tests and docs.")));
            assertFails(o, o.single(), "CHANGELOG.md: acme_pipeline was added since ", "expected it announced, found no mention");
        }

        @Test
        void withoutTagsOrABaselineTheChangelogCannotBeJudgedUpToDate() {
            // No baseline: none configured (a blank ref stops the fixture's default baseline path), and no git tags.
            var o = run(story, "changelogIsUpToDate", DocumentedProvider.sound(), Map.of(AuditConfig.BASELINE_REF, ""));
            assertThat(o.single().getStatus()).isEqualTo(Status.ABORTED);
            assertThat(o.message(o.single())).startsWith("skipped: ").contains("2 release entries (newest 3.0.0)", "--baseline-ref");
        }

        @Test
        void aReadmeWithAWrongTypeOrABrokenLinkFails() {
            var o = run(story, "readmeMd", DocumentedProvider.sound().edit("README.md", s -> s
                    .replace("resource \"acme_destination_snowflake\" \"warehouse\"", "resource \"acme_destination_snowflakes\" \"warehouse\"")
                    .replace("(docs/resources/pipeline.md)", "(docs/resources/pipelines.md)")));
            assertFails(o, o.single(), "names acme_destination_snowflakes, which the provider does not register",
                    "names docs/resources/pipelines.md, which does not exist in the checkout");
        }
    }

    @Nested
    class US030 {
        private final Class<?> story = US030VerifyAuditDocuments.class;

        @Test
        void anEntityAuditMissingAControlTypeFails() {
            var o = run(story, "entityConfigSchemaAudit", DocumentedProvider.sound().edit("docs/audits/entity-config-schema-audit.md",
                    s -> s.replace(", `one-select`", "")));
            assertFails(o, o.single(), "the generator (cmd/tfgen) maps the control type `one-select`, which the audit does not describe");
            var missing = run(story, "entityConfigSchemaAudit", DocumentedProvider.sound().without("docs/audits/entity-config-schema-audit.md"));
            assertFails(missing, missing.single(), "docs/audits/entity-config-schema-audit.md: expected the entity configuration schema audit");
        }

        @Test
        void aBackendReferenceMissingAnApiPathFails() {
            var o = run(story, "backendCodeReference", DocumentedProvider.sound().edit("docs/audits/backend-code-reference.md",
                    s -> s.replace(" and `/destinations`", "")));
            assertFails(o, o.single(), "the client calls /destinations (internal/api/client.go:", "which the reference does not document");
        }

        @Test
        void aTodoInADocOrAPlaceholderDefaultFails() {
            var o = run(story, "noTodos", DocumentedProvider.sound()
                    .edit("docs/TESTING.md", s -> s + "\nTODO: document the smoke tests.\n")
                    .edit("internal/generated/source_postgresql.go", s -> s.replace("stringdefault.StaticString(\"require\")",
                            "stringdefault.StaticString(\"placeholder-to-be-replaced\")")));
            assertFails(o, o.single(), "docs/TESTING.md:", "expected finished documentation, found \"TODO\"",
                    "internal/generated/source_postgresql.go:", "acme_source_postgresql.ssl_mode: the schema ships the default "
                            + "\"placeholder-to-be-replaced\" to users");
        }
    }
}
