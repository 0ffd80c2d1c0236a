package io.tfaudit.criteria.phase4;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.phase4.BackendCheckout.Field;
import io.tfaudit.criteria.phase4.GeneratedLayer.GenAttr;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.program.CallGraph;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.ModelStruct;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.Validator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The generator checked from its own Go source (the control → type table, the port rule,
 * the abbreviation list, the default, validator and plan modifier code it writes, the
 * Sensitive flag, the description notes) and from its output in internal/generated (every
 * generated attribute obeys those rules). With a backend checkout, the type and the
 * Sensitive flag are also checked against each attribute's backend field.
 */
@UserStory(id = "US-011", title = "Verify Generator Implementation", phase = Phase.PHASE_4)
public class US011VerifyGeneratorImplementation {

    /** The abbreviations the PRD wants in capitals inside Go names. */
    static final List<String> ABBREVIATIONS = List.of("ID", "SSH", "SSL", "SQL", "DB", "URL", "API", "AWS", "ARN", "QA");

    /** A value kind and the packages whose validators, defaults and plan modifiers fit it. */
    private static final Map<String, String> PACKAGE_PREFIX = Map.of("String", "string", "Int64", "int64", "Bool", "bool",
            "List", "list", "Set", "set", "Map", "map", "MapNested", "map", "ListNested", "list", "SetNested", "set",
            "Float64", "float64");

    @Test
    @DisplayName("Type mapping correct:")
    @Criterion(value = 1, severity = Severity.BLOCKER)
    void typeMapping(CriterionRun run) {
        TfgenSource src = US010VerifyParserImplementation.source(run);
        Findings f = run.findings();
        Map<String, TfgenSource.Mapping> table = new LinkedHashMap<>();
        for (TfgenSource.Mapping m : src.controlTable()) {
            TfgenSource.Mapping before = table.putIfAbsent(m.control(), m);
            if (before != null && !same(TfgenSource.kindOf(before.type()), TfgenSource.kindOf(m.type()))) {
                f.add(m.pos(), "control \"" + m.control() + "\" maps to " + m.type() + " here and to " + before.type() + " at "
                        + before.pos().fileAndLine());
            }
        }
        if (table.isEmpty()) {
            f.add(src.where(), "expected a table from backend controls to value types (a map literal or a switch over "
                    + TfgenSource.EXPECTED_TYPES.keySet() + "), found none");
        }
        for (Map.Entry<String, String> e : TfgenSource.EXPECTED_TYPES.entrySet()) {
            TfgenSource.Mapping m = table.get(e.getKey());
            if (m == null && !table.isEmpty()) {
                f.add(table.values().iterator().next().pos(), "control \"" + e.getKey() + "\": expected types." + e.getValue()
                        + ", found no entry for it (it falls to the default)");
            } else if (m != null && !e.getValue().equals(TfgenSource.kindOf(m.type()))) {
                f.add(m.pos(), "control \"" + e.getKey() + "\": expected types." + e.getValue() + ", found " + m.type());
            }
        }
        boolean passwordSensitive = src.sensitiveValues().stream()
                .anyMatch(s -> src.expressionReaches(s.getKey(), s.getValue(), TfgenSource.isString("password")));
        if (!passwordSensitive) {
            f.add(src.where(), "\"password\" → types.String (sensitive): expected the Sensitive flag to depend on the "
                    + "password control, found no such code");
        }
        if (src.mentioning(s -> s.equals("one-select")).stream().noneMatch(fn -> src.reachesText(fn, s -> s.contains("OneOf(")))) {
            f.add(src.where(), "\"one-select\" → types.String + validator: expected the one-select code to write a OneOf "
                    + "validator, found none");
        }
        if (src.mentioning(s -> s.equals("slider")).stream().noneMatch(fn -> src.reachesText(fn, s -> s.contains("Between(")))) {
            f.add(src.where(), "\"slider\" → types.Int64 + range validator: expected the slider code to write a Between "
                    + "validator, found none");
        }
        for (GenAttr a : GeneratedLayer.of(run.provider()).attributes()) {
            Attribute attr = a.attribute();
            for (Validator v : attr.validators()) {
                if (v.isOneOf() && !attr.kind().equals("String")) {
                    f.add(a.pos(), a.label() + ": a one-select (OneOf) must be a String, found " + attr.kind());
                }
                if (v.name().equals("int64validator.Between") && !attr.kind().equals("Int64")) {
                    f.add(a.pos(), a.label() + ": a range (Between) belongs on an Int64, found " + attr.kind());
                }
            }
            if (attr.kind().equals("List") && !"types.StringType".equals(attr.elementType())) {
                f.add(a.pos(), a.label() + ": a multi-select must be a list of strings, found element type " + attr.elementType());
            }
        }
        f.verify();
        Optional<BackendCheckout> backend = BackendCheckout.of(run);
        if (backend.isEmpty()) {
            return; // the table and the output agree; the backend comparison is an extra
        }
        Set<String> overridden = overriddenFields(run);
        forEachBackendField(run, backend.get(), f, (a, field) -> {
            String expected = isPort(a.path()) ? "Int64" : TfgenSource.EXPECTED_TYPES.get(field.control());
            if (expected == null || overridden.contains(field.name())) {
                return;
            }
            if (!expected.equals(a.attribute().kind())) {
                f.add(a.pos(), a.label() + ": the backend's " + field.name() + " is a \"" + field.control() + "\""
                        + (isPort(a.path()) ? " port" : "") + ", expected types." + expected + ", found " + a.attribute().kind());
            }
        });
        f.verify();
    }

    @Test
    @DisplayName("Port fields (ending in `_port`) convert to Int64")
    @Criterion(value = 2, severity = Severity.CRITICAL)
    void portFieldsAreInt64(CriterionRun run) {
        TfgenSource src = US010VerifyParserImplementation.source(run);
        Findings f = run.findings();
        List<CallGraph.Fn> portRules = src.mentioning(s -> s.equals("_port"));
        if (portRules.isEmpty()) {
            f.add(src.where(), "expected a rule for attribute names ending in \"_port\", found no \"_port\" in the generator");
        } else {
            Set<String> ruleNames = new HashSet<>();
            portRules.forEach(fn -> ruleNames.add(fn.decl().name().name()));
            boolean appliesInt64 = src.functions().stream().anyMatch(fn -> (ruleNames.contains(fn.decl().name().name()) || src.calls().calledNames(fn).stream().anyMatch(ruleNames::contains))
                    && namesInt64(src, fn));
            if (!appliesInt64) {
                f.add(portRules.get(0).decl().pos(), portRules.get(0).name() + " recognises \"_port\", but no code that uses it "
                        + "sets an Int64 type");
            }
        }
        GeneratedLayer gen = GeneratedLayer.of(run.provider());
        for (GenAttr a : gen.attributes()) {
            if (isPort(a.path()) && !a.attribute().kind().equals("Int64")) {
                f.add(a.pos(), a.label() + ": a port, expected schema.Int64Attribute, found " + a.attribute().kind());
            }
        }
        for (Resource r : gen.resources()) {
            Map<String, ModelStruct.ModelField> model = gen.model(r);
            for (GenAttr a : gen.attributes(r)) {
                ModelStruct.ModelField field = model.get(a.path());
                if (a.isTopLevel() && isPort(a.path()) && field != null && !field.goType().endsWith("Int64")) {
                    f.add(field.pos(), r.typeName() + ": model field " + field.goName() + " (tfsdk:\"" + a.path() + "\") is "
                            + field.goType() + ", expected types.Int64");
                }
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Go abbreviations uppercased: ID, SSH, SSL, SQL, DB, URL, API, AWS, ARN, QA")
    @Criterion(value = 3, severity = Severity.TRIVIAL)
    void abbreviationsUppercased(CriterionRun run) {
        TfgenSource src = US010VerifyParserImplementation.source(run);
        Findings f = run.findings();
        Set<String> literals = new HashSet<>();
        src.literals().forEach(l -> literals.add(l.stringValue()));
        List<String> missing = ABBREVIATIONS.stream().filter(a -> !literals.contains(a)).toList();
        if (!missing.isEmpty()) {
            f.add(src.where(), "expected the generator to list the abbreviations " + ABBREVIATIONS + ", missing " + missing);
        }
        for (GeneratedLayer.TfsdkField field : GeneratedLayer.of(run.provider()).modelFields()) {
            // Without the struct's name: one spelling rule of the generator, however many models it wrote.
            expectedSpelling(field.goName(), field.tag()).ifPresent(expected -> f.add(field.pos(), "model field "
                    + field.goName() + " (tfsdk:\"" + field.tag() + "\"): expected " + expected));
        }
        f.verify();
    }

    @Test
    @DisplayName("Default generation uses correct functions (stringdefault, int64default, booldefault)")
    @Criterion(value = 4, severity = Severity.BLOCKER)
    void defaultFunctions(CriterionRun run) {
        TfgenSource src = US010VerifyParserImplementation.source(run);
        Findings f = run.findings();
        for (String call : List.of("stringdefault.StaticString", "int64default.StaticInt64", "booldefault.StaticBool")) {
            if (src.literalContaining(call).isEmpty()) {
                f.add(src.where(), "expected the generator to write " + call + "(...), found no such code");
            }
        }
        for (GenAttr a : GeneratedLayer.of(run.provider()).attributes()) {
            Attribute attr = a.attribute();
            if (!attr.hasDefault()) {
                continue;
            }
            String prefix = PACKAGE_PREFIX.getOrDefault(attr.kind(), attr.kind().toLowerCase(Locale.ROOT)) + "default.";
            if (!attr.defaultExpression().startsWith(prefix)) {
                f.add(a.pos(), a.label() + ": " + attr.kind() + " attribute with default " + attr.defaultExpression()
                        + ", expected " + prefix + "…");
            }
            if (!attr.computed()) {
                f.add(a.pos(), a.label() + ": has a Default but is not Computed (the framework rejects the schema)");
            }
            Object v = attr.defaultValue();
            boolean fits = v == null || switch (attr.kind()) {
                case "String" -> v instanceof String;
                case "Int64" -> v instanceof BigInteger;
                case "Bool" -> v instanceof Boolean;
                default -> true;
            };
            if (!fits) {
                f.add(a.pos(), a.label() + ": default value " + v + " is not a " + attr.kind());
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Validators generated correctly (OneOf, Between)")
    @Criterion(value = 5, severity = Severity.CRITICAL)
    void validators(CriterionRun run) {
        TfgenSource src = US010VerifyParserImplementation.source(run);
        Findings f = run.findings();
        for (String call : List.of("stringvalidator.OneOf(", "int64validator.Between(")) {
            if (src.literalContaining(call).isEmpty()) {
                f.add(src.where(), "expected the generator to write " + call + "…), found no such code");
            }
        }
        for (GenAttr a : GeneratedLayer.of(run.provider()).attributes()) {
            Attribute attr = a.attribute();
            for (Validator v : attr.validators()) {
                String where = (v.pos() != null ? v.pos() : a.pos()).fileAndLine();
                String pkg = v.name().contains(".") ? v.name().substring(0, v.name().indexOf('.')) : "";
                String expected = PACKAGE_PREFIX.get(attr.kind());
                if (pkg.endsWith("validator") && expected != null && !pkg.equals(expected + "validator")) {
                    f.add(where, a.label() + ": " + v.name() + " on a " + attr.kind() + " attribute, expected " + expected + "validator");
                }
                if (v.isOneOf()) {
                    List<String> values = v.stringArguments();
                    if (values.isEmpty() || new HashSet<>(values).size() != values.size()) {
                        f.add(where, a.label() + ": " + v + " must list distinct values");
                    }
                    if (attr.defaultValue() instanceof String d && !values.contains(d)) {
                        f.add(where, a.label() + ": default \"" + d + "\" is not one of " + values);
                    }
                }
                if (v.name().endsWith(".Between")) {
                    if (v.arguments().size() != 2 || !(v.arguments().get(0) instanceof BigInteger lo)
                            || !(v.arguments().get(1) instanceof BigInteger hi)) {
                        f.add(where, a.label() + ": " + v + " must have two integer bounds");
                    } else if (lo.compareTo(hi) > 0) {
                        f.add(where, a.label() + ": " + v + " has min above max");
                    } else if (attr.defaultValue() instanceof BigInteger d && (d.compareTo(lo) < 0 || d.compareTo(hi) > 0)) {
                        f.add(where, a.label() + ": default " + d + " is outside " + v);
                    }
                }
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Plan modifiers generated (UseStateForUnknown, RequiresReplace)")
    @Criterion(value = 6, severity = Severity.CRITICAL)
    void planModifiers(CriterionRun run) {
        TfgenSource src = US010VerifyParserImplementation.source(run);
        Findings f = run.findings();
        for (String call : List.of("UseStateForUnknown()", "RequiresReplace()")) {
            if (src.literalContaining(call).isEmpty()) {
                f.add(src.where(), "expected the generator to write the plan modifier …." + call + ", found no such code");
            }
        }
        Optional<TfgenSource.Tagged> setOnce = src.parser().flatMap(p -> src.entryField(p, "set_once"));
        if (setOnce.isEmpty()) {
            f.add(src.where(), "RequiresReplace needs to know which fields are set once: expected the parser to decode "
                    + "\"set_once\", found no such field");
        } else if (!src.readFromMain(setOnce.get().goField())) {
            f.add(setOnce.get().pos(), "set_once is decoded into " + setOnce.get().struct() + "." + setOnce.get().goField()
                    + ", but no code the generator runs reads it");
        }
        GeneratedLayer gen = GeneratedLayer.of(run.provider());
        for (GenAttr a : gen.attributes()) {
            Attribute attr = a.attribute();
            for (String m : attr.planModifiers()) {
                String pkg = m.contains(".") ? m.substring(0, m.indexOf('.')) : "";
                String expected = PACKAGE_PREFIX.get(attr.kind());
                if (pkg.endsWith("planmodifier") && expected != null && !pkg.equals(expected + "planmodifier")) {
                    f.add(a.pos(), a.label() + ": " + m + " on a " + attr.kind() + " attribute, expected " + expected + "planmodifier");
                }
                if (m.contains("UseStateForUnknown") && !attr.computed()) {
                    f.add(a.pos(), a.label() + ": " + m + " on an attribute that is not Computed has no effect");
                }
            }
            if (a.path().equals("id") && attr.computed() && attr.planModifiers().stream().noneMatch(m -> m.contains("UseStateForUnknown"))) {
                f.add(a.pos(), a.label() + ": the computed id has no UseStateForUnknown: every plan shows it as (known after apply)");
            }
        }
        f.verify();
        BackendCheckout.of(run).ifPresent(backend -> {
            forEachBackendField(run, backend, f, (a, field) -> {
                if (field.setOnce() && a.attribute().planModifiers().stream().noneMatch(m -> m.contains("RequiresReplace"))) {
                    f.add(a.pos(), a.label() + ": the backend's " + field.name() + " is set_once, the attribute has no RequiresReplace");
                }
            });
            f.verify();
        });
    }

    @Test
    @DisplayName("`encrypt=true` → `Sensitive=true`")
    @Criterion(value = 7, severity = Severity.BLOCKER)
    void encryptIsSensitive(CriterionRun run) {
        TfgenSource src = US010VerifyParserImplementation.source(run);
        Findings f = run.findings();
        Optional<TfgenSource.Tagged> encrypt = src.parser().flatMap(p -> src.entryField(p, "encrypt"));
        if (encrypt.isEmpty()) {
            f.add(src.where(), "expected the parser to decode \"encrypt\", found no such field: encrypted fields cannot be marked Sensitive");
        } else {
            var sensitive = src.sensitiveValues();
            if (sensitive.isEmpty()) {
                f.add(src.where(), "expected the generator to set Sensitive on attributes, found no such code");
            } else if (sensitive.stream().noneMatch(s -> src.expressionReaches(s.getKey(), s.getValue(),
                    TfgenSource.selecting(encrypt.get().goField())))) {
                f.add(sensitive.get(0).getValue().pos(), "Sensitive is set without reading " + encrypt.get().struct() + "."
                        + encrypt.get().goField() + " (encrypt): encrypted fields are not marked Sensitive");
            }
        }
        f.verify();
        BackendCheckout.of(run).ifPresent(backend -> {
            forEachBackendField(run, backend, f, (a, field) -> {
                if (field.encrypt() && !a.attribute().sensitive()) {
                    f.add(a.pos(), a.label() + ": the backend's " + field.name() + " has encrypt: true, the attribute is not Sensitive");
                }
            });
            f.verify();
        });
    }

    @Test
    @DisplayName("Descriptions enhanced with defaults, valid values, security notes")
    @Criterion(value = 8, severity = Severity.MINOR)
    void descriptionsEnhanced(CriterionRun run) {
        TfgenSource src = US010VerifyParserImplementation.source(run);
        Findings f = run.findings();
        if (src.literal(s -> s.toLowerCase(Locale.ROOT).contains("default")).isEmpty()) {
            f.add(src.where(), "expected the generator to add the default to descriptions, found no such text");
        }
        if (src.literal(s -> s.toLowerCase(Locale.ROOT).contains("valid values")).isEmpty()) {
            f.add(src.where(), "expected the generator to add the valid values to descriptions, found no \"valid values\" text");
        }
        if (src.literal(s -> s.toLowerCase(Locale.ROOT).contains("sensitive") && s.contains(" ")).isEmpty()) {
            f.add(src.where(), "expected the generator to add a security note to sensitive attributes, found no such text");
        }
        for (GenAttr a : GeneratedLayer.of(run.provider()).attributes()) {
            Attribute attr = a.attribute();
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("Description", attr.description());
            if (attr.markdownDescription() != null) {
                texts.put("MarkdownDescription", attr.markdownDescription());
            }
            for (Map.Entry<String, String> t : texts.entrySet()) {
                String text = t.getValue() == null ? "" : t.getValue();
                List<String> lacks = new ArrayList<>();
                if (attr.defaultValue() != null && (!text.toLowerCase(Locale.ROOT).contains("default")
                        || !text.contains(String.valueOf(attr.defaultValue())))) {
                    String quoted = goQuoted(String.valueOf(attr.defaultValue()));
                    lacks.add("its default " + attr.defaultValue() + (text.contains(quoted) && !quoted.equals("\"" + attr.defaultValue() + "\"")
                            ? " (it names it Go-escaped, " + quoted + ", which is not the value)" : ""));
                }
                List<String> values = attr.oneOfValues();
                List<String> absent = values.stream().filter(v -> !text.contains(v)).toList();
                if (!values.isEmpty() && (!absent.isEmpty() || !text.toLowerCase(Locale.ROOT).contains("valid values"))) {
                    lacks.add("its valid values" + (absent.isEmpty() ? "" : " (" + absent + " not named)"));
                }
                if (attr.sensitive() && !text.toLowerCase(Locale.ROOT).contains("sensitive")) {
                    lacks.add("a security note (it is Sensitive)");
                }
                if (!lacks.isEmpty()) {
                    f.add(a.pos(), a.label() + ": " + t.getKey() + " lacks " + String.join(", ", lacks));
                }
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 9, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }

    // ------------------------------------------------------------------------------------

    /** How Go's %q writes a string (backslashes and quotes escaped). */
    static String goQuoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static boolean isPort(String attributeName) {
        return attributeName.endsWith("_port");
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** Whether fn names an Int64 type: an identifier, selector or string constant with Int64 in it. */
    private static boolean namesInt64(TfgenSource src, CallGraph.Fn fn) {
        return fn.decl().body() != null && (src.mentions(fn, s -> s.contains("Int64"))
                || io.tfaudit.go.ast.Walk.collect(fn.decl().body(), Expr.Ident.class).stream().anyMatch(id -> id.name().contains("Int64")));
    }

    /**
     * The Go name a tfsdk tag should have where the two differ only in the case of an
     * abbreviation part ({@code KcClusterId} for {@code kc_cluster_id} → {@code KcClusterID});
     * empty when the name is right or is not spelled from its tag.
     */
    static Optional<String> expectedSpelling(String goName, String tag) {
        String[] parts = tag.split("_");
        StringBuilder joined = new StringBuilder();
        for (String p : parts) {
            joined.append(p);
        }
        if (!goName.equalsIgnoreCase(joined.toString())) {
            return Optional.empty();
        }
        StringBuilder expected = new StringBuilder();
        int at = 0;
        boolean wrong = false;
        for (String p : parts) {
            String actual = goName.substring(at, at + p.length());
            String upper = p.toUpperCase(Locale.ROOT);
            if (ABBREVIATIONS.contains(upper)) {
                expected.append(upper);
                wrong |= !actual.equals(upper);
            } else {
                expected.append(actual);
            }
            at += p.length();
        }
        return wrong ? Optional.of(expected.toString()) : Optional.empty();
    }

    /** API fields overridden in overrides.json (their type comes from the override, not the control). */
    private static Set<String> overriddenFields(CriterionRun run) {
        Set<String> out = new HashSet<>();
        TfgenJson.of(run.provider(), "overrides.json").overrides().forEach(o -> out.add(o.apiField()));
        return out;
    }

    /**
     * Every top-level generated attribute with its backend field (attributes the backend lacks
     * are US-010's), then the findings verified. A connector whose configuration could not be
     * read was not compared: without findings, the criterion is skipped naming it, never passed.
     */
    static void forEachBackendField(CriterionRun run, BackendCheckout backend, Findings f,
                                    java.util.function.BiConsumer<GenAttr, Field> check) {
        GeneratedLayer gen = GeneratedLayer.of(run.provider());
        List<String> notCompared = new ArrayList<>();
        for (Resource r : gen.resources()) {
            String entity = GeneratedLayer.entity(r.schemaFile());
            if (entity == null) {
                continue;
            }
            BackendCheckout.Connector c = backend.connector(entity, GeneratedLayer.code(r.schemaFile()));
            if (c.problem() != null) {
                notCompared.add(r.typeName() + ": " + c.problem());
                continue;
            }
            for (GenAttr a : gen.attributes(r)) {
                if (a.apiField() != null && a.isTopLevel()) {
                    c.field(a.apiField()).ifPresent(field -> check.accept(a, field));
                }
            }
        }
        f.verify();
        if (!notCompared.isEmpty()) {
            run.skip(notCompared.size() + " connector(s) could not be compared with the backend: " + String.join("; ", notCompared), null);
        }
    }
}
