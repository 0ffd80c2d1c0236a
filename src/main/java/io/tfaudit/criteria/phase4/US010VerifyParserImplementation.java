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
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.Validator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The parser (cmd/tfgen) read twice: from its Go source (what it decodes from
 * configuration.latest.json and what it does with it), and, with a backend checkout, from
 * its output: every generated attribute against the backend field it maps to. Without a
 * backend the source is still checked; the comparison is then skipped with how to run it.
 */
@UserStory(id = "US-010", title = "Verify Parser Implementation", phase = Phase.PHASE_4)
public class US010VerifyParserImplementation {

    @Test
    @DisplayName("JSON parsing reads `configuration.latest.json` correctly")
    @Criterion(value = 1, severity = Severity.BLOCKER)
    void readsConfigurationFiles(CriterionRun run) {
        TfgenSource src = source(run);
        Findings f = run.findings();
        if (src.literalContaining("configuration.latest.json").isEmpty()) {
            f.add(src.where(), "expected the generator to read each connector's configuration.latest.json (the file name "
                    + "in its code), found no mention of it");
        }
        if (src.parser().isEmpty()) {
            f.add(src.where(), "expected a struct that decodes a connector's \"config\" array (a field tagged json:\"config\" "
                    + "whose elements have json:\"name\"), found none");
        }
        if (src.functions().stream().noneMatch(fn -> callsAny(fn, "Unmarshal", "Decode"))) {
            f.add(src.where(), "expected the parser to decode JSON (json.Unmarshal or a json.Decoder), found no call");
        }
        compareWithBackend(run, f, "the parser's source decodes configuration.latest.json", (a, field) -> { });
    }

    @Test
    @DisplayName("Only `user_defined: true` fields extracted")
    @Criterion(value = 2, severity = Severity.CRITICAL)
    void onlyUserDefinedFields(CriterionRun run) {
        TfgenSource src = source(run);
        Findings f = run.findings();
        Optional<TfgenSource.Tagged> flag = src.parser().flatMap(p -> src.field(p.entry(), "user_defined"));
        if (flag.isEmpty()) {
            f.add(src.where(), "expected the parser's entry struct to decode \"user_defined\", found no such field");
        } else if (!src.readFromMain(flag.get().goField())) {
            f.add(flag.get().pos(), "the parser decodes user_defined into " + flag.get().struct() + "." + flag.get().goField()
                    + ", but no code the generator runs reads it: every field would become an attribute");
        }
        Set<String> additional = new HashSet<>();
        TfgenJson.of(run.provider(), "overrides.json").overrides().stream().filter(TfgenJson.Override::additional)
                .forEach(o -> additional.add(o.apiField()));
        compareWithBackend(run, f, "the generator filters on user_defined", (a, field) -> {
            if (!field.userDefined() && !additional.contains(field.name())) {
                f.add(a.pos(), a.label() + " maps to " + field.name() + ", which the backend marks user_defined: false ("
                        + field.file() + "), and overrides.json does not add it");
            }
        });
    }

    @Test
    @DisplayName("Field metadata extracted: control, type, default, required, sensitive")
    @Criterion(value = 3, severity = Severity.CRITICAL)
    void fieldMetadataExtracted(CriterionRun run) {
        TfgenSource src = source(run);
        Findings f = run.findings();
        // control, default, required and encrypt decide the attribute; type (raw or dynamic) need only be available.
        requireDecodedAndRead(src, f, List.of("control", "default", "required", "encrypt"), true);
        requireDecodedAndRead(src, f, List.of("type"), false);
        compareWithBackend(run, f, "the parser decodes and reads control, type, default, required and encrypt", (a, field) -> {
            Attribute attr = a.attribute();
            if ((field.encrypt() || field.control().equals("password")) && !attr.sensitive()) {
                f.add(a.pos(), a.label() + ": the backend's " + field.name() + " is " + (field.encrypt() ? "encrypt: true" : "a password")
                        + ", the attribute is not Sensitive");
            }
            if (!field.required() && attr.required()) {
                f.add(a.pos(), a.label() + ": optional in the backend (" + field.name() + "), Required in the schema");
            }
            if (field.required() && field.defaultText() == null && field.conditions() == 0 && !field.readonly() && !attr.required()) {
                f.add(a.pos(), a.label() + ": required in the backend (" + field.name() + ", no default, no condition), "
                        + "not Required in the schema");
            }
            String d = field.defaultText();
            boolean scalar = List.of("String", "Int64", "Bool").contains(attr.kind());
            if (d != null && scalar && !field.placeholderDefault() && !field.readonly()) {
                if (!attr.hasDefault()) {
                    f.add(a.pos(), a.label() + ": the backend's default for " + field.name() + " is " + field.shownDefault() + ", the schema has none");
                } else if (attr.defaultValue() != null && !sameValue(attr.defaultValue(), d)) {
                    f.add(a.pos(), a.label() + ": default " + attr.defaultExpression() + ", the backend's default for "
                            + field.name() + " is " + field.shownDefault());
                }
            }
        });
    }

    @Test
    @DisplayName("Enum values extracted from `raw_values` for one-select")
    @Criterion(value = 4, severity = Severity.CRITICAL)
    void enumValuesFromRawValues(CriterionRun run) {
        TfgenSource src = source(run);
        Findings f = run.findings();
        requireDecodedAndRead(src, f, List.of("raw_values"), true);
        src.parser().flatMap(p -> src.entryField(p, "raw_values")).ifPresent(t -> {
            if (!src.feeds(t.goField(), s -> s.contains("OneOf("))) {
                f.add(t.pos(), "raw_values is decoded into " + t.struct() + "." + t.goField()
                        + ", but no code that writes a OneOf validator reads it");
            }
        });
        if (src.mentioning(s -> s.equals("one-select")).stream().noneMatch(fn -> src.reachesText(fn, s -> s.contains("OneOf(")))) {
            f.add(src.where(), "expected the code handling the \"one-select\" control to write a OneOf validator, found none");
        }
        for (GenAttr a : GeneratedLayer.of(run.provider()).attributes()) {
            for (Validator v : a.attribute().validators()) {
                if (!v.isOneOf()) {
                    continue;
                }
                List<String> values = v.stringArguments();
                if (values.isEmpty()) {
                    f.add(v.pos() != null ? v.pos() : a.pos(), a.label() + ": " + v + " allows no value");
                }
                if (new HashSet<>(values).size() != values.size()) {
                    f.add(v.pos() != null ? v.pos() : a.pos(), a.label() + ": " + v + " lists a value twice");
                }
                values.stream().filter(x -> x.startsWith("map[") || x.startsWith("{")).findFirst().ifPresent(x ->
                        f.add(v.pos() != null ? v.pos() : a.pos(), a.label() + ": OneOf value \"" + x
                                + "\" is a raw_values object printed whole, not its value"));
            }
        }
        compareWithBackend(run, f, "the parser decodes raw_values and feeds them to OneOf", (a, field) -> {
            if (!field.control().equals("one-select") || field.rawValues().isEmpty() || !a.attribute().kind().equals("String")) {
                return;
            }
            List<String> oneOf = a.attribute().oneOfValues();
            if (oneOf.isEmpty()) {
                f.add(a.pos(), a.label() + ": " + field.name() + " is a one-select with raw_values " + field.rawValues()
                        + ", the attribute has no OneOf validator");
            } else if (!new HashSet<>(oneOf).equals(new HashSet<>(field.rawValues()))) {
                f.add(a.pos(), a.label() + ": OneOf" + oneOf + ", the backend's raw_values for " + field.name() + " are "
                        + field.rawValues());
            }
        });
    }

    @Test
    @DisplayName("Slider bounds extracted (min/max/step)")
    @Criterion(value = 5, severity = Severity.CRITICAL)
    void sliderBounds(CriterionRun run) {
        TfgenSource src = source(run);
        Findings f = run.findings();
        // min and max become the Between validator; step has no Terraform counterpart, so being decoded and offered is enough.
        requireDecodedAndRead(src, f, List.of("min", "max"), true);
        requireDecodedAndRead(src, f, List.of("step"), false);
        src.parser().ifPresent(p -> {
            for (String bound : List.of("min", "max")) {
                src.entryField(p, bound).ifPresent(t -> {
                    if (!src.feeds(t.goField(), s -> s.contains("Between("))) {
                        f.add(t.pos(), bound + " is decoded into " + t.struct() + "." + t.goField()
                                + ", but no code that writes a Between validator reads it");
                    }
                });
            }
        });
        for (GenAttr a : GeneratedLayer.of(run.provider()).attributes()) {
            for (Validator v : a.attribute().validators()) {
                if (v.name().endsWith(".Between") && v.arguments().size() == 2 && v.arguments().get(0) instanceof BigInteger lo
                        && v.arguments().get(1) instanceof BigInteger hi && lo.compareTo(hi) > 0) {
                    f.add(v.pos() != null ? v.pos() : a.pos(), a.label() + ": " + v + " has min above max: no value is valid");
                }
            }
        }
        compareWithBackend(run, f, "the parser decodes min, max and step and feeds them to Between", (a, field) -> {
            Optional<BigDecimal> min = field.bound("min");
            Optional<BigDecimal> max = field.bound("max");
            if (!field.control().equals("slider") || min.isEmpty() || max.isEmpty()) {
                return;
            }
            Optional<Validator> between = a.attribute().validators().stream().filter(v -> v.name().endsWith(".Between")).findFirst();
            String expected = "Between(" + plain(min.get()) + ", " + plain(max.get()) + ")";
            if (between.isEmpty()) {
                f.add(a.pos(), a.label() + ": " + field.name() + " is a slider from " + plain(min.get()) + " to " + plain(max.get())
                        + ", the attribute has no Between validator");
            } else if (!("Between(" + between.get().arguments().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                    .equals(expected)) {
                f.add(between.get().pos() != null ? between.get().pos() : a.pos(), a.label() + ": " + between.get()
                        + ", the backend's slider " + field.name() + " is " + expected);
            }
        });
    }

    @Test
    @DisplayName("Conditional fields parsed from conditions array")
    @Criterion(value = 6, severity = Severity.CRITICAL)
    void conditionalFields(CriterionRun run) {
        TfgenSource src = source(run);
        Findings f = run.findings();
        Optional<TfgenSource.ParserShape> shape = src.parser();
        Optional<TfgenSource.Tagged> conditions = shape.flatMap(p -> src.field(p.entry(), "conditions"));
        if (shape.isPresent() && conditions.isEmpty()) {
            f.add(shape.get().configArray().pos(), "expected the entry struct " + shape.get().entry()
                    + " to decode \"conditions\", found no such field");
        } else if (conditions.isPresent()) {
            TfgenSource.Tagged c = conditions.get();
            if (!(c.type() instanceof Expr.ArrayType)) {
                f.add(c.pos(), c.struct() + "." + c.goField() + " decodes conditions, but is not a slice: the array does not decode");
            }
            String cond = shape.get().condition();
            for (String key : List.of("operator", "config", "value")) {
                if (cond == null || src.field(cond, key).isEmpty()) {
                    f.add(c.pos(), "expected each condition to decode \"" + key + "\" (" + (cond == null ? "no condition struct"
                            : "struct " + cond) + "), found no such field");
                }
            }
            if (!src.readFromMain(c.goField())) {
                f.add(c.pos(), "conditions are decoded into " + c.struct() + "." + c.goField()
                        + ", but no code the generator runs reads them");
            }
        } else {
            f.add(src.where(), "expected a parser struct for the connector's config entries, found none");
        }
        compareWithBackend(run, f, "the parser decodes conditions and the generator reads them", (a, field) -> {
            if (field.conditions() > 0 && a.attribute().required()) {
                f.add(a.pos(), a.label() + ": " + field.name() + " only applies under a condition (" + field.node().path("conditions")
                        + "), yet the attribute is Required: configurations that do not meet the condition cannot omit it");
            }
        });
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 7, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }

    // ------------------------------------------------------------------------------------

    /** The generator's source; a criterion fails at once when there is none. */
    static TfgenSource source(CriterionRun run) {
        TfgenSource src = TfgenSource.of(run.provider());
        if (!src.exists()) {
            run.findings().add(TfgenSource.DIR + "/", "expected the code generator's Go source in " + TfgenSource.DIR
                    + ", found no Go file").verify();
        }
        return src;
    }

    /**
     * Each JSON name is decoded by the parser's entry (or value) struct and read: by code main
     * reaches when it shapes the output ({@code used}), else by any function of the generator.
     */
    private static void requireDecodedAndRead(TfgenSource src, Findings f, List<String> jsonNames, boolean used) {
        Optional<TfgenSource.ParserShape> shape = src.parser();
        if (shape.isEmpty()) {
            f.add(src.where(), "expected a parser struct for the connector's config entries (json:\"config\"), found none");
            return;
        }
        for (String name : jsonNames) {
            Optional<TfgenSource.Tagged> t = src.entryField(shape.get(), name);
            if (t.isEmpty()) {
                f.add(shape.get().configArray().pos(), "expected " + String.join(" or ", shape.get().structs())
                        + " to decode \"" + name + "\", found no such field: the value is dropped while parsing");
            } else if (t.get().goField() == null
                    || (used ? !src.readFromMain(t.get().goField()) : src.readers(t.get().goField()).isEmpty())) {
                f.add(t.get().pos(), "\"" + name + "\" is decoded into " + t.get().struct() + "." + t.get().goField()
                        + ", but " + (used ? "no code the generator runs reads it" : "no code of the generator reads it"));
            }
        }
    }

    /**
     * Verifies the static findings, then, with a backend, hands every generated attribute and
     * its backend field to the check (a generated connector or mapped field the backend lacks
     * is a finding); without one, skips saying what was verified and how to compare.
     */
    static void compareWithBackend(CriterionRun run, Findings f, String verified, BiConsumer<GenAttr, Field> check) {
        f.verify();
        Optional<BackendCheckout> backend = BackendCheckout.of(run);
        if (backend.isEmpty()) {
            run.skip(verified + "; comparing the generated attributes with the backend's configuration.latest.json needs "
                    + "a backend checkout: " + BackendCheckout.unavailable(run), BackendCheckout.HOW);
        }
        GeneratedLayer gen = GeneratedLayer.of(run.provider());
        if (gen.resources().isEmpty()) {
            f.add(GeneratedLayer.DIR, "expected resources whose schema is generated into " + GeneratedLayer.DIR + ", found none");
        }
        for (Resource r : gen.resources()) {
            String entity = GeneratedLayer.entity(r.schemaFile());
            String code = GeneratedLayer.code(r.schemaFile());
            if (entity == null) {
                continue;
            }
            BackendCheckout.Connector c = backend.get().connector(entity, code);
            if (c.problem() != null) {
                f.add(r.schemaFile() + ":1", r.typeName() + " is generated from " + entity + " " + code + ", but " + c.problem());
                continue;
            }
            for (GenAttr a : gen.attributes(r)) {
                if (a.apiField() == null || !a.isTopLevel()) {
                    continue;
                }
                Optional<Field> field = c.field(a.apiField());
                if (field.isEmpty()) {
                    f.add(a.pos(), a.label() + " maps to " + a.apiField() + ", which " + c.file() + " does not define");
                } else {
                    check.accept(a, field.get());
                }
            }
        }
        f.verify();
    }

    private static boolean callsAny(CallGraph.Fn fn, String... names) {
        if (fn.decl().body() == null) {
            return false;
        }
        List<String> wanted = List.of(names);
        return io.tfaudit.go.ast.Walk.collect(fn.decl().body(), Expr.CallExpr.class).stream()
                .anyMatch(c -> c.fun() instanceof Expr.SelectorExpr s && wanted.contains(s.sel().name()));
    }

    /** A schema default (String, BigInteger, Boolean) against the backend's default text. */
    static boolean sameValue(Object schemaDefault, String backendDefault) {
        if (schemaDefault instanceof BigInteger i) {
            try {
                return new BigDecimal(backendDefault.strip()).compareTo(new BigDecimal(i)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return String.valueOf(schemaDefault).equals(backendDefault);
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() <= 0 ? s.toBigInteger().toString() : s.toPlainString();
    }
}
