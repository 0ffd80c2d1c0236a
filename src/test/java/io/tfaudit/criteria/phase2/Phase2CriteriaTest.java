package io.tfaudit.criteria.phase2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.MiniProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

/** Phase 2 criteria: each fails on a fixture broken for it and passes (or is skipped for its run) on the sound one. */
class Phase2CriteriaTest {

    @TempDir
    Path dir;

    private int runs;

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider) {
        return CriterionTestKit.run(story, method, provider.writeTo(dir.resolve("run" + ++runs)));
    }

    private static void assertFails(CriterionTestKit.Outcome o, TestExecutionResult r, String... evidence) {
        assertThat(r.getStatus()).as(o.message(r)).isEqualTo(Status.FAILED);
        assertThat(o.message(r)).contains(evidence);
    }

    @Nested
    class US004 {
        private final Class<?> story = US004VerifyApiClientOperations.class;

        @Test
        void tokenExchangeFoundThenSkippedForItsTestRun() {
            var sound = run(story, "tokenExchange", MiniProvider.sound()).single();
            assertThat(sound.getStatus()).isEqualTo(Status.ABORTED);
            var o = run(story, "tokenExchange", MiniProvider.sound().edit("internal/api/client.go",
                    s -> s.replace("GetAccessToken", "Login").replace("clientID, secret string", "user, password string")
                            .replace("client_id", "user")));
            assertFails(o, o.single(), "expected a function that sends client credentials for an access token");
        }

        /** With consent: the exchange's test passes; with none to run it is missing coverage (normal), not a CRUD blocker. */
        @Test
        void anUntestedTokenExchangeIsMissingCoverageNotABlocker() {
            java.util.Map<String, String> exec = java.util.Map.of(io.tfaudit.audit.AuditConfig.EXEC, "true");
            var tested = CriterionTestKit.run(story, "tokenExchange", MiniProvider.sound().writeTo(dir.resolve("tested")), exec);
            assertThat(tested.single().getStatus()).as(tested.message(tested.single())).isEqualTo(Status.SUCCESSFUL);
            var untested = CriterionTestKit.run(story, "tokenExchange", MiniProvider.sound().edit("internal/api/client_test.go",
                    s -> s.replace("TestGetAccessToken", "TestSomethingElse")).writeTo(dir.resolve("untested")), exec);
            assertFails(untested, untested.single(), "[normal] ", "expected Go tests of the token exchange (-run 'Token|Auth'), none ran");
        }

        @Test
        void everyRequestCarriesTheAuthorizationHeader() {
            run(story, "authorizationOnEveryRequest", MiniProvider.sound()).assertAllSucceeded();
            var o = run(story, "authorizationOnEveryRequest", MiniProvider.sound().edit("internal/api/client.go",
                    s -> s.replace("\treq.Header.Set(\"Authorization\", \"Bearer \"+c.token)\n", "")));
            assertFails(o, o.single(), "internal/api/client.go:", "Client.CreateSource builds a request",
                    "sets the Authorization header");
        }

        @Test
        void secretReturnedOnSourceCreateAndRead() {
            run(story, "secretReturnedOnSourceCreateAndRead", MiniProvider.sound()).assertAllSucceeded();
            var o = run(story, "secretReturnedOnSourceCreateAndRead", MiniProvider.sound().edit("internal/api/client.go",
                    s -> s.replace("\"/sources/\"+id+\"?secret_returned=true\"", "\"/sources/\"+id")));
            assertFails(o, o.single(), "Client.GetSource: expected the query parameter secret_returned=true");
        }

        @Test
        void detailErrorsArePropagated() {
            run(story, "detailErrorsPropagated", MiniProvider.sound()).assertAllSucceeded();
            var o = run(story, "detailErrorsPropagated", MiniProvider.sound().edit("internal/api/client.go",
                    s -> s.replace("json:\"detail\"", "json:\"message\"")));
            assertFails(o, o.single(), "expected a struct field tagged json:\"detail\"");
        }

        @Test
        void retriesGatewayErrorsAndTimeouts() {
            run(story, "retriesGatewayErrorsAndTimeouts", MiniProvider.sound()).assertAllSucceeded();
            var o = run(story, "retriesGatewayErrorsAndTimeouts", MiniProvider.sound().edit("internal/api/retry.go",
                    s -> s.replace("http.StatusServiceUnavailable, ", "")));
            assertFails(o, o.single(), "internal/api/retry.go:1: expected the retry logic to handle HTTP 503");
            // a request not retried fails as it would have anyway: resilience, not a CRUD failure
            assertThat(o.message(o.single())).startsWith("[normal] ");
        }

        @Test
        void createdFromOnEveryCreateThroughConstants() {
            run(story, "createdFromTerraformOnEveryCreate", MiniProvider.sound()).assertAllSucceeded();
            var o = run(story, "createdFromTerraformOnEveryCreate", MiniProvider.sound().edit("internal/api/client.go",
                    s -> s.replace("const Origin = \"terraform\"", "const Origin = \"ui\"")));
            assertFails(o, o.single(), "Client.CreateSource: expected created_from = \"terraform\"");
        }
    }

    @Nested
    class US005 {
        private final Class<?> story = US005VerifyHelperFunctions.class;

        @Test
        void helperEdgeCasesCoveredByTests() {
            for (String m : new String[] {"getTfCfgString", "getTfCfgInt64", "getTfCfgBool", "getTfCfgListString",
                    "migrateDeprecatedValues"}) {
                run(story, m, MiniProvider.sound()).assertAllSucceeded();
            }
        }

        @Test
        void aMissingEdgeCaseIsNamed() {
            var o = run(story, "getTfCfgListString", MiniProvider.sound().edit("internal/helper/helper_test.go",
                    s -> s.replace("[]any{\"a\", nil}", "[]any{\"a\", \"b\"}")));
            assertFails(o, o.single(), "GetTfCfgListString: expected a test case for nil elements");
            var i = run(story, "getTfCfgInt64", MiniProvider.sound().edit("internal/helper/helper_test.go",
                    s -> s.replace("map[string]any{\"k\": \"5\"}", "map[string]any{\"k\": \"five\"}")));
            assertFails(i, i.single(), "GetTfCfgInt64: expected a test case for string numbers");
        }

        @Test
        void migrationThatKeepsTheOldKeyFails() {
            var o = run(story, "migrateDeprecatedValues", MiniProvider.sound().edit("internal/helper/helper.go",
                    s -> s.replace("\t\t\tdelete(cfg, oldKey)\n", "")));
            assertFails(o, o.single(), "MigrateDeprecatedValues: expected the old key removed");
        }

        @Test
        void helperTestsRunOnlyWithConsent() {
            assertThat(run(story, "helperUnitTestsPass", MiniProvider.sound()).single().getStatus()).isEqualTo(Status.ABORTED);
            var o = run(story, "helperUnitTestsPass", MiniProvider.sound().without("internal/helper/helper_test.go"));
            assertFails(o, o.single(), "GetTfCfgBool: expected a Go unit test that calls it");
        }
    }

    @Nested
    class US006 {
        private final Class<?> story = US006VerifyBaseResourceImplementation.class;

        @Test
        void conversionsExistUseMappingsAndAreUsedByCrud() {
            for (String m : new String[] {"modelToConfigMap", "configMapToModel", "extractTerraformValue", "setTerraformValue"}) {
                run(story, m, MiniProvider.sound()).assertAllSucceeded();
            }
            var o = run(story, "configMapToModel", MiniProvider.sound().edit("internal/resource/connector/base.go",
                    s -> s.replace("\tr.configMapToModel(ctx, map[string]any{})\n", "")));
            assertFails(o, o.single(), "BaseResource.Read: expected it to use configMapToModel");
        }

        @Test
        void aTypeWithoutItsBranchOrHelperFails() {
            var o = run(story, "extractTerraformValue", MiniProvider.sound().edit("internal/resource/connector/base.go",
                    s -> s.replace("\tcase types.Bool:\n\t\treturn x.ValueBool()\n", "")));
            assertFails(o, o.single(), "expected a branch for types.Bool");
            var h = run(story, "setTerraformValue", MiniProvider.sound().edit("internal/resource/connector/base.go",
                    s -> s.replace("return helper.GetTfCfgInt64(ctx, cfg, key)", "return nil")));
            // no Int64 value is set at all: such attributes are lost on Read (data loss)
            assertFails(h, h.single(), "[critical] ", "expected it to set types.Int64 values (with GetTfCfgInt64), found no conversion");
            var other = run(story, "setTerraformValue", MiniProvider.sound().edit("internal/resource/connector/base.go",
                    s -> s.replace("return helper.GetTfCfgInt64(ctx, cfg, key)", "return types.Int64Value(int64(cfg[key].(float64)))")));
            assertFails(other, other.single(), "[normal] ", "expected it to use GetTfCfgInt64 for types.Int64, found the type converted without it");
        }

        @Test
        void everyCrudOperationHasATimeout() {
            run(story, "timeoutsOnCrud", MiniProvider.sound()).assertAllSucceeded();
            var o = run(story, "timeoutsOnCrud", MiniProvider.sound().edit("internal/resource/connector/base.go",
                    s -> s.replace("\tctx, cancel := context.WithTimeout(ctx, 5*time.Minute)\n\tdefer cancel()\n", "")));
            assertFails(o, o.result("acme_source_postgresql"), "BaseResource.Read runs without a timeout context");
        }

        @Test
        void everyResourceImports() {
            run(story, "importPassthrough", MiniProvider.sound()).assertAllSucceeded();
            var o = run(story, "importPassthrough", MiniProvider.sound().edit("internal/resource/connector/base.go",
                    s -> s.replace("func (r *BaseResource) ImportState(", "func (r *BaseResource) importState(")));
            assertFails(o, o.result("acme_transform_filter"), "expected an ImportState method on BaseResource");
        }

        /** Parsing req.ID and setting the whole state (the framework's idiom for composite IDs) is import support. */
        @Test
        void anImportStateThatParsesTheIdAndSetsTheStateImports() {
            String parses = "\tparts := strings.Split(req.ID, \",\")\n\tvar state struct{ ID string }\n\tstate.ID = parts[0]\n"
                    + "\tresp.Diagnostics.Append(resp.State.Set(ctx, &state)...)\n";
            var o = run(story, "importPassthrough", MiniProvider.sound().edit("internal/resource/connector/base.go", s -> s
                    .replace("\tresource.ImportStatePassthroughID(ctx, path.Root(\"id\"), req, resp)\n", parses)));
            o.assertAllSucceeded();
            var ignoresId = run(story, "importPassthrough", MiniProvider.sound().edit("internal/resource/connector/base.go", s -> s
                    .replace("\tresource.ImportStatePassthroughID(ctx, path.Root(\"id\"), req, resp)\n",
                            "\tvar state struct{ ID string }\n\tresp.Diagnostics.Append(resp.State.Set(ctx, &state)...)\n")));
            assertFails(ignoresId, ignoresId.result("acme_source_postgresql"), "ImportState neither passes the ID through");
        }
    }
}
