package io.tfaudit.criteria.requirements;

import static io.tfaudit.audit.Restated.criteria;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.phase4.US010VerifyParserImplementation;
import io.tfaudit.criteria.phase4.US012VerifyOverrideSystem;
import io.tfaudit.criteria.phase4.US013VerifyDeprecationSystem;
import io.tfaudit.criteria.phase4.US014RunRegenerationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The PRD's code-generation requirements. */
@UserStory(id = "FR-10-13", title = "Code Generation", phase = Phase.FUNCTIONAL_REQUIREMENTS)
public class CodeGenerationRequirements {

    @Test
    @DisplayName("Parser must extract all `user_defined: true` fields from backend configs")
    @Criterion(value = 10, id = "FR-10", severity = Severity.CRITICAL)
    void parserExtractsUserDefinedFields(CriterionRun run) {
        run.restate(criteria(US010VerifyParserImplementation.class, 1, 2));
    }

    /** That the generated code compiles (US-014.4); a correct type per control (US-011.1) asks more: a wrong type compiles. */
    @Test
    @DisplayName("Generator must produce compilable Go code for all field types")
    @Criterion(value = 11, id = "FR-11", severity = Severity.BLOCKER)
    void generatorProducesCompilableCode(CriterionRun run) {
        run.restate(criteria(US014RunRegenerationTest.class, 4));
    }

    @Test
    @DisplayName("Override system must handle special field types (map_string, map_nested)")
    @Criterion(value = 12, id = "FR-12", severity = Severity.CRITICAL)
    void overridesHandleSpecialTypes(CriterionRun run) {
        run.restate(criteria(US012VerifyOverrideSystem.class, 2, 3));
    }

    @Test
    @DisplayName("Deprecation system must add proper schema attributes and field mappings")
    @Criterion(value = 13, id = "FR-13", severity = Severity.CRITICAL)
    void deprecationsAddAttributesAndMappings(CriterionRun run) {
        run.restate(criteria(US013VerifyDeprecationSystem.class, 2, 3, 4));
    }
}
