package io.tfaudit.criteria.phase4;

import io.tfaudit.audit.AuditedResource;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.phase4.GeneratedLayer.GenAttr;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.ModelStruct;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.Validator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The override system: overrides.json is read by the generator (every key decoded, every
 * entry naming a generated connector), map_string and map_nested are handled, the fields the
 * PRD names have those types, and every override's attribute is generated as it says.
 */
@UserStory(id = "US-012", title = "Verify Override System", phase = Phase.PHASE_4)
public class US012VerifyOverrideSystem {

    static final String FILE = "overrides.json";

    /** A field the PRD names: its category, connector (a prefix of the connector code), attribute and override type. */
    record Named(Category category, String connector, String attribute, String type) {
        String label() {
            return type + ": " + category.name().toLowerCase() + " " + connector + " " + attribute;
        }
    }

    static final List<Named> NAMED = List.of(
            new Named(Category.DESTINATION, "snowflake", "auto_qa_dedupe_table_mapping", "map_string"),
            new Named(Category.DESTINATION, "clickhouse", "topics_config_map", "map_nested"),
            new Named(Category.SOURCE, "sqlserver", "snapshot_custom_table_config", "map_nested"));

    @Test
    @DisplayName("`cmd/tfgen/overrides.json` loaded correctly")
    @Criterion(value = 1, severity = Severity.CRITICAL)
    void overridesLoaded(CriterionRun run) {
        TfgenSource src = US010VerifyParserImplementation.source(run);
        TfgenJson json = TfgenJson.of(run.provider(), FILE);
        Findings f = run.findings();
        if (!json.present()) {
            f.add(json.path(), "expected the override file, found none");
        } else if (!json.parsed()) {
            f.add(json.path(), "does not parse: " + json.problem());
        }
        if (src.mentioning(s -> s.contains(FILE)).stream().noneMatch(fn -> src.reachableFromMain().contains(fn))) {
            f.add(src.where(), "expected the generator to open " + FILE + " on every run, found " + (src.literalContaining(FILE).isPresent()
                    ? "it named only in code main does not reach" : "no mention of it"));
        }
        json.unknownKeys(src.jsonNames(), f);
        GeneratedLayer gen = GeneratedLayer.of(run.provider());
        for (TfgenJson.Override o : json.overrides()) {
            if (o.entity() == null || o.connector() == null || o.apiField() == null) {
                f.add(o.where(), "an override must name its entity, connector and API field, found " + o);
            } else if (gen.files().stream().noneMatch(g -> g.path().equals(GeneratedLayer.DIR + o.entity() + "_" + o.connector() + ".go"))) {
                f.add(o.where(), "override " + o.label() + " names a connector with no generated file "
                        + GeneratedLayer.DIR + o.entity() + "_" + o.connector() + ".go: it applies to nothing");
            }
        }
        f.verify();
    }

    @TestFactory
    @DisplayName("Override types work:")
    @Criterion(value = 2, severity = Severity.CRITICAL)
    Stream<DynamicTest> overrideTypesWork(CriterionRun run) {
        return NAMED.stream().map(n -> DynamicTest.dynamicTest(run.text() + CriterionRun.RESOURCE_SEPARATOR + n.label(), () -> {
            TfgenSource src = US010VerifyParserImplementation.source(run);
            Findings f = run.findings();
            if (src.reachableFromMain().stream().noneMatch(fn -> src.mentions(fn, s -> s.equals(n.type())))) {
                f.add(src.where(), "expected the generator to handle override type \"" + n.type() + "\", found no code for it");
            }
            f.verify();
            Optional<Resource> r = resourceFor(run, n);
            if (r.isEmpty()) {
                List<AuditedResource> expected = run.audit().resources(a -> a.category() == n.category()
                        && a.typeName().contains("_" + n.category().name().toLowerCase() + "_" + n.connector()));
                if (expected.isEmpty()) {
                    run.notApplicable("the provider has no " + n.category().name().toLowerCase() + " " + n.connector()
                            + " resource and the inventory (" + run.audit().inventory().origin() + ") lists none");
                }
                f.add("Resources()", "expected a registered " + expected.get(0).typeName() + " with a generated schema, found none");
                f.verify();
            }
            GeneratedLayer gen = GeneratedLayer.of(run.provider());
            Optional<GenAttr> a = gen.attribute(r.get(), n.attribute());
            if (a.isEmpty()) {
                f.add(r.get().schema().pos(), r.get().typeName() + ": expected the generated attribute " + n.attribute()
                        + " (" + n.type() + "), found none");
                f.verify();
            }
            checkType(a.get(), n.type(), null, f);
            String file = GeneratedLayer.entity(r.get().schemaFile()) + " " + GeneratedLayer.code(r.get().schemaFile());
            boolean declared = TfgenJson.of(run.provider(), FILE).overrides().stream().anyMatch(o ->
                    (o.entity() + " " + o.connector()).equals(file) && (n.attribute().equals(o.attribute())
                            || o.apiField() != null && o.apiField().equals(a.get().apiField())));
            if (!declared) {
                f.add(TfgenJson.of(run.provider(), FILE).path(), r.get().typeName() + "." + n.attribute() + " is generated, but "
                        + FILE + " has no override for it: the next regeneration turns it back into its control's type");
            }
            f.verify();
        }));
    }

    @Test
    @DisplayName("Overridden fields generate correct schema attributes")
    @Criterion(value = 3, severity = Severity.CRITICAL)
    void overriddenFieldsGenerated(CriterionRun run) {
        TfgenJson json = TfgenJson.of(run.provider(), FILE);
        Findings f = run.findings();
        if (!json.parsed()) {
            f.add(json.path(), json.present() ? "does not parse: " + json.problem() : "expected the override file, found none");
            f.verify();
        }
        GeneratedLayer gen = GeneratedLayer.of(run.provider());
        List<TfgenJson.Override> overrides = json.overrides();
        if (overrides.isEmpty()) {
            f.add(json.path(), "expected overrides (the PRD names map_string and map_nested fields), found none");
        }
        for (TfgenJson.Override o : overrides) {
            Optional<Resource> r = o.entity() == null ? Optional.empty() : gen.resourceGeneratedAs(o.entity(), o.connector());
            if (r.isEmpty()) {
                f.add(o.where(), "override " + o.label() + ": no registered resource has its schema in " + GeneratedLayer.DIR
                        + o.entity() + "_" + o.connector() + ".go");
                continue;
            }
            Optional<GenAttr> a = o.attribute() != null ? gen.attribute(r.get(), o.attribute())
                    : gen.attributes(r.get()).stream().filter(x -> o.apiField() != null && o.apiField().equals(x.apiField())).findFirst();
            if (a.isEmpty()) {
                f.add(o.where(), "override " + o.label() + ": " + r.get().typeName() + " has no generated attribute "
                        + (o.attribute() != null ? o.attribute() : "mapped to " + o.apiField()));
                continue;
            }
            checkType(a.get(), o.type(), o, f);
            if (o.apiField() != null && !o.apiField().equals(a.get().apiField())) {
                f.add(a.get().pos(), a.get().label() + ": the override maps it to " + o.apiField() + ", the field mappings to "
                        + a.get().apiField());
            }
            ModelStruct.ModelField field = gen.model(r.get()).get(a.get().path());
            if (o.isMap() && field != null && !(field.goType().startsWith("map[") || field.goType().equals("types.Map"))) {
                f.add(field.pos(), r.get().typeName() + ": model field " + field.goName() + " is " + field.goType()
                        + ", expected a map for the " + o.type() + " override");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 4, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }

    // ------------------------------------------------------------------------------------

    /** The attribute has the override's type (and, for map_nested from overrides.json, its nested attributes). */
    private static void checkType(GenAttr a, String type, TfgenJson.Override o, Findings f) {
        Attribute attr = a.attribute();
        String expected = switch (type == null ? "" : type) {
            case "map_string" -> "Map";
            case "map_nested" -> "MapNested";
            case "string" -> "String";
            case "int64" -> "Int64";
            case "bool" -> "Bool";
            default -> null;
        };
        if (expected == null) {
            f.add(o != null ? o.where() : a.pos().fileAndLine(), a.label() + ": unknown override type \"" + type + "\"");
            return;
        }
        if (!expected.equals(attr.kind())) {
            f.add(a.pos(), a.label() + ": " + type + " override, expected schema." + expected + "Attribute, found " + attr.kind());
            return;
        }
        if (expected.equals("Map") && !"types.StringType".equals(attr.elementType())) {
            f.add(a.pos(), a.label() + ": map_string, expected ElementType types.StringType, found " + attr.elementType());
        }
        if (expected.equals("MapNested") && attr.nested().isEmpty()) {
            f.add(a.pos(), a.label() + ": map_nested, expected nested attributes, found none");
        }
        if (o == null) {
            return;
        }
        for (TfgenJson.Nested n : o.nested()) {
            Attribute nested = attr.nested().get(n.name());
            if (nested == null) {
                f.add(a.pos(), a.label() + ": expected nested attribute " + n.name() + " (" + o.where() + "), found "
                        + attr.nested().keySet());
                continue;
            }
            String kind = n.type() == null ? null : Map.of("string", "String", "int64", "Int64", "bool", "Bool").get(n.type());
            if (kind != null && !kind.equals(nested.kind())) {
                f.add(nested.pos(), a.label() + "." + n.name() + ": expected " + kind + ", found " + nested.kind());
            }
            if (n.required() != nested.required()) {
                f.add(nested.pos(), a.label() + "." + n.name() + ": expected " + (n.required() ? "Required" : "not Required")
                        + " as the override says");
            }
            for (String v : n.validators()) {
                String name = v.substring(0, v.indexOf('('));
                String args = v.substring(v.indexOf('(') + 1, v.length() - 1);
                boolean found = nested.validators().stream().anyMatch(x -> x.name().endsWith("." + name)
                        && x.arguments().stream().map(String::valueOf).collect(Collectors.joining(", ")).equals(args));
                if (!found) {
                    f.add(nested.pos(), a.label() + "." + n.name() + ": expected validator " + v + ", found "
                            + nested.validators().stream().map(Validator::toString).toList());
                }
            }
        }
    }

    /** The registered resource for a named field: by type name, or by its generated file's connector code. */
    private static Optional<Resource> resourceFor(CriterionRun run, Named n) {
        GeneratedLayer gen = GeneratedLayer.of(run.provider());
        String category = n.category().name().toLowerCase();
        Optional<Resource> byName = gen.resources().stream()
                .filter(r -> r.typeName().endsWith("_" + category + "_" + n.connector())).findFirst();
        if (byName.isPresent()) {
            return byName;
        }
        return gen.resources().stream().filter(r -> category.equals(GeneratedLayer.entity(r.schemaFile()))
                && GeneratedLayer.code(r.schemaFile()).startsWith(n.connector())).findFirst();
    }
}
