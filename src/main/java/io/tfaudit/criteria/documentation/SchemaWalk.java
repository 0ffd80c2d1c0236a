package io.tfaudit.criteria.documentation;

import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every attribute of a schema, nested ones included ({@code parent.child}, through nested
 * attributes and blocks), in name order. The {@code timeouts} attribute or block is left out:
 * its attributes and their descriptions come from terraform-plugin-framework-timeouts, not
 * from the provider.
 */
public final class SchemaWalk {

    /** An attribute and its path from the schema's root. */
    public record Field(String path, Attribute attribute) {}

    public static final String TIMEOUTS = "timeouts";

    private SchemaWalk() {}

    public static List<Field> fields(Schema schema) {
        List<Field> out = new ArrayList<>();
        walk("", schema.attributes(), schema.blocks(), out);
        return out;
    }

    private static void walk(String prefix, Map<String, Attribute> attributes, Map<String, Schema.Block> blocks, List<Field> out) {
        for (Attribute a : attributes.values()) {
            if (prefix.isEmpty() && a.name().equals(TIMEOUTS)) {
                continue;
            }
            out.add(new Field(prefix + a.name(), a));
            if (!a.nested().isEmpty()) {
                walk(prefix + a.name() + ".", a.nested(), Map.of(), out);
            }
        }
        for (Schema.Block b : blocks.values()) {
            if (prefix.isEmpty() && b.name().equals(TIMEOUTS)) {
                continue;
            }
            walk(prefix + b.name() + ".", b.attributes(), b.blocks(), out);
        }
    }

    /** Attributes a configuration may set: required or optional, not deprecated, not {@code timeouts}. */
    public static boolean isOption(Attribute a) {
        return (a.required() || a.optional()) && !a.isDeprecated() && !a.name().equals(TIMEOUTS);
    }
}
