package io.tfaudit.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.eval.Evaluator;
import io.tfaudit.go.eval.Value;
import io.tfaudit.go.program.GoPackage;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.Validator;
import io.tfaudit.provider.files.FileProblem;
import io.tfaudit.provider.files.JsonDocument;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A connector resource's effective field mappings against its backend configuration: the
 * user-defined backend fields no attribute maps to (missing), the mappings to keys the
 * backend does not let users set (extra), and, per mapped attribute, the Terraform type the
 * backend's control calls for, the select's options, the slider's bounds and the field's
 * sensitivity. The resource's connector code comes from its {@code GetConnectorCode()} (or
 * a transform's {@code GetTransformType()}) when that evaluates statically, else from its
 * type name.
 */
public final class Alignment {

    /** The kinds of difference, in report order. */
    public enum Kind {
        MISSING("missing"), EXTRA("extra"), TYPE("type"), SENSITIVE("sensitive"), ENUM("enum"), BOUNDS("bounds");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One difference. {@code where} is the evidence's place: the backend field's
     * {@code file:line} for a missing field, the attribute's {@code file:line} otherwise;
     * {@code backendWhere} is the backend field's place where there is one.
     */
    public record Difference(Kind kind, String attribute, String apiKey, String where, String backendWhere,
                             String expected, String found) {

        /** The finding's text, naming the resource, the field, what was expected and what was found. */
        public String describe(String typeName) {
            String subject = attribute == null ? typeName + ": backend field " + apiKey
                    : typeName + "." + attribute + " (API key " + apiKey + ")";
            String backend = backendWhere == null || backendWhere.equals(where) ? "" : " [backend: " + backendWhere + "]";
            return subject + ": " + kind.label() + ": expected " + expected + ", found " + found + backend;
        }
    }

    /**
     * One resource's alignment: its connector code and where that came from, its backend
     * file, why it could not be compared ({@code notCompared}, null when it was), how many
     * user-defined fields the backend has and how many of them are mapped (or set by the
     * provider's own code: {@code setByCode}, key → {@code file:line}), and the differences.
     */
    public record ConnectorAlignment(String typeName, Category category, String code, String codeSource, String resourceWhere,
                                     String backendFile, String notCompared, int userDefinedFields, int coveredFields,
                                     Map<String, String> setByCode, List<Difference> differences) {

        public boolean compared() {
            return notCompared == null;
        }

        public boolean aligned() {
            return compared() && differences.isEmpty();
        }

        public List<Difference> of(Kind kind) {
            return differences.stream().filter(d -> d.kind() == kind).toList();
        }

        /** Percentage of the user-defined backend fields an attribute maps to (100 when there are none). */
        public int coveragePercent() {
            return userDefinedFields == 0 ? 100 : (int) Math.floor(100.0 * coveredFields / userDefinedFields);
        }
    }

    /** A connector resource's connector code, and where it was read. */
    public record Code(String value, String source) {}

    private static final Set<String> STRING_CONTROLS = Set.of("string", "text", "textarea", "password", "datetime", "json",
            "one-select", "select", "file");
    private static final Set<String> INT_CONTROLS = Set.of("number", "slider");
    private static final Set<String> BOOL_CONTROLS = Set.of("boolean", "toggle", "checkbox");

    private Alignment() {}

    /** Whether the resource is a connector the backend configures (a source, destination or transform). */
    public static boolean isConnector(Category c) {
        return c == Category.SOURCE || c == Category.DESTINATION || c == Category.TRANSFORM;
    }

    /** Every connector resource of the provider against the backend. */
    public static AlignmentReport report(ProviderModel provider, BackendConfigs backend) {
        Overrides overrides = Overrides.of(provider);
        Map<String, String> setByCode = keysSetByCode(provider);
        List<ConnectorAlignment> out = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        List<Resource> resources = provider.resources().stream()
                .filter(r -> r.typeName() != null && isConnector(r.category()))
                .sorted(Comparator.comparing(Resource::typeName)).toList();
        for (Resource r : resources) {
            ConnectorAlignment a = of(provider, r, backend, overrides, setByCode);
            out.add(a);
            matched.add(r.category() + "/" + a.code());
        }
        List<BackendConnector> unmatched = backend.connectors().stream()
                .filter(c -> !matched.contains(c.category() + "/" + c.code())).toList();
        return new AlignmentReport(provider.root() == null ? null : provider.root().toString(), backend.root().toString(),
                List.copyOf(out), unmatched, backend.allProblems());
    }

    static ConnectorAlignment of(ProviderModel provider, Resource r, BackendConfigs backend, Overrides overrides,
                                 Map<String, String> keysSetByCode) {
        Code code = connectorCode(provider, r);
        String resourceWhere = r.constructorPos() == null ? r.constructor() : r.constructorPos().fileAndLine();
        String expectedFile = BackendConfigs.expectedFile(r.category(), code.value());
        Optional<BackendConnector> found = backend.connector(r.category(), code.value());
        String notCompared = null;
        if (r.fieldMappings().isEmpty()) {
            notCompared = "no field mappings: GetFieldMappings() is absent or could not be evaluated"
                    + (r.unresolved().isEmpty() ? "" : " (" + r.unresolved() + ")");
        } else if (found.isEmpty()) {
            notCompared = "no backend configuration for connector code " + code.value() + " (" + code.source() + "): expected "
                    + expectedFile + ", found no such file";
        } else if (!found.get().isReadable()) {
            notCompared = "its backend configuration could not be read: " + found.get().fileProblem();
        }
        if (notCompared != null) {
            return new ConnectorAlignment(r.typeName(), r.category(), code.value(), code.source(), resourceWhere,
                    found.map(BackendConnector::file).orElse(expectedFile), notCompared, 0, 0, Map.of(), List.of());
        }
        BackendConnector bc = found.get();
        List<Difference> diffs = new ArrayList<>();
        Map<String, String> mappings = new TreeMap<>(r.fieldMappings());
        Set<String> mappedKeys = new HashSet<>(mappings.values());
        int userDefined = 0;
        int covered = 0;
        Set<String> counted = new HashSet<>();
        Map<String, String> setByCode = new TreeMap<>();
        for (BackendField f : bc.userDefinedFields()) {
            if (!counted.add(f.name())) {
                continue;
            }
            userDefined++;
            if (mappedKeys.contains(f.name())) {
                covered++;
            } else if (keysSetByCode.containsKey(f.name())) {
                // Sent by the provider's own code, as the transform base sends transforms.name
                // from the common name attribute (tfgen leaves that field out of the mappings).
                covered++;
                setByCode.put(f.name(), keysSetByCode.get(f.name()));
            } else {
                diffs.add(new Difference(Kind.MISSING, null, f.name(), bc.where(f), bc.where(f),
                        "an attribute whose field mapping is " + f.name() + " (user_defined, control " + f.control() + ")",
                        "none in the field mappings"));
            }
        }
        for (Map.Entry<String, String> m : mappings.entrySet()) {
            String attrName = m.getKey();
            String key = m.getValue();
            Attribute attr = r.schema().attributes().get(attrName);
            String where = attr != null && attr.pos() != null ? attr.pos().fileAndLine()
                    : r.fieldMappingsPos() != null ? r.fieldMappingsPos().fileAndLine() : resourceWhere;
            Optional<BackendField> field = bc.field(key);
            if (field.isEmpty()) {
                diffs.add(new Difference(Kind.EXTRA, attrName, key, where, bc.file(),
                        "a user_defined field " + key + " in " + bc.file(), "no such field"));
                continue;
            }
            BackendField f = field.get();
            if (!f.userDefined()) {
                diffs.add(new Difference(Kind.EXTRA, attrName, key, where, bc.where(f),
                        "a user_defined field " + key, "user_defined=false (the backend computes it"
                        + (f.dynamic() ? ", type dynamic" + (f.functionName() == null ? "" : " via " + f.functionName()) : "") + ")"));
                continue;
            }
            if (attr == null) {
                continue;
            }
            if (f.sensitive() && !attr.sensitive()) {
                diffs.add(new Difference(Kind.SENSITIVE, attrName, key, where, bc.where(f), "Sensitive: true ("
                        + (f.encrypt() ? "encrypt: true" : "control password") + ")", "not sensitive"));
            }
            // A deprecated alias keeps the type and validation it had in v2 (US-008 and US-009
            // check it against the baseline); only its sensitivity must follow the backend.
            if (attr.isDeprecated()) {
                continue;
            }
            String override = overrides.type(r.category(), bc.code(), key);
            String expectedKind = override != null ? Overrides.kind(override) : expectedKind(attrName, f.control());
            if (expectedKind != null && !expectedKind.equals(attr.kind())) {
                diffs.add(new Difference(Kind.TYPE, attrName, key, where, bc.where(f), expectedKind + " ("
                        + (override != null ? "override " + override + " in cmd/tfgen/overrides.json"
                        : isPort(attrName) && !"Int64".equals(kindOfControl(f.control())) ? "a port field" : "control " + f.control())
                        + ")", attr.kind()));
            }
            if (override == null && "one-select".equals(f.control()) && !f.rawValues().isEmpty()) {
                enumDifference(attrName, key, attr, f, where, bc.where(f)).ifPresent(diffs::add);
            }
            if (override == null && "slider".equals(f.control()) && f.hasBounds()) {
                boundsDifference(attrName, key, attr, f, where, bc.where(f)).ifPresent(diffs::add);
            }
        }
        diffs.sort(Comparator.comparing(Difference::kind).thenComparing(d -> d.attribute() == null ? "" : d.attribute())
                .thenComparing(Difference::apiKey));
        return new ConnectorAlignment(r.typeName(), r.category(), code.value(), code.source(), resourceWhere, bc.file(), null,
                userDefined, covered, Map.copyOf(setByCode), List.copyOf(diffs));
    }

    private static Optional<Difference> enumDifference(String attrName, String key, Attribute attr, BackendField f,
                                                       String where, String backendWhere) {
        Set<String> expected = new LinkedHashSet<>(f.rawValues());
        String wanted = "OneOf(" + String.join(", ", expected) + ") (raw_values)";
        if (attr.validators().stream().noneMatch(Validator::isOneOf)) {
            return Optional.of(new Difference(Kind.ENUM, attrName, key, where, backendWhere, wanted, "no OneOf validator"));
        }
        Set<String> actual = new LinkedHashSet<>(attr.oneOfValues());
        if (actual.equals(expected)) {
            return Optional.empty();
        }
        Set<String> absent = new LinkedHashSet<>(expected);
        absent.removeAll(actual);
        Set<String> unknown = new LinkedHashSet<>(actual);
        unknown.removeAll(expected);
        return Optional.of(new Difference(Kind.ENUM, attrName, key, where, backendWhere, wanted,
                "OneOf(" + String.join(", ", actual) + ")" + (absent.isEmpty() ? "" : " without " + absent)
                        + (unknown.isEmpty() ? "" : " with " + unknown + ", which the backend does not offer")));
    }

    private static Optional<Difference> boundsDifference(String attrName, String key, Attribute attr, BackendField f,
                                                         String where, String backendWhere) {
        String wanted = "Between(" + BackendConfigs.format(f.min()) + ", " + BackendConfigs.format(f.max()) + ") (slider min/max)";
        List<Validator> between = attr.validators().stream().filter(v -> v.name().endsWith(".Between")).toList();
        if (between.isEmpty()) {
            return Optional.of(new Difference(Kind.BOUNDS, attrName, key, where, backendWhere, wanted, "no Between validator"));
        }
        for (Validator v : between) {
            if (v.arguments().size() == 2 && sameNumber(v.arguments().get(0), f.min()) && sameNumber(v.arguments().get(1), f.max())) {
                return Optional.empty();
            }
        }
        return Optional.of(new Difference(Kind.BOUNDS, attrName, key, where, backendWhere, wanted,
                between.stream().map(v -> "Between(" + String.join(", ", v.arguments().stream().map(String::valueOf).toList()) + ")")
                        .toList().toString()));
    }

    private static boolean sameNumber(Object arg, Double value) {
        if (arg instanceof BigInteger i) {
            return i.doubleValue() == value;
        }
        if (arg instanceof Number n) {
            return n.doubleValue() == value;
        }
        return false;
    }

    /** The attribute kind tfgen gives a field: a port is Int64 whatever its control; else by control; null when unknown. */
    static String expectedKind(String attribute, String control) {
        if (isPort(attribute)) {
            return "Int64";
        }
        return kindOfControl(control);
    }

    static String kindOfControl(String control) {
        if (control == null) {
            return null;
        }
        if (STRING_CONTROLS.contains(control)) {
            return "String";
        }
        if (INT_CONTROLS.contains(control)) {
            return "Int64";
        }
        if (BOOL_CONTROLS.contains(control)) {
            return "Bool";
        }
        return "multi-select".equals(control) ? "List" : null;
    }

    static boolean isPort(String attribute) {
        return attribute.equals("port") || attribute.endsWith("_port");
    }

    /**
     * The API keys the provider's code writes itself, outside the field mappings: a string
     * key containing a dot assigned in a map ({@code configMap["transforms.name"] = name}) in
     * a non-test file, with where. Attribute names (no dots) written into mapping tables are
     * not API keys and are left out.
     */
    static Map<String, String> keysSetByCode(ProviderModel provider) {
        Map<String, String> out = new TreeMap<>();
        if (provider.module() == null) {
            return out;
        }
        for (GoFile file : provider.module().tree().files()) {
            if (file.isTestFile()) {
                continue;
            }
            for (var decl : file.decls()) {
                for (Stmt.AssignStmt a : Walk.collect(decl, Stmt.AssignStmt.class)) {
                    for (Expr lhs : a.lhs()) {
                        if (lhs instanceof Expr.IndexExpr ix && ix.index() instanceof Expr.BasicLit lit
                                && lit.kind() == Expr.LitKind.STRING && lit.stringValue().contains(".")) {
                            out.putIfAbsent(lit.stringValue(), lit.pos().fileAndLine());
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The resource's connector code: what its {@code GetConnectorCode()} (a transform's
     * {@code GetTransformType()}) returns when that evaluates to a constant, else its type name
     * without the provider and category prefixes ({@code streamkap_source_postgresql} →
     * {@code postgresql}).
     */
    public static Code connectorCode(ProviderModel provider, Resource r) {
        Optional<Code> evaluated = evaluateCode(provider, r);
        if (evaluated.isPresent()) {
            return evaluated.get();
        }
        String local = r.typeName();
        String prefix = provider.providerTypeName() == null ? "" : provider.providerTypeName() + "_";
        if (local.startsWith(prefix)) {
            local = local.substring(prefix.length());
        }
        String category = isConnector(r.category()) ? r.category().label() + "_" : "";
        if (local.startsWith(category)) {
            local = local.substring(category.length());
        }
        return new Code(local, "from the type name " + r.typeName());
    }

    private static Optional<Code> evaluateCode(ProviderModel provider, Resource r) {
        int dot = r.constructor() == null ? -1 : r.constructor().lastIndexOf('.');
        if (dot < 0 || r.constructorFile() == null || provider.module() == null) {
            return Optional.empty();
        }
        try {
            Optional<GoFile> file = provider.module().tree().file(r.constructorFile());
            if (file.isEmpty()) {
                return Optional.empty();
            }
            GoPackage pkg = provider.module().packageOf(file.get());
            Evaluator ev = new Evaluator(provider.module());
            Optional<Value.Func> constructor = ev.function(pkg, r.constructor().substring(dot + 1));
            if (constructor.isEmpty()) {
                return Optional.empty();
            }
            Value instance = ev.call(constructor.get(), List.of(), r.constructorPos());
            List<Value> candidates = new ArrayList<>();
            candidates.add(instance);
            if (instance instanceof Value.Struct s) {
                candidates.addAll(s.fields().values());
            }
            for (String method : List.of("GetConnectorCode", "GetTransformType")) {
                for (Value c : candidates) {
                    Optional<Value.Func> m = ev.method(c, method);
                    if (m.isPresent() && ev.call(m.get(), List.of(), m.get().origin()) instanceof Value.Str s) {
                        Pos at = m.get().origin();
                        return Optional.of(new Code(s.value(), method + "() at " + (at == null ? "?" : at.fileAndLine())));
                    }
                }
            }
        } catch (RuntimeException notEvaluable) {
            // The evaluator's bounds were reached: the type name decides.
        }
        return Optional.empty();
    }

    /**
     * tfgen's type overrides ({@code cmd/tfgen/overrides.json}): a backend field whose
     * Terraform type is set by hand (a map instead of the control's string). Both spellings
     * are read: {@code overrides[{entity, connector, api_field, type}]} and
     * {@code field_overrides[{entity_type, connector, api_field_name, type}]}.
     */
    record Overrides(Map<String, String> types, FileProblem problem) {

        static Overrides of(ProviderModel provider) {
            JsonDocument doc = provider.files() == null ? null : provider.files().tfgenJson().get("overrides.json");
            Map<String, String> types = new TreeMap<>();
            if (doc == null || doc.json() == null) {
                return new Overrides(types, doc == null ? null : doc.problem());
            }
            for (String list : List.of("overrides", "field_overrides")) {
                for (JsonNode o : doc.json().path(list)) {
                    String entity = o.path("entity").asText(o.path("entity_type").asText(""));
                    String field = o.path("api_field").asText(o.path("api_field_name").asText(""));
                    String type = o.path("type").asText("");
                    Category c = switch (entity.replaceFirst("s$", "")) {
                        case "source" -> Category.SOURCE;
                        case "destination" -> Category.DESTINATION;
                        case "transform" -> Category.TRANSFORM;
                        default -> null;
                    };
                    if (c != null && !field.isEmpty() && !type.isEmpty()) {
                        types.put(key(c, o.path("connector").asText(""), field), type);
                    }
                }
            }
            return new Overrides(types, null);
        }

        String type(Category c, String code, String apiKey) {
            return types.get(key(c, code, apiKey));
        }

        private static String key(Category c, String code, String apiKey) {
            return c + "/" + code + "/" + apiKey;
        }

        /** The attribute kind an override type stands for; null when it is not one tfaudit knows (not checked then). */
        static String kind(String overrideType) {
            return switch (overrideType) {
                case "string", "json" -> "String";
                case "int64", "number" -> "Int64";
                case "bool", "boolean" -> "Bool";
                case "list_string", "list" -> "List";
                case "map_string", "map" -> "Map";
                case "map_nested" -> "MapNested";
                case "list_nested" -> "ListNested";
                default -> null;
            };
        }
    }
}
