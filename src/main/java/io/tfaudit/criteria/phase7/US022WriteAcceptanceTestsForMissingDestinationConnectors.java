package io.tfaudit.criteria.phase7;

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
@UserStory(id = "US-022", title = "Write Acceptance Tests for Missing Destination Connectors", phase = Phase.PHASE_7)
public class US022WriteAcceptanceTestsForMissingDestinationConnectors {

    @Test
    @DisplayName("Write `TestAccDestinationAzBlob` - basic CRUD test")
    @Criterion(value = 1, severity = Severity.NORMAL)
    void writeTestAccDestinationAzBlob(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationAzBlob", "destination_azblob");
    }

    @Test
    @DisplayName("Write `TestAccDestinationBigQuery` - basic CRUD test")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void writeTestAccDestinationBigQuery(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationBigQuery", "destination_bigquery");
    }

    @Test
    @DisplayName("Write `TestAccDestinationCockroachDB` - basic CRUD test")
    @Criterion(value = 3, severity = Severity.NORMAL)
    void writeTestAccDestinationCockroachDB(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationCockroachDB", "destination_cockroachdb");
    }

    @Test
    @DisplayName("Write `TestAccDestinationDB2` - basic CRUD test")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void writeTestAccDestinationDB2(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationDB2", "destination_db2");
    }

    @Test
    @DisplayName("Write `TestAccDestinationGCS` - basic CRUD test")
    @Criterion(value = 5, severity = Severity.NORMAL)
    void writeTestAccDestinationGCS(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationGCS", "destination_gcs");
    }

    @Test
    @DisplayName("Write `TestAccDestinationHTTPSink` - basic CRUD test")
    @Criterion(value = 6, severity = Severity.NORMAL)
    void writeTestAccDestinationHTTPSink(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationHTTPSink", "destination_httpsink");
    }

    @Test
    @DisplayName("Write `TestAccDestinationKafkaDirect` - basic CRUD test")
    @Criterion(value = 7, severity = Severity.NORMAL)
    void writeTestAccDestinationKafkaDirect(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationKafkaDirect", "destination_kafkadirect");
    }

    @Test
    @DisplayName("Write `TestAccDestinationMotherduck` - basic CRUD test")
    @Criterion(value = 8, severity = Severity.NORMAL)
    void writeTestAccDestinationMotherduck(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationMotherduck", "destination_motherduck");
    }

    @Test
    @DisplayName("Write `TestAccDestinationMySQL` - basic CRUD test")
    @Criterion(value = 9, severity = Severity.NORMAL)
    void writeTestAccDestinationMySQL(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationMySQL", "destination_mysql");
    }

    @Test
    @DisplayName("Write `TestAccDestinationOracle` - basic CRUD test")
    @Criterion(value = 10, severity = Severity.NORMAL)
    void writeTestAccDestinationOracle(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationOracle", "destination_oracle");
    }

    @Test
    @DisplayName("Write `TestAccDestinationR2` - basic CRUD test")
    @Criterion(value = 11, severity = Severity.NORMAL)
    void writeTestAccDestinationR2(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationR2", "destination_r2");
    }

    @Test
    @DisplayName("Write `TestAccDestinationRedis` - basic CRUD test")
    @Criterion(value = 12, severity = Severity.NORMAL)
    void writeTestAccDestinationRedis(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationRedis", "destination_redis");
    }

    @Test
    @DisplayName("Write `TestAccDestinationRedshift` - basic CRUD test")
    @Criterion(value = 13, severity = Severity.NORMAL)
    void writeTestAccDestinationRedshift(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationRedshift", "destination_redshift");
    }

    @Test
    @DisplayName("Write `TestAccDestinationSQLServer` - basic CRUD test")
    @Criterion(value = 14, severity = Severity.NORMAL)
    void writeTestAccDestinationSQLServer(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationSQLServer", "destination_sqlserver");
    }

    @Test
    @DisplayName("Write `TestAccDestinationStarburst` - basic CRUD test")
    @Criterion(value = 15, severity = Severity.NORMAL)
    void writeTestAccDestinationStarburst(CriterionRun run) {
        EntityCoverage.acceptanceTestWritten(run, "TestAccDestinationStarburst", "destination_starburst");
    }

    @Test
    @DisplayName("All tests pass: `TF_ACC=1 go test -v -run 'TestAccDestination' ./internal/provider/...`")
    @Criterion(value = 16, severity = Severity.BLOCKER)
    void allTestsPass(CriterionRun run) {
        EntityCoverage.acceptanceTestsPass(run, Category.DESTINATION, "TestAccDestination");
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 17, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
