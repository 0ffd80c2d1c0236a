package io.tfaudit.criteria.phase14;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.audit.AuditConfig;
import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.MiniProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * Phase 14 on the mini provider: PostgreSQL with credentials, Snowflake smoke-tested only,
 * every variable in .env.example and docs/DEVELOPMENT.md; then broken for each criterion.
 */
class Phase14CriteriaTest {

    @TempDir
    Path dir;

    private int runs;

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider) {
        return CriterionTestKit.run(story, method, provider.writeTo(dir.resolve("run" + ++runs)));
    }

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider, MiniProvider baseline) {
        return CriterionTestKit.run(story, method, provider.writeTo(dir.resolve("run" + ++runs)),
                Map.of(AuditConfig.BASELINE_PATH, baseline.writeTo(dir.resolve("baseline" + runs)).toString()));
    }

    static final String ACCEPTANCE = """
            package provider

            import (
            \t"os"
            \t"testing"

            \t"github.com/hashicorp/terraform-plugin-testing/helper/resource"
            )

            func testAccPreCheck(t *testing.T) {
            \tif os.Getenv("ACME_CLIENT_ID") == "" {
            \t\tt.Skip("no credentials")
            \t}
            }

            func TestAccSourcePostgresql(t *testing.T) {
            \ttestAccPreCheck(t)
            \thost := os.Getenv("ACME_TEST_POSTGRESQL_HOST")
            \tresource.Test(t, resource.TestCase{Steps: []resource.TestStep{
            \t\t{Config: `
            variable "source_postgresql_password" {}
            variable "source_postgresql_port" {
              default = 5432
            }
            resource "acme_source_postgresql" "t" { name = "tf-acc-test-pg" }
            ` + host},
            \t}})
            }

            func TestAccDestinationSnowflake(t *testing.T) {
            \ttestAccPreCheck(t)
            \tkey := os.Getenv("ACME_TEST_SNOWFLAKE_KEY")
            \tresource.Test(t, resource.TestCase{Steps: []resource.TestStep{
            \t\t{Config: `resource "acme_destination_snowflake" "t" { name = "tf-acc-test-sf" }` + key},
            \t}})
            }
            """;

    static final String SMOKE = """
            package provider

            import (
            \t"context"
            \t"regexp"
            \t"testing"

            \tfwresource "github.com/hashicorp/terraform-plugin-framework/resource"
            \t"github.com/hashicorp/terraform-plugin-testing/helper/resource"

            \t"example.com/acme/internal/resource/connector"
            \t"example.com/acme/internal/resource/destination"
            )

            func TestSmokeDestinationSnowflake(t *testing.T) {
            \tresp := &fwresource.SchemaResponse{}
            \tdestination.NewSnowflakeResource().Schema(context.Background(), fwresource.SchemaRequest{}, resp)
            \tcfg := connector.ModelToConfigMap(context.Background(), nil)
            \t_ = connector.ConfigMapToModel(context.Background(), cfg)
            \tresource.UnitTest(t, resource.TestCase{Steps: []resource.TestStep{{
            \t\tConfig:      `resource "acme_destination_snowflake" "t" { name = "" }`,
            \t\tPlanOnly:    true,
            \t\tExpectError: regexp.MustCompile(`must not be empty`),
            \t}}})
            }
            """;

    static final String ENV_EXAMPLE = """
            # Provider
            ACME_CLIENT_ID=
            # PostgreSQL (shared test database)
            ACME_TEST_POSTGRESQL_HOST=
            TF_VAR_source_postgresql_password=
            # Snowflake has no shared warehouse: TestSmokeDestinationSnowflake covers it
            ACME_TEST_SNOWFLAKE_KEY=
            """;

    static final String DEVELOPMENT = """
            # Development

            ## Environment variables

            | Variable | Meaning |
            |---|---|
            | `ACME_CLIENT_ID` | API client of the tests |
            | `ACME_TEST_POSTGRESQL_HOST` | host of the test database |
            | `TF_VAR_source_postgresql_password` | its password |
            | `ACME_TEST_SNOWFLAKE_KEY` | key of a Snowflake warehouse, when you have one |

            ## Credentials per connector

            | Connector | Credentials |
            |---|---|
            | PostgreSQL source | shared test database |
            | Snowflake destination | none shared: smoke-tested only (`TestSmokeDestinationSnowflake`) |
            """;

    static MiniProvider documented() {
        return MiniProvider.sound()
                .with("internal/provider/acceptance_test.go", ACCEPTANCE)
                .with("internal/provider/smoke_test.go", SMOKE)
                .with(".env.example", ENV_EXAMPLE)
                .with("docs/DEVELOPMENT.md", DEVELOPMENT)
                .with("docs/audits/smoke-tests.md", "# Smoke tests\n\nSnowflake destination: `TestSmokeDestinationSnowflake`.\n");
    }

    @Nested
    class US040 {
        private final Class<?> story = US040AuditAndDocumentRequiredEnvironmentVariables.class;

        @Test
        void everyCriterionPassesOnTheDocumentedProvider() {
            for (String m : List.of("auditEnvFiles", "listConnectorVariables", "placeholdersInEnvExample",
                    "documentCredentialsPerConnector", "developmentDocumentsVariables")) {
                run(story, m, documented()).assertAllSucceeded();
            }
        }

        @Test
        void withoutEnvExampleTheAuditFails() {
            var o = run(story, "auditEnvFiles", documented().without(".env.example"));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains(".env.example: expected the environment template .env.example, found none");
        }

        @Test
        void aVariableOnlyInDotEnvFailsAndItsValueIsNeverShown() {
            String value = "Hx9Kp2Lq7Rw4Zt8Vn3Bm";
            var o = run(story, "auditEnvFiles", documented().with(".env", "ACME_CLIENT_ID=abc\nACME_EXTRA_TOKEN=" + value + "\n"));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains(".env:2: ACME_EXTRA_TOKEN is set in .env but .env.example has no placeholder for it")
                    .doesNotContain(value).doesNotContain("abc");
        }

        @Test
        void aConnectorVariableMissingFromEnvExampleFailsForThatConnector() {
            var o = run(story, "listConnectorVariables", documented()
                    .edit(".env.example", s -> s.replace("TF_VAR_source_postgresql_password=\n", "")));
            var r = o.result("acme_source_postgresql");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(r)).contains("internal/provider/acceptance_test.go:", "TF_VAR_source_postgresql_password is read here "
                    + "but .env.example has no placeholder for it");
            assertThat(o.result("acme_destination_snowflake").getStatus()).isEqualTo(Status.SUCCESSFUL);
        }

        @Test
        void aConnectorNoTestDeclaresHasNoKnownVariablesToList() {
            var o = run(story, "listConnectorVariables", documented().without("internal/provider/smoke_test.go")
                    .edit("internal/provider/acceptance_test.go", s -> s.replaceAll("(?s)func TestAccDestinationSnowflake.*", "")));
            var r = o.result("acme_destination_snowflake");
            assertThat(r.getStatus()).as(o.message(r)).isEqualTo(Status.ABORTED);
            assertThat(o.message(r)).isEqualTo("skipped: not applicable: no test declares acme_destination_snowflake: the variables "
                    + "it needs are unknown, there is nothing to list");
            assertThat(o.result("acme_source_postgresql").getStatus()).isEqualTo(Status.SUCCESSFUL);
        }

        @Test
        void anyVariableReadMustHaveAPlaceholder() {
            var o = run(story, "placeholdersInEnvExample", documented().edit(".env.example", s -> s.replace("ACME_CLIENT_ID=\n", "")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains("internal/provider/acceptance_test.go:11: ACME_CLIENT_ID is read here but "
                    + ".env.example has no placeholder for it");
            assertThat(o.message(o.single())).doesNotContain("TF_VAR_source_postgresql_port");
        }

        @Test
        void credentialsPerConnectorMustBeDocumented() {
            var noDoc = run(story, "documentCredentialsPerConnector", documented().without("docs/DEVELOPMENT.md"));
            assertThat(noDoc.result("acme_source_postgresql").getStatus()).isEqualTo(Status.FAILED);
            assertThat(noDoc.message(noDoc.result("acme_source_postgresql"))).contains("found no docs/DEVELOPMENT.md");
            var unnamed = run(story, "documentCredentialsPerConnector", documented().edit("docs/DEVELOPMENT.md",
                    s -> s.replace("| Snowflake destination | none shared: smoke-tested only (`TestSmokeDestinationSnowflake`) |\n", "")
                            .replace("key of a Snowflake warehouse", "a key")));
            var r = unnamed.result("acme_destination_snowflake");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(unnamed.message(r)).contains("docs/DEVELOPMENT.md does not name this connector");
            var undocumented = run(story, "documentCredentialsPerConnector", documented().edit("docs/DEVELOPMENT.md",
                    s -> s.replace("| `TF_VAR_source_postgresql_password` | its password |\n", "")));
            assertThat(undocumented.message(undocumented.result("acme_source_postgresql")))
                    .contains("named in docs/DEVELOPMENT.md, but its credentials [TF_VAR_source_postgresql_password] are not documented");
        }

        @Test
        void developmentMustNameEveryVariable() {
            var o = run(story, "developmentDocumentsVariables", documented().edit("docs/DEVELOPMENT.md",
                    s -> s.replace("| `ACME_TEST_POSTGRESQL_HOST` | host of the test database |\n", "")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains("ACME_TEST_POSTGRESQL_HOST is read here but docs/DEVELOPMENT.md does not mention it");
            var none = run(story, "developmentDocumentsVariables", documented().without("docs/DEVELOPMENT.md"));
            assertThat(none.message(none.single())).contains("expected docs/DEVELOPMENT.md with the environment variables");
        }
    }

    @Nested
    class US041 {
        private final Class<?> story = US041ImplementSmokeTestsForConnectorsWithoutCredentials.class;

        private MiniProvider unidentified() {
            return documented().edit(".env.example", s -> s.replace("ACME_TEST_SNOWFLAKE_KEY=\n", ""))
                    .edit("docs/DEVELOPMENT.md", s -> s.replace("none shared: smoke-tested only (`TestSmokeDestinationSnowflake`)", "ask the team"))
                    .without("docs/audits/smoke-tests.md");
        }

        @Test
        void connectorsWithoutCredentialsMustBeIdentified() {
            run(story, "identifyConnectorsWithoutCredentials", documented()).assertAllSucceeded();
            var o = run(story, "identifyConnectorsWithoutCredentials", unidentified());
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains("acme_destination_snowflake: its tests need [ACME_TEST_SNOWFLAKE_KEY], which "
                    + ".env.example does not provide; expected a document");
        }

        @Test
        void smokeTestsMustCheckSchemaConversionAndValidation() {
            run(story, "smokeTestsVerify", documented()).assertAllSucceeded();
            var o = run(story, "smokeTestsVerify", documented().edit("internal/provider/smoke_test.go", s -> s
                    .replace("\tcfg := connector.ModelToConfigMap(context.Background(), nil)\n\t_ = connector.ConfigMapToModel(context.Background(), cfg)\n", "")
                    .replace("\t\"example.com/acme/internal/resource/connector\"\n", "")));
            var r = o.result("acme_destination_snowflake");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(r)).contains("TestSmokeDestinationSnowflake (internal/provider/smoke_test.go:14)] do not convert a "
                    + "model to the API's configuration and back");
        }

        /** FR-27 asks that smoke tests exist, not what they verify: it passes where US-041.2 fails, and fails without one. */
        @Test
        void fr27AsksThatASmokeTestExistsNotWhatItVerifies() {
            var shallow = documented().edit("internal/provider/smoke_test.go", s -> s
                    .replace("\tcfg := connector.ModelToConfigMap(context.Background(), nil)\n\t_ = connector.ConfigMapToModel(context.Background(), cfg)\n", "")
                    .replace("\t\"example.com/acme/internal/resource/connector\"\n", ""));
            assertThat(run(story, "smokeTestsVerify", shallow).result("acme_destination_snowflake").getStatus()).isEqualTo(Status.FAILED);
            var fr27 = run(io.tfaudit.criteria.requirements.TestingRequirements.class, "smokeTests", shallow);
            assertThat(fr27.result("acme_destination_snowflake").getStatus()).as(fr27.message(fr27.result("acme_destination_snowflake")))
                    .isEqualTo(Status.SUCCESSFUL);
            var none = run(io.tfaudit.criteria.requirements.TestingRequirements.class, "smokeTests", documented().edit("docs/DEVELOPMENT.md",
                    s -> s.replace("| PostgreSQL source | shared test database |", "| PostgreSQL source | none: smoke-tested only |")));
            assertThat(none.result("acme_source_postgresql").getStatus()).isEqualTo(Status.FAILED);
            assertThat(none.message(none.result("acme_source_postgresql"))).contains("acme_source_postgresql (a document identifies it "
                    + "as without credentials): expected a TestSmoke* test covering it, found none");
        }

        @Test
        void anIdentifiedConnectorWithoutASmokeTestFails() {
            var o = run(story, "smokeTestsVerify", documented().edit("docs/DEVELOPMENT.md",
                    s -> s.replace("| PostgreSQL source | shared test database |", "| PostgreSQL source | none: smoke-tested only |")));
            var r = o.result("acme_source_postgresql");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(r)).contains("acme_source_postgresql (a document identifies it as without credentials): expected a "
                    + "TestSmoke* test for it, found none");
        }

        @Test
        void withNoConnectorWithoutCredentialsTheSmokeCriteriaDoNotApply() {
            MiniProvider allCredentials = documented().without("internal/provider/smoke_test.go").without("docs/audits/smoke-tests.md")
                    .edit("docs/DEVELOPMENT.md", s -> s.replace("none shared: smoke-tested only (`TestSmokeDestinationSnowflake`)", "shared warehouse"));
            var o = run(story, "smokeTestsVerify", allCredentials);
            assertThat(o.single().getStatus()).isEqualTo(Status.ABORTED);
            assertThat(o.message(o.single())).contains("not applicable");
            var report = run(story, "smokeTestedConnectorsInAuditReport", allCredentials);
            assertThat(report.single().getStatus()).isEqualTo(Status.ABORTED);
        }

        @Test
        void smokeTestedSchemasMustKeepParityWithTheBaseline() {
            var same = run(story, "schemaParityWithMain", documented(), documented());
            same.assertAllSucceeded();
            var o = run(story, "schemaParityWithMain", documented().edit("internal/generated/destination_snowflake.go",
                    s -> s.replace("\"name\": schema.StringAttribute{Required: true", "\"title\": schema.StringAttribute{Required: true")), documented());
            var r = o.result("acme_destination_snowflake");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(r)).contains("acme_destination_snowflake.name: attribute removed or renamed");
            // a connector the baseline does not have has no behaviour there to keep: not applicable, not passed
            var added = run(story, "schemaParityWithMain", documented(), documented().edit("internal/provider/provider.go",
                    s -> s.replace("destination.NewSnowflakeResource, ", "")));
            assertThat(added.result("acme_destination_snowflake").getStatus()).isEqualTo(Status.ABORTED);
            assertThat(added.message(added.result("acme_destination_snowflake")))
                    .startsWith("skipped: not applicable: acme_destination_snowflake is new since");
            var noBaseline = run(story, "schemaParityWithMain", documented());
            assertThat(noBaseline.single().getStatus()).isEqualTo(Status.ABORTED);
            assertThat(noBaseline.message(noBaseline.single())).contains("no baseline to compare with", "-Dbaseline.ref=main");
        }

        @Test
        void smokeTestedConnectorsMustBeInTheAuditReport() {
            run(story, "smokeTestedConnectorsInAuditReport", documented()).assertAllSucceeded();
            var unnamed = run(story, "smokeTestedConnectorsInAuditReport", documented()
                    .with("docs/audits/smoke-tests.md", "# Smoke tests\n\nNone yet.\n"));
            assertThat(unnamed.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(unnamed.message(unnamed.single())).contains("acme_destination_snowflake is smoke-tested "
                    + "(TestSmokeDestinationSnowflake) but no audit report names it");
            var none = run(story, "smokeTestedConnectorsInAuditReport", documented().without("docs/audits/smoke-tests.md")
                    .without("docs/audits/architecture-comparison-report.md"));
            assertThat(none.message(none.single())).contains("expected an audit report (docs/audits/*.md) naming the smoke-tested "
                    + "connectors [acme_destination_snowflake], found no audit report");
        }
    }

    @Test
    void typecheckFailsOnASyntaxErrorAndIsOtherwiseSkipped() {
        for (Class<?> story : List.of(US040AuditAndDocumentRequiredEnvironmentVariables.class,
                US041ImplementSmokeTestsForConnectorsWithoutCredentials.class)) {
            assertThat(run(story, "typecheckPasses", documented()).single().getStatus()).isEqualTo(Status.ABORTED);
            var broken = run(story, "typecheckPasses", documented().with("internal/provider/broken.go", "package provider\n\nfunc {\n"));
            assertThat(broken.single().getStatus()).isEqualTo(Status.FAILED);
        }
    }
}
