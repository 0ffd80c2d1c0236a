package io.tfaudit.provider;

import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.eval.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a terraform-plugin-framework schema out of the evaluated value of a
 * {@code schema.Schema{...}} literal (after the wrapper's and base's changes were applied).
 * Whatever is not a static value is reported as {@link Unresolved}, with its position.
 */
final class SchemaReader {

    private final List<Unresolved> unresolved;
    private final TypeReader types;

    SchemaReader(List<Unresolved> unresolved, io.tfaudit.go.program.GoModule module) {
        this.unresolved = unresolved;
        this.types = new TypeReader(module);
    }

    Schema schema(Value v, Pos fallback) {
        if (!(v instanceof Value.Struct s)) {
            unresolved.add(new Unresolved("schema is " + describe(v), v == null ? fallback : orElse(v.origin(), fallback)));
            return new Schema(null, null, null, Map.of(), Map.of(), fallback);
        }
        return new Schema(version(s), string(s, "Description"), string(s, "MarkdownDescription"),
                string(s, "DeprecationMessage"), attributes(s.field("Attributes"), s.origin(), ""),
                blocks(s.field("Blocks"), s.origin(), ""), s.origin(), origin(s, "Description"), origin(s, "MarkdownDescription"));
    }

    /** The schema's {@code Version}: 0 when not set, null (and unresolved) when not a constant. */
    private Long version(Value.Struct s) {
        Value v = s.field("Version");
        if (v == null || v instanceof Value.Nil) {
            return 0L;
        }
        if (v instanceof Value.Int i && i.value().bitLength() < 64) {
            return i.value().longValue();
        }
        unresolved.add(new Unresolved("schema version is " + describe(v), orElse(v.origin(), s.origin())));
        return null;
    }

    private Map<String, Attribute> attributes(Value v, Pos where, String path) {
        Map<String, Attribute> out = new TreeMap<>();
        if (v == null || v instanceof Value.Nil) {
            return out;
        }
        if (!(v instanceof Value.MapValue m)) {
            unresolved.add(new Unresolved("attributes are " + describe(v), orElse(v.origin(), where)));
            return out;
        }
        m.entries().forEach((k, a) -> {
            if (k instanceof String name) {
                out.put(name, attribute(name, path + name, a, m.origin()));
            } else {
                unresolved.add(new Unresolved("attribute name is not a constant", orElse(a.origin(), where)));
            }
        });
        return out;
    }

    private Attribute attribute(String name, String path, Value v, Pos where) {
        if (v instanceof Value.External e && e.isCall() && e.name().equals("Attributes")
                && e.packagePath().endsWith("/timeouts")) {
            return new Attribute(name, "SingleNested", false, true, false, false, false, "Timeouts", "Timeouts", null,
                    null, null, List.of(), List.of(), null, null, timeoutAttributes(e), null, orElse(e.origin(), where));
        }
        if (!(v instanceof Value.Struct s)) {
            unresolved.add(new Unresolved("attribute " + path + " is " + describe(v), v == null ? where : orElse(v.origin(), where)));
            return new Attribute(name, "Unknown", false, false, false, false, false, null, null, null, null, null,
                    List.of(), List.of(), null, null, Map.of(), new TfType.Unknown("attribute not static", where), where);
        }
        String kind = s.type().name().replaceFirst("Attribute$", "");
        Value def = s.field("Default");
        Object defaultValue = null;
        String defaultExpression = null;
        if (def != null && !(def instanceof Value.Nil)) {
            defaultExpression = expressionText(def);
            if (def instanceof Value.External e && e.isCall() && e.args().size() == 1) {
                defaultValue = constant(e.args().get(0));
            }
        }
        Map<String, Attribute> nested = Map.of();
        Value nestedObject = s.field("NestedObject");
        if (nestedObject instanceof Value.Struct no) {
            nested = attributes(no.field("Attributes"), no.origin(), path + ".");
        } else if (s.field("Attributes") != null) {
            nested = attributes(s.field("Attributes"), s.origin(), path + ".");
        }
        TfType type = kind.endsWith("Nested") ? null : valueType(kind, s);
        if (type != null && !type.isKnown()) {
            TfType.Unknown u = type.firstUnknown();
            unresolved.add(new Unresolved("type of attribute " + path + ": " + u.why(), orElse(u.pos(), s.origin())));
        }
        return new Attribute(name, kind, bool(s, "Required"), bool(s, "Optional"), bool(s, "Computed"),
                bool(s, "Sensitive"), bool(s, "WriteOnly"), string(s, "Description"), string(s, "MarkdownDescription"),
                string(s, "DeprecationMessage"), defaultValue, defaultExpression, validators(s.field("Validators")),
                names(s.field("PlanModifiers")), typeText(s.field("ElementType")), typeText(s.field("CustomType")),
                nested, type, s.origin());
    }

    /**
     * The value type of a non-nested attribute from its kind: a primitive, a collection of its
     * {@code ElementType} (or of what its {@code CustomType} is built on), an object of its
     * {@code AttributeTypes}.
     */
    TfType valueType(String kind, Value.Struct s) {
        TfType primitive = TypeReader.primitive(kind + "Type");
        if (primitive != null) {
            return primitive;
        }
        switch (kind) {
            case "List", "Set", "Map": {
                Value element = s.field("ElementType");
                if ((element == null || element instanceof Value.Nil) && s.field("CustomType") instanceof Value.Struct custom) {
                    TfType t = types.of(custom, s.origin());
                    if (t instanceof TfType.Collection c && c.kind().equals(kind.toLowerCase(java.util.Locale.ROOT))) {
                        return t;
                    }
                }
                return new TfType.Collection(kind.toLowerCase(java.util.Locale.ROOT), types.of(element, s.origin()));
            }
            case "Object":
                return types.of(new Value.Struct(new Value.TypeName("github.com/hashicorp/terraform-plugin-framework/types",
                        "ObjectType"), java.util.Map.of("AttrTypes", orNil(s.field("AttributeTypes"), s.origin())), s.origin()),
                        s.origin());
            default:
                return new TfType.Unknown("attribute kind " + s.type().shortName() + " is not one the reading knows", s.origin());
        }
    }

    private static Value orNil(Value v, Pos at) {
        return v == null ? new Value.Nil(at) : v;
    }

    private Map<String, Schema.Block> blocks(Value v, Pos where, String path) {
        Map<String, Schema.Block> out = new TreeMap<>();
        if (v == null || v instanceof Value.Nil) {
            return out;
        }
        if (!(v instanceof Value.MapValue m)) {
            unresolved.add(new Unresolved("blocks are " + describe(v), orElse(v.origin(), where)));
            return out;
        }
        m.entries().forEach((k, b) -> {
            String name = String.valueOf(k);
            if (b instanceof Value.External e && e.isCall() && e.name().equals("Block") && e.packagePath().endsWith("/timeouts")) {
                out.put(name, new Schema.Block(name, "single", timeoutAttributes(e), Map.of(), "Timeouts", e.origin()));
            } else if (b instanceof Value.Struct s) {
                String kind = s.type().name();
                String nesting = kind.startsWith("List") ? "list" : kind.startsWith("Set") ? "set"
                        : kind.startsWith("Map") ? "map" : "single";
                Value inner = s.field("NestedObject") instanceof Value.Struct no ? no : s;
                Value.Struct body = (Value.Struct) inner;
                out.put(name, new Schema.Block(name, nesting, attributes(body.field("Attributes"), body.origin(), path + name + "."),
                        blocks(body.field("Blocks"), body.origin(), path + name + "."), string(s, "Description"), s.origin()));
            } else {
                unresolved.add(new Unresolved("block " + name + " is " + describe(b), b == null ? where : orElse(b.origin(), where)));
            }
        });
        return out;
    }

    /** {@code timeouts.Block(ctx, timeouts.Opts{Create: true, ...})}: one optional string per operation. */
    private Map<String, Attribute> timeoutAttributes(Value.External call) {
        Map<String, Attribute> out = new TreeMap<>();
        for (Value arg : call.args()) {
            if (arg instanceof Value.Struct opts) {
                for (String op : List.of("Create", "Read", "Update", "Delete")) {
                    if (opts.field(op) instanceof Value.Bool b && b.value()) {
                        String n = op.toLowerCase();
                        out.put(n, new Attribute(n, "String", false, true, false, false, false, null, null, null, null,
                                null, List.of(), List.of(), null, null, Map.of(), TfType.STRING, opts.origin()));
                    }
                }
            }
        }
        return out;
    }

    private List<Validator> validators(Value v) {
        List<Validator> out = new ArrayList<>();
        if (v instanceof Value.ListValue l) {
            for (Value e : l.elements()) {
                if (e instanceof Value.External x && x.isCall()) {
                    List<Object> args = new ArrayList<>();
                    for (Value a : x.args()) {
                        args.add(constant(a));
                    }
                    out.add(new Validator(x.shortName(), args, x.origin()));
                } else if (e instanceof Value.Struct own) {
                    // A validator the module builds itself: known by its type; its rules are its own code.
                    out.add(new Validator(own.type().shortName(), List.of(), own.origin()));
                } else {
                    unresolved.add(new Unresolved("validator is " + describe(e), e.origin()));
                }
            }
        } else if (v != null && !(v instanceof Value.Nil)) {
            unresolved.add(new Unresolved("validators are " + describe(v), v.origin()));
        }
        return out;
    }

    private List<String> names(Value v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Value.ListValue l) {
            for (Value e : l.elements()) {
                out.add(expressionText(e));
            }
        }
        return out;
    }

    private static String typeText(Value v) {
        return v == null || v instanceof Value.Nil ? null : expressionText(v);
    }

    /** A static value as Java data: String, BigInteger, Boolean, List, or the expression's text. */
    static Object constant(Value v) {
        if (v instanceof Value.Str s) {
            return s.value();
        }
        if (v instanceof Value.Int i) {
            return i.value();
        }
        if (v instanceof Value.Bool b) {
            return b.value();
        }
        if (v instanceof Value.Float f) {
            return f.value();
        }
        if (v instanceof Value.ListValue l) {
            List<Object> out = new ArrayList<>();
            l.elements().forEach(e -> out.add(constant(e)));
            return out;
        }
        return expressionText(v);
    }

    /** {@code stringvalidator.OneOf("a", "b")}, {@code types.StringType}, {@code path.MatchRoot("x")}. */
    static String expressionText(Value v) {
        if (v instanceof Value.External e) {
            if (!e.isCall()) {
                return e.shortName();
            }
            StringBuilder sb = new StringBuilder(e.shortName()).append('(');
            for (int i = 0; i < e.args().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(argumentText(e.args().get(i)));
            }
            return sb.append(')').toString();
        }
        if (v instanceof Value.Struct s) {
            return s.type().shortName() + "{…}";
        }
        return argumentText(v);
    }

    private static String argumentText(Value v) {
        if (v instanceof Value.Str s) {
            return '"' + s.value() + '"';
        }
        if (v instanceof Value.Int i) {
            return i.value().toString();
        }
        if (v instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof Value.External || v instanceof Value.Struct) {
            return expressionText(v);
        }
        if (v instanceof Value.Unknown) {
            return "?";
        }
        return v == null ? "?" : v.getClass().getSimpleName().toLowerCase();
    }

    private boolean bool(Value.Struct s, String field) {
        Value v = s.field(field);
        if (v == null || v instanceof Value.Nil) {
            return false;
        }
        if (v instanceof Value.Bool b) {
            return b.value();
        }
        unresolved.add(new Unresolved(field + " of " + s.type().name() + " is " + describe(v), orElse(v.origin(), s.origin())));
        return false;
    }

    private static Pos origin(Value.Struct s, String field) {
        Value v = s.field(field);
        return v == null ? null : v.origin();
    }

    /** A constant string field of a struct value, or null (unresolved when it is set but not constant). */
    String text(Value.Struct s, String field) {
        return string(s, field);
    }

    private String string(Value.Struct s, String field) {
        Value v = s.field(field);
        if (v == null || v instanceof Value.Nil) {
            return null;
        }
        if (v instanceof Value.Str str) {
            return str.value();
        }
        unresolved.add(new Unresolved(field + " is " + describe(v), orElse(v.origin(), s.origin())));
        return null;
    }

    private static Pos orElse(Pos p, Pos fallback) {
        return p != null ? p : fallback;
    }

    static String describe(Value v) {
        if (v == null) {
            return "missing";
        }
        if (v instanceof Value.Unknown u) {
            return "not static: " + u.why();
        }
        if (v instanceof Value.External e) {
            return "the result of " + expressionText(e);
        }
        return "a " + v.getClass().getSimpleName();
    }
}
