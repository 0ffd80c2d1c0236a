package io.tfaudit.criteria.testcode;

import io.tfaudit.go.ast.CommentGroup;
import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Node;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.eval.Evaluator;
import io.tfaudit.go.eval.Value;
import io.tfaudit.go.program.CallGraph;
import io.tfaudit.go.program.GoPackage;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.TestFunction;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a provider's Go tests do, read from their bodies: the test function and the test code
 * it reaches (helpers in {@code _test.go} files and in test-support packages, package values
 * such as shared configurations), never the provider code under test, so that "the test
 * serves a 401" is about the test and not about the client it calls. Shared by the criteria
 * that judge tests by what they do (cassettes, sweepers, smoke and negative tests).
 */
public final class TestCode {

    /** A node the test reaches, with the package and file it is written in (for resolving names). */
    public record Reached(GoPackage pkg, GoFile file, Node node) {}

    private static final int REACH_DEPTH = 4;
    private static final Pattern HCL_VARIABLE = Pattern.compile("(?m)^\\s*variable\\s+\"([A-Za-z0-9_-]+)\"");

    /** net/http status names and their codes. */
    public static final Map<String, Integer> HTTP_STATUS = Map.ofEntries(
            Map.entry("StatusOK", 200), Map.entry("StatusCreated", 201), Map.entry("StatusAccepted", 202),
            Map.entry("StatusNoContent", 204), Map.entry("StatusBadRequest", 400), Map.entry("StatusUnauthorized", 401),
            Map.entry("StatusPaymentRequired", 402), Map.entry("StatusForbidden", 403), Map.entry("StatusNotFound", 404),
            Map.entry("StatusMethodNotAllowed", 405), Map.entry("StatusRequestTimeout", 408), Map.entry("StatusConflict", 409),
            Map.entry("StatusGone", 410), Map.entry("StatusPreconditionFailed", 412),
            Map.entry("StatusUnprocessableEntity", 422), Map.entry("StatusTooManyRequests", 429),
            Map.entry("StatusInternalServerError", 500), Map.entry("StatusNotImplemented", 501),
            Map.entry("StatusBadGateway", 502), Map.entry("StatusServiceUnavailable", 503),
            Map.entry("StatusGatewayTimeout", 504));

    private static final Map<ProviderModel, TestCode> CACHE = Collections.synchronizedMap(new IdentityHashMap<>());

    private final ProviderModel provider;
    private final CallGraph calls;
    private final Evaluator evaluator;
    private final Map<String, List<Reached>> reaches = new ConcurrentHashMap<>();

    private TestCode(ProviderModel provider) {
        this.provider = provider;
        this.calls = new CallGraph(provider.module());
        this.evaluator = new Evaluator(provider.module());
    }

    /** One reader per provider model (the audit reads a provider once per run). */
    public static TestCode of(ProviderModel provider) {
        return CACHE.computeIfAbsent(provider, TestCode::new);
    }

    public ProviderModel provider() {
        return provider;
    }

    public CallGraph calls() {
        return calls;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    /** The declaration of a test function. */
    public Optional<CallGraph.Fn> decl(TestFunction t) {
        for (GoPackage p : provider.module().packages()) {
            for (GoFile f : p.files()) {
                if (f.path().equals(t.pos().file())) {
                    for (Decl.FuncDecl fn : f.funcs()) {
                        if (!fn.isMethod() && fn.name().name().equals(t.name())) {
                            return Optional.of(new CallGraph.Fn(p, f, fn));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Top-level functions of that name, in any package (test files included), those under internal/provider first. */
    public List<CallGraph.Fn> functions(String name) {
        List<CallGraph.Fn> out = new ArrayList<>();
        for (GoPackage p : provider.module().packages()) {
            p.func(name).ifPresent(r -> out.add(new CallGraph.Fn(p, r.file(), r.decl())));
        }
        out.sort(java.util.Comparator.comparing((CallGraph.Fn f) -> !f.file().path().startsWith("internal/provider/"))
                .thenComparing(f -> f.file().path()));
        return out;
    }

    /** The test's body and the test code it reaches. */
    private final Map<String, Map<String, io.tfaudit.go.ast.Pos>> variablesByTest = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link #hclVariables} of what a test reaches, computed once per test. */
    public Map<String, io.tfaudit.go.ast.Pos> hclVariablesOf(TestFunction t) {
        return variablesByTest.computeIfAbsent(t.pos().fileAndLine() + " " + t.name(), k -> hclVariables(reach(t)));
    }

    public List<Reached> reach(TestFunction t) {
        return reaches.computeIfAbsent(t.pos().fileAndLine() + " " + t.name(),
                k -> decl(t).map(this::reach).orElse(List.of()));
    }

    /**
     * A function's body and the test code it reaches: module functions named in it (by name,
     * or qualified by an imported module package) and package values, transitively, when they
     * are written in {@code _test.go} files or in test-support packages (a path with "test").
     */
    public List<Reached> reach(CallGraph.Fn root) {
        List<Reached> out = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> work = new ArrayDeque<>();
        work.add(new Object[] {new Reached(root.pkg(), root.file(), root.decl()), 0});
        seen.add(root.decl());
        while (!work.isEmpty()) {
            Object[] item = work.poll();
            Reached r = (Reached) item[0];
            int depth = (Integer) item[1];
            out.add(r);
            if (depth >= REACH_DEPTH) {
                continue;
            }
            Walk.forEach(r.node(), x -> {
                if (x instanceof Expr.Ident id) {
                    follow(r.pkg(), id.name(), depth, seen, work);
                } else if (x instanceof Expr.SelectorExpr s && s.x() instanceof Expr.Ident q) {
                    provider.module().resolveImport(r.file(), q.name()).flatMap(provider.module()::packageAt)
                            .ifPresent(other -> follow(other, s.sel().name(), depth, seen, work));
                }
            });
        }
        return out;
    }

    private static boolean isTestCode(GoPackage p, GoFile f) {
        return f.isTestFile() || p.dir().contains("test");
    }

    private static void follow(GoPackage p, String name, int depth, Set<Object> seen, Deque<Object[]> work) {
        p.func(name).ifPresent(fr -> {
            if (isTestCode(p, fr.file()) && seen.add(fr.decl())) {
                work.add(new Object[] {new Reached(p, fr.file(), fr.decl()), depth + 1});
            }
        });
        p.value(name).ifPresent(v -> {
            Expr value = v.value();
            if (value != null && isTestCode(p, v.file()) && seen.add(value)) {
                work.add(new Object[] {new Reached(p, v.file(), value), depth + 1});
            }
        });
    }

    // ---- questions about reached code ----------------------------------------------------

    /** Every node of that kind in the reached code, with its context. */
    public static <T extends Node> List<Found<T>> collect(List<Reached> reach, Class<T> kind) {
        List<Found<T>> out = new ArrayList<>();
        for (Reached r : reach) {
            for (T n : Walk.collect(r.node(), kind)) {
                out.add(new Found<>(r, n));
            }
        }
        return out;
    }

    /** A node found in reached code. */
    public record Found<T extends Node>(Reached in, T node) {}

    /** The name a call calls: {@code F} in {@code F(x)} and {@code x.F(y)}; "" otherwise. */
    public static String callee(Expr.CallExpr c) {
        Expr f = c.fun();
        if (f instanceof Expr.IndexExpr ix) {
            f = ix.x();
        }
        if (f instanceof Expr.SelectorExpr s) {
            return s.sel().name();
        }
        if (f instanceof Expr.Ident id) {
            return id.name();
        }
        return "";
    }

    /** The qualifier of a call: {@code strings} in {@code strings.HasPrefix(...)}; "" otherwise. */
    public static String qualifier(Expr.CallExpr c) {
        return c.fun() instanceof Expr.SelectorExpr s && s.x() instanceof Expr.Ident q ? q.name() : "";
    }

    /** The names the reached code calls. */
    public static Set<String> calledNames(List<Reached> reach) {
        Set<String> out = new LinkedHashSet<>();
        for (Found<Expr.CallExpr> c : collect(reach, Expr.CallExpr.class)) {
            out.add(callee(c.node()));
        }
        return out;
    }

    /** The first call in the reached code whose name matches. */
    public static Optional<Found<Expr.CallExpr>> firstCall(List<Reached> reach, Pattern name) {
        return collect(reach, Expr.CallExpr.class).stream().filter(c -> name.matcher(callee(c.node())).matches()).findFirst();
    }

    /** String literals of the reached code. */
    public static List<Found<Expr.BasicLit>> strings(List<Reached> reach) {
        return collect(reach, Expr.BasicLit.class).stream().filter(l -> l.node().kind() == Expr.LitKind.STRING).toList();
    }

    /**
     * Terraform input variables without a default that the test's configurations declare
     * ({@code variable "x" {}}): Terraform reads them from TF_VAR_x.
     */
    public static Map<String, Pos> hclVariables(List<Reached> reach) {
        Map<String, Pos> out = new java.util.TreeMap<>();
        for (Found<Expr.BasicLit> l : strings(reach)) {
            String hcl = l.node().stringValue();
            Matcher m = HCL_VARIABLE.matcher(hcl);
            while (m.find()) {
                if (!hasDefault(hcl, m.end())) {
                    out.putIfAbsent("TF_VAR_" + m.group(1), l.node().pos());
                }
            }
        }
        return out;
    }

    /** Whether the variable block starting after {@code from} sets a default (then TF_VAR_x is optional). */
    private static boolean hasDefault(String hcl, int from) {
        int open = hcl.indexOf('{', from);
        if (open < 0) {
            return false;
        }
        int depth = 0;
        for (int i = open; i < hcl.length(); i++) {
            char c = hcl.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return Pattern.compile("(?m)(^|[{;\\s])default\\s*=").matcher(hcl.substring(open + 1, i)).find();
            }
        }
        return false;
    }

    /** Whether the expression is an HTTP status constant: a literal 100–599 or {@code http.StatusX}; its code or null. */
    public static Integer statusOf(Expr e) {
        if (e instanceof Expr.BasicLit lit && lit.kind() == Expr.LitKind.INT && lit.value() instanceof BigInteger v
                && v.bitLength() < 11 && v.intValue() >= 100 && v.intValue() <= 599) {
            return v.intValue();
        }
        if (e instanceof Expr.SelectorExpr s && s.x() instanceof Expr.Ident x && x.name().equals("http")) {
            return HTTP_STATUS.get(s.sel().name());
        }
        return null;
    }

    /** Whether the key of a key-value pair is the identifier {@code name}. */
    public static boolean keyIs(Expr.KeyValueExpr kv, String name) {
        return kv.key() instanceof Expr.Ident k && k.name().equals(name);
    }

    public static boolean isTrue(Expr e) {
        return e instanceof Expr.Ident id && id.name().equals("true");
    }

    /** A {@code t.Skip(...)} among the test's top-level statements: it never runs. */
    public static Optional<Pos> skippedUnconditionally(Decl.FuncDecl fn) {
        if (fn.body() == null) {
            return Optional.empty();
        }
        for (Stmt s : fn.body().list()) {
            if (s instanceof Stmt.ExprStmt es && es.x() instanceof Expr.CallExpr c
                    && Set.of("Skip", "SkipNow", "Skipf").contains(callee(c))) {
                return Optional.of(c.pos());
            }
        }
        return Optional.empty();
    }

    /** The {@code //go:build} expression of a file, or empty: without its tags, {@code go test} does not compile it. */
    public static Optional<String> buildConstraint(GoFile f) {
        int packageLine = f.packageName() == null ? Integer.MAX_VALUE : f.packageName().pos().line();
        for (CommentGroup g : f.comments()) {
            if (g.pos().line() >= packageLine) {
                break;
            }
            for (String c : g.comments()) {
                if (c.startsWith("//go:build ")) {
                    return Optional.of(c.substring("//go:build ".length()).strip());
                }
            }
        }
        return Optional.empty();
    }

    /** The string value of an expression where it is static (a literal, a constant, a concatenation); null otherwise. */
    public String stringValue(Reached in, Expr e) {
        if (e instanceof Expr.BasicLit lit && lit.kind() == Expr.LitKind.STRING) {
            return lit.stringValue();
        }
        if (e instanceof Expr.Ident || e instanceof Expr.SelectorExpr || e instanceof Expr.BinaryExpr) {
            try {
                Value v = evaluator.valueIn(in.pkg(), in.file(), e);
                return v instanceof Value.Str s ? s.value() : null;
            } catch (RuntimeException notStatic) {
                return null;
            }
        }
        return null;
    }

    /** Where a function is: {@code file:line}. */
    public static String where(CallGraph.Fn fn) {
        return fn.decl().pos().fileAndLine();
    }
}
