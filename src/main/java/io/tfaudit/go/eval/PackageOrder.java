package io.tfaudit.go.eval;

import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Spec;
import io.tfaudit.go.program.GoModule;
import io.tfaudit.go.program.GoPackage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The order in which Go initialises the module's packages that some packages import: a
 * package after every package it imports, and among the packages ready, the first by import
 * path (the Go 1.21 rule). Imports from outside the module and test files are not followed.
 */
final class PackageOrder {

    private PackageOrder() {}

    static List<GoPackage> of(GoModule module, List<GoPackage> roots) {
        Map<GoPackage, Set<GoPackage>> imports = importsOf(module, roots);
        Map<GoPackage, Integer> waiting = new HashMap<>();
        Map<GoPackage, List<GoPackage>> importedBy = new HashMap<>();
        PriorityQueue<GoPackage> ready = new PriorityQueue<>((a, b) -> a.importPath().compareTo(b.importPath()));
        imports.forEach((pkg, deps) -> {
            waiting.put(pkg, deps.size());
            deps.forEach(d -> importedBy.computeIfAbsent(d, k -> new ArrayList<>()).add(pkg));
            if (deps.isEmpty()) {
                ready.add(pkg);
            }
        });
        List<GoPackage> order = new ArrayList<>(imports.size());
        while (!ready.isEmpty()) {
            GoPackage pkg = ready.poll();
            order.add(pkg);
            for (GoPackage user : importedBy.getOrDefault(pkg, List.of())) {
                if (waiting.merge(user, -1, Integer::sum) == 0) {
                    ready.add(user);
                }
            }
        }
        // An import cycle (not valid Go) leaves packages waiting: they are not initialised.
        return order;
    }

    /** Each module package that {@code roots} reach through imports (test files aside), with the module packages it imports. */
    static Map<GoPackage, Set<GoPackage>> importsOf(GoModule module, List<GoPackage> roots) {
        Map<GoPackage, Set<GoPackage>> imports = new java.util.LinkedHashMap<>();
        Deque<GoPackage> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            GoPackage pkg = todo.pop();
            if (imports.containsKey(pkg)) {
                continue;
            }
            Set<GoPackage> deps = new LinkedHashSet<>();
            for (GoFile f : pkg.files()) {
                if (f.isTestFile()) {
                    continue;
                }
                for (Spec.ImportSpec i : f.imports()) {
                    module.packageAt(i.importPath()).filter(p -> p != pkg).ifPresent(deps::add);
                }
            }
            imports.put(pkg, deps);
            todo.addAll(deps);
        }
        return imports;
    }
}
