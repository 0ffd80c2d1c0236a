package io.tfaudit.go.program;

import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one directory (one Go package, test files included) and an index of its
 * package-level names: functions, methods by receiver type, types, vars and consts.
 */
public final class GoPackage {

    /** A package-level var or const: one name of a spec, with the value expression if any. */
    public record ValueDecl(String name, GoFile file, Spec.ValueSpec spec, int index, boolean isConst) {
        /** The expression assigned to this name, or null (e.g. {@code var x T}). */
        public Expr value() {
            return index < spec.values().size() ? spec.values().get(index) : null;
        }
    }

    /** A top-level function or method with the file it is in. */
    public record FuncRef(GoFile file, Decl.FuncDecl decl) {}

    /** A type declaration with its file. */
    public record TypeRef(GoFile file, Spec.TypeSpec spec) {}

    private final String importPath;
    private final String dir;
    private final List<GoFile> files;
    private final Map<String, FuncRef> funcs = new HashMap<>();
    private final Map<String, Map<String, FuncRef>> methods = new HashMap<>();
    private final Map<String, TypeRef> types = new LinkedHashMap<>();
    private final Map<String, ValueDecl> values = new HashMap<>();

    GoPackage(String importPath, String dir, List<GoFile> files) {
        this.importPath = importPath;
        this.dir = dir;
        this.files = List.copyOf(files);
        for (GoFile f : files) {
            for (Decl d : f.decls()) {
                if (d instanceof Decl.FuncDecl fn) {
                    if (fn.isMethod()) {
                        String recv = fn.receiverTypeName();
                        if (recv != null) {
                            methods.computeIfAbsent(recv, k -> new HashMap<>()).put(fn.name().name(), new FuncRef(f, fn));
                        }
                    } else {
                        funcs.putIfAbsent(fn.name().name(), new FuncRef(f, fn));
                    }
                } else if (d instanceof Decl.GenDecl g) {
                    index(f, g);
                }
            }
        }
    }

    private void index(GoFile f, Decl.GenDecl g) {
        if (g.keyword() == Decl.Keyword.TYPE) {
            for (Spec s : g.specs()) {
                Spec.TypeSpec t = (Spec.TypeSpec) s;
                types.putIfAbsent(t.name().name(), new TypeRef(f, t));
            }
        } else if (g.keyword() == Decl.Keyword.VAR || g.keyword() == Decl.Keyword.CONST) {
            Spec.ValueSpec previous = null;
            for (Spec s : g.specs()) {
                Spec.ValueSpec v = (Spec.ValueSpec) s;
                // const ( A = "x"; B ) repeats the previous expression: keep the spec that has it.
                Spec.ValueSpec withValues = v.values().isEmpty() && g.keyword() == Decl.Keyword.CONST && previous != null
                        ? previous : v;
                for (int i = 0; i < v.names().size(); i++) {
                    String name = v.names().get(i).name();
                    if (!name.equals("_")) {
                        values.putIfAbsent(name, new ValueDecl(name, f, withValues, i, g.keyword() == Decl.Keyword.CONST));
                    }
                }
                if (!v.values().isEmpty()) {
                    previous = v;
                }
            }
        }
    }

    public String importPath() {
        return importPath;
    }

    /** The directory, relative to the module root ("" for the root). */
    public String dir() {
        return dir;
    }

    /** The package name declared by its non-test files (or its test files when it has only those). */
    public String name() {
        for (GoFile f : files) {
            if (!f.isTestFile() && f.packageName() != null) {
                return f.packageName().name();
            }
        }
        return files.isEmpty() || files.get(0).packageName() == null ? "" : files.get(0).packageName().name();
    }

    public List<GoFile> files() {
        return files;
    }

    public Optional<FuncRef> func(String name) {
        return Optional.ofNullable(funcs.get(name));
    }

    public Optional<FuncRef> method(String receiverType, String name) {
        Map<String, FuncRef> m = methods.get(receiverType);
        return Optional.ofNullable(m == null ? null : m.get(name));
    }

    public Map<String, FuncRef> methodsOf(String receiverType) {
        return methods.getOrDefault(receiverType, Map.of());
    }

    public Optional<TypeRef> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public Map<String, TypeRef> types() {
        return types;
    }

    public Optional<ValueDecl> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** All top-level functions, methods excluded. */
    public List<FuncRef> funcs() {
        return new ArrayList<>(funcs.values());
    }

    @Override
    public String toString() {
        return importPath;
    }
}
