package io.tfaudit.provider;

import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Field;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.ast.Spec;
import io.tfaudit.go.program.GoModule;
import io.tfaudit.go.program.GoPackage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Questions about Go types of the module that criteria ask: interface method sets, method sets, assertions. */
public final class GoTypes {

    private final GoModule module;

    public GoTypes(GoModule module) {
        this.module = module;
    }

    /** A compile-time assertion {@code var _ pkg.Iface = (*T)(nil)} (or {@code &T{}}, {@code T{}}). */
    public record Assertion(String interfaceName, GoPackage interfacePackage, String typeName, Pos pos) {}

    /** The assertions written in a file. */
    public List<Assertion> assertionsIn(GoFile file) {
        List<Assertion> out = new ArrayList<>();
        GoPackage pkg = module.packageOf(file);
        for (Decl d : file.decls()) {
            if (!(d instanceof Decl.GenDecl g) || g.keyword() != Decl.Keyword.VAR) {
                continue;
            }
            for (Spec s : g.specs()) {
                Spec.ValueSpec v = (Spec.ValueSpec) s;
                for (int i = 0; i < v.names().size() && i < v.values().size(); i++) {
                    if (!v.names().get(i).isBlank() || v.type() == null) {
                        continue;
                    }
                    Optional<String> type = assertedType(v.values().get(i));
                    Optional<IfaceRef> iface = interfaceRef(pkg, file, v.type());
                    if (type.isPresent() && iface.isPresent()) {
                        out.add(new Assertion(iface.get().name, iface.get().pkg, type.get(), v.pos()));
                    }
                }
            }
        }
        return out;
    }

    private record IfaceRef(GoPackage pkg, String name) {}

    private Optional<IfaceRef> interfaceRef(GoPackage pkg, GoFile file, Expr type) {
        if (type instanceof Expr.Ident id) {
            return Optional.of(new IfaceRef(pkg, id.name()));
        }
        if (type instanceof Expr.SelectorExpr sel && sel.x() instanceof Expr.Ident q) {
            return module.resolveImport(file, q.name()).flatMap(module::packageAt).map(p -> new IfaceRef(p, sel.sel().name()))
                    .or(() -> Optional.of(new IfaceRef(null, q.name() + "." + sel.sel().name())));
        }
        return Optional.empty();
    }

    private static Optional<String> assertedType(Expr e) {
        Expr x = e;
        if (x instanceof Expr.CallExpr c && c.args().size() == 1) {
            x = c.fun(); // (*T)(nil)
        }
        while (x instanceof Expr.ParenExpr p) {
            x = p.x();
        }
        if (x instanceof Expr.UnaryExpr u && u.op().equals("&")) {
            x = u.x();
        }
        if (x instanceof Expr.StarExpr s) {
            x = s.x();
        }
        if (x instanceof Expr.CompositeLit lit) {
            x = lit.type();
        }
        return x instanceof Expr.Ident id ? Optional.of(id.name()) : Optional.empty();
    }

    /** The method names an interface of the module requires, embedded interfaces of the module included. */
    public Optional<Set<String>> interfaceMethods(GoPackage pkg, String name) {
        return interfaceMethods(pkg, name, new HashSet<>());
    }

    private Optional<Set<String>> interfaceMethods(GoPackage pkg, String name, Set<String> seen) {
        if (pkg == null || !seen.add(pkg.importPath() + "." + name)) {
            return Optional.empty();
        }
        Optional<GoPackage.TypeRef> t = pkg.type(name);
        if (t.isEmpty() || !(t.get().spec().type() instanceof Expr.InterfaceType it)) {
            return Optional.empty();
        }
        Set<String> methods = new LinkedHashSet<>();
        for (Field f : it.methods().fields()) {
            if (!f.names().isEmpty()) {
                f.names().forEach(n -> methods.add(n.name()));
            } else if (f.type() instanceof Expr.Ident embedded) {
                interfaceMethods(pkg, embedded.name(), seen).ifPresent(methods::addAll);
            } else if (f.type() instanceof Expr.SelectorExpr sel && sel.x() instanceof Expr.Ident q) {
                module.resolveImport(t.get().file(), q.name()).flatMap(module::packageAt)
                        .flatMap(p -> interfaceMethods(p, sel.sel().name(), seen)).ifPresent(methods::addAll);
            }
        }
        return Optional.of(methods);
    }

    /** The methods declared on a type of the package, and those promoted from embedded module types. */
    public Set<String> methodSet(GoPackage pkg, String typeName) {
        Set<String> out = new LinkedHashSet<>();
        collectMethods(pkg, typeName, out, new HashSet<>());
        return out;
    }

    private void collectMethods(GoPackage pkg, String typeName, Set<String> out, Set<String> seen) {
        if (!seen.add(pkg.importPath() + "." + typeName)) {
            return;
        }
        out.addAll(pkg.methodsOf(typeName).keySet());
        Optional<GoPackage.TypeRef> t = pkg.type(typeName);
        if (t.isPresent() && t.get().spec().type() instanceof Expr.StructType st) {
            for (Field f : st.fields().fields()) {
                if (!f.isEmbedded()) {
                    continue;
                }
                Expr e = f.type() instanceof Expr.StarExpr s ? s.x() : f.type();
                if (e instanceof Expr.Ident id) {
                    collectMethods(pkg, id.name(), out, seen);
                } else if (e instanceof Expr.SelectorExpr sel && sel.x() instanceof Expr.Ident q) {
                    module.resolveImport(t.get().file(), q.name()).flatMap(module::packageAt)
                            .ifPresent(p -> collectMethods(p, sel.sel().name(), out, seen));
                }
            }
        }
    }
}
