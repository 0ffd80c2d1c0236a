package io.tfaudit.criteria.phase8;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.coverage.EntityCoverage;
import io.tfaudit.provider.Category;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One acceptance test per connector the PRD found untested: by its name, or by content; with create, update, import and CheckDestroy. */
@UserStory(id = "US-024", title = "Write Acceptance Tests for Missing Transform Resources", phase = Phase.PHASE_8)
public class US024WriteAcceptanceTestsForMissingTransformResources {

    @Test
    @DisplayName("Write `TestAccTransformEnrichAsync` - basic CRUD test")
    @Criterion(value = 1, severity = Severity.NORMAL)
    void writeTestAccTransformEnrichAsync(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccTransformEnrichAsync", "transform_enrich_async");
    }

    @Test
    @DisplayName("Write `TestAccTransformFanOut` - basic CRUD test")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void writeTestAccTransformFanOut(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccTransformFanOut", "transform_fan_out");
    }

    @Test
    @DisplayName("Write `TestAccTransformRollup` - basic CRUD test")
    @Criterion(value = 3, severity = Severity.NORMAL)
    void writeTestAccTransformRollup(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccTransformRollup", "transform_rollup");
    }

    @Test
    @DisplayName("All tests pass: `TF_ACC=1 go test -v -run 'TestAccTransform' ./internal/provider/...`")
    @Criterion(value = 4, severity = Severity.BLOCKER)
    void allTestsPass(CriterionRun run) {
        EntityCoverage.acceptanceTestsPass(run, Category.TRANSFORM, "TestAccTransform");
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 5, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
