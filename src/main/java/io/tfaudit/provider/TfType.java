package io.tfaudit.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfaudit.go.ast.Pos;
import java.util.List;
import java.util.Map;

/**
 * A Terraform value type (cty) as a schema declares it: a primitive, a list, set or map of
 * an element type, an object of attribute types, a tuple, to any depth. What the static
 * reading could not know is {@link Unknown}, with why and where: it is never shown as
 * {@code dynamic}, which is a type of its own ({@code types.DynamicType}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface TfType {

    TfType STRING = new Primitive("string");
    TfType NUMBER = new Primitive("number");
    TfType BOOL = new Primitive("bool");
    TfType DYNAMIC = new Primitive("dynamic");

    /** {@code string}, {@code number}, {@code bool} or {@code dynamic}. */
    record Primitive(String name) implements TfType {}

    /** {@code list}, {@code set} or {@code map} of one element type. */
    record Collection(String kind, TfType element) implements TfType {}

    /** An object: attribute names (sorted) to their types. */
    record ObjectType(Map<String, TfType> attributes) implements TfType {}

    record Tuple(List<TfType> elements) implements TfType {}

    record Unknown(String why, Pos pos) implements TfType {}

    /** The first part of this type that is not known, or null when all of it is. */
    default Unknown firstUnknown() {
        if (this instanceof Unknown u) {
            return u;
        }
        if (this instanceof Collection c) {
            return c.element().firstUnknown();
        }
        if (this instanceof ObjectType o) {
            for (TfType t : o.attributes().values()) {
                Unknown u = t.firstUnknown();
                if (u != null) {
                    return u;
                }
            }
        }
        if (this instanceof Tuple t) {
            for (TfType e : t.elements()) {
                Unknown u = e.firstUnknown();
                if (u != null) {
                    return u;
                }
            }
        }
        return null;
    }

    default boolean isKnown() {
        return firstUnknown() == null;
    }

    /** The type in the JSON form Terraform prints ({@code "string"}, {@code ["list",["object",{...}]]}); known types only. */
    default JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (this instanceof Primitive p) {
            return f.textNode(p.name());
        }
        if (this instanceof Collection c) {
            ArrayNode a = f.arrayNode();
            a.add(c.kind());
            a.add(c.element().toJson());
            return a;
        }
        if (this instanceof ObjectType o) {
            ArrayNode a = f.arrayNode();
            a.add("object");
            ObjectNode attrs = a.addObject();
            o.attributes().forEach((k, v) -> attrs.set(k, v.toJson()));
            return a;
        }
        if (this instanceof Tuple t) {
            ArrayNode a = f.arrayNode();
            a.add("tuple");
            ArrayNode elems = a.addArray();
            t.elements().forEach(e -> elems.add(e.toJson()));
            return a;
        }
        throw new IllegalStateException("an unknown type has no JSON form: " + this);
    }
}
