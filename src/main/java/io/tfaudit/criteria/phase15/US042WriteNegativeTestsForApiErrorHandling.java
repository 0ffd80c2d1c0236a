package io.tfaudit.criteria.phase15;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tests whose fake API serves each error status (found from what the handler or mock writes,
 * not from the test's name), make a request time out, count retries, and carry the API's
 * message through a Terraform run or a resource method's diagnostics.
 */
@UserStory(id = "US-042", title = "Write Negative Tests for API Error Handling", phase = Phase.PHASE_15)
public class US042WriteNegativeTestsForApiErrorHandling {

    private static void servesStatus(CriterionRun run, int status, String name, String namedFor) {
        NegativeTests.require(run, "serves " + status + " " + name + " from a fake API", p -> NegativeTests.serves(p, status),
                Pattern.compile(namedFor), "an httptest handler or HTTP mock answering " + status);
    }

    @Test
    @DisplayName("Test 401 Unauthorized error handling")
    @Criterion(value = 1, severity = Severity.NORMAL)
    void unauthorized(CriterionRun run) {
        servesStatus(run, 401, "Unauthorized", "(?i)401|unauthori[sz]ed");
    }

    @Test
    @DisplayName("Test 403 Forbidden error handling")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void forbidden(CriterionRun run) {
        servesStatus(run, 403, "Forbidden", "(?i)403|forbidden");
    }

    @Test
    @DisplayName("Test 404 Not Found error handling (resource deleted externally)")
    @Criterion(value = 3, severity = Severity.NORMAL)
    void notFound(CriterionRun run) {
        servesStatus(run, 404, "Not Found", "(?i)404|not_?found");
    }

    @Test
    @DisplayName("Test 422 Validation error handling")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void unprocessable(CriterionRun run) {
        servesStatus(run, 422, "Unprocessable Entity", "(?i)422|unprocessable");
    }

    @Test
    @DisplayName("Test 500/502/503/504 server error handling and retry logic")
    @Criterion(value = 5, severity = Severity.NORMAL)
    void serverErrorsAndRetries(CriterionRun run) {
        List<NegativeTests.Profile> all = NegativeTests.profiles(run.provider()).stream().filter(p -> !p.alwaysSkipped()).toList();
        Findings f = run.findings();
        StringBuilder evidence = new StringBuilder();
        for (int status : new int[] {500, 502, 503, 504}) {
            List<NegativeTests.Profile> serving = all.stream().filter(p -> NegativeTests.serves(p, status)).toList();
            evidence.append(status).append(": ").append(serving.stream().map(NegativeTests.Profile::where).limit(5).toList()).append('\n');
            if (serving.isEmpty()) {
                f.add("internal/provider/", "expected a test whose fake API serves " + status + ", found none");
            }
        }
        List<NegativeTests.Profile> retrying = all.stream().filter(p -> p.callsRetry()
                || p.countsCalls() && p.served().stream().anyMatch(s -> s >= 500)).toList();
        evidence.append("retries: ").append(retrying.stream().map(NegativeTests.Profile::where).limit(8).toList());
        if (retrying.isEmpty()) {
            f.add("internal/provider/", "expected a test of the retry logic (a handler serving 5xx that counts the attempts, "
                    + "or a test of the retry function), found none");
        }
        run.evidence("server errors", evidence.toString());
        f.verify();
    }

    @Test
    @DisplayName("Test network timeout handling")
    @Criterion(value = 6, severity = Severity.NORMAL)
    void networkTimeout(CriterionRun run) {
        NegativeTests.require(run, "makes a request time out",
                p -> p.timeoutAssertion() || p.slowHandler() && p.clientTimeout(), Pattern.compile("(?i)timeout|deadline"),
                "a handler slower than the client's timeout, or an assertion that the error is a timeout "
                        + "(net.Error Timeout(), context.DeadlineExceeded); a 504 Gateway Timeout is a status, not a network timeout");
    }

    @Test
    @DisplayName("All error messages propagate to Terraform correctly")
    @Criterion(value = 7, severity = Severity.NORMAL)
    void messagesReachTerraform(CriterionRun run) {
        NegativeTests.require(run, "carries an API error to Terraform",
                p -> p.servesError() && (p.runsTerraform() && p.steps().stream().anyMatch(s -> !s.expectError().isEmpty())
                        || !p.invokes().isEmpty() && p.checksDiagnostics()),
                Pattern.compile("(?i)propagat|reachesterraform|message"),
                "a fake API answering an error while Terraform runs the provider (a step with ExpectError), or a resource's "
                        + "Create/Read/Update/Delete called with the framework's request and its Diagnostics checked");
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 8, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
