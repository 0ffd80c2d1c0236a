package io.tfaudit.provider;

import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Field;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.eval.Evaluator;
import io.tfaudit.go.eval.Value;
import io.tfaudit.go.program.GoModule;
import io.tfaudit.go.program.GoPackage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a resource's model struct: the type its {@code NewModelInstance()} returns (v3), or
 * else the struct of its package whose {@code tfsdk} tags best cover its schema (v2).
 */
final class ModelStructReader {

    private final GoModule module;

    ModelStructReader(GoModule module) {
        this.module = module;
    }

    Optional<ModelStruct> forResource(Evaluator ev, Value instance, String implementationPackage, Set<String> attributes) {
        List<Value> candidates = new ArrayList<>();
        candidates.add(instance);
        if (instance instanceof Value.Struct s) {
            candidates.addAll(s.fields().values());
        }
        for (Value c : candidates) {
            Optional<Value.Func> m = ev.method(c, "NewModelInstance");
            if (m.isPresent() && ev.call(m.get(), List.of(), m.get().origin()) instanceof Value.Struct model) {
                Optional<ModelStruct> read = read(model.type().packagePath(), model.type().name());
                if (read.isPresent()) {
                    return read;
                }
            }
        }
        return bestCovering(implementationPackage, attributes);
    }

    private Optional<ModelStruct> bestCovering(String packagePath, Set<String> attributes) {
        Optional<GoPackage> pkg = module.packageAt(packagePath);
        if (pkg.isEmpty() || attributes.isEmpty()) {
            return Optional.empty();
        }
        ModelStruct best = null;
        long bestScore = 0;
        for (String typeName : pkg.get().types().keySet()) {
            Optional<ModelStruct> m = read(packagePath, typeName);
            if (m.isEmpty()) {
                continue;
            }
            long score = m.get().fields().stream().filter(f -> attributes.contains(f.tfsdkName())).count();
            if (score > bestScore) {
                best = m.get();
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The struct's tfsdk fields, embedded structs flattened; empty when it has none. */
    Optional<ModelStruct> read(String packagePath, String typeName) {
        List<ModelStruct.ModelField> fields = new ArrayList<>();
        Optional<GoPackage.TypeRef> t = module.packageAt(packagePath).flatMap(p -> p.type(typeName));
        if (t.isEmpty()) {
            return Optional.empty();
        }
        collect(packagePath, t.get(), fields, new HashSet<>());
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModelStruct(typeName, t.get().spec().pos(), List.copyOf(fields)));
    }

    private void collect(String packagePath, GoPackage.TypeRef t, List<ModelStruct.ModelField> out, Set<String> seen) {
        if (!seen.add(packagePath + "." + t.spec().name().name()) || !(t.spec().type() instanceof Expr.StructType st)) {
            return;
        }
        for (Field f : st.fields().fields()) {
            if (f.isEmbedded()) {
                embedded(packagePath, t.file(), f.type()).ifPresent(e -> collect(e.packagePath, e.type, out, seen));
                continue;
            }
            String tfsdk = tagValue(f.tagValue(), "tfsdk");
            if (tfsdk == null || tfsdk.equals("-")) {
                continue;
            }
            for (Expr.Ident name : f.names()) {
                out.add(new ModelStruct.ModelField(tfsdk, name.name(), TypeText.of(f.type()), t.spec().name().name(), name.pos()));
            }
        }
    }

    private record Located(String packagePath, GoPackage.TypeRef type) {}

    private Optional<Located> embedded(String packagePath, GoFile file, Expr type) {
        Expr t = type instanceof Expr.StarExpr s ? s.x() : type;
        if (t instanceof Expr.Ident id) {
            return module.packageAt(packagePath).flatMap(p -> p.type(id.name())).map(r -> new Located(packagePath, r));
        }
        if (t instanceof Expr.SelectorExpr sel && sel.x() instanceof Expr.Ident pkgName) {
            return module.resolveImport(file, pkgName.name())
                    .flatMap(path -> module.packageAt(path).flatMap(p -> p.type(sel.sel().name())).map(r -> new Located(path, r)));
        }
        return Optional.empty();
    }

    /** {@code reflect.StructTag.Get}: the value of {@code key} in a conventional tag, or null. */
    static String tagValue(String tag, String key) {
        int i = 0;
        while (i < tag.length()) {
            while (i < tag.length() && tag.charAt(i) == ' ') {
                i++;
            }
            int nameStart = i;
            while (i < tag.length() && tag.charAt(i) > ' ' && tag.charAt(i) != ':' && tag.charAt(i) != '"') {
                i++;
            }
            if (i == nameStart || i + 1 >= tag.length() || tag.charAt(i) != ':' || tag.charAt(i + 1) != '"') {
                return null;
            }
            String name = tag.substring(nameStart, i);
            i += 2;
            StringBuilder value = new StringBuilder();
            while (i < tag.length() && tag.charAt(i) != '"') {
                if (tag.charAt(i) == '\\' && i + 1 < tag.length()) {
                    i++;
                }
                value.append(tag.charAt(i++));
            }
            i++;
            if (name.equals(key)) {
                return value.toString();
            }
        }
        return null;
    }
}
