package io.tfaudit.criteria.phase2;

import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.eval.Evaluator;
import io.tfaudit.go.eval.Value;
import io.tfaudit.go.program.CallGraph;
import io.tfaudit.provider.ProviderModel;
import java.util.List;

/** Questions Phase 2's criteria ask of the provider's Go code. */
final class ApiCode {

    private final ProviderModel provider;
    final CallGraph calls;
    private final Evaluator evaluator;

    ApiCode(ProviderModel provider) {
        this.provider = provider;
        this.calls = new CallGraph(provider.module());
        // one per run (Audit.memo): the call graph caches what it resolves
        this.evaluator = new Evaluator(provider.module());
    }

    /** Functions of the API client package(s): files under internal/api/ (outside tests). */
    List<CallGraph.Fn> apiFunctions() {
        return calls.all(false).stream().filter(f -> f.file().path().startsWith("internal/api/")).toList();
    }

    /** Whether the function's body names this string constant (a literal, or a constant that evaluates to it). */
    boolean mentions(CallGraph.Fn fn, String text) {
        if (fn.decl().body() == null) {
            return false;
        }
        for (Expr e : Walk.collect(fn.decl().body(), Expr.class)) {
            if (e instanceof Expr.BasicLit lit && lit.kind() == Expr.LitKind.STRING && lit.stringValue().contains(text)) {
                return true;
            }
            if ((e instanceof Expr.Ident || e instanceof Expr.SelectorExpr) && isConstantContaining(fn, e, text)) {
                return true;
            }
        }
        return false;
    }

    private boolean isConstantContaining(CallGraph.Fn fn, Expr e, String text) {
        if (e instanceof Expr.Ident id && fn.pkg().value(id.name()).filter(v -> v.isConst()).isEmpty()) {
            return false;
        }
        if (e instanceof Expr.SelectorExpr s && !(s.x() instanceof Expr.Ident)) {
            return false;
        }
        Value v = evaluator.valueIn(fn.pkg(), fn.file(), e);
        return v instanceof Value.Str str && str.value().contains(text);
    }

    /** Whether the function, or a module function it may reach, mentions the text. */
    boolean reaches(CallGraph.Fn fn, String text) {
        return calls.reachable(fn).stream().anyMatch(f -> mentions(f, text));
    }

    /** Whether the function (or what it reaches) calls a function or method of that name. */
    boolean callsNamed(CallGraph.Fn fn, String name) {
        for (CallGraph.Fn f : calls.reachable(fn)) {
            if (f.decl().body() == null) {
                continue;
            }
            for (Expr.CallExpr c : Walk.collect(f.decl().body(), Expr.CallExpr.class)) {
                String called = c.fun() instanceof Expr.SelectorExpr s ? s.sel().name()
                        : c.fun() instanceof Expr.Ident id ? id.name() : "";
                if (called.equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A key-value pair {@code key: value} or index assignment {@code m[key] = value} with both constants. */
    boolean setsPair(CallGraph.Fn fn, String key, String value) {
        for (CallGraph.Fn f : calls.reachable(fn)) {
            if (f.decl().body() == null) {
                continue;
            }
            for (Expr.KeyValueExpr kv : Walk.collect(f.decl().body(), Expr.KeyValueExpr.class)) {
                boolean keyMatches = isString(f, kv.key(), key) || kv.key() instanceof Expr.Ident id && sameName(id.name(), key);
                if (keyMatches && isString(f, kv.value(), value)) {
                    return true;
                }
            }
            for (var a : Walk.collect(f.decl().body(), io.tfaudit.go.ast.Stmt.AssignStmt.class)) {
                for (int i = 0; i < a.lhs().size() && i < a.rhs().size(); i++) {
                    Expr target = a.lhs().get(i);
                    boolean keyMatches = target instanceof Expr.IndexExpr ix && isString(f, ix.index(), key)
                            || target instanceof Expr.SelectorExpr sel && sameName(sel.sel().name(), key);
                    if (keyMatches && isString(f, a.rhs().get(i), value)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A Go field for a JSON key: CreatedFrom for created_from. */
    private static boolean sameName(String goName, String jsonKey) {
        return goName.replace("_", "").equalsIgnoreCase(jsonKey.replace("_", ""));
    }

    private boolean isString(CallGraph.Fn fn, Expr e, String expected) {
        if (e instanceof Expr.BasicLit lit && lit.kind() == Expr.LitKind.STRING) {
            return lit.stringValue().equals(expected);
        }
        if (e instanceof Expr.Ident || e instanceof Expr.SelectorExpr) {
            Value v = evaluator.valueIn(fn.pkg(), fn.file(), e);
            return v instanceof Value.Str s && s.value().equals(expected);
        }
        return false;
    }
}
