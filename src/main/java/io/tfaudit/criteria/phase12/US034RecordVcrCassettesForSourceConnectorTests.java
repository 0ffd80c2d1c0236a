package io.tfaudit.criteria.phase12;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.provider.Category;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** A cassette per source connector's acceptance test, under testdata/cassettes/sources/, without credentials, replayed by playback tests. */
@UserStory(id = "US-034", title = "Record VCR Cassettes for Source Connector Tests", phase = Phase.PHASE_12)
public class US034RecordVcrCassettesForSourceConnectorTests {

    @TestFactory
    @DisplayName("Record cassettes for all 20 source connector tests")
    @Criterion(value = 1, severity = Severity.NORMAL)
    Stream<DynamicTest> recordCassettesForAllSourceTests(CriterionRun run) {
        return Cassettes.recordedPerResource(run, Cassettes.resourcesIn(Category.SOURCE));
    }

    @Test
    @DisplayName("Cassettes stored in `testdata/cassettes/sources/`")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void cassettesStoredInSources(CriterionRun run) {
        Cassettes.storedIn(run, Map.of("sources", Cassettes.resourcesIn(Category.SOURCE)), false);
    }

    @Test
    @DisplayName("Sensitive data (tokens, passwords) redacted from cassettes")
    @Criterion(value = 3, severity = Severity.BLOCKER)
    void sensitiveDataRedacted(CriterionRun run) {
        Cassettes.redacted(run, c -> Cassettes.inFolder(c, "sources"), "testdata/cassettes/sources/");
    }

    @Test
    @DisplayName("Run: `UPDATE_CASSETTES=1 go test -v -run 'TestAccSource' ./internal/provider/...`")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void runTheRecording(CriterionRun run) {
        Cassettes.recordingRun(run, "TestAccSource", "sources");
    }

    @Test
    @DisplayName("Verify cassette playback works: `go test -v -run 'TestIntegration_Source' ./internal/provider/...`")
    @Criterion(value = 5, severity = Severity.NORMAL)
    void playbackWorks(CriterionRun run) {
        Cassettes.playback(run, "TestIntegration_Source", "sources");
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 6, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
