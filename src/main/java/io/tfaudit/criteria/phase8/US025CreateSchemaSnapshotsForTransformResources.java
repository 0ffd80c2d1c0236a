package io.tfaudit.criteria.phase8;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.coverage.EntityCoverage;
import io.tfaudit.provider.Category;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A schema snapshot per resource, found where the provider keeps them. That it exists is judged
 * here; that it agrees with the schema, by US-009.2 (breaking differences) and FR-21 (stale).
 */
@UserStory(id = "US-025", title = "Create Schema Snapshots for Transform Resources", phase = Phase.PHASE_8)
public class US025CreateSchemaSnapshotsForTransformResources {

    /** The 3 missing transforms the PRD found without a snapshot. */
    static final List<String> MISSING = List.of("transform_enrich_async", "transform_fan_out", "transform_rollup");

    @TestFactory
    @DisplayName("Create snapshots for 3 missing transforms")
    @Criterion(value = 1, severity = Severity.NORMAL)
    Stream<DynamicTest> snapshotsForTheMissing(CriterionRun run) {
        return EntityCoverage.snapshotsCreated(run, MISSING);
    }

    @TestFactory
    @DisplayName("All 6 transform snapshots exist in `testdata/snapshots/`")
    @Criterion(value = 2, severity = Severity.NORMAL)
    Stream<DynamicTest> allSnapshotsExist(CriterionRun run) {
        return EntityCoverage.snapshotsExist(run, Category.TRANSFORM);
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 3, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
