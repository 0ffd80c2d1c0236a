package io.tfaudit.criteria.requirements;

import static io.tfaudit.audit.Restated.criteria;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.backend.Alignment.Kind;
import io.tfaudit.criteria.phase5.BackendAlignment;
import io.tfaudit.criteria.phase5.US019VerifyDynamicFieldExclusion;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The PRD's backend-alignment requirements: the same comparison as US-016…018, one kind of
 * difference each, over every connector resource.
 */
@UserStory(id = "FR-14-16", title = "Backend Alignment", phase = Phase.FUNCTIONAL_REQUIREMENTS)
public class BackendAlignmentRequirements {

    @TestFactory
    @DisplayName("All Terraform schema fields must map to backend config fields")
    @Criterion(value = 14, id = "FR-14", severity = Severity.CRITICAL)
    Stream<DynamicTest> schemaFieldsMapToBackendFields(CriterionRun run) {
        return BackendAlignment.differencesOfKind(run, Set.of(Kind.EXTRA));
    }

    @Test
    @DisplayName("Dynamic/computed fields must NOT appear in Terraform schemas")
    @Criterion(value = 15, id = "FR-15", severity = Severity.CRITICAL)
    void dynamicFieldsAreNotInSchemas(CriterionRun run) {
        run.restate(criteria(US019VerifyDynamicFieldExclusion.class, 1, 2, 3, 4));
    }

    @TestFactory
    @DisplayName("Field types must match backend control types")
    @Criterion(value = 16, id = "FR-16", severity = Severity.BLOCKER)
    Stream<DynamicTest> typesMatchControls(CriterionRun run) {
        return BackendAlignment.differencesOfKind(run, Set.of(Kind.TYPE));
    }
}
