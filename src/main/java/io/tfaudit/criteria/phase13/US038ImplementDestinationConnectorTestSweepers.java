package io.tfaudit.criteria.phase13;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The destinations sweeper: registered, listing through the API page by page, deleting only tf-acc-test- names; TestSweep* run with consent. */
@UserStory(id = "US-038", title = "Implement Destination Connector Test Sweepers", phase = Phase.PHASE_13)
public class US038ImplementDestinationConnectorTestSweepers {

    @Test
    @DisplayName("Implement `sweepDestinations` function")
    @Criterion(value = 1, severity = Severity.NORMAL)
    void implementSweepDestinations(CriterionRun run) {
        Sweepers.implemented(run, Sweepers.DESTINATIONS);
    }

    @Test
    @DisplayName("Sweeper lists all destinations via API")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void listsAllDestinationsViaApi(CriterionRun run) {
        Sweepers.listsViaApi(run, Sweepers.DESTINATIONS);
    }

    @Test
    @DisplayName("Sweeper deletes resources matching test naming convention")
    @Criterion(value = 3, severity = Severity.CRITICAL)
    void deletesOnlyTestResources(CriterionRun run) {
        Sweepers.deletesOnlyTestResources(run, Sweepers.DESTINATIONS);
    }

    @Test
    @DisplayName("Sweeper handles pagination")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void handlesPagination(CriterionRun run) {
        Sweepers.paginates(run, Sweepers.DESTINATIONS);
    }

    @Test
    @DisplayName("Run: `go test -v -run 'TestSweepDestinations' ./internal/provider/...`")
    @Criterion(value = 5, severity = Severity.NORMAL)
    void runTheSweeperTest(CriterionRun run) {
        Sweepers.run(run, "TestSweepDestinations");
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 6, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
