package io.tfaudit.criteria.requirements;

import static io.tfaudit.audit.Restated.criteria;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.phase1.US002VerifyLayerSeparation;
import io.tfaudit.criteria.phase4.US014RunRegenerationTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The PRD's architecture requirements. */
@UserStory(id = "FR-1-3", title = "Architecture", phase = Phase.FUNCTIONAL_REQUIREMENTS)
public class ArchitectureRequirements {

    @Test
    @DisplayName("The refactored architecture must maintain three clear layers: generated, wrapper, and base")
    @Criterion(value = 1, id = "FR-1", severity = Severity.NORMAL)
    void threeClearLayers(CriterionRun run) {
        // markers on generated code, wrappers implementing the interface, CRUD in the base, no logic in generated code
        run.restate(criteria(US002VerifyLayerSeparation.class, 1, 2, 3, 4));
    }

    @Test
    @DisplayName("Generated code must be reproducible by running `go generate ./...`")
    @Criterion(value = 2, id = "FR-2", severity = Severity.CRITICAL)
    void generatedCodeIsReproducible(CriterionRun run) {
        run.restate(criteria(US014RunRegenerationTest.class, 1, 3));
    }

    /**
     * One test per resource of the inventory and of the provider: an inventory resource the
     * provider does not register fails (in {@link CriterionRun#forEachResource}); a registered
     * one names where.
     */
    @TestFactory
    @DisplayName("All 53 resources must be registered in `provider.go`")
    @Criterion(value = 3, id = "FR-3", severity = Severity.BLOCKER)
    Stream<DynamicTest> everyResourceIsRegistered(CriterionRun run) {
        return run.forEachResource(r -> true, r -> run.evidence("registered",
                r.typeName() + " is registered by " + r.registered().constructor() + " (constructor at "
                        + r.registered().constructorPos().fileAndLine() + ")"
                        + (r.inventoryEntry() == null ? "; the inventory does not list it, it is audited too" : "")));
    }
}
