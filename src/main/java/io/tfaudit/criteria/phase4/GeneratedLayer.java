package io.tfaudit.criteria.phase4;

import io.tfaudit.go.ast.CommentGroup;
import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Field;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.ast.Spec;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.ModelStruct;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The generator's output: the Go files under {@code internal/generated/}, the registered
 * resources whose schema literal is written there, the attributes of those schemas that are
 * written there (the wrappers' additions are not output), the model structs, the
 * {@code go:generate} directives of the module and the "Code generated" markers.
 */
final class GeneratedLayer {

    static final String DIR = "internal/generated/";
    static final Pattern MARKER = Pattern.compile("^// Code generated .* DO NOT EDIT\\.$");
    private static final Pattern TFSDK_TAG = Pattern.compile("tfsdk:\"([^\",]*)");
    private static final Map<ProviderModel, GeneratedLayer> CACHE = Collections.synchronizedMap(new IdentityHashMap<>());

    /** One generated attribute: its resource, its path ({@code a} or {@code a.b} when nested), the API field it maps to. */
    record GenAttr(Resource resource, String path, Attribute attribute, String apiField) {
        String label() {
            return resource.typeName() + "." + path;
        }

        Pos pos() {
            return attribute.pos();
        }

        boolean isTopLevel() {
            return !path.contains(".");
        }
    }

    /** A {@code //go:generate} line: its file, line and command. */
    record Directive(String file, int line, String command) {
        String where() {
            return file + ":" + line;
        }

        String dir() {
            int slash = file.lastIndexOf('/');
            return slash < 0 ? "" : file.substring(0, slash);
        }
    }

    private final ProviderModel provider;
    private final List<GoFile> files;
    private final List<Resource> resources;
    private final List<GenAttr> attributes = new ArrayList<>();

    private GeneratedLayer(ProviderModel provider) {
        this.provider = provider;
        this.files = provider.module().tree().files().stream()
                .filter(f -> f.path().startsWith(DIR) && !f.isTestFile()).toList();
        this.resources = provider.resources().stream()
                .filter(r -> r.typeName() != null && r.schemaFile() != null && r.schemaFile().startsWith(DIR))
                .sorted(Comparator.comparing(Resource::typeName)).toList();
        for (Resource r : resources) {
            for (Attribute a : r.schema().attributes().values()) {
                if (isGenerated(a.pos())) {
                    attributes.add(new GenAttr(r, a.name(), a, r.fieldMappings().get(a.name())));
                    addNested(r, a.name(), a);
                }
            }
        }
    }

    private void addNested(Resource r, String path, Attribute a) {
        for (Attribute n : a.nested().values()) {
            if (isGenerated(n.pos())) {
                attributes.add(new GenAttr(r, path + "." + n.name(), n, null));
                addNested(r, path + "." + n.name(), n);
            }
        }
    }

    static GeneratedLayer of(ProviderModel provider) {
        return CACHE.computeIfAbsent(provider, GeneratedLayer::new);
    }

    static boolean isGenerated(Pos p) {
        return p != null && p.file() != null && p.file().startsWith(DIR);
    }

    List<GoFile> files() {
        return files;
    }

    /** Registered resources whose schema is generated, by type name. */
    List<Resource> resources() {
        return resources;
    }

    List<GenAttr> attributes() {
        return attributes;
    }

    List<GenAttr> attributes(Resource r) {
        return attributes.stream().filter(a -> a.resource() == r).toList();
    }

    Optional<GenAttr> attribute(Resource r, String name) {
        return attributes.stream().filter(a -> a.resource() == r && a.path().equals(name)).findFirst();
    }

    /** The resource whose schema is generated into {@code internal/generated/<entity>_<code>.go}. */
    Optional<Resource> resourceGeneratedAs(String entity, String code) {
        String file = DIR + entity + "_" + code + ".go";
        return resources.stream().filter(r -> r.schemaFile().equals(file)).findFirst();
    }

    /** {@code internal/generated/source_postgresql.go} → source; null for a file of no entity. */
    static String entity(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (String e : List.of("source", "destination", "transform")) {
            if (name.startsWith(e + "_")) {
                return e;
            }
        }
        return null;
    }

    /** {@code internal/generated/source_postgresql.go} → postgresql. */
    static String code(String path) {
        String e = entity(path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        return e == null ? null : name.substring(e.length() + 1).replaceFirst("\\.go$", "");
    }

    // ---------------------------------------------------------------- models

    /** A struct field with a tfsdk tag in a generated file. */
    record TfsdkField(String file, String struct, String goName, String tag, String goType, Pos pos) {}

    List<TfsdkField> modelFields() {
        List<TfsdkField> out = new ArrayList<>();
        for (GoFile f : files) {
            out.addAll(tfsdkFields(f));
        }
        return out;
    }

    private static List<TfsdkField> tfsdkFields(GoFile f) {
        List<TfsdkField> out = new ArrayList<>();
        for (Spec.TypeSpec t : f.typeSpecs()) {
            if (t.type() instanceof Expr.StructType st && st.fields() != null) {
                for (Field field : st.fields().fields()) {
                    String tag = TfgenSource.tag(field, TFSDK_TAG);
                    if (tag != null && !field.names().isEmpty()) {
                        out.add(new TfsdkField(f.path(), t.name().name(), field.names().get(0).name(), tag, typeText(field.type()),
                                field.pos()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The resource's model fields by tfsdk name: the model the provider reads state into, or,
     * when none was found, the struct of the generated file that covers most of the schema.
     */
    Map<String, ModelStruct.ModelField> model(Resource r) {
        Map<String, ModelStruct.ModelField> out = new LinkedHashMap<>();
        if (r.model() != null) {
            r.model().fields().forEach(f -> out.putIfAbsent(f.tfsdkName(), f));
            return out;
        }
        Optional<GoFile> file = provider.module().tree().file(r.schemaFile());
        if (file.isEmpty()) {
            return out;
        }
        Map<String, List<TfsdkField>> byStruct = new LinkedHashMap<>();
        for (TfsdkField f : tfsdkFields(file.get())) {
            byStruct.computeIfAbsent(f.struct(), k -> new ArrayList<>()).add(f);
        }
        List<TfsdkField> best = List.of();
        long bestScore = 0;
        for (List<TfsdkField> fields : byStruct.values()) {
            long score = fields.stream().filter(f -> r.schema().attributes().containsKey(f.tag())).count();
            if (score > bestScore) {
                best = fields;
                bestScore = score;
            }
        }
        for (TfsdkField f : best) {
            out.putIfAbsent(f.tag(), new ModelStruct.ModelField(f.tag(), f.goName(), f.goType(), f.struct(), f.pos()));
        }
        return out;
    }

    /** Where a resource's model is declared, for findings about a missing field. */
    String modelWhere(Resource r) {
        if (r.model() != null && r.model().pos() != null) {
            return r.model().pos().fileAndLine();
        }
        return r.schemaFile();
    }

    static String typeText(Expr e) {
        if (e instanceof Expr.Ident id) {
            return id.name();
        }
        if (e instanceof Expr.SelectorExpr s) {
            return typeText(s.x()) + "." + s.sel().name();
        }
        if (e instanceof Expr.StarExpr s) {
            return "*" + typeText(s.x());
        }
        if (e instanceof Expr.ArrayType a) {
            return "[]" + typeText(a.elt());
        }
        if (e instanceof Expr.MapType m) {
            return "map[" + typeText(m.key()) + "]" + typeText(m.value());
        }
        if (e instanceof Expr.IndexExpr ix) {
            return typeText(ix.x()) + "[" + typeText(ix.index()) + "]";
        }
        return "?";
    }

    // ---------------------------------------------------------------- markers and directives

    /** Whether the file has a declaration (a file with only a package clause and comments is documentation). */
    static boolean declaresSomething(GoFile f) {
        return f.decls().stream().anyMatch(d -> !(d instanceof Decl.GenDecl g && g.keyword() == Decl.Keyword.IMPORT));
    }

    /** Every {@code //go:generate} line of the module. */
    List<Directive> directives() {
        List<Directive> out = new ArrayList<>();
        for (GoFile f : provider.module().tree().files()) {
            for (CommentGroup g : f.comments()) {
                for (int i = 0; i < g.comments().size(); i++) {
                    String c = g.comments().get(i);
                    if (c.startsWith("//go:generate ")) {
                        out.add(new Directive(f.path(), g.pos().line() + i, c.substring("//go:generate ".length()).strip()));
                    }
                }
            }
        }
        return out;
    }

    /** The directive that runs the generator (its command names tfgen). */
    Optional<Directive> tfgenDirective() {
        return directives().stream().filter(d -> d.command().contains("tfgen")).findFirst();
    }
}
