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

/** A cassette per destination connector's acceptance test, under testdata/cassettes/destinations/, without credentials, replayed. */
@UserStory(id = "US-035", title = "Record VCR Cassettes for Destination Connector Tests", phase = Phase.PHASE_12)
public class US035RecordVcrCassettesForDestinationConnectorTests {

    @TestFactory
    @DisplayName("Record cassettes for all 22 destination connector tests")
    @Criterion(value = 1, severity = Severity.NORMAL)
    Stream<DynamicTest> recordCassettesForAllDestinationTests(CriterionRun run) {
        return Cassettes.recordedPerResource(run, Cassettes.resourcesIn(Category.DESTINATION));
    }

    @Test
    @DisplayName("Cassettes stored in `testdata/cassettes/destinations/`")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void cassettesStoredInDestinations(CriterionRun run) {
        Cassettes.storedIn(run, Map.of("destinations", Cassettes.resourcesIn(Category.DESTINATION)), false);
    }

    @Test
    @DisplayName("Sensitive data redacted from cassettes")
    @Criterion(value = 3, severity = Severity.BLOCKER)
    void sensitiveDataRedacted(CriterionRun run) {
        Cassettes.redacted(run, c -> Cassettes.inFolder(c, "destinations"), "testdata/cassettes/destinations/");
    }

    @Test
    @DisplayName("Run: `UPDATE_CASSETTES=1 go test -v -run 'TestAccDestination' ./internal/provider/...`")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void runTheRecording(CriterionRun run) {
        Cassettes.recordingRun(run, "TestAccDestination", "destinations");
    }

    @Test
    @DisplayName("Verify cassette playback works")
    @Criterion(value = 5, severity = Severity.NORMAL)
    void playbackWorks(CriterionRun run) {
        Cassettes.playback(run, "TestIntegration_Destination", "destinations");
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 6, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
