package io.tfaudit.criteria.phase3;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.audit.GoTestRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.SchemaChange;
import io.tfaudit.provider.SchemaDiff;
import io.tfaudit.provider.TestFunction;
import io.tfaudit.provider.files.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Schema compatibility, computed statically: each resource's effective schema against its
 * snapshot and against the baseline's extracted schema, rule by rule (see {@link SchemaChange}).
 */
@UserStory(id = "US-009", title = "Run Schema Compatibility Tests", phase = Phase.PHASE_3)
public class US009RunSchemaCompatibilityTests {

    @Test
    @DisplayName("Run: `go test -v -run 'TestSchemaBackwardsCompatibility' ./internal/provider/...`")
    @Criterion(value = 1, severity = Severity.CRITICAL)
    void runTheSchemaCompatibilityTests(CriterionRun run) {
        Findings f = run.findings();
        List<TestFunction> tests = run.provider().tests().stream()
                .filter(t -> t.name().startsWith("TestSchemaBackwardsCompatibility")).toList();
        if (tests.isEmpty()) {
            f.add("internal/provider/", "expected Go tests named TestSchemaBackwardsCompatibility*, found none");
            f.verify();
        }
        GoTestRun.Result result = GoTestRun.runOrSkip(run, false, "TestSchemaBackwardsCompatibility", "./internal/provider/...",
                Duration.ofMinutes(20));
        for (TestFunction t : tests) {
            String action = result.actions().get(t.name());
            if (!"pass".equals(action) && !"skip".equals(action)) {
                f.add(t.pos(), t.name() + ": expected pass, found " + (action == null ? "no result" : action));
            }
        }
        f.verify();
    }

    @TestFactory
    @DisplayName("All 16 existing schema snapshots pass")
    @Criterion(value = 2, severity = Severity.CRITICAL)
    Stream<DynamicTest> everySnapshotPasses(CriterionRun run) {
        List<Snapshot> snapshots = run.provider().files().snapshots();
        String location = "The PRD names testdata/snapshots/; this provider keeps its " + snapshots.size()
                + " snapshots in " + run.provider().files().snapshotDirs()
                + " (found by content: JSON files with an \"attributes\" object under testdata/).";
        if (snapshots.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + "(no snapshot)", () ->
                    run.findings().add("testdata/", "expected schema snapshots (JSON with an \"attributes\" object) under a testdata "
                            + "folder (the PRD names testdata/snapshots/), found none").verify()));
        }
        return snapshots.stream().map(s -> DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR
                + typeName(run.provider(), s), () -> {
            run.evidence("where the snapshots are", location);
            Findings f = run.findings();
            if (s.problem() != null) {
                f.add(s.path() + ":" + s.problem().line(), s.problem().message());
                f.verify();
            }
            Optional<Resource> r = run.provider().resource(typeName(run.provider(), s));
            if (r.isEmpty()) {
                f.add(s.path(), "snapshot of " + typeName(run.provider(), s) + ": the provider registers no such resource");
                f.verify();
            }
            for (SchemaChange c : SchemaDiff.againstSnapshot(r.get().typeName(), s, r.get().schema())) {
                if (c.rule().breaking()) {
                    f.add(c.pos() == null ? s.path() : c.pos().fileAndLine(), c + " — against " + s.path());
                }
            }
            f.verify();
        }));
    }

    @TestFactory
    @DisplayName("No \"required attribute removed\" errors")
    @Criterion(value = 3, severity = Severity.CRITICAL)
    Stream<DynamicTest> noRequiredAttributeRemoved(CriterionRun run) {
        return againstBaselineAndSnapshots(run, c -> c.rule() == SchemaChange.Rule.ATTRIBUTE_REMOVED && c.before().contains("required")
                || c.rule() == SchemaChange.Rule.RESOURCE_REMOVED);
    }

    @TestFactory
    @DisplayName("No \"optional changed to required\" errors")
    @Criterion(value = 4, severity = Severity.CRITICAL)
    Stream<DynamicTest> noOptionalChangedToRequired(CriterionRun run) {
        return againstBaselineAndSnapshots(run, c -> c.rule() == SchemaChange.Rule.OPTIONAL_TO_REQUIRED);
    }

    @Test
    @DisplayName("Document any warnings (computed attribute changes)")
    @Criterion(value = 5, severity = Severity.MINOR)
    void computedChangesAreDocumented(CriterionRun run) {
        Findings f = run.findings();
        Optional<ProviderModel> baseline = run.audit().baseline();
        if (baseline.isEmpty()) {
            run.skip("no baseline to compare with: " + run.audit().baselineUnavailableReason(), null);
        }
        String docs = run.provider().files().text("docs/MIGRATION.md").orElse("")
                + run.provider().files().text("CHANGELOG.md").orElse("");
        for (SchemaChange c : changes(run.provider(), baseline.get())) {
            if (c.rule() == SchemaChange.Rule.COMPUTED_CHANGED && !docs.contains(c.attribute())) {
                f.add(c.pos() == null ? c.resource() : c.pos().fileAndLine(), c + ": expected docs/MIGRATION.md or "
                        + "CHANGELOG.md to mention " + c.attribute() + ", found no mention");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 6, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }

    /** Per resource of the baseline and per snapshot, the breaking changes {@code rule} selects. */
    private static Stream<DynamicTest> againstBaselineAndSnapshots(CriterionRun run, java.util.function.Predicate<SchemaChange> rule) {
        Optional<ProviderModel> baseline = run.audit().baseline();
        List<DynamicTest> tests = new ArrayList<>();
        if (baseline.isEmpty()) {
            tests.add(DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + "baseline", () ->
                    run.skip("no baseline to compare with: " + run.audit().baselineUnavailableReason(), null)));
        } else {
            List<SchemaChange> all = changes(run.provider(), baseline.get());
            List<Resource> before = new ArrayList<>(baseline.get().resources());
            before.addAll(baseline.get().dataSources());
            before.sort(java.util.Comparator.comparing(Resource::typeName));
            for (Resource r : before) {
                String name = (r.isDataSource() ? "data." : "") + r.typeName();
                tests.add(DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + name + " (vs " + run.audit().baselineLabel() + ")", () -> {
                    Findings f = run.findings();
                    all.stream().filter(c -> c.resource().equals(name) || c.resource().equals(r.typeName()) && !r.isDataSource())
                            .filter(rule).forEach(c -> f.add(c.pos() == null ? c.resource() : c.pos().fileAndLine(), c.toString()));
                    f.verify();
                }));
            }
        }
        for (Snapshot s : run.provider().files().snapshots()) {
            String type = typeName(run.provider(), s);
            tests.add(DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + type + " (vs " + s.path() + ")", () -> {
                Findings f = run.findings();
                Optional<Resource> r = run.provider().resource(type);
                if (r.isEmpty()) {
                    f.add(s.path(), "snapshot of " + type + ": the provider registers no such resource");
                } else {
                    SchemaDiff.againstSnapshot(type, s, r.get().schema()).stream().filter(rule)
                            .forEach(c -> f.add(c.pos() == null ? s.path() : c.pos().fileAndLine(), c + " — against " + s.path()));
                }
                f.verify();
            }));
        }
        return tests.stream();
    }

    /** Every change from the baseline to now: removed resources, then attribute changes per resource. */
    static List<SchemaChange> changes(ProviderModel now, ProviderModel baseline) {
        List<SchemaChange> all = new ArrayList<>(SchemaDiff.removedResources(baseline, now));
        for (Resource r : baseline.resources()) {
            now.resource(r.typeName()).ifPresent(n -> all.addAll(SchemaDiff.between(r.typeName(), r.schema(), n.schema())));
        }
        for (Resource r : baseline.dataSources()) {
            now.dataSource(r.typeName()).ifPresent(n -> all.addAll(SchemaDiff.between("data." + r.typeName(), r.schema(), n.schema())));
        }
        return all;
    }

    static String typeName(ProviderModel provider, Snapshot s) {
        String prefix = provider.providerTypeName() == null ? "" : provider.providerTypeName() + "_";
        return s.resourceName().startsWith(prefix) ? s.resourceName() : prefix + s.resourceName();
    }

}
