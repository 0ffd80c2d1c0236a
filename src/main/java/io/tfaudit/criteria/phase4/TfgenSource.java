package io.tfaudit.criteria.phase4;

import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Field;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Node;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.ast.Spec;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.eval.Evaluator;
import io.tfaudit.go.eval.Value;
import io.tfaudit.go.program.CallGraph;
import io.tfaudit.go.program.GoPackage;
import io.tfaudit.provider.ProviderModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code generator's own Go source ({@code cmd/tfgen}, tests excluded), read the way a
 * reviewer reads it: its string literals (templates included), its functions and what they
 * reach, the JSON-tagged structs the parser decodes into, and the table that maps a backend
 * control to a value type.
 */
final class TfgenSource {

    static final String DIR = "cmd/tfgen";

    /** The controls the PRD names, with the value type each must map to. */
    static final Map<String, String> EXPECTED_TYPES = expectedTypes();

    private static final Pattern JSON_TAG = Pattern.compile("json:\"([^\",]*)");
    private static final Pattern TYPE_WORD = Pattern.compile("(String|Int64|Bool|List|Map|Set|Float64|Number|Object)");
    private static final Map<ProviderModel, TfgenSource> CACHE = Collections.synchronizedMap(new IdentityHashMap<>());

    /** A struct field with a {@code json} tag: which struct, the Go field, the JSON name, its type. */
    record Tagged(String struct, String goField, String jsonName, Expr type, Pos pos) {}

    /** One control of the generator's control → type table, where it is written. */
    record Mapping(String control, String type, Pos pos) {}

    private final ProviderModel provider;
    private final GoPackage pkg;
    private final List<GoFile> files;
    private final CallGraph calls;
    private final Evaluator evaluator;
    private final List<Tagged> tagged = new ArrayList<>();

    private TfgenSource(ProviderModel provider) {
        this.provider = provider;
        this.pkg = provider.module().packages().stream().filter(p -> p.dir().equals(DIR)).findFirst().orElse(null);
        this.files = pkg == null ? List.of() : pkg.files().stream().filter(f -> !f.isTestFile()).toList();
        this.calls = new CallGraph(provider.module());
        this.evaluator = new Evaluator(provider.module());
        for (GoFile f : files) {
            for (Spec.TypeSpec t : f.typeSpecs()) {
                if (t.type() instanceof Expr.StructType st && st.fields() != null) {
                    for (Field field : st.fields().fields()) {
                        String json = tag(field, JSON_TAG);
                        if (json != null && !json.isEmpty() && !json.equals("-")) {
                            String goName = field.names().isEmpty() ? null : field.names().get(0).name();
                            tagged.add(new Tagged(t.name().name(), goName, json, field.type(), field.pos()));
                        }
                    }
                }
            }
        }
    }

    static TfgenSource of(ProviderModel provider) {
        return CACHE.computeIfAbsent(provider, TfgenSource::new);
    }

    boolean exists() {
        return !files.isEmpty();
    }

    /** Where a finding about the generator as a whole is placed: its first file. */
    String where() {
        return files.isEmpty() ? DIR + "/" : files.get(0).path() + ":1";
    }

    List<GoFile> files() {
        return files;
    }

    CallGraph calls() {
        return calls;
    }

    // ---------------------------------------------------------------- literals

    /** Every string literal of the generator's files, package-level templates included, in source order. */
    List<Expr.BasicLit> literals() {
        List<Expr.BasicLit> out = new ArrayList<>();
        for (GoFile f : files) {
            for (Expr.BasicLit l : collect(f, Expr.BasicLit.class)) {
                if (l.kind() == Expr.LitKind.STRING) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    Optional<Expr.BasicLit> literal(Predicate<String> text) {
        return literals().stream().filter(l -> text.test(l.stringValue())).findFirst();
    }

    Optional<Expr.BasicLit> literalContaining(String text) {
        return literal(s -> s.contains(text));
    }

    // ---------------------------------------------------------------- functions

    List<CallGraph.Fn> functions() {
        List<CallGraph.Fn> out = new ArrayList<>();
        for (GoFile f : files) {
            for (Decl.FuncDecl d : f.funcs()) {
                out.add(new CallGraph.Fn(pkg, f, d));
            }
        }
        return out;
    }

    Optional<CallGraph.Fn> main() {
        return functions().stream().filter(f -> !f.decl().isMethod() && f.decl().name().name().equals("main")).findFirst();
    }

    /** The generator's functions {@code fn} may reach (calls out of cmd/tfgen are not followed). */
    Set<CallGraph.Fn> reachable(CallGraph.Fn fn) {
        Set<CallGraph.Fn> out = new LinkedHashSet<>();
        for (CallGraph.Fn f : calls.reachable(fn)) {
            if (f.pkg() == pkg && !f.file().isTestFile()) {
                out.add(f);
            }
        }
        return out;
    }

    /** Functions reachable from main (all functions when there is no main: a library generator). */
    Set<CallGraph.Fn> reachableFromMain() {
        Optional<CallGraph.Fn> main = main();
        return main.isPresent() ? reachable(main.get()) : new LinkedHashSet<>(functions());
    }

    /**
     * Whether the function's body holds a string literal with this text, directly or through a
     * package-level constant or variable it names (a template kept in a const).
     */
    boolean mentions(CallGraph.Fn fn, Predicate<String> text) {
        if (fn.decl().body() == null) {
            return false;
        }
        for (Expr e : Walk.collect(fn.decl().body(), Expr.class)) {
            if (e instanceof Expr.BasicLit l && l.kind() == Expr.LitKind.STRING && text.test(l.stringValue())) {
                return true;
            }
            if (e instanceof Expr.Ident id && pkg.value(id.name()).isPresent()) {
                GoPackage.ValueDecl v = pkg.value(id.name()).get();
                if (v.value() != null && Walk.collect(v.value(), Expr.BasicLit.class).stream()
                        .anyMatch(l -> l.kind() == Expr.LitKind.STRING && text.test(l.stringValue()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether fn, or a generator function it reaches, mentions the text. */
    boolean reachesText(CallGraph.Fn fn, Predicate<String> text) {
        return reachable(fn).stream().anyMatch(f -> mentions(f, text));
    }

    /** Functions whose body mentions the text. */
    List<CallGraph.Fn> mentioning(Predicate<String> text) {
        return functions().stream().filter(f -> mentions(f, text)).toList();
    }

    /** Whether the function's body selects this field ({@code x.Encrypt}). */
    static boolean selects(Node body, String goField) {
        return body != null && goField != null && Walk.collect(body, Expr.SelectorExpr.class).stream()
                .anyMatch(s -> s.sel().name().equals(goField));
    }

    /** Generator functions that read the field ({@code x.Field}), outside the struct that declares it. */
    List<CallGraph.Fn> readers(String goField) {
        return functions().stream().filter(f -> selects(f.decl().body(), goField)).toList();
    }

    /** Whether some function reachable from main reads the field. */
    boolean readFromMain(String goField) {
        return reachableFromMain().stream().anyMatch(f -> selects(f.decl().body(), goField));
    }

    /** Whether a function reachable from main reads the field and reaches code that mentions the text. */
    boolean feeds(String goField, Predicate<String> text) {
        for (CallGraph.Fn f : functions()) {
            if (selects(f.decl().body(), goField) && reachesText(f, text)) {
                return true;
            }
        }
        // The field may be read in a helper that the code emitting the text calls.
        for (CallGraph.Fn f : functions()) {
            if (reachesText(f, text) && reachable(f).stream().anyMatch(g -> selects(g.decl().body(), goField))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- decoded structs

    List<Tagged> tagged() {
        return tagged;
    }

    Optional<Tagged> field(String struct, String jsonName) {
        return tagged.stream().filter(t -> t.struct().equals(struct) && t.jsonName().equals(jsonName)).findFirst();
    }

    /** Every JSON name some generator struct decodes. */
    Set<String> jsonNames() {
        Set<String> out = new LinkedHashSet<>();
        tagged.forEach(t -> out.add(t.jsonName()));
        return out;
    }

    /** The struct a field's type names: {@code T}, {@code *T}, {@code []T}, {@code []*T}, {@code map[K]T}. */
    static Optional<String> structOf(Expr type) {
        Expr t = type;
        while (true) {
            if (t instanceof Expr.StarExpr s) {
                t = s.x();
            } else if (t instanceof Expr.ArrayType a) {
                t = a.elt();
            } else if (t instanceof Expr.MapType m) {
                t = m.value();
            } else {
                break;
            }
        }
        return t instanceof Expr.Ident id ? Optional.of(id.name()) : Optional.empty();
    }

    /**
     * The parser's shape: the struct of one entry of a connector's {@code "config"} array (a
     * struct with a {@code name} and a {@code config} field of its type), the struct of its
     * {@code value}, and the struct of its {@code conditions}.
     */
    record ParserShape(Tagged configArray, String entry, String value, String condition) {
        List<String> structs() {
            List<String> out = new ArrayList<>();
            out.add(entry);
            if (value != null) {
                out.add(value);
            }
            return out;
        }
    }

    Optional<ParserShape> parser() {
        for (Tagged t : tagged) {
            if (!t.jsonName().equals("config") || !(t.type() instanceof Expr.ArrayType)) {
                continue;
            }
            Optional<String> entry = structOf(t.type());
            if (entry.isEmpty() || field(entry.get(), "name").isEmpty()) {
                continue;
            }
            String value = field(entry.get(), "value").flatMap(v -> structOf(v.type())).orElse(null);
            String condition = field(entry.get(), "conditions").flatMap(c -> structOf(c.type())).orElse(null);
            return Optional.of(new ParserShape(t, entry.get(), value, condition));
        }
        return Optional.empty();
    }

    /** A field of one backend entry (or of its value object) by its JSON name. */
    Optional<Tagged> entryField(ParserShape shape, String jsonName) {
        for (String s : shape.structs()) {
            Optional<Tagged> t = field(s, jsonName);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- control → type

    /**
     * The generator's control → value type table: the entries of a map literal keyed by control
     * names, and the cases of a switch over control names (with the value each returns or assigns).
     */
    List<Mapping> controlTable() {
        List<Mapping> out = new ArrayList<>();
        for (GoFile f : files) {
            for (Expr.CompositeLit c : collect(f, Expr.CompositeLit.class)) {
                if (!(c.type() instanceof Expr.MapType)) {
                    continue;
                }
                List<Mapping> entries = new ArrayList<>();
                for (Expr e : c.elts()) {
                    if (e instanceof Expr.KeyValueExpr kv && kv.key() instanceof Expr.BasicLit k && k.kind() == Expr.LitKind.STRING) {
                        entries.add(new Mapping(k.stringValue(), typeText(f, kv.value()), kv.pos()));
                    }
                }
                if (controlsIn(entries) >= 3) {
                    out.addAll(entries);
                }
            }
            for (Stmt.SwitchStmt s : collect(f, Stmt.SwitchStmt.class)) {
                List<Mapping> entries = new ArrayList<>();
                for (Stmt st : s.body().list()) {
                    if (!(st instanceof Stmt.CaseClause cc) || cc.isDefault()) {
                        continue;
                    }
                    String type = resultOf(f, cc.body());
                    for (Expr e : cc.list()) {
                        if (e instanceof Expr.BasicLit l && l.kind() == Expr.LitKind.STRING) {
                            entries.add(new Mapping(l.stringValue(), type, l.pos()));
                        }
                    }
                }
                if (controlsIn(entries) >= 3) {
                    out.addAll(entries);
                }
            }
        }
        return out;
    }

    private static long controlsIn(List<Mapping> entries) {
        return entries.stream().filter(m -> EXPECTED_TYPES.containsKey(m.control())).count();
    }

    /** The value a case returns, or assigns first. */
    private String resultOf(GoFile f, List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.ReturnStmt r && !r.results().isEmpty()) {
                return typeText(f, r.results().get(0));
            }
            if (s instanceof Stmt.AssignStmt a && !a.rhs().isEmpty()) {
                return typeText(f, a.rhs().get(0));
            }
        }
        return null;
    }

    /** A type as text: the constant's value when it is one ("types.Int64"), else the expression's names. */
    private String typeText(GoFile f, Expr e) {
        Value v = evaluator.valueIn(pkg, f, e);
        if (v instanceof Value.Str s) {
            return s.value();
        }
        StringBuilder sb = new StringBuilder();
        Walk.forEach(e, n -> {
            if (n instanceof Expr.Ident id) {
                sb.append(sb.length() == 0 ? "" : ".").append(id.name());
            }
        });
        return sb.toString();
    }

    /** "types.List[types.String]" → List; "TerraformTypeInt64" → Int64; null when it names no value type. */
    static String kindOf(String typeText) {
        if (typeText == null) {
            return null;
        }
        Matcher m = TYPE_WORD.matcher(typeText);
        return m.find() ? m.group(1) : null;
    }

    // ---------------------------------------------------------------- Sensitive

    /** The expressions assigned to a {@code Sensitive} field ({@code Sensitive: e} or {@code x.Sensitive = e}). */
    List<Map.Entry<CallGraph.Fn, Expr>> sensitiveValues() {
        List<Map.Entry<CallGraph.Fn, Expr>> out = new ArrayList<>();
        for (CallGraph.Fn fn : functions()) {
            if (fn.decl().body() == null) {
                continue;
            }
            for (Expr.KeyValueExpr kv : Walk.collect(fn.decl().body(), Expr.KeyValueExpr.class)) {
                if (kv.key() instanceof Expr.Ident id && id.name().equals("Sensitive")) {
                    out.add(Map.entry(fn, kv.value()));
                }
            }
            for (Stmt.AssignStmt a : Walk.collect(fn.decl().body(), Stmt.AssignStmt.class)) {
                for (int i = 0; i < a.lhs().size() && i < a.rhs().size(); i++) {
                    if (a.lhs().get(i) instanceof Expr.SelectorExpr s && s.sel().name().equalsIgnoreCase("sensitive")) {
                        out.add(Map.entry(fn, a.rhs().get(i)));
                    }
                }
            }
        }
        return out;
    }

    /** Whether the expression, or a generator function it calls (transitively), satisfies the test. */
    boolean expressionReaches(CallGraph.Fn in, Expr e, Predicate<Node> test) {
        if (Walk.collect(e, Node.class).stream().anyMatch(test)) {
            return true;
        }
        for (Expr.CallExpr c : Walk.collect(e, Expr.CallExpr.class)) {
            String name = c.fun() instanceof Expr.SelectorExpr s ? s.sel().name() : c.fun() instanceof Expr.Ident id ? id.name() : null;
            if (name == null) {
                continue;
            }
            for (CallGraph.Fn f : functions()) {
                if (f.decl().name().name().equals(name)) {
                    for (CallGraph.Fn g : reachable(f)) {
                        if (g.decl().body() != null && Walk.collect(g.decl().body(), Node.class).stream().anyMatch(test)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    static Predicate<Node> isString(String text) {
        return n -> n instanceof Expr.BasicLit l && l.kind() == Expr.LitKind.STRING && l.stringValue().equals(text);
    }

    static Predicate<Node> selecting(String goField) {
        return n -> n instanceof Expr.SelectorExpr s && s.sel().name().equals(goField);
    }

    // ---------------------------------------------------------------- helpers

    /** Nodes of a kind in a file's declarations (imports left out). */
    static <T extends Node> List<T> collect(GoFile f, Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (Decl d : f.decls()) {
            if (!(d instanceof Decl.GenDecl g && g.keyword() == Decl.Keyword.IMPORT)) {
                out.addAll(Walk.collect(d, kind));
            }
        }
        return out;
    }

    static String tag(Field field, Pattern p) {
        if (field.tag() == null) {
            return null;
        }
        Matcher m = p.matcher(field.tag().stringValue());
        return m.find() ? m.group(1) : null;
    }

    private static Map<String, String> expectedTypes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("string", "String");
        m.put("password", "String");
        m.put("number", "Int64");
        m.put("boolean", "Bool");
        m.put("toggle", "Bool");
        m.put("one-select", "String");
        m.put("multi-select", "List");
        m.put("slider", "Int64");
        return Collections.unmodifiableMap(m);
    }
}
