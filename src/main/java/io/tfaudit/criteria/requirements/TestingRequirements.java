package io.tfaudit.criteria.requirements;

import static io.tfaudit.audit.Restated.criteria;

import io.tfaudit.audit.Audit;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.coverage.EntityCoverage;
import io.tfaudit.criteria.phase12.US034RecordVcrCassettesForSourceConnectorTests;
import io.tfaudit.criteria.phase12.US035RecordVcrCassettesForDestinationConnectorTests;
import io.tfaudit.criteria.phase12.US036RecordVcrCassettesForTransformAndOtherResourceTests;
import io.tfaudit.criteria.phase13.US037ImplementSourceConnectorTestSweepers;
import io.tfaudit.criteria.phase13.US038ImplementDestinationConnectorTestSweepers;
import io.tfaudit.criteria.phase13.US039ImplementTransformAndPipelineTestSweepers;
import io.tfaudit.criteria.phase14.US041ImplementSmokeTestsForConnectorsWithoutCredentials;
import io.tfaudit.criteria.phase15.US042WriteNegativeTestsForApiErrorHandling;
import io.tfaudit.criteria.phase15.US043WriteNegativeTestsForSchemaValidation;
import io.tfaudit.criteria.phase2.US005VerifyHelperFunctions;
import io.tfaudit.criteria.phase6.US021CreateSchemaSnapshotsForSourceConnectors;
import io.tfaudit.criteria.phase7.US023CreateSchemaSnapshotsForDestinationConnectors;
import io.tfaudit.criteria.phase8.US025CreateSchemaSnapshotsForTransformResources;
import io.tfaudit.go.program.CallGraph;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The PRD's testing requirements. */
@UserStory(id = "FR-20-27", title = "Testing", phase = Phase.FUNCTIONAL_REQUIREMENTS)
public class TestingRequirements {

    /** By content, whatever the PRD named the test: a TestAcc* declaring the resource (its steps are the stories' to judge). */
    @TestFactory
    @DisplayName("All 53 resources must have acceptance tests")
    @Criterion(value = 20, id = "FR-20", severity = Severity.NORMAL)
    Stream<DynamicTest> acceptanceTests(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> EntityCoverage.acceptanceTestOf(run, r));
    }

    /**
     * A snapshot per resource (the stories' "exist"), and, "for compatibility testing", one that
     * covers the schema: a stale snapshot is a minor finding of its own, reported here only (a
     * later removal of an attribute it lacks would go unnoticed). A missing snapshot stays normal.
     */
    @TestFactory
    @DisplayName("All resources must have schema snapshots for compatibility testing")
    @Criterion(value = 21, id = "FR-21", severity = Severity.NORMAL)
    Stream<DynamicTest> schemaSnapshots(CriterionRun run) {
        return run.restatePerResource(criteria(US021CreateSchemaSnapshotsForSourceConnectors.class, 3)
                .and(US023CreateSchemaSnapshotsForDestinationConnectors.class, 3)
                .and(US025CreateSchemaSnapshotsForTransformResources.class, 2), (r, f) -> {
                    if (EntityCoverage.staleSnapshot(run.provider(), r.registered(), f)) {
                        run.reportSeverity(Severity.MINOR);
                    }
                });
    }

    /**
     * "Cover": every exported function of the helper package and every exported method of the
     * API client is called by some Go test. The edge cases US-005.1–4 name, MigrateDeprecatedValues'
     * behaviour (US-005.5) and the tests passing (US-005.6) ask more; they are not restated here.
     */
    @Test
    @DisplayName("Unit tests must cover all helper functions and API client methods")
    @Criterion(value = 22, id = "FR-22", severity = Severity.NORMAL)
    void unitTestsCoverHelpersAndClient(CriterionRun run) {
        Findings f = run.findings();
        helpersTested(run, f);
        clientMethodsTested(run, f);
        f.verify();
    }

    /** The helper package: where US-005's helpers are declared; each exported function of it called by a test. */
    private static void helpersTested(CriterionRun run, Findings f) {
        CallGraph calls = run.audit().memo("call-graph", () -> new CallGraph(run.provider().module()));
        java.util.Set<String> dirs = new java.util.TreeSet<>();
        for (String helper : US005VerifyHelperFunctions.HELPERS) {
            calls.named(helper).forEach(fn -> dirs.add(directory(fn.file().path())));
        }
        if (dirs.isEmpty()) {
            f.add("internal/helper/", "expected the helper functions (" + String.join(", ", US005VerifyHelperFunctions.HELPERS)
                    + "), found none");
        }
        List<CallGraph.Fn> helpers = calls.all(false).stream()
                .filter(fn -> dirs.contains(directory(fn.file().path())) && fn.decl().receiverTypeName() == null
                        && Character.isUpperCase(fn.decl().name().name().charAt(0)))
                .toList();
        int tested = 0;
        for (CallGraph.Fn h : helpers) {
            if (US005VerifyHelperFunctions.testsCalling(run, h.decl().name().name()).isEmpty()) {
                f.add(h.decl().pos(), h.decl().name().name() + ": expected a Go test calling it, found none");
            } else {
                tested++;
            }
        }
        run.evidence("helper functions", tested + " of " + helpers.size() + " exported functions in " + dirs + " are called by a test");
    }

    private static String directory(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }

    private static void clientMethodsTested(CriterionRun run, Findings f) {
        CallGraph calls = run.audit().memo("call-graph", () -> new CallGraph(run.provider().module()));
        List<CallGraph.Fn> methods = calls.all(false).stream()
                .filter(fn -> fn.file().path().startsWith("internal/api/") && fn.decl().receiverTypeName() != null
                        && Character.isUpperCase(fn.decl().name().name().charAt(0)))
                .toList();
        if (methods.isEmpty()) {
            f.add("internal/api/", "expected the API client's exported methods, found none in internal/api/");
        }
        int tested = 0;
        for (CallGraph.Fn m : methods) {
            if (US005VerifyHelperFunctions.testsCalling(run, m.decl().name().name()).isEmpty()) {
                f.add(m.decl().pos(), m.decl().receiverTypeName() + "." + m.decl().name().name()
                        + ": expected a Go test calling it, found none");
            } else {
                tested++;
            }
        }
        run.evidence("API client methods", tested + " of " + methods.size() + " exported methods in internal/api/ are called by a test");
    }

    @TestFactory
    @DisplayName("VCR cassettes must be recorded for all acceptance tests")
    @Criterion(value = 23, id = "FR-23", severity = Severity.NORMAL)
    Stream<DynamicTest> cassettesForAcceptanceTests(CriterionRun run) {
        // "For all acceptance tests": a resource without one has nothing to record. FR-20 fails it; SM-10 ("all 53 resources") too.
        return run.restatePerResource(criteria(US034RecordVcrCassettesForSourceConnectorTests.class, 1)
                .and(US035RecordVcrCassettesForDestinationConnectorTests.class, 1)
                .and(US036RecordVcrCassettesForTransformAndOtherResourceTests.class, 1, 2, 3), (r, f) -> {
                    if (EntityCoverage.acceptanceTestByContent(run.provider(), r.typeName()).isEmpty()) {
                        run.notApplicable(r.typeName() + " has no acceptance test whose cassette could be recorded (FR-20 reports "
                                + "the missing test)");
                    }
                });
    }

    @Test
    @DisplayName("Test sweepers must clean up resources matching `tf-acc-test-` prefix")
    @Criterion(value = 24, id = "FR-24", severity = Severity.CRITICAL)
    void sweepersCleanUpTestResources(CriterionRun run) {
        run.restate(criteria(US037ImplementSourceConnectorTestSweepers.class, 3)
                .and(US038ImplementDestinationConnectorTestSweepers.class, 3)
                .and(US039ImplementTransformAndPipelineTestSweepers.class, 3));
    }

    @Test
    @DisplayName("Negative tests must verify error handling for API errors (401, 403, 404, 422, 5xx)")
    @Criterion(value = 25, id = "FR-25", severity = Severity.NORMAL)
    void apiErrorTests(CriterionRun run) {
        run.restate(criteria(US042WriteNegativeTestsForApiErrorHandling.class, 1, 2, 3, 4, 5));
    }

    @Test
    @DisplayName("Negative tests must verify schema validation rejects invalid input")
    @Criterion(value = 26, id = "FR-26", severity = Severity.NORMAL)
    void schemaValidationTests(CriterionRun run) {
        run.restate(criteria(US043WriteNegativeTestsForSchemaValidation.class, 1, 2, 3, 4));
    }

    /** That a smoke test covers each connector without credentials; what it verifies is US-041.2's. */
    @TestFactory
    @DisplayName("Smoke tests must exist for connectors without full credentials")
    @Criterion(value = 27, id = "FR-27", severity = Severity.NORMAL)
    Stream<DynamicTest> smokeTests(CriterionRun run) {
        return US041ImplementSmokeTestsForConnectorsWithoutCredentials.smokeTestsExist(run, false);
    }
}
