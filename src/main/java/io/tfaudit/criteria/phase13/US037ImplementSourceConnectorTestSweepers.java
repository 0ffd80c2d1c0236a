package io.tfaudit.criteria.phase13;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sources sweeper: registered, listing through the API page by page, deleting only tf-acc-test- names; TestSweep* run with consent. */
@UserStory(id = "US-037", title = "Implement Source Connector Test Sweepers", phase = Phase.PHASE_13)
public class US037ImplementSourceConnectorTestSweepers {

    @Test
    @DisplayName("Implement `sweepSources` function in `internal/provider/sweep_test.go`")
    @Criterion(value = 1, severity = Severity.NORMAL)
    void implementSweepSources(CriterionRun run) {
        Sweepers.implemented(run, Sweepers.SOURCES);
    }

    @Test
    @DisplayName("Sweeper lists all sources via API")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void listsAllSourcesViaApi(CriterionRun run) {
        Sweepers.listsViaApi(run, Sweepers.SOURCES);
    }

    @Test
    @DisplayName("Sweeper deletes resources matching test naming convention (prefix `tf-acc-test-`)")
    @Criterion(value = 3, severity = Severity.CRITICAL)
    void deletesOnlyTestResources(CriterionRun run) {
        Sweepers.deletesOnlyTestResources(run, Sweepers.SOURCES);
    }

    @Test
    @DisplayName("Sweeper handles pagination for large resource lists")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void handlesPagination(CriterionRun run) {
        Sweepers.paginates(run, Sweepers.SOURCES);
    }

    @Test
    @DisplayName("Run: `go test -v -run 'TestSweepSources' ./internal/provider/...`")
    @Criterion(value = 5, severity = Severity.NORMAL)
    void runTheSweeperTest(CriterionRun run) {
        Sweepers.run(run, "TestSweepSources");
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 6, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
