package io.tfaudit.criteria.phase14;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.audit.GoTestRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.testcode.TestCode;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.SchemaChange;
import io.tfaudit.provider.SchemaDiff;
import io.tfaudit.provider.TestFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Connectors whose credentials the checkout does not provide (no acceptance test, or variables
 * their tests need that .env.example lacks) are identified in the docs and smoke-tested:
 * schema, model↔API conversion and validation, with their schemas at parity with the baseline.
 */
@UserStory(id = "US-041", title = "Implement Smoke Tests for Connectors Without Credentials", phase = Phase.PHASE_14)
public class US041ImplementSmokeTestsForConnectorsWithoutCredentials {

    @Test
    @DisplayName("Identify connectors without credentials (Oracle, BigQuery, etc.)")
    @Criterion(value = 1, severity = Severity.MINOR)
    void identifyConnectorsWithoutCredentials(CriterionRun run) {
        Findings f = run.findings();
        Map<String, String> without = EnvVars.withoutCredentials(run.audit());
        StringBuilder table = new StringBuilder("| connector | why without credentials | identified in |\n|---|---|---|\n");
        for (Map.Entry<String, String> e : without.entrySet()) {
            Map<String, List<String>> where = EnvVars.identified(run.audit(), e.getKey());
            table.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" | ").append(where.keySet()).append(" |\n");
            if (where.isEmpty()) {
                f.add(EnvVars.DEVELOPMENT, e.getKey() + ": " + e.getValue() + "; expected a document (docs/DEVELOPMENT.md, "
                        + "README.md, …) to identify it as without credentials or smoke-tested only, found none");
            }
        }
        run.evidence("connectors without credentials (" + without.size() + ")", table.toString());
        f.verify();
    }

    /** The connectors this story is about: without credentials, identified as such, or smoke-tested. */
    static Map<String, String> scope(CriterionRun run) {
        Map<String, String> out = new TreeMap<>(EnvVars.withoutCredentials(run.audit()));
        for (var r : run.audit().resources(EnvVars.connectors())) {
            if (!EnvVars.identified(run.audit(), r.typeName()).isEmpty()) {
                out.putIfAbsent(r.typeName(), "a document identifies it as without credentials");
            }
        }
        for (EnvVars.Smoke s : EnvVars.smokeTests(run.audit())) {
            for (String c : s.covers()) {
                out.putIfAbsent(c, "it is smoke-tested by " + s.test().name());
            }
        }
        return out;
    }

    static final Pattern CONVERSION = Pattern.compile(
            "(?i).*(modeltoconfig|configmaptomodel|configtomodel|tomodel|frommodel|toapi|fromapi|toconfig|fromconfig|expand|flatten|convert).*");

    @TestFactory
    @DisplayName("Create `TestSmoke*` tests that verify:")
    @Criterion(value = 2, severity = Severity.NORMAL)
    Stream<DynamicTest> smokeTestsVerify(CriterionRun run) {
        Map<String, String> scope = scope(run);
        if (scope.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + "(no connector without credentials)",
                    () -> run.notApplicable("every connector has an acceptance test whose variables .env.example provides, "
                            + "and no TestSmoke* test exists")));
        }
        List<EnvVars.Smoke> smoke = EnvVars.smokeTests(run.audit());
        TestCode code = TestCode.of(run.provider());
        return scope.entrySet().stream().map(e -> DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + e.getKey(), () -> {
            Findings f = run.findings();
            List<TestFunction> own = smoke.stream().filter(s -> s.covers().contains(e.getKey())).map(EnvVars.Smoke::test).toList();
            List<TestFunction> all = smoke.stream().filter(EnvVars.Smoke::all).map(EnvVars.Smoke::test).toList();
            String anchor = run.provider().resource(e.getKey()).map(Resource::constructorPos).map(pos -> pos.fileAndLine())
                    .orElse("internal/provider/smoke_test.go");
            if (own.isEmpty()) {
                f.add(anchor, e.getKey() + " (" + e.getValue() + "): expected a TestSmoke* test for it, found none"
                        + (all.isEmpty() ? "" : " (" + all.stream().map(TestFunction::name).toList() + " build every schema, nothing more)"));
                f.verify();
            }
            List<TestFunction> tests = new ArrayList<>(own);
            tests.addAll(all);
            Set<String> called = new TreeSet<>();
            boolean expectsError = false;
            for (TestFunction t : tests) {
                List<TestCode.Reached> reach = code.reach(t);
                called.addAll(TestCode.calledNames(reach));
                expectsError |= TestCode.collect(reach, io.tfaudit.go.ast.Expr.KeyValueExpr.class).stream()
                        .anyMatch(kv -> TestCode.keyIs(kv.node(), "ExpectError"));
            }
            String names = own.stream().map(t -> t.name() + " (" + t.pos().fileAndLine() + ")").toList().toString();
            if (called.stream().noneMatch(n -> n.equals("Schema") || n.endsWith("Schema"))) {
                f.add(own.get(0).pos(), e.getKey() + ": " + names + " do not build the schema (expected a call of the resource's Schema)");
            }
            if (called.stream().noneMatch(n -> CONVERSION.matcher(n).matches())) {
                f.add(own.get(0).pos(), e.getKey() + ": " + names + " do not convert a model to the API's configuration and back "
                        + "(expected calls such as ModelToConfigMap and ConfigMapToModel), found " + conversionLike(called));
            }
            if (!expectsError && called.stream().noneMatch(n -> n.startsWith("Validate"))) {
                f.add(own.get(0).pos(), e.getKey() + ": " + names + " do not check that validation rules trigger (expected a "
                        + "step with ExpectError, or a validator's Validate* call on an invalid value)");
            }
            run.evidence("smoke tests of " + e.getKey(), names + (all.isEmpty() ? "" : "\nand " + all.stream().map(TestFunction::name).toList()));
            f.verify();
        }));
    }

    /**
     * FR-27, FR-30 ("smoke tests must exist") and SM-14 ("smoke tests pass"), per connector in
     * this story's scope: a TestSmoke* covers it, its own or one that builds every connector's
     * schema; what the tests verify is this story's second criterion, a stricter sentence. With
     * {@code mustPass}, the covering tests run (no TF_ACC: they need no credentials) and each must pass.
     */
    public static Stream<DynamicTest> smokeTestsExist(CriterionRun run, boolean mustPass) {
        Map<String, String> scope = scope(run);
        if (scope.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + "(no connector without credentials)",
                    () -> run.notApplicable("every connector has an acceptance test whose variables .env.example provides, "
                            + "and no TestSmoke* test exists")));
        }
        List<EnvVars.Smoke> smoke = EnvVars.smokeTests(run.audit());
        return scope.entrySet().stream().map(e -> DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + e.getKey(), () -> {
            Findings f = run.findings();
            List<TestFunction> covering = smoke.stream().filter(s -> s.all() || s.covers().contains(e.getKey()))
                    .map(EnvVars.Smoke::test).toList();
            if (covering.isEmpty()) {
                String anchor = run.provider().resource(e.getKey()).map(Resource::constructorPos).map(pos -> pos.fileAndLine())
                        .orElse("internal/provider/");
                f.add(anchor, e.getKey() + " (" + e.getValue() + "): expected a TestSmoke* test covering it, found none");
                f.verify();
            }
            run.evidence("smoke tests of " + e.getKey(), covering.stream().map(t -> t.name() + " (" + t.pos().fileAndLine() + ")").toList()
                    .toString());
            if (!mustPass) {
                return;
            }
            GoTestRun.Result result = GoTestRun.runOrSkip(run, false, "TestSmoke", "./internal/provider/...", SMOKE_TIMEOUT);
            for (TestFunction t : covering) {
                String action = result.actions().get(t.name());
                if (!"pass".equals(action)) {
                    f.add(t.pos(), t.name() + ": expected pass, found " + (action == null ? "no result" : action));
                }
            }
            f.verify();
        }));
    }

    private static final java.time.Duration SMOKE_TIMEOUT = java.time.Duration.ofMinutes(20);

    private static String conversionLike(Set<String> called) {
        List<String> seen = called.stream().filter(n -> n.matches("(?i).*(model|field|mapping|reflect|typeof).*")).limit(6).toList();
        return seen.isEmpty() ? "none" : "only " + seen;
    }

    /** Smoke-tested connectors: covered by a TestSmoke* test of their own. */
    static Map<String, List<TestFunction>> smokeTested(CriterionRun run) {
        Map<String, List<TestFunction>> out = new TreeMap<>();
        for (EnvVars.Smoke s : EnvVars.smokeTests(run.audit())) {
            for (String c : s.covers()) {
                out.computeIfAbsent(c, k -> new ArrayList<>()).add(s.test());
            }
        }
        return out;
    }

    @TestFactory
    @DisplayName("Compare schema behavior with `main` branch for parity")
    @Criterion(value = 3, severity = Severity.CRITICAL)
    Stream<DynamicTest> schemaParityWithMain(CriterionRun run) {
        Map<String, List<TestFunction>> tested = smokeTested(run);
        if (tested.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + "(no smoke-tested connector)",
                    () -> run.notApplicable("no TestSmoke* test covers a connector")));
        }
        return tested.keySet().stream().map(type -> DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + type, () -> {
            Optional<ProviderModel> baseline = run.audit().baseline();
            if (baseline.isEmpty()) {
                run.skip("no baseline to compare with: " + run.audit().baselineUnavailableReason()
                        + " (the PRD compares with the main branch: -Dbaseline.ref=main)", null);
            }
            Optional<Resource> now = run.provider().resource(type);
            Optional<Resource> before = baseline.get().resource(type);
            if (now.isEmpty()) {
                run.findings().add("Resources()", type + ": smoke-tested but not registered").verify();
            }
            if (before.isEmpty()) {
                run.notApplicable(type + " is new since " + run.audit().baselineLabel() + ": it has no behaviour there to be in parity with");
            }
            Findings f = run.findings();
            for (SchemaChange c : SchemaDiff.between(type, before.get().schema(), now.get().schema())) {
                if (c.rule().breaking()) {
                    f.add(c.pos() == null ? now.get().schemaFile() : c.pos().fileAndLine(), c + " (vs " + run.audit().baselineLabel() + ")");
                }
            }
            run.evidence("parity", type + " vs " + run.audit().baselineLabel());
            f.verify();
        }));
    }

    @Test
    @DisplayName("Document smoke-tested connectors in audit report")
    @Criterion(value = 4, severity = Severity.MINOR)
    void smokeTestedConnectorsInAuditReport(CriterionRun run) {
        ProviderModel p = run.provider();
        Map<String, List<TestFunction>> tested = smokeTested(run);
        run.evidence("smoke-tested connectors", tested.entrySet().stream().map(e -> e.getKey() + ": "
                + e.getValue().stream().map(t -> t.name() + " (" + t.pos().fileAndLine() + ")").toList())
                .reduce((a, b) -> a + "\n" + b).orElse("none"));
        if (tested.isEmpty()) {
            run.notApplicable("no TestSmoke* test covers a connector");
        }
        Map<String, String> reports = new LinkedHashMap<>();
        p.files().textFiles().forEach((path, text) -> {
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
            if (path.startsWith("docs/audits/") || name.contains("audit")) {
                reports.put(path, text);
            }
        });
        Findings f = run.findings();
        if (reports.isEmpty()) {
            f.add("docs/audits/", "expected an audit report (docs/audits/*.md) naming the smoke-tested connectors "
                    + tested.keySet() + ", found no audit report").verify();
        }
        for (String type : tested.keySet()) {
            String local = EnvVars.local(p, type);
            if (reports.values().stream().noneMatch(text -> EnvVars.names(text.replace('\n', ' '), local)
                    || text.contains(type))) {
                f.add(reports.keySet().iterator().next(), type + " is smoke-tested (" + tested.get(type).get(0).name()
                        + ") but no audit report names it (reports: " + reports.keySet() + ")");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 5, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
