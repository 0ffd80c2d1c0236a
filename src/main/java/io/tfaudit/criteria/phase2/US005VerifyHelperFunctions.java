package io.tfaudit.criteria.phase2;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.audit.GoTestRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.program.CallGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The helper functions exist and their Go unit tests cover the edge cases the PRD lists,
 * recognised in the tests' code: a nil value, a missing key, a value of another type, a
 * float64, a number in a string, an empty list, a nil element.
 */
@UserStory(id = "US-005", title = "Verify Helper Functions", phase = Phase.PHASE_2)
public class US005VerifyHelperFunctions {

    public static final List<String> HELPERS = List.of("GetTfCfgString", "GetTfCfgInt64", "GetTfCfgBool", "GetTfCfgListString",
            "MigrateDeprecatedValues");
    private static final Pattern MISSING = Pattern.compile("(?i).*(missing|absent|not (present|found|set)|different key|no key|nil map).*");
    private static final Pattern NUMERIC = Pattern.compile("-?\\d+(\\.\\d+)?");

    @Test
    @DisplayName("`GetTfCfgString` handles nil, missing keys, type conversion")
    @Criterion(value = 1, severity = Severity.NORMAL)
    void getTfCfgString(CriterionRun run) {
        verifyCases(run, "GetTfCfgString", List.of(new Case("nil", this::nil), new Case("missing keys", this::missingKey), new Case("type conversion", this::nonStringValue)));
    }

    @Test
    @DisplayName("`GetTfCfgInt64` handles float64, string numbers, nil")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void getTfCfgInt64(CriterionRun run) {
        verifyCases(run, "GetTfCfgInt64", List.of(new Case("float64", this::floatValue), new Case("string numbers", this::numericString), new Case("nil", this::nil)));
    }

    @Test
    @DisplayName("`GetTfCfgBool` handles nil, missing keys")
    @Criterion(value = 3, severity = Severity.NORMAL)
    void getTfCfgBool(CriterionRun run) {
        verifyCases(run, "GetTfCfgBool", List.of(new Case("nil", this::nil), new Case("missing keys", this::missingKey)));
    }

    @Test
    @DisplayName("`GetTfCfgListString` handles empty lists, nil elements")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void getTfCfgListString(CriterionRun run) {
        verifyCases(run, "GetTfCfgListString", List.of(new Case("empty lists", this::emptyList), new Case("nil elements", this::nilElement)));
    }

    @Test
    @DisplayName("`MigrateDeprecatedValues` copies old→new, removes old key")
    @Criterion(value = 5, severity = Severity.CRITICAL)
    void migrateDeprecatedValues(CriterionRun run) {
        Findings f = run.findings();
        CallGraph calls = run.audit().memo("call-graph", () -> new CallGraph(run.provider().module()));
        List<CallGraph.Fn> fns = calls.named("MigrateDeprecatedValues");
        if (fns.isEmpty()) {
            f.add("internal/helper/", "expected a function MigrateDeprecatedValues, found none");
            f.verify();
        }
        for (CallGraph.Fn fn : fns) {
            boolean copies = false;
            boolean deletes = false;
            for (CallGraph.Fn g : calls.reachable(fn)) {
                if (g.decl().body() == null) {
                    continue;
                }
                copies |= Walk.collect(g.decl().body(), Stmt.AssignStmt.class).stream()
                        .anyMatch(a -> a.lhs().stream().anyMatch(l -> l instanceof Expr.IndexExpr)
                                && a.rhs().stream().anyMatch(r -> r instanceof Expr.IndexExpr || r instanceof Expr.Ident));
                deletes |= Walk.collect(g.decl().body(), Expr.CallExpr.class).stream()
                        .anyMatch(c -> c.fun() instanceof Expr.Ident id && id.name().equals("delete"));
            }
            if (!copies) {
                f.add(fn.decl().pos(), fn.name() + ": expected the old key's value copied to the new key (m[new] = …), found none");
            }
            if (!deletes) {
                f.add(fn.decl().pos(), fn.name() + ": expected the old key removed (delete(m, old)), found none");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Unit tests pass for all helper functions")
    @Criterion(value = 6, severity = Severity.NORMAL)
    void helperUnitTestsPass(CriterionRun run) {
        Findings f = run.findings();
        for (String helper : HELPERS) {
            if (testsCalling(run, helper).isEmpty()) {
                f.add("internal/helper/", helper + ": expected a Go unit test that calls it, found none");
            }
        }
        f.verify();
        GoTestRun.Result r = GoTestRun.runOrSkip(run, false, ".", "./internal/helper/...", Duration.ofMinutes(10));
        r.actions().forEach((test, action) -> {
            if (action.equals("fail")) {
                f.add(test, "expected pass, found fail");
            }
        });
        f.verify();
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 7, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }

    // ------------------------------------------------------------------------------------

    /** An edge case and how to recognise it in a test's code. */
    private record Case(String name, Predicate<List<Expr>> foundIn) {}

    private void verifyCases(CriterionRun run, String helper, List<Case> cases) {
        Findings f = run.findings();
        CallGraph calls = run.audit().memo("call-graph", () -> new CallGraph(run.provider().module()));
        List<CallGraph.Fn> fns = calls.named(helper);
        if (fns.isEmpty()) {
            f.add("internal/helper/", "expected a function " + helper + ", found none");
            f.verify();
        }
        List<CallGraph.Fn> tests = testsCalling(run, helper);
        if (tests.isEmpty()) {
            f.add(fns.get(0).decl().pos(), helper + ": expected Go unit tests that call it, found none");
            f.verify();
        }
        List<Expr> testCode = new ArrayList<>();
        for (CallGraph.Fn t : tests) {
            testCode.addAll(Walk.collect(t.decl(), Expr.class));
        }
        for (Case c : cases) {
            if (!c.foundIn().test(testCode)) {
                f.add(tests.get(0).decl().pos(), helper + ": expected a test case for " + c.name() + " in "
                        + tests.stream().map(CallGraph.Fn::name).toList() + ", found none");
            }
        }
        f.verify();
    }

    /** Test functions whose body calls the helper. */
    public static List<CallGraph.Fn> testsCalling(CriterionRun run, String helper) {
        return run.audit().<Map<String, List<CallGraph.Fn>>>memo("tests-by-called-name", () -> testsByCalledName(run))
                .getOrDefault(helper, List.of());
    }

    /** Each name a test function calls (a plain or a selected function), to the tests calling it, in call-graph order. */
    private static Map<String, List<CallGraph.Fn>> testsByCalledName(CriterionRun run) {
        Map<String, List<CallGraph.Fn>> out = new HashMap<>();
        CallGraph calls = run.audit().memo("call-graph", () -> new CallGraph(run.provider().module()));
        for (CallGraph.Fn fn : calls.all(true)) {
            if (fn.file().isTestFile() && fn.decl().name().name().startsWith("Test")) {
                calls.calledNames(fn).forEach(name -> out.computeIfAbsent(name, k -> new ArrayList<>()).add(fn));
            }
        }
        out.replaceAll((name, tests) -> List.copyOf(tests));
        return out;
    }

    private boolean nil(List<Expr> code) {
        return code.stream().anyMatch(e -> e instanceof Expr.KeyValueExpr kv && isNil(kv.value())
                || e instanceof Expr.CallExpr c && c.args().stream().anyMatch(US005VerifyHelperFunctions::isNil));
    }

    private boolean missingKey(List<Expr> code) {
        return code.stream().anyMatch(e -> e instanceof Expr.BasicLit l && l.kind() == Expr.LitKind.STRING
                && MISSING.matcher(l.stringValue()).matches()
                || e instanceof Expr.CompositeLit c && c.type() instanceof Expr.MapType && c.elts().isEmpty());
    }

    private boolean nonStringValue(List<Expr> code) {
        return code.stream().anyMatch(e -> e instanceof Expr.KeyValueExpr kv && kv.key() instanceof Expr.BasicLit k
                && k.kind() == Expr.LitKind.STRING && (kv.value() instanceof Expr.BasicLit v && v.kind() != Expr.LitKind.STRING
                || kv.value() instanceof Expr.Ident b && (b.name().equals("true") || b.name().equals("false"))));
    }

    private boolean floatValue(List<Expr> code) {
        return code.stream().anyMatch(e -> e instanceof Expr.BasicLit l && l.kind() == Expr.LitKind.FLOAT
                || e instanceof Expr.CallExpr c && c.fun() instanceof Expr.Ident id && id.name().equals("float64"));
    }

    private boolean numericString(List<Expr> code) {
        return code.stream().anyMatch(e -> e instanceof Expr.KeyValueExpr kv && kv.value() instanceof Expr.BasicLit l
                && l.kind() == Expr.LitKind.STRING && NUMERIC.matcher(l.stringValue()).matches());
    }

    private boolean emptyList(List<Expr> code) {
        return code.stream().anyMatch(e -> e instanceof Expr.CompositeLit c && c.type() instanceof Expr.ArrayType && c.elts().isEmpty());
    }

    private boolean nilElement(List<Expr> code) {
        return code.stream().anyMatch(e -> e instanceof Expr.CompositeLit c && c.type() instanceof Expr.ArrayType
                && c.elts().stream().anyMatch(US005VerifyHelperFunctions::isNil));
    }

    private static boolean isNil(Expr e) {
        return e instanceof Expr.Ident id && id.name().equals("nil");
    }
}
