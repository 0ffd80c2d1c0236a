package io.tfaudit.go.program;

import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Walk;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which functions of the module a function may call, statically and generously: a plain
 * call resolves in its package, {@code pkg.F} in the imported package, and {@code x.M(...)}
 * to every method named M in the module (the receiver's type is not tracked). Good for
 * "does every request path reach the code that sets the header", not for exact dispatch.
 */
public final class CallGraph {

    /** A function of the module with where it is; equal when it is the same declaration. */
    public record Fn(GoPackage pkg, GoFile file, Decl.FuncDecl decl) {
        public String name() {
            return decl.isMethod() ? decl.receiverTypeName() + "." + decl.name().name() : decl.name().name();
        }

        // AST records compare structurally, which hashes a whole body: identity is what is meant here.
        @Override
        public boolean equals(Object o) {
            return o instanceof Fn other && other.decl == decl;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(decl);
        }
    }

    private final GoModule module;
    private final Map<String, List<Fn>> methodsByName = new ConcurrentHashMap<>();
    private final Map<Fn, List<Fn>> callees = new ConcurrentHashMap<>();
    private final Map<Fn, Set<String>> calledNames = new ConcurrentHashMap<>();

    public CallGraph(GoModule module) {
        this.module = module;
        for (GoPackage p : module.packages()) {
            for (GoFile f : p.files()) {
                for (Decl.FuncDecl fn : f.funcs()) {
                    if (fn.isMethod()) {
                        methodsByName.computeIfAbsent(fn.name().name(), k -> new ArrayList<>()).add(new Fn(p, f, fn));
                    }
                }
            }
        }
    }

    /** Every function and method of the module (test files included when asked). */
    public List<Fn> all(boolean includeTests) {
        List<Fn> out = new ArrayList<>();
        for (GoPackage p : module.packages()) {
            for (GoFile f : p.files()) {
                if (includeTests || !f.isTestFile()) {
                    for (Decl.FuncDecl fn : f.funcs()) {
                        out.add(new Fn(p, f, fn));
                    }
                }
            }
        }
        return out;
    }

    /** Functions and methods with that name (a method's own name, without its receiver). */
    public List<Fn> named(String name) {
        return all(false).stream().filter(f -> f.decl().name().name().equals(name)).toList();
    }

    /** The module functions {@code fn}'s body calls directly. */
    public List<Fn> callees(Fn fn) {
        List<Fn> known = callees.get(fn);
        if (known == null) {
            known = resolveCallees(fn);
            callees.put(fn, known);
        }
        return known;
    }

    private List<Fn> resolveCallees(Fn fn) {
        Set<Fn> out = new LinkedHashSet<>();
        if (fn.decl().body() == null) {
            return List.of();
        }
        for (Expr.CallExpr c : Walk.collect(fn.decl().body(), Expr.CallExpr.class)) {
            Expr f = c.fun();
            if (f instanceof Expr.Ident id) {
                fn.pkg().func(id.name()).ifPresent(r -> out.add(new Fn(fn.pkg(), r.file(), r.decl())));
            } else if (f instanceof Expr.SelectorExpr s) {
                boolean qualified = false;
                if (s.x() instanceof Expr.Ident q) {
                    var path = module.resolveImport(fn.file(), q.name());
                    if (path.isPresent()) {
                        qualified = true;
                        module.packageAt(path.get()).flatMap(p -> p.func(s.sel().name()).map(r -> new Fn(p, r.file(), r.decl())))
                                .ifPresent(out::add);
                    }
                }
                if (!qualified) {
                    out.addAll(methodsByName.getOrDefault(s.sel().name(), List.of()));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The names {@code fn}'s body calls, {@code f(..)} and {@code x.f(..)} alike. */
    public Set<String> calledNames(Fn fn) {
        return calledNames.computeIfAbsent(fn, k -> {
            if (k.decl().body() == null) {
                return Set.of();
            }
            Set<String> names = new java.util.HashSet<>();
            for (Expr.CallExpr c : Walk.collect(k.decl().body(), Expr.CallExpr.class)) {
                if (c.fun() instanceof Expr.Ident id) {
                    names.add(id.name());
                } else if (c.fun() instanceof Expr.SelectorExpr sel) {
                    names.add(sel.sel().name());
                }
            }
            return Set.copyOf(names);
        });
    }

    /**
     * Whether {@code fn} or anything it may call, transitively, calls a function or method of
     * that name. Stops at the first such call: every resource's CRUD methods ask it, and a
     * method called by name reaches every method of that name in the module.
     */
    public boolean reachesCallTo(Fn fn, String name) {
        Set<Fn> seen = new java.util.HashSet<>();
        Deque<Fn> work = new ArrayDeque<>();
        work.add(fn);
        while (!work.isEmpty()) {
            Fn next = work.poll();
            if (seen.add(next)) {
                if (calledNames(next).contains(name)) {
                    return true;
                }
                work.addAll(callees(next));
            }
        }
        return false;
    }

    /** {@code fn} and everything it may call, transitively. */
    public Set<Fn> reachable(Fn fn) {
        Set<Fn> seen = new LinkedHashSet<>();
        Deque<Fn> work = new ArrayDeque<>();
        work.add(fn);
        while (!work.isEmpty()) {
            Fn next = work.poll();
            if (seen.add(next)) {
                work.addAll(callees(next));
            }
        }
        return seen;
    }
}
