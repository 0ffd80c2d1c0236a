package io.tfaudit.criteria.phase13;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The transform and pipeline sweepers: registered, listing and deleting only tf-acc-test- names; TestSweep* run with consent. */
@UserStory(id = "US-039", title = "Implement Transform and Pipeline Test Sweepers", phase = Phase.PHASE_13)
public class US039ImplementTransformAndPipelineTestSweepers {

    @Test
    @DisplayName("Implement `sweepTransforms` function")
    @Criterion(value = 1, severity = Severity.NORMAL)
    void implementSweepTransforms(CriterionRun run) {
        implementedAndListing(run, Sweepers.TRANSFORMS);
    }

    @Test
    @DisplayName("Implement `sweepPipelines` function")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void implementSweepPipelines(CriterionRun run) {
        implementedAndListing(run, Sweepers.PIPELINES);
    }

    /** This story has no "lists via API" checkbox: implementing the sweeper includes listing what it sweeps. */
    private static void implementedAndListing(CriterionRun run, Sweepers.Kind kind) {
        Sweepers.implemented(run, kind);
        Sweepers.listsViaApi(run, kind);
    }

    @TestFactory
    @DisplayName("Sweepers delete resources matching test naming convention")
    @Criterion(value = 3, severity = Severity.CRITICAL)
    Stream<DynamicTest> sweepersDeleteOnlyTestResources(CriterionRun run) {
        return List.of(Sweepers.TRANSFORMS, Sweepers.PIPELINES).stream().map(kind -> DynamicTest.dynamicTest(
                run.text() + CriterionRun.RESOURCE_SEPARATOR + kind.prdFunction(), () -> {
                    run.reportSeverity(Severity.NORMAL);
                    Sweepers.Found s = Sweepers.required(run, kind);
                    Findings f = run.findings();
                    Sweepers.checkDeletes(run, s, f);
                    f.verify();
                }));
    }

    @Test
    @DisplayName("Run: `go test -v -run 'TestSweep' ./internal/provider/...`")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void runTheSweeperTests(CriterionRun run) {
        Sweepers.run(run, "TestSweep");
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 5, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
