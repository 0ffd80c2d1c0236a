package io.tfaudit.provider;

import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Field;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.eval.Value;
import io.tfaudit.go.program.GoModule;
import io.tfaudit.go.program.GoPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a terraform-plugin-framework type value ({@code types.StringType},
 * {@code types.ListType{ElemType: ...}}, {@code types.ObjectType{AttrTypes: ...}}, a custom
 * type built on one of them) as the {@link TfType} it stands for, to any depth. Whatever is
 * not a static type value becomes {@link TfType.Unknown} with the reason and the place.
 */
final class TypeReader {

    private static final String FRAMEWORK_TYPES = "github.com/hashicorp/terraform-plugin-framework/types";
    private static final String BASE_TYPES = FRAMEWORK_TYPES + "/basetypes";
    /** HashiCorp's custom types whose values are strings (RFC 3339 times, normalized JSON, IP addresses, CIDRs). */
    private static final Set<String> STRING_TYPE_PACKAGES = Set.of(
            "github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes",
            "github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes",
            "github.com/hashicorp/terraform-plugin-framework-nettypes/iptypes",
            "github.com/hashicorp/terraform-plugin-framework-nettypes/cidrtypes");
    private static final int MAX_DEPTH = 64;

    private final GoModule module;

    TypeReader(GoModule module) {
        this.module = module;
    }

    TfType of(Value v, Pos where) {
        return of(v, where, 0);
    }

    private TfType of(Value v, Pos where, int depth) {
        Pos at = v == null || v.origin() == null ? where : v.origin();
        if (depth > MAX_DEPTH) {
            return new TfType.Unknown("type nested deeper than " + MAX_DEPTH, at);
        }
        if (v == null || v instanceof Value.Nil) {
            return new TfType.Unknown("no type given", at);
        }
        if (v instanceof Value.External e && !e.isCall() && isFrameworkTypes(e.packagePath())) {
            TfType p = primitive(e.name());
            return p != null ? p : new TfType.Unknown("type " + e.shortName() + " is not a type the reading knows", at);
        }
        if (v instanceof Value.Struct s) {
            return ofStruct(s, at, depth);
        }
        return new TfType.Unknown("type is " + SchemaReader.describe(v), at);
    }

    private TfType ofStruct(Value.Struct s, Pos at, int depth) {
        String pkg = s.type().packagePath();
        String name = s.type().name();
        if (isFrameworkTypes(pkg)) {
            TfType p = primitive(name);
            if (p != null) {
                return p;
            }
            switch (name) {
                case "ListType", "SetType", "MapType" -> {
                    return new TfType.Collection(name.substring(0, name.length() - 4).toLowerCase(java.util.Locale.ROOT),
                            of(s.field("ElemType"), at, depth + 1));
                }
                case "ObjectType" -> {
                    return object(s.field("AttrTypes"), at, depth);
                }
                case "TupleType" -> {
                    return tuple(s.field("ElemTypes"), at, depth);
                }
                default -> {
                    return new TfType.Unknown("type " + s.type().shortName() + " is not a type the reading knows", at);
                }
            }
        }
        if (STRING_TYPE_PACKAGES.contains(pkg)) {
            return TfType.STRING;
        }
        Optional<GoPackage> own = module.packageAt(pkg);
        if (own.isPresent()) {
            return customType(s, own.get(), at, depth);
        }
        return new TfType.Unknown("custom type " + s.type().shortName() + " from outside the module", at);
    }

    /** A custom type of the module: the framework type it embeds, as set in the literal or as its zero value. */
    private TfType customType(Value.Struct s, GoPackage pkg, Pos at, int depth) {
        Optional<GoPackage.TypeRef> decl = pkg.type(s.type().name());
        if (decl.isPresent() && decl.get().spec().type() instanceof Expr.StructType st) {
            for (Field f : st.fields().fields()) {
                if (!f.names().isEmpty()) {
                    continue;
                }
                Expr t = f.type() instanceof Expr.StarExpr star ? star.x() : f.type();
                if (!(t instanceof Expr.SelectorExpr sel && sel.x() instanceof Expr.Ident q)) {
                    continue;
                }
                Value set = s.field(sel.sel().name());
                if (set instanceof Value.Struct inner) {
                    return ofStruct(inner, at, depth + 1);
                }
                Optional<String> path = module.resolveImport(decl.get().file(), q.name());
                if (path.isPresent() && isFrameworkTypes(path.get())) {
                    TfType p = primitive(sel.sel().name());
                    return p != null ? p : new TfType.Unknown("custom type " + s.type().shortName() + " embeds "
                            + sel.sel().name() + " without its element types", at);
                }
            }
        }
        return new TfType.Unknown("custom type " + s.type().shortName() + " embeds no framework type", at);
    }

    private TfType object(Value attrTypes, Pos at, int depth) {
        if (attrTypes == null || attrTypes instanceof Value.Nil) {
            return new TfType.ObjectType(Map.of());
        }
        if (!(attrTypes instanceof Value.MapValue m)) {
            return new TfType.Unknown("object attribute types are " + SchemaReader.describe(attrTypes), orElse(attrTypes.origin(), at));
        }
        Map<String, TfType> out = new TreeMap<>();
        for (var e : m.entries().entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                return new TfType.Unknown("an object attribute name is not a constant", orElse(e.getValue().origin(), at));
            }
            out.put(k, of(e.getValue(), orElse(m.origin(), at), depth + 1));
        }
        return new TfType.ObjectType(out);
    }

    private TfType tuple(Value elemTypes, Pos at, int depth) {
        if (elemTypes == null || elemTypes instanceof Value.Nil) {
            return new TfType.Tuple(List.of());
        }
        if (!(elemTypes instanceof Value.ListValue l)) {
            return new TfType.Unknown("tuple element types are " + SchemaReader.describe(elemTypes), orElse(elemTypes.origin(), at));
        }
        List<TfType> out = new ArrayList<>();
        for (Value e : l.elements()) {
            out.add(of(e, orElse(l.origin(), at), depth + 1));
        }
        return new TfType.Tuple(out);
    }

    /** The framework's primitive types, as values ({@code types.StringType}) or type names ({@code basetypes.StringType{}}). */
    static TfType primitive(String name) {
        return switch (name) {
            case "StringType" -> TfType.STRING;
            case "BoolType" -> TfType.BOOL;
            case "Int64Type", "Int32Type", "Float64Type", "Float32Type", "NumberType" -> TfType.NUMBER;
            case "DynamicType" -> TfType.DYNAMIC;
            default -> null;
        };
    }

    private static boolean isFrameworkTypes(String path) {
        return path.equals(FRAMEWORK_TYPES) || path.equals(BASE_TYPES);
    }

    private static Pos orElse(Pos p, Pos fallback) {
        return p != null ? p : fallback;
    }
}
