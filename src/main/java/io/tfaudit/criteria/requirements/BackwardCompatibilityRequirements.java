package io.tfaudit.criteria.requirements;

import static io.tfaudit.audit.Restated.criteria;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.phase3.US007RunMigrationTests;
import io.tfaudit.criteria.phase3.US008VerifyDeprecatedFieldHandling;
import io.tfaudit.criteria.phase3.US009RunSchemaCompatibilityTests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The PRD's backward-compatibility requirements. */
@UserStory(id = "FR-7-9", title = "Backward Compatibility", phase = Phase.FUNCTIONAL_REQUIREMENTS)
public class BackwardCompatibilityRequirements {

    @Test
    @DisplayName("All deprecated fields must continue to work with deprecation warnings")
    @Criterion(value = 7, id = "FR-7", severity = Severity.CRITICAL)
    void deprecatedFieldsStillWork(CriterionRun run) {
        run.restate(criteria(US008VerifyDeprecatedFieldHandling.class, 1, 2, 3));
    }

    @Test
    @DisplayName("Migration from v2.1.18 must produce empty plan (no changes)")
    @Criterion(value = 8, id = "FR-8", severity = Severity.CRITICAL)
    void migrationProducesAnEmptyPlan(CriterionRun run) {
        run.restate(criteria(US007RunMigrationTests.class, 1, 2));
    }

    @Test
    @DisplayName("Schema compatibility tests must pass for all resources")
    @Criterion(value = 9, id = "FR-9", severity = Severity.CRITICAL)
    void schemaCompatibilityTestsPass(CriterionRun run) {
        run.restate(criteria(US009RunSchemaCompatibilityTests.class, 1, 2, 3, 4));
    }
}
