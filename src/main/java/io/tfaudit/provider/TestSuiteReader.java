package io.tfaudit.provider;

import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Node;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.program.GoModule;
import io.tfaudit.go.program.GoPackage;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the provider's Go tests statically. A test is its body plus the module's
 * functions and package-level values it reaches (configuration helpers, shared provider
 * blocks, legacy-provider settings), so that a test written with helpers is read as fully
 * as one written inline.
 */
final class TestSuiteReader {

    /** A string that is a Terraform type name: provider prefix, underscore, the rest. */
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9]*_[a-z0-9_]+");
    private static final Pattern HCL_BLOCK = Pattern.compile("(?m)^\\s*(resource|data)\\s+\"([A-Za-z0-9_]+)\"\\s+\"");
    private static final int REACH_DEPTH = 4;
    private static final Map<String, Integer> NAMED_STATUSES = Map.ofEntries(
            Map.entry("StatusBadRequest", 400), Map.entry("StatusUnauthorized", 401), Map.entry("StatusForbidden", 403),
            Map.entry("StatusNotFound", 404), Map.entry("StatusConflict", 409), Map.entry("StatusUnprocessableEntity", 422),
            Map.entry("StatusTooManyRequests", 429), Map.entry("StatusInternalServerError", 500),
            Map.entry("StatusBadGateway", 502), Map.entry("StatusServiceUnavailable", 503),
            Map.entry("StatusGatewayTimeout", 504));

    private final GoModule module;

    TestSuiteReader(GoModule module) {
        this.module = module;
    }

    List<TestFunction> tests() {
        List<TestFunction> out = new ArrayList<>();
        for (GoPackage pkg : module.packages()) {
            for (GoFile f : pkg.files()) {
                if (!f.isTestFile()) {
                    continue;
                }
                for (Decl.FuncDecl fn : f.funcs()) {
                    if (isTestFunction(fn)) {
                        out.add(read(pkg, f, fn));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparing((TestFunction t) -> t.pos().file()).thenComparingInt(t -> t.pos().line()));
        return out;
    }

    private static boolean isTestFunction(Decl.FuncDecl fn) {
        String n = fn.name().name();
        return !fn.isMethod() && n.startsWith("Test") && (n.length() == 4 || !Character.isLowerCase(n.charAt(4)))
                && fn.type().params().arity() == 1;
    }

    private TestFunction read(GoPackage pkg, GoFile file, Decl.FuncDecl fn) {
        Reach reach = reach(pkg, file, fn);
        Set<String> resources = new TreeSet<>();
        Set<String> dataSources = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        Set<String> env = new TreeSet<>();
        Set<Integer> statuses = new TreeSet<>();
        List<String> versions = new ArrayList<>();
        boolean[] flags = new boolean[4]; // import, verify, destroy, empty plan
        for (Node root : reach.nodes) {
            Walk.forEach(root, n -> {
                if (n instanceof Expr.BasicLit lit && lit.kind() == Expr.LitKind.STRING) {
                    String text = lit.stringValue();
                    Matcher m = HCL_BLOCK.matcher(text);
                    while (m.find()) {
                        (m.group(1).equals("resource") ? resources : dataSources).add(m.group(2));
                    }
                    if (TYPE_NAME.matcher(text).matches()) {
                        named.add(text);
                    }
                } else if (n instanceof Expr.BasicLit lit && lit.kind() == Expr.LitKind.INT) {
                    BigInteger v = (BigInteger) lit.value();
                    if (v.bitLength() < 11 && NAMED_STATUSES.containsValue(v.intValue())) {
                        statuses.add(v.intValue());
                    }
                } else if (n instanceof Expr.SelectorExpr s && s.x() instanceof Expr.Ident x && x.name().equals("http")
                        && NAMED_STATUSES.containsKey(s.sel().name())) {
                    statuses.add(NAMED_STATUSES.get(s.sel().name()));
                } else if (n instanceof Expr.KeyValueExpr kv && kv.key() instanceof Expr.Ident key) {
                    switch (key.name()) {
                        case "ImportState" -> flags[0] |= isTrue(kv.value());
                        case "ImportStateVerify" -> flags[1] |= isTrue(kv.value());
                        case "CheckDestroy" -> flags[2] |= !(kv.value() instanceof Expr.Ident v && v.name().equals("nil"));
                        case "VersionConstraint" -> {
                            if (kv.value() instanceof Expr.BasicLit v && v.kind() == Expr.LitKind.STRING) {
                                versions.add(v.stringValue());
                            }
                        }
                        default -> { }
                    }
                } else if (n instanceof Expr.CallExpr call && call.fun() instanceof Expr.SelectorExpr s) {
                    String callee = s.sel().name();
                    if (callee.equals("ExpectEmptyPlan")) {
                        flags[3] = true;
                    } else if ((callee.equals("Getenv") || callee.equals("LookupEnv") || callee.equals("Setenv"))
                            && !call.args().isEmpty() && call.args().get(0) instanceof Expr.BasicLit name
                            && name.kind() == Expr.LitKind.STRING) {
                        env.add(name.stringValue());
                    }
                }
            });
        }
        int[] steps = countSteps(fn);
        // A PlanOnly step fails on a non-empty plan unless it says ExpectNonEmptyPlan: an empty-plan check too.
        flags[3] |= hasPlanOnlyStep(fn);
        return new TestFunction(fn.name().name(), kindOf(fn.name().name(), !versions.isEmpty()), fn.pos(),
                Set.copyOf(resources), Set.copyOf(dataSources), steps[0], steps[1], flags[0], flags[1], flags[2], flags[3],
                List.copyOf(versions), Set.copyOf(statuses), Set.copyOf(env), Set.copyOf(reach.calledNames), Set.copyOf(named));
    }

    private static boolean isTrue(Expr e) {
        return e instanceof Expr.Ident id && id.name().equals("true");
    }

    /** A {@code TestStep} with {@code PlanOnly: true} and without {@code ExpectNonEmptyPlan: true}. */
    private static boolean hasPlanOnlyStep(Decl.FuncDecl fn) {
        for (Expr.CompositeLit lit : Walk.collect(fn, Expr.CompositeLit.class)) {
            if (lit.type() instanceof Expr.ArrayType at && at.elt() instanceof Expr.SelectorExpr s
                    && s.sel().name().equals("TestStep")) {
                for (Expr step : lit.elts()) {
                    if (step instanceof Expr.CompositeLit sl && stepFlag(sl, "PlanOnly") && !stepFlag(sl, "ExpectNonEmptyPlan")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean stepFlag(Expr.CompositeLit step, String key) {
        return step.elts().stream().anyMatch(e -> e instanceof Expr.KeyValueExpr kv && kv.key() instanceof Expr.Ident k
                && k.name().equals(key) && isTrue(kv.value()));
    }

    /** Steps: elements of every {@code []resource.TestStep{...}} in the test; those with a Config. */
    private static int[] countSteps(Decl.FuncDecl fn) {
        int[] counts = new int[2];
        for (Expr.CompositeLit lit : Walk.collect(fn, Expr.CompositeLit.class)) {
            if (lit.type() instanceof Expr.ArrayType at && at.elt() instanceof Expr.SelectorExpr s
                    && s.sel().name().equals("TestStep")) {
                for (Expr step : lit.elts()) {
                    counts[0]++;
                    if (step instanceof Expr.CompositeLit sl && sl.elts().stream().anyMatch(e -> e instanceof Expr.KeyValueExpr kv
                            && kv.key() instanceof Expr.Ident k && k.name().equals("Config"))) {
                        counts[1]++;
                    }
                }
            }
        }
        return counts;
    }

    static TestFunction.Kind kindOf(String name, boolean pinsOlderProvider) {
        if (name.startsWith("TestAcc") && (name.contains("Migration") || pinsOlderProvider)) {
            return TestFunction.Kind.MIGRATION;
        }
        if (name.startsWith("TestAcc")) {
            return TestFunction.Kind.ACCEPTANCE;
        }
        if (name.startsWith("TestSchemaBackwardsCompatibility") || name.startsWith("TestSchemaCompat")) {
            return TestFunction.Kind.SCHEMA_COMPATIBILITY;
        }
        if (name.startsWith("TestSmoke")) {
            return TestFunction.Kind.SMOKE;
        }
        if (name.startsWith("TestIntegration") || name.startsWith("TestVCR")) {
            return TestFunction.Kind.INTEGRATION;
        }
        if (name.startsWith("TestSweep")) {
            return TestFunction.Kind.SWEEPER;
        }
        return TestFunction.Kind.UNIT;
    }

    List<Sweeper> sweepers() {
        List<Sweeper> out = new ArrayList<>();
        for (GoPackage pkg : module.packages()) {
            for (GoFile f : pkg.files()) {
                for (Decl d : f.decls()) {
                    for (Expr.CallExpr call : Walk.collect(d, Expr.CallExpr.class)) {
                        if (call.fun() instanceof Expr.SelectorExpr s && s.sel().name().equals("AddTestSweepers")
                                && call.args().size() == 2) {
                            out.add(sweeper(pkg, f, call));
                        }
                    }
                }
            }
        }
        return out;
    }

    private Sweeper sweeper(GoPackage pkg, GoFile file, Expr.CallExpr call) {
        String name = call.args().get(0) instanceof Expr.BasicLit l && l.kind() == Expr.LitKind.STRING ? l.stringValue() : "?";
        String function = null;
        List<String> deps = new ArrayList<>();
        Expr body = call.args().get(1);
        if (body instanceof Expr.UnaryExpr u) {
            body = u.x();
        }
        if (body instanceof Expr.CompositeLit lit) {
            for (Expr e : lit.elts()) {
                if (e instanceof Expr.KeyValueExpr kv && kv.key() instanceof Expr.Ident k) {
                    if (k.name().equals("F") && kv.value() instanceof Expr.Ident f) {
                        function = f.name();
                    } else if (k.name().equals("Dependencies") && kv.value() instanceof Expr.CompositeLit dl) {
                        for (Expr de : dl.elts()) {
                            if (de instanceof Expr.BasicLit s && s.kind() == Expr.LitKind.STRING) {
                                deps.add(s.stringValue());
                            }
                        }
                    }
                }
            }
        }
        Set<String> strings = new TreeSet<>();
        Set<String> called = new TreeSet<>();
        if (function != null) {
            var f = pkg.func(function);
            if (f.isPresent()) {
                Reach reach = reach(pkg, f.get().file(), f.get().decl());
                called.addAll(reach.calledNames);
                for (Node n : reach.nodes) {
                    for (Expr.BasicLit lit : Walk.collect(n, Expr.BasicLit.class)) {
                        if (lit.kind() == Expr.LitKind.STRING) {
                            strings.add(lit.stringValue());
                        }
                    }
                }
            }
        }
        return new Sweeper(name, function, call.pos(), List.copyOf(deps), Set.copyOf(strings), Set.copyOf(called));
    }

    /** What a function reaches: its own body, and the module's functions and package values it names, transitively. */
    private record Reach(List<Node> nodes, Set<String> calledNames) {}

    private Reach reach(GoPackage pkg, GoFile file, Decl.FuncDecl root) {
        List<Node> nodes = new ArrayList<>();
        Set<String> called = new LinkedHashSet<>();
        // Identity: AST records compare structurally, and hashing one hashes its whole subtree.
        Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Deque<Object[]> work = new ArrayDeque<>();
        work.add(new Object[] {pkg, file, root, 0});
        seen.add(root);
        while (!work.isEmpty()) {
            Object[] item = work.poll();
            GoPackage p = (GoPackage) item[0];
            GoFile f = (GoFile) item[1];
            Node n = (Node) item[2];
            int depth = (Integer) item[3];
            nodes.add(n);
            if (depth >= REACH_DEPTH) {
                continue;
            }
            Walk.forEach(n, x -> {
                if (x instanceof Expr.CallExpr c) {
                    if (c.fun() instanceof Expr.SelectorExpr s) {
                        called.add(s.sel().name());
                    } else if (c.fun() instanceof Expr.Ident id) {
                        called.add(id.name());
                    }
                }
                if (x instanceof Expr.Ident id) {
                    follow(p, id.name(), depth, seen, work);
                } else if (x instanceof Expr.SelectorExpr s && s.x() instanceof Expr.Ident q) {
                    module.resolveImport(f, q.name()).flatMap(module::packageAt)
                            .ifPresent(other -> follow(other, s.sel().name(), depth, seen, work));
                }
            });
        }
        return new Reach(nodes, called);
    }

    private static void follow(GoPackage p, String name, int depth, Set<Object> seen, Deque<Object[]> work) {
        p.func(name).ifPresent(fr -> {
            if (seen.add(fr.decl())) {
                work.add(new Object[] {p, fr.file(), fr.decl(), depth + 1});
            }
        });
        p.value(name).ifPresent(v -> {
            Expr value = v.value();
            if (value != null && seen.add(value)) {
                work.add(new Object[] {p, v.file(), value, depth + 1});
            }
        });
    }
}
