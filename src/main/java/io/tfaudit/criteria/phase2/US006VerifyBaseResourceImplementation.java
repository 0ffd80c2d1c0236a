package io.tfaudit.criteria.phase2;

import io.tfaudit.audit.Audit;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.program.CallGraph;
import io.tfaudit.go.program.GoPackage;
import io.tfaudit.provider.Resource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shared base's conversions, and timeouts and import on every resource's CRUD. */
@UserStory(id = "US-006", title = "Verify Base Resource Implementation", phase = Phase.PHASE_2)
public class US006VerifyBaseResourceImplementation {

    @Test
    @DisplayName("`modelToConfigMap` converts model struct to API map format")
    @Criterion(value = 1, severity = Severity.BLOCKER)
    void modelToConfigMap(CriterionRun run) {
        verifyConversion(run, "modelToConfigMap", List.of("Create", "Update"), true);
    }

    @Test
    @DisplayName("`configMapToModel` converts API response to model struct")
    @Criterion(value = 2, severity = Severity.BLOCKER)
    void configMapToModel(CriterionRun run) {
        verifyConversion(run, "configMapToModel", List.of("Read"), true);
    }

    @Test
    @DisplayName("`extractTerraformValue` handles String, Int64, Bool, List types")
    @Criterion(value = 3, severity = Severity.BLOCKER)
    void extractTerraformValue(CriterionRun run) {
        Findings f = run.findings();
        CallGraph calls = run.audit().memo("call-graph", () -> new CallGraph(run.provider().module()));
        List<CallGraph.Fn> fns = namedIgnoringCase(calls, "extractTerraformValue");
        if (fns.isEmpty()) {
            f.add("internal/resource/", "expected a function extractTerraformValue, found none");
            f.verify();
        }
        for (CallGraph.Fn fn : fns) {
            String names = namesUsed(calls, fn);
            for (String[] type : new String[][] {{"String", "ValueString"}, {"Int64", "ValueInt64"}, {"Bool", "ValueBool"},
                    {"List", "ElementsAs"}}) {
                if (!names.contains(" " + type[0] + " ") && !names.contains(" " + type[1] + " ")
                        && !names.contains(" " + type[0] + "Value ")) {
                    f.add(fn.decl().pos(), fn.name() + ": expected a branch for types." + type[0] + " (" + type[1]
                            + "), found none");
                }
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("`setTerraformValue` uses correct helper functions for each type")
    @Criterion(value = 4, severity = Severity.CRITICAL)
    void setTerraformValue(CriterionRun run) {
        Findings f = run.findings();
        // Another way of converting a type is a deviation (normal); a type not converted at all loses its values (critical).
        run.reportSeverity(Severity.NORMAL);
        CallGraph calls = run.audit().memo("call-graph", () -> new CallGraph(run.provider().module()));
        List<CallGraph.Fn> fns = namedIgnoringCase(calls, "setTerraformValue");
        if (fns.isEmpty()) {
            f.add("internal/resource/", "expected a function setTerraformValue, found none (US-006.2 judges whether Read fills "
                    + "the state another way)");
            f.verify();
        }
        for (CallGraph.Fn fn : fns) {
            String names = namesUsed(calls, fn);
            for (String type : List.of("String", "Int64", "Bool", "List")) {
                String helper = "GetTfCfg" + (type.equals("List") ? "ListString" : type);
                if (names.contains(" " + helper + " ")) {
                    continue;
                }
                // A value of the type built another way: types.Int64Value(…), types.ListValueFrom(…), types.StringPointerValue(…).
                if (java.util.regex.Pattern.compile(" " + type + "(Pointer)?Value\\w* ").matcher(names).find()) {
                    f.add(fn.decl().pos(), fn.name() + ": expected it to use " + helper + " for types." + type
                            + ", found the type converted without it");
                } else {
                    f.add(fn.decl().pos(), fn.name() + ": expected it to set types." + type + " values (with " + helper
                            + "), found no conversion of that type: such attributes are never read back from the API");
                    run.reportSeverity(Severity.CRITICAL);
                }
            }
        }
        f.verify();
    }

    @TestFactory
    @DisplayName("Timeout context properly applied to all CRUD operations")
    @Criterion(value = 5, severity = Severity.NORMAL)
    Stream<DynamicTest> timeoutsOnCrud(CriterionRun run) {
        CallGraph calls = run.audit().memo("call-graph", () -> new CallGraph(run.provider().module()));
        // Resources (FR-6: "All resources must support configurable timeouts"); data sources have no CRUD.
        return run.forEachResource(Audit.resourcesOnly(), r -> {
            Resource res = r.registered();
            Findings f = run.findings();
            List<String> operations = List.of("Create", "Read", "Update", "Delete");
            for (String op : operations) {
                Optional<CallGraph.Fn> m = method(run, res, op);
                if (m.isEmpty()) {
                    f.add(res.constructorPos(), res.typeName() + ": no " + op + " method on " + res.implementation());
                } else if (!calls.reachesCallTo(m.get(), "WithTimeout")) {
                    f.add(m.get().decl().pos(), res.typeName() + ": " + res.implementation() + "." + op
                            + " runs without a timeout context (expected context.WithTimeout from the timeouts value)");
                }
            }
            f.verify();
        });
    }

    @TestFactory
    @DisplayName("Import state passthrough works for all resource types")
    @Criterion(value = 6, severity = Severity.CRITICAL)
    Stream<DynamicTest> importPassthrough(CriterionRun run) {
        CallGraph calls = run.audit().memo("call-graph", () -> new CallGraph(run.provider().module()));
        return run.forEachResource(Audit.resourcesOnly(), r -> {
            Resource res = r.registered();
            Findings f = run.findings();
            Optional<CallGraph.Fn> m = method(run, res, "ImportState");
            if (m.isEmpty()) {
                f.add(res.constructorPos(), res.typeName() + ": expected an ImportState method on " + res.implementation()
                        + ", found none (terraform import would fail)");
            } else if (!calls.reachesCallTo(m.get(), "ImportStatePassthroughID") && !calls.reachesCallTo(m.get(), "SetAttribute")
                    && !setsStateFromTheId(calls, m.get())) {
                f.add(m.get().decl().pos(), res.typeName() + ": ImportState neither passes the ID through "
                        + "(resource.ImportStatePassthroughID) nor sets the state from it (resp.State.SetAttribute, or "
                        + "resp.State.Set after reading req.ID)");
            }
            f.verify();
        });
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 7, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }

    /**
     * The framework idiom of a composite import ID: ImportState reads {@code req.ID} (parses
     * it) and writes the whole state with {@code resp.State.Set}: import support as much as
     * the passthrough is.
     */
    static boolean setsStateFromTheId(CallGraph calls, CallGraph.Fn importState) {
        var body = importState.decl().body();
        if (body == null) {
            return false;
        }
        boolean readsId = Walk.collect(body, Expr.SelectorExpr.class).stream()
                .anyMatch(s -> s.sel().name().equals("ID") && s.x() instanceof Expr.Ident);
        boolean setsState = calls.reachable(importState).stream().filter(g -> g.decl().body() != null)
                .flatMap(g -> Walk.collect(g.decl().body(), Expr.CallExpr.class).stream())
                .anyMatch(c -> c.fun() instanceof Expr.SelectorExpr set && set.sel().name().equals("Set")
                        && set.x() instanceof Expr.SelectorExpr state && state.sel().name().equals("State"));
        return readsId && setsState;
    }

    // ------------------------------------------------------------------------------------

    /** The conversion exists, uses the field mappings, and the named CRUD methods use it. */
    private static void verifyConversion(CriterionRun run, String name, List<String> usedBy, boolean usesMappings) {
        Findings f = run.findings();
        CallGraph calls = run.audit().memo("call-graph", () -> new CallGraph(run.provider().module()));
        List<CallGraph.Fn> fns = namedIgnoringCase(calls, name);
        if (fns.isEmpty()) {
            f.add("internal/resource/connector/base.go", "expected a function " + name + ", found none");
            f.verify();
        }
        for (CallGraph.Fn fn : fns) {
            String names = namesUsed(calls, fn);
            if (usesMappings && !names.contains("Mapping") && !names.contains("mapping")) {
                f.add(fn.decl().pos(), fn.name() + ": expected it to translate through the field mappings, found no use of them");
            }
            if (fn.decl().isMethod()) {
                GoPackage pkg = fn.pkg();
                for (String op : usedBy) {
                    var crud = pkg.method(fn.decl().receiverTypeName(), op);
                    if (crud.isPresent() && !calls.reachesCallTo(new CallGraph.Fn(pkg, crud.get().file(), crud.get().decl()),
                            fn.decl().name().name())) {
                        f.add(crud.get().decl().pos(), fn.decl().receiverTypeName() + "." + op + ": expected it to use "
                                + fn.decl().name().name() + ", found no call");
                    }
                }
            }
        }
        f.verify();
    }

    private static List<CallGraph.Fn> namedIgnoringCase(CallGraph calls, String name) {
        return calls.all(false).stream().filter(fn -> fn.decl().name().name().equalsIgnoreCase(name)).toList();
    }

    /** Every identifier and selector name in the function and what it reaches, space-separated and padded. */
    private static String namesUsed(CallGraph calls, CallGraph.Fn fn) {
        StringBuilder sb = new StringBuilder(" ");
        for (CallGraph.Fn g : calls.reachable(fn)) {
            if (g.decl().body() == null) {
                continue;
            }
            for (Expr e : Walk.collect(g.decl().body(), Expr.class)) {
                if (e instanceof Expr.Ident id) {
                    sb.append(id.name()).append(' ');
                } else if (e instanceof Expr.SelectorExpr s) {
                    sb.append(s.sel().name()).append(' ');
                }
            }
        }
        return sb.toString();
    }

    /** The method of the resource's implementation type (promoted methods are not followed here). */
    public static Optional<CallGraph.Fn> method(CriterionRun run, Resource res, String name) {
        if (res.implementationFile() == null || res.implementation() == null) {
            return Optional.empty();
        }
        GoFile file = run.provider().module().tree().file(res.implementationFile()).orElse(null);
        if (file == null) {
            return Optional.empty();
        }
        GoPackage pkg = run.provider().module().packageOf(file);
        return pkg.method(res.implementation(), name).map(m -> new CallGraph.Fn(pkg, m.file(), m.decl()));
    }
}
