package io.tfaudit.criteria.phase15;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.phase15.NegativeTests.Validation;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tests that exercise the provider's own validators: a Terraform plan of an invalid
 * configuration expecting the validator's error, the schema's validators run on an invalid
 * value, or the module's validator functions. A test that builds its own
 * {@code stringvalidator.OneOf(...)} tests the library, not the provider, and does not count.
 */
@UserStory(id = "US-043", title = "Write Negative Tests for Schema Validation", phase = Phase.PHASE_15)
public class US043WriteNegativeTestsForSchemaValidation {

    @Test
    @DisplayName("Test required field validation (missing required fields)")
    @Criterion(value = 1, severity = Severity.NORMAL)
    void requiredFields(CriterionRun run) {
        NegativeTests.require(run, "rejects a configuration missing a required attribute",
                p -> p.expectErrorClasses().contains(Validation.REQUIRED) || p.checksRequiredFlag(),
                Pattern.compile("(?i)required|missing"),
                "a plan without a required attribute expecting Terraform's error, or assertions that attributes are Required");
    }

    private static void exercises(CriterionRun run, Validation kind, String what, String namedFor, String expected, String library) {
        List<NegativeTests.Profile> all = NegativeTests.profiles(run.provider());
        boolean found = all.stream().filter(p -> !p.alwaysSkipped())
                .anyMatch(p -> p.expectErrorClasses().contains(kind) && p.runsTerraform() || p.validatorsExercised().contains(kind));
        if (!found) {
            List<NegativeTests.Profile> own = all.stream().filter(p -> p.inlineValidators().stream().anyMatch(v -> v.endsWith(library))).toList();
            if (!own.isEmpty()) {
                Findings f = run.findings();
                f.add(own.get(0).test().pos(), "expected a test that " + what + " (" + expected + "), found none; "
                        + own.size() + " tests build their own validators (" + own.get(0).inlineValidators() + ") and test those, "
                        + "not the provider's schema: " + own.stream().limit(6).map(p -> p.test().name()).toList()
                        + (own.size() > 6 ? " and " + (own.size() - 6) + " more" : ""));
                f.verify();
            }
        }
        NegativeTests.require(run, what, p -> p.expectErrorClasses().contains(kind) && p.runsTerraform() || p.validatorsExercised().contains(kind),
                Pattern.compile(namedFor), expected);
    }

    @Test
    @DisplayName("Test enum validation (invalid values rejected)")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void enumValidation(CriterionRun run) {
        exercises(run, Validation.ENUM, "rejects a value outside an attribute's OneOf list", "(?i)enum|oneof|invalid.?value",
                "a plan with such a value expecting \"value must be one of\", or the schema's OneOf validator run on it", ".OneOf");
    }

    @Test
    @DisplayName("Test range validation (slider min/max bounds)")
    @Criterion(value = 3, severity = Severity.NORMAL)
    void rangeValidation(CriterionRun run) {
        exercises(run, Validation.RANGE, "rejects a number outside an attribute's bounds", "(?i)range|bound|between|slider",
                "a plan with such a number expecting \"must be between\", or the schema's Between validator run on it", ".Between");
    }

    @Test
    @DisplayName("Test format validation (ports, hostnames, etc.)")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void formatValidation(CriterionRun run) {
        exercises(run, Validation.FORMAT, "rejects a malformed port, hostname or similar value", "(?i)format|port|host",
                "a plan with such a value expecting its error, or the schema's validator of a port/hostname attribute run on it",
                "validator.RegexMatches");
    }

    @Test
    @DisplayName("Test sensitive field handling (not exposed in logs/state)")
    @Criterion(value = 5, severity = Severity.NORMAL)
    void sensitiveFields(CriterionRun run) {
        NegativeTests.require(run, "checks that credentials are Sensitive or hidden", NegativeTests.Profile::checksSensitive,
                Pattern.compile("(?i)sensitive|secret|password"),
                "assertions on attributes' Sensitive flag, or on \"(sensitive value)\" in plan output");
    }

    @Test
    @DisplayName("Validators produce helpful error messages")
    @Criterion(value = 6, severity = Severity.NORMAL)
    void helpfulMessages(CriterionRun run) {
        NegativeTests.require(run, "checks the message of a provider validator's error", NegativeTests.Profile::checksMessageText,
                Pattern.compile("(?i)message"),
                "an ExpectError pattern naming the rule (\"must be one of\", \"must be between 1 and 65535\"), or the "
                        + "Detail/Summary of the diagnostic a schema validator reports");
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 7, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
