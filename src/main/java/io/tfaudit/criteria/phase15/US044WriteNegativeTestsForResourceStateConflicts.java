package io.tfaudit.criteria.phase15;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tests that change the remote object behind Terraform's back and check the provider notices
 * (a Terraform step whose PreConfig or Check updates or deletes it through the API, then a
 * plan expecting changes), or run the resource's Read/ImportState against a fake API; a test
 * that only calls the API client twice does not exercise the provider.
 */
@UserStory(id = "US-044", title = "Write Negative Tests for Resource State Conflicts", phase = Phase.PHASE_15)
public class US044WriteNegativeTestsForResourceStateConflicts {

    static final Pattern MISSING = Pattern.compile("(?i)non-?existent|not found|cannot import|does not exist|no .* found|404");
    static final Pattern MALFORMED = Pattern.compile("(?i)invalid|malformed|format|unexpected|parse|must be");

    @Test
    @DisplayName("Test resource modified externally (drift detection)")
    @Criterion(value = 1, severity = Severity.NORMAL)
    void drift(CriterionRun run) {
        NegativeTests.require(run, "changes the object outside Terraform and expects a plan to notice",
                p -> p.steps().stream().anyMatch(s -> s.mutates(NegativeTests.UPDATE) && (s.expectNonEmptyPlan() || s.planOnly()))
                        || p.invokes().contains("Read") && !p.served().isEmpty() && p.test().name().matches("(?i).*(drift|modif|extern|chang).*"),
                Pattern.compile("(?i)drift|modified"),
                "a step whose PreConfig updates the object through the API, then a plan expecting changes; or the "
                        + "resource's Read against a fake API that answers a changed object");
    }

    @Test
    @DisplayName("Test resource deleted externally (proper error on refresh)")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void deletedExternally(CriterionRun run) {
        NegativeTests.require(run, "deletes the object outside Terraform and expects refresh to notice",
                p -> p.steps().stream().anyMatch(s -> s.mutates(NegativeTests.DELETE)
                        && (s.expectNonEmptyPlan() || s.planOnly() || !s.expectError().isEmpty()))
                        || p.invokes().contains("Read") && (NegativeTests.serves(p, 404) || p.test().name().matches("(?i).*(delet|remov|gone|missing).*")),
                Pattern.compile("(?i)delet|disappear"),
                "a step whose PreConfig or Check deletes the object through the API, then a plan expecting it recreated or an "
                        + "error; or the resource's Read against a fake API answering 404");
    }

    @Test
    @DisplayName("Test concurrent modification handling")
    @Criterion(value = 3, severity = Severity.NORMAL)
    void concurrentModification(CriterionRun run) {
        NegativeTests.require(run, "modifies the object concurrently with an apply",
                p -> p.steps().stream().anyMatch(s -> s.mutates(NegativeTests.UPDATE) && s.config() && !s.planOnly() && !s.expectNonEmptyPlan())
                        || (p.concurrent() || NegativeTests.serves(p, 409) || NegativeTests.serves(p, 412))
                        && p.called().stream().anyMatch(n -> NegativeTests.UPDATE.matcher(n).matches()),
                Pattern.compile("(?i)concurren|conflict|race"),
                "a step whose PreConfig updates the object through the API before an apply that changes it too; or concurrent "
                        + "updates (goroutines) or a 409/412 answer to an update");
    }

    @Test
    @DisplayName("Test import of non-existent resource")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void importMissing(CriterionRun run) {
        NegativeTests.require(run, "imports an ID that does not exist and expects an error",
                p -> p.steps().stream().anyMatch(s -> s.importState() && !s.expectError().isEmpty() && isMissing(s))
                        || p.invokes().contains("ImportState") && p.invokes().contains("Read") && NegativeTests.serves(p, 404),
                Pattern.compile("(?i)import.*(non.?exist|missing|notfound)"),
                "an import step (ImportState, ImportStateId of an absent object) with ExpectError, or ImportState and Read "
                        + "against a fake API answering 404");
    }

    @Test
    @DisplayName("Test import with wrong ID format")
    @Criterion(value = 5, severity = Severity.NORMAL)
    void importMalformedId(CriterionRun run) {
        NegativeTests.require(run, "imports a malformed ID and expects an error",
                p -> p.steps().stream().anyMatch(s -> s.importState() && !s.expectError().isEmpty() && isMalformed(s))
                        || p.invokes().contains("ImportState") && p.checksDiagnostics(),
                Pattern.compile("(?i)import.*(invalid|malformed|format|wrong)"),
                "an import step with a malformed ImportStateId and ExpectError, or the resource's ImportState called with "
                        + "one and its Diagnostics checked");
    }

    static boolean isMalformed(NegativeTests.Step s) {
        if (s.expectError().stream().anyMatch(x -> MALFORMED.matcher(x).find())) {
            return true;
        }
        String id = s.importStateId();
        return id != null && !id.equals("(computed)") && (id.isBlank() || id.matches(".*[\\s/].*"));
    }

    static boolean isMissing(NegativeTests.Step s) {
        if (s.expectError().stream().anyMatch(x -> MISSING.matcher(x).find())) {
            return true;
        }
        return !isMalformed(s);
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 6, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
