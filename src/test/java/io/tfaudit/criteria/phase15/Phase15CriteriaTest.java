package io.tfaudit.criteria.phase15;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.MiniProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * Phase 15 on the mini provider with negative tests found by what they do (statuses served,
 * timeouts, validators exercised, changes behind Terraform's back), then broken for each
 * criterion, including tests that are named for a case but do not test it.
 */
class Phase15CriteriaTest {

    @TempDir
    Path dir;

    private int runs;

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider) {
        return CriterionTestKit.run(story, method, provider.writeTo(dir.resolve("run" + ++runs)));
    }

    static final String ERRORS = "internal/provider/error_test.go";
    static final String VALIDATION = "internal/provider/validation_test.go";
    static final String CONFLICTS = "internal/provider/conflict_test.go";

    static final String ERRORS_TEST = """
            package provider

            import (
            \t"errors"
            \t"io"
            \t"net"
            \t"net/http"
            \t"net/http/httptest"
            \t"regexp"
            \t"sync/atomic"
            \t"testing"
            \t"time"

            \t"github.com/hashicorp/terraform-plugin-testing/helper/resource"
            )

            func TestAPIErrors(t *testing.T) {
            \tcases := []struct {
            \t\tstatus  int
            \t\tretried bool
            \t}{
            \t\t{http.StatusUnauthorized, false},
            \t\t{http.StatusForbidden, false},
            \t\t{http.StatusNotFound, false},
            \t\t{http.StatusUnprocessableEntity, false},
            \t\t{http.StatusInternalServerError, false},
            \t\t{http.StatusBadGateway, true},
            \t\t{http.StatusServiceUnavailable, true},
            \t\t{http.StatusGatewayTimeout, true},
            \t}
            \tfor _, tc := range cases {
            \t\tvar calls int32
            \t\tsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
            \t\t\tatomic.AddInt32(&calls, 1)
            \t\t\tw.WriteHeader(tc.status)
            \t\t}))
            \t\t_, _ = http.Get(srv.URL)
            \t\tsrv.Close()
            \t}
            }

            func TestNetworkTimeout(t *testing.T) {
            \tsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
            \t\ttime.Sleep(200 * time.Millisecond)
            \t}))
            \tdefer srv.Close()
            \tc := &http.Client{Timeout: 10 * time.Millisecond}
            \t_, err := c.Get(srv.URL)
            \tvar netErr net.Error
            \tif !errors.As(err, &netErr) || !netErr.Timeout() {
            \t\tt.Fatal(err)
            \t}
            }

            func TestErrorReachesTerraform(t *testing.T) {
            \tsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
            \t\tw.WriteHeader(http.StatusUnprocessableEntity)
            \t\t_, _ = io.WriteString(w, `{"detail":"name is reserved"}`)
            \t}))
            \tdefer srv.Close()
            \tresource.UnitTest(t, resource.TestCase{Steps: []resource.TestStep{{
            \t\tConfig:      `resource "acme_source_postgresql" "t" { name = "reserved" }`,
            \t\tExpectError: regexp.MustCompile(`name is reserved`),
            \t}}})
            }
            """;

    static final String VALIDATION_TEST = """
            package provider

            import (
            \t"regexp"
            \t"testing"

            \t"github.com/hashicorp/terraform-plugin-testing/helper/resource"

            \t"example.com/acme/internal/generated"
            )

            func planRejects(t *testing.T, want, config string) {
            \tresource.UnitTest(t, resource.TestCase{Steps: []resource.TestStep{{Config: config, PlanOnly: true, ExpectError: regexp.MustCompile(want)}}})
            }

            func TestValidationRequired(t *testing.T) {
            \tplanRejects(t, `The argument "name" is required`, `resource "acme_source_postgresql" "t" {
            }`)
            }

            func TestValidationEnum(t *testing.T) {
            \tplanRejects(t, `value must be one of`, `resource "acme_destination_snowflake" "t" {
              mode = "sometimes"
            }`)
            }

            func TestValidationRange(t *testing.T) {
            \tplanRejects(t, `must be between 1 and 8`, `resource "acme_source_postgresql" "t" {
              parallelism = 20
            }`)
            }

            func TestValidationFormat(t *testing.T) {
            \tplanRejects(t, `Inappropriate value for attribute "port"`, `resource "acme_source_postgresql" "t" {
              port = "twenty-two"
            }`)
            }

            func TestValidationSensitive(t *testing.T) {
            \tfor name, a := range generated.SourcePostgresqlSchema().Attributes {
            \t\tif name == "password" && !a.IsSensitive() {
            \t\t\tt.Error(name)
            \t\t}
            \t}
            }
            """;

    static final String CONFLICTS_TEST = """
            package provider

            import (
            \t"context"
            \t"regexp"
            \t"testing"

            \t"github.com/hashicorp/terraform-plugin-testing/helper/resource"

            \t"example.com/acme/internal/api"
            )

            const pgConfig = `resource "acme_source_postgresql" "t" { name = "tf-acc-test-pg" }`

            func TestAccDrift(t *testing.T) {
            \tc := &api.Client{}
            \tresource.Test(t, resource.TestCase{Steps: []resource.TestStep{
            \t\t{Config: pgConfig},
            \t\t{PreConfig: func() { _ = c.UpdateSource(context.Background(), "id") }, Config: pgConfig, PlanOnly: true, ExpectNonEmptyPlan: true},
            \t}})
            }

            func TestAccDeleted(t *testing.T) {
            \tc := &api.Client{}
            \tresource.Test(t, resource.TestCase{Steps: []resource.TestStep{
            \t\t{Config: pgConfig},
            \t\t{PreConfig: func() { _ = c.DeleteSource(context.Background(), "id") }, Config: pgConfig, PlanOnly: true, ExpectNonEmptyPlan: true},
            \t}})
            }

            func TestAccConcurrent(t *testing.T) {
            \tc := &api.Client{}
            \tresource.Test(t, resource.TestCase{Steps: []resource.TestStep{
            \t\t{Config: pgConfig},
            \t\t{PreConfig: func() { _ = c.UpdateSource(context.Background(), "id") }, Config: pgConfig + " "},
            \t}})
            }

            func TestAccImportMissing(t *testing.T) {
            \tresource.Test(t, resource.TestCase{Steps: []resource.TestStep{
            \t\t{Config: pgConfig, ResourceName: "acme_source_postgresql.t", ImportState: true, ImportStateId: "000000000000",
            \t\t\tExpectError: regexp.MustCompile(`Cannot import non-existent remote object`)},
            \t}})
            }

            func TestAccImportMalformed(t *testing.T) {
            \tresource.Test(t, resource.TestCase{Steps: []resource.TestStep{
            \t\t{Config: pgConfig, ResourceName: "acme_source_postgresql.t", ImportState: true, ImportStateId: "sources/not an id",
            \t\t\tExpectError: regexp.MustCompile(`Invalid import ID`)},
            \t}})
            }
            """;

    static MiniProvider negative() {
        return MiniProvider.sound().with(ERRORS, ERRORS_TEST).with(VALIDATION, VALIDATION_TEST).with(CONFLICTS, CONFLICTS_TEST);
    }

    private static void passes(CriterionTestKit.Outcome o) {
        o.assertAllSucceeded();
    }

    private static String failure(CriterionTestKit.Outcome o) {
        assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
        return o.message(o.single());
    }

    @Nested
    class US042 {
        private final Class<?> story = US042WriteNegativeTestsForApiErrorHandling.class;

        @Test
        void everyCriterionPassesWhenTheFakeApiServesItsCase() {
            for (String m : List.of("unauthorized", "forbidden", "notFound", "unprocessable", "serverErrorsAndRetries", "networkTimeout",
                    "messagesReachTerraform")) {
                passes(run(story, m, negative()));
            }
        }

        @Test
        void aTestNamedFor401ThatServesNoneDoesNotCount() {
            String msg = failure(run(story, "unauthorized", negative()
                    .edit(ERRORS, s -> s.replace("\t\t{http.StatusUnauthorized, false},\n", "")
                            + "\nfunc TestAPIError401_Unauthorized(t *testing.T) {\n\tt.Log(\"checks the client's message\")\n}\n")));
            assertThat(msg).contains("expected a test that serves 401 Unauthorized from a fake API",
                    "tests named for it do not: [TestAPIError401_Unauthorized]");
        }

        @Test
        void each4xxStatusIsLookedForInWhatTheHandlerWrites() {
            assertThat(failure(run(story, "forbidden", negative().edit(ERRORS, s -> s.replace("\t\t{http.StatusForbidden, false},\n", "")))))
                    .contains("serves 403 Forbidden");
            assertThat(failure(run(story, "notFound", negative().edit(ERRORS, s -> s.replace("\t\t{http.StatusNotFound, false},\n", "")))))
                    .contains("serves 404 Not Found");
            assertThat(failure(run(story, "unprocessable", negative()
                    .edit(ERRORS, s -> s.replace("\t\t{http.StatusUnprocessableEntity, false},\n", "")
                            .replace("w.WriteHeader(http.StatusUnprocessableEntity)", "w.WriteHeader(http.StatusBadRequest)")))))
                    .contains("serves 422 Unprocessable Entity");
            passes(run(story, "notFound", negative().edit(ERRORS, s -> s.replace("\t\t{http.StatusNotFound, false},\n", "")
                    .replace("w.WriteHeader(http.StatusUnprocessableEntity)", "w.WriteHeader(404)"))));
        }

        @Test
        void serverErrorsNeedEveryStatusAndARetryTest() {
            String msg = failure(run(story, "serverErrorsAndRetries", negative().edit(ERRORS, s -> s
                    .replace("\t\t{http.StatusServiceUnavailable, true},\n", "").replace("\t\t\tatomic.AddInt32(&calls, 1)\n", ""))));
            assertThat(msg).contains("expected a test whose fake API serves 503, found none", "expected a test of the retry logic");
        }

        @Test
        void aGatewayTimeoutIsNotANetworkTimeout() {
            String msg = failure(run(story, "networkTimeout", negative().edit(ERRORS, s -> s
                    .replace("|| !netErr.Timeout()", "").replace("\t\ttime.Sleep(200 * time.Millisecond)\n", "\t\tw.WriteHeader(http.StatusGatewayTimeout)\n"))));
            assertThat(msg).contains("expected a test that makes a request time out", "tests named for it do not: [TestNetworkTimeout]");
        }

        @Test
        void anErrorMustReachTerraform() {
            String msg = failure(run(story, "messagesReachTerraform", negative().edit(ERRORS, s -> s
                    .replace("\t\tExpectError: regexp.MustCompile(`name is reserved`),\n", ""))));
            assertThat(msg).contains("expected a test that carries an API error to Terraform", "TestErrorReachesTerraform");
        }
    }

    @Nested
    class US043 {
        private final Class<?> story = US043WriteNegativeTestsForSchemaValidation.class;

        @Test
        void everyCriterionPassesWhenPlansOfInvalidConfigurationsAreRejected() {
            for (String m : List.of("requiredFields", "enumValidation", "rangeValidation", "formatValidation", "sensitiveFields",
                    "helpfulMessages")) {
                passes(run(story, m, negative()));
            }
        }

        @Test
        void aTestOfAValidatorItBuildsItselfDoesNotTestTheSchema() {
            String inline = """
                    func TestValidationEnum(t *testing.T) {
                    \tv := stringvalidator.OneOf("a", "b")
                    \tresp := &validator.StringResponse{}
                    \tv.ValidateString(context.Background(), validator.StringRequest{ConfigValue: types.StringValue("c")}, resp)
                    }
                    """;
            String msg = failure(run(story, "enumValidation", negative().edit(VALIDATION, s -> s
                    .replace(s.substring(s.indexOf("func TestValidationEnum"), s.indexOf("func TestValidationRange")), inline + "\n"))));
            assertThat(msg).contains("expected a test that rejects a value outside an attribute's OneOf list",
                    "1 tests build their own validators ([stringvalidator.OneOf]) and test those, not the provider's schema: [TestValidationEnum]");
        }

        @Test
        void theSchemasOwnValidatorsCount() {
            MiniProvider withEnum = negative().edit("internal/generated/destination_snowflake.go", s -> s
                    .replace("import \"github.com/hashicorp/terraform-plugin-framework/resource/schema\"",
                            "import (\n\t\"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator\"\n"
                                    + "\t\"github.com/hashicorp/terraform-plugin-framework/resource/schema\"\n"
                                    + "\t\"github.com/hashicorp/terraform-plugin-framework/schema/validator\"\n)")
                    .replace("\t\t\t\"name\": schema.StringAttribute{Required: true",
                            "\t\t\t\"mode\": schema.StringAttribute{Optional: true, Validators: []validator.String{stringvalidator.OneOf(\"a\", \"b\")}},\n"
                                    + "\t\t\t\"name\": schema.StringAttribute{Required: true"))
                    .edit(VALIDATION, s -> s.replace(s.substring(s.indexOf("func TestValidationEnum"), s.indexOf("func TestValidationRange")), """
                            func TestValidationEnum(t *testing.T) {
                            \ta := generated.DestinationSnowflakeSchema().Attributes["mode"].(schema.StringAttribute)
                            \tfor _, v := range a.Validators {
                            \t\tresp := &validator.StringResponse{}
                            \t\tv.ValidateString(context.Background(), validator.StringRequest{ConfigValue: types.StringValue("c")}, resp)
                            \t}
                            }

                            """));
            passes(run(story, "enumValidation", withEnum));
        }

        @Test
        void missingKindsOfValidationFail() {
            assertThat(failure(run(story, "requiredFields", negative().edit(VALIDATION, s -> s.replace("The argument \"name\" is required", "Error")))))
                    .contains("expected a test that rejects a configuration missing a required attribute");
            assertThat(failure(run(story, "rangeValidation", negative().edit(VALIDATION, s -> s.replace("must be between 1 and 8", "Error")))))
                    .contains("expected a test that rejects a number outside an attribute's bounds");
            assertThat(failure(run(story, "formatValidation", negative().edit(VALIDATION, s -> s.replace("Inappropriate value for attribute \"port\"", "Error")))))
                    .contains("expected a test that rejects a malformed port, hostname or similar value");
            assertThat(failure(run(story, "sensitiveFields", negative().edit(VALIDATION, s -> s.replace("!a.IsSensitive()", "a.Optional")))))
                    .contains("expected a test that checks that credentials are Sensitive or hidden");
        }

        @Test
        void requiredErrorsAreTerraformsNotAValidatorsMessage() {
            String msg = failure(run(story, "helpfulMessages", negative().edit(VALIDATION, s -> s
                    .replace("value must be one of", "Error").replace("must be between 1 and 8", "Error")
                    .replace("Inappropriate value for attribute \"port\"", "Error"))));
            assertThat(msg).contains("expected a test that checks the message of a provider validator's error");
        }
    }

    @Nested
    class US044 {
        private final Class<?> story = US044WriteNegativeTestsForResourceStateConflicts.class;

        @Test
        void everyCriterionPassesWhenTheObjectIsChangedBehindTerraformsBack() {
            for (String m : List.of("drift", "deletedExternally", "concurrentModification", "importMissing", "importMalformedId")) {
                passes(run(story, m, negative()));
            }
        }

        @Test
        void aDriftTestThatOnlyReadsTheApiTwiceDoesNotCount() {
            String clientOnly = "\nfunc TestDriftDetection_Source(t *testing.T) {\n\tc := &api.Client{}\n\t_ = c.GetSource(context.Background(), \"id\")\n"
                    + "\t_ = c.GetSource(context.Background(), \"id\")\n}\n";
            String msg = failure(run(story, "drift", negative().edit(CONFLICTS, s -> s
                    .replace("{PreConfig: func() { _ = c.UpdateSource(context.Background(), \"id\") }, Config: pgConfig, PlanOnly: true",
                            "{PreConfig: func() { _ = c.GetSource(context.Background(), \"id\") }, Config: pgConfig, PlanOnly: true") + clientOnly)));
            assertThat(msg).contains("expected a test that changes the object outside Terraform and expects a plan to notice",
                    "tests named for it do not: [TestAccDrift, TestDriftDetection_Source]");
        }

        @Test
        void deletionConcurrencyAndImportsFailWhenNotExercised() {
            assertThat(failure(run(story, "deletedExternally", negative().edit(CONFLICTS, s -> s.replace("c.DeleteSource(", "c.GetSource(")))))
                    .contains("expected a test that deletes the object outside Terraform");
            assertThat(failure(run(story, "concurrentModification", negative().edit(CONFLICTS, s -> s
                    .replace("Config: pgConfig + \" \"}", "Config: pgConfig, PlanOnly: true}")))))
                    .contains("expected a test that modifies the object concurrently with an apply");
            assertThat(failure(run(story, "importMissing", negative().edit(CONFLICTS, s -> s
                    .replace("ImportStateId: \"000000000000\",\n\t\t\tExpectError: regexp.MustCompile(`Cannot import non-existent remote object`)},",
                            "ImportStateVerify: true},")))))
                    .contains("expected a test that imports an ID that does not exist and expects an error");
            assertThat(failure(run(story, "importMalformedId", negative().edit(CONFLICTS, s -> s
                    .replace("ImportStateId: \"sources/not an id\"", "ImportStateId: \"000000000001\"")
                    .replace("`Invalid import ID`", "`Cannot import non-existent remote object`")))))
                    .contains("expected a test that imports a malformed ID and expects an error");
        }
    }

    @Test
    void typecheckFailsOnASyntaxErrorAndIsOtherwiseSkipped() {
        for (Class<?> story : List.of(US042WriteNegativeTestsForApiErrorHandling.class, US043WriteNegativeTestsForSchemaValidation.class,
                US044WriteNegativeTestsForResourceStateConflicts.class)) {
            assertThat(run(story, "typecheckPasses", negative()).single().getStatus()).isEqualTo(Status.ABORTED);
            var broken = run(story, "typecheckPasses", negative().with("internal/provider/broken.go", "package provider\n\nfunc {\n"));
            assertThat(broken.single().getStatus()).isEqualTo(Status.FAILED);
        }
    }
}
