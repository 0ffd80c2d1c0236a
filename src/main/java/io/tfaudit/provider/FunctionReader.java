package io.tfaudit.provider;

import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.eval.Evaluator;
import io.tfaudit.go.eval.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Reads the provider's functions: {@code Functions()} gives the constructors; each value's
 * {@code Metadata} gives its name and {@code Definition} its parameters and return type
 * ({@code function.StringParameter{...}}, {@code function.ListReturn{ElementType: ...}}).
 */
final class FunctionReader {

    private static final String FUNCTION = "github.com/hashicorp/terraform-plugin-framework/function";

    private FunctionReader() {}

    static List<Function> read(Evaluator ev, Value provider, Pos providerAt, List<Unresolved> unresolved) {
        List<Function> out = new ArrayList<>();
        Optional<Value.Func> list = ev.method(provider, "Functions");
        if (list.isEmpty()) {
            return out;
        }
        Value constructors = ev.call(list.get(), List.of(context(providerAt)), list.get().origin());
        if (constructors instanceof Value.Nil) {
            return out;
        }
        if (!(constructors instanceof Value.ListValue l)) {
            unresolved.add(new Unresolved("Functions() could not be enumerated: it returns " + SchemaReader.describe(constructors),
                    list.get().origin()));
            return out;
        }
        for (Value c : l.elements()) {
            if (c instanceof Value.Func f) {
                out.add(readOne(ev, f));
            } else {
                unresolved.add(new Unresolved("an entry of Functions() is " + SchemaReader.describe(c), c.origin()));
            }
        }
        return out;
    }

    private static Function readOne(Evaluator ev, Value.Func constructor) {
        List<Unresolved> unresolved = new ArrayList<>();
        Pos at = constructor.origin();
        Value instance = ev.call(constructor, List.of(), at);
        String name = null;
        Optional<Value.Func> metadata = ev.method(instance, "Metadata");
        if (metadata.isPresent()) {
            Value.Struct resp = struct("MetadataResponse", at);
            ev.call(metadata.get(), List.of(context(at), struct("MetadataRequest", at), resp), at);
            if (resp.field("Name") instanceof Value.Str s) {
                name = s.value();
            } else {
                unresolved.add(new Unresolved("function name: Metadata sets Name to " + SchemaReader.describe(resp.field("Name")),
                        metadata.get().origin()));
            }
        } else {
            unresolved.add(new Unresolved(constructor.describe() + " returns " + SchemaReader.describe(instance)
                    + ", which has no Metadata method that could be followed", at));
        }
        Optional<Value.Func> definition = ev.method(instance, "Definition");
        if (definition.isEmpty()) {
            unresolved.add(new Unresolved("no Definition method on the value " + constructor.describe() + " returns", at));
            return new Function(name, null, null, null, null, List.of(), null, null, constructor.describe(), at,
                    List.copyOf(unresolved));
        }
        Value.Struct resp = struct("DefinitionResponse", at);
        ev.call(definition.get(), List.of(context(at), struct("DefinitionRequest", at), resp), at);
        if (!(resp.field("Definition") instanceof Value.Struct def)) {
            unresolved.add(new Unresolved("function definition is " + SchemaReader.describe(resp.field("Definition")),
                    definition.get().origin()));
            return new Function(name, null, null, null, null, List.of(), null, null, constructor.describe(), at,
                    List.copyOf(unresolved));
        }
        SchemaReader texts = new SchemaReader(unresolved, ev.module());
        List<Function.Parameter> parameters = new ArrayList<>();
        Value params = def.field("Parameters");
        if (params instanceof Value.ListValue pl) {
            for (Value p : pl.elements()) {
                parameters.add(parameter(texts, p, def.origin(), unresolved));
            }
        } else if (params != null && !(params instanceof Value.Nil)) {
            unresolved.add(new Unresolved("function parameters are " + SchemaReader.describe(params), orElse(params.origin(), def.origin())));
        }
        Value variadic = def.field("VariadicParameter");
        Function.Parameter variadicParameter = variadic == null || variadic instanceof Value.Nil ? null
                : parameter(texts, variadic, def.origin(), unresolved);
        TfType returnType = typeOf(texts, def.field("Return"), "Return", def.origin(), "return type", unresolved);
        return new Function(name, texts.text(def, "Summary"), texts.text(def, "Description"),
                texts.text(def, "MarkdownDescription"), texts.text(def, "DeprecationMessage"), List.copyOf(parameters),
                variadicParameter, returnType, constructor.describe(), def.origin(), List.copyOf(unresolved));
    }

    private static Function.Parameter parameter(SchemaReader texts, Value v, Pos where, List<Unresolved> unresolved) {
        if (!(v instanceof Value.Struct p)) {
            unresolved.add(new Unresolved("function parameter is " + SchemaReader.describe(v), v == null ? where : orElse(v.origin(), where)));
            return new Function.Parameter(null, null, null, false, new TfType.Unknown("parameter not static", where), where);
        }
        String name = texts.text(p, "Name");
        TfType type = typeOf(texts, p, "Parameter", where, "parameter " + name, unresolved);
        return new Function.Parameter(name, texts.text(p, "Description"), texts.text(p, "MarkdownDescription"),
                p.field("AllowNullValue") instanceof Value.Bool b && b.value(), type, p.origin());
    }

    /** {@code function.StringParameter{}} / {@code function.ListReturn{ElementType: ...}}: the kind names the type. */
    private static TfType typeOf(SchemaReader reader, Value v, String suffix, Pos where, String what, List<Unresolved> unresolved) {
        TfType type;
        if (v instanceof Value.Struct s && s.type().packagePath().equals(FUNCTION) && s.type().name().endsWith(suffix)) {
            type = reader.valueType(s.type().name().substring(0, s.type().name().length() - suffix.length()), s);
        } else {
            type = new TfType.Unknown(what + " is " + SchemaReader.describe(v), v == null ? where : orElse(v.origin(), where));
        }
        TfType.Unknown u = type.firstUnknown();
        if (u != null) {
            unresolved.add(new Unresolved("type of " + what + ": " + u.why(), orElse(u.pos(), where)));
        }
        return type;
    }

    private static Value context(Pos at) {
        return new Value.External("context", "Context", null, at);
    }

    private static Value.Struct struct(String type, Pos at) {
        return new Value.Struct(new Value.TypeName(FUNCTION, type), new LinkedHashMap<>(), at);
    }

    private static Pos orElse(Pos p, Pos fallback) {
        return p != null ? p : fallback;
    }
}
