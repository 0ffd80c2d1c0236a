package io.tfaudit.criteria.phase6;

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
@UserStory(id = "US-020", title = "Write Acceptance Tests for Missing Source Connectors", phase = Phase.PHASE_6)
public class US020WriteAcceptanceTestsForMissingSourceConnectors {

    @Test
    @DisplayName("Write `TestAccSourceAlloyDB` - basic CRUD test")
    @Criterion(value = 1, severity = Severity.NORMAL)
    void writeTestAccSourceAlloyDB(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceAlloyDB", "source_alloydb");
    }

    @Test
    @DisplayName("Write `TestAccSourceDB2` - basic CRUD test")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void writeTestAccSourceDB2(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceDB2", "source_db2");
    }

    @Test
    @DisplayName("Write `TestAccSourceDocumentDB` - basic CRUD test")
    @Criterion(value = 3, severity = Severity.NORMAL)
    void writeTestAccSourceDocumentDB(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceDocumentDB", "source_documentdb");
    }

    @Test
    @DisplayName("Write `TestAccSourceElasticsearch` - basic CRUD test")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void writeTestAccSourceElasticsearch(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceElasticsearch", "source_elasticsearch");
    }

    @Test
    @DisplayName("Write `TestAccSourceMariaDB` - basic CRUD test")
    @Criterion(value = 5, severity = Severity.NORMAL)
    void writeTestAccSourceMariaDB(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceMariaDB", "source_mariadb");
    }

    @Test
    @DisplayName("Write `TestAccSourceMongoDBHosted` - basic CRUD test")
    @Criterion(value = 6, severity = Severity.NORMAL)
    void writeTestAccSourceMongoDBHosted(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceMongoDBHosted", "source_mongodbhosted");
    }

    @Test
    @DisplayName("Write `TestAccSourceOracle` - basic CRUD test")
    @Criterion(value = 7, severity = Severity.NORMAL)
    void writeTestAccSourceOracle(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceOracle", "source_oracle");
    }

    @Test
    @DisplayName("Write `TestAccSourceOracleAWS` - basic CRUD test")
    @Criterion(value = 8, severity = Severity.NORMAL)
    void writeTestAccSourceOracleAWS(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceOracleAWS", "source_oracleaws");
    }

    @Test
    @DisplayName("Write `TestAccSourcePlanetScale` - basic CRUD test")
    @Criterion(value = 9, severity = Severity.NORMAL)
    void writeTestAccSourcePlanetScale(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourcePlanetScale", "source_planetscale");
    }

    @Test
    @DisplayName("Write `TestAccSourceRedis` - basic CRUD test")
    @Criterion(value = 10, severity = Severity.NORMAL)
    void writeTestAccSourceRedis(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceRedis", "source_redis");
    }

    @Test
    @DisplayName("Write `TestAccSourceS3` - basic CRUD test")
    @Criterion(value = 11, severity = Severity.NORMAL)
    void writeTestAccSourceS3(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceS3", "source_s3");
    }

    @Test
    @DisplayName("Write `TestAccSourceSupabase` - basic CRUD test")
    @Criterion(value = 12, severity = Severity.NORMAL)
    void writeTestAccSourceSupabase(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceSupabase", "source_supabase");
    }

    @Test
    @DisplayName("Write `TestAccSourceVitess` - basic CRUD test")
    @Criterion(value = 13, severity = Severity.NORMAL)
    void writeTestAccSourceVitess(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceVitess", "source_vitess");
    }

    @Test
    @DisplayName("Write `TestAccSourceWebhook` - basic CRUD test")
    @Criterion(value = 14, severity = Severity.NORMAL)
    void writeTestAccSourceWebhook(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccSourceWebhook", "source_webhook");
    }

    @Test
    @DisplayName("All tests pass: `TF_ACC=1 go test -v -run 'TestAccSource' ./internal/provider/...`")
    @Criterion(value = 15, severity = Severity.BLOCKER)
    void allTestsPass(CriterionRun run) {
        EntityCoverage.acceptanceTestsPass(run, Category.SOURCE, "TestAccSource");
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 16, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
