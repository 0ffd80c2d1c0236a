package io.tfaudit.criteria.phase6;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.coverage.EntityCoverage;
import io.tfaudit.criteria.coverage.SnapshotUpdate;
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
@UserStory(id = "US-021", title = "Create Schema Snapshots for Source Connectors", phase = Phase.PHASE_6)
public class US021CreateSchemaSnapshotsForSourceConnectors {

    /** The 14 missing sources the PRD found without a snapshot. */
    static final List<String> MISSING = List.of("source_alloydb", "source_db2", "source_documentdb", "source_elasticsearch", "source_mariadb", "source_mongodbhosted", "source_oracle", "source_oracleaws", "source_planetscale", "source_redis", "source_s3", "source_supabase", "source_vitess", "source_webhook");

    @TestFactory
    @DisplayName("Create snapshots for 14 missing sources")
    @Criterion(value = 1, severity = Severity.NORMAL)
    Stream<DynamicTest> snapshotsForTheMissing(CriterionRun run) {
        return EntityCoverage.snapshotsCreated(run, MISSING);
    }

    @Test
    @DisplayName("Run: `UPDATE_SNAPSHOTS=1 go test -v -run 'TestSchemaBackwardsCompatibility' ./internal/provider/...`")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void runTheSnapshotUpdate(CriterionRun run) {
        SnapshotUpdate.verify(run);
    }

    @TestFactory
    @DisplayName("All 20 source snapshots exist in `testdata/snapshots/`")
    @Criterion(value = 3, severity = Severity.NORMAL)
    Stream<DynamicTest> allSnapshotsExist(CriterionRun run) {
        return EntityCoverage.snapshotsExist(run, Category.SOURCE);
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 4, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
