package io.tfaudit.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Walk;
import java.util.Map;

/**
 * The statically extracted schemas in the format of {@code terraform providers schema -json}
 * (format_version 1.0), so that tools made for that output can read ours.
 */
public final class SchemaExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private SchemaExport() {}

    public static String toJson(ProviderModel model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", "1.0");
        ObjectNode provider = root.putObject("provider_schemas").putObject(sourceAddress(model));
        ObjectNode resources = provider.putObject("resource_schemas");
        for (Resource r : model.resources()) {
            if (r.typeName() != null) {
                resources.set(r.typeName(), schema(r.schema()));
            }
        }
        ObjectNode dataSources = provider.putObject("data_source_schemas");
        for (Resource r : model.dataSources()) {
            if (r.typeName() != null) {
                dataSources.set(r.typeName(), schema(r.schema()));
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The provider's source address: from the {@code Address} its {@code main} serves under
     * (its namespace and name, on the public registry host, as Terraform reports it).
     */
    static String sourceAddress(ProviderModel model) {
        for (GoFile f : model.module().tree().files()) {
            if (f.isTestFile()) {
                continue;
            }
            for (Decl d : f.decls()) {
                for (Expr.KeyValueExpr kv : Walk.collect(d, Expr.KeyValueExpr.class)) {
                    if (kv.key() instanceof Expr.Ident k && k.name().equals("Address")
                            && kv.value() instanceof Expr.BasicLit lit && lit.kind() == Expr.LitKind.STRING) {
                        String[] parts = lit.stringValue().split("/");
                        if (parts.length >= 3) {
                            return "registry.terraform.io/" + parts[parts.length - 2] + "/" + parts[parts.length - 1];
                        }
                    }
                }
            }
        }
        return "registry.terraform.io/unknown/" + (model.providerTypeName() == null ? "unknown" : model.providerTypeName());
    }

    private static ObjectNode schema(Schema s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", 0);
        ObjectNode block = n.putObject("block");
        fillBlock(block, s.attributes(), s.blocks());
        describe(block, s.description(), s.markdownDescription());
        if (s.deprecationMessage() != null) {
            block.put("deprecated", true);
        }
        return n;
    }

    private static void fillBlock(ObjectNode block, Map<String, Attribute> attributes, Map<String, Schema.Block> blocks) {
        if (!attributes.isEmpty()) {
            ObjectNode attrs = block.putObject("attributes");
            attributes.forEach((name, a) -> attrs.set(name, attribute(a)));
        }
        if (!blocks.isEmpty()) {
            ObjectNode types = block.putObject("block_types");
            blocks.forEach((name, b) -> {
                ObjectNode bt = types.putObject(name);
                bt.put("nesting_mode", b.nesting());
                ObjectNode inner = bt.putObject("block");
                fillBlock(inner, b.attributes(), b.blocks());
                describe(inner, b.description(), null);
            });
        }
    }

    private static ObjectNode attribute(Attribute a) {
        ObjectNode n = JSON.createObjectNode();
        if (a.isNested()) {
            ObjectNode nested = n.putObject("nested_type");
            ObjectNode attrs = nested.putObject("attributes");
            a.nested().forEach((name, inner) -> attrs.set(name, attribute(inner)));
            nested.put("nesting_mode", switch (a.kind()) {
                case "ListNested" -> "list";
                case "SetNested" -> "set";
                case "MapNested" -> "map";
                default -> "single";
            });
        } else {
            type(n, a);
        }
        describe(n, a.description(), a.markdownDescription());
        flag(n, "required", a.required());
        flag(n, "optional", a.optional());
        flag(n, "computed", a.computed());
        flag(n, "sensitive", a.sensitive());
        flag(n, "write_only", a.writeOnly());
        flag(n, "deprecated", a.isDeprecated());
        return n;
    }

    private static void type(ObjectNode n, Attribute a) {
        String element = elementType(a.elementType());
        switch (a.kind()) {
            case "String" -> n.put("type", "string");
            case "Bool" -> n.put("type", "bool");
            case "Int64", "Int32", "Float64", "Float32", "Number" -> n.put("type", "number");
            case "Dynamic" -> n.put("type", "dynamic");
            case "List", "Set", "Map" -> {
                ArrayNode t = n.putArray("type");
                t.add(a.kind().toLowerCase());
                t.add(element);
            }
            default -> n.put("type", "dynamic");
        }
    }

    private static String elementType(String text) {
        if (text == null) {
            return "dynamic";
        }
        return switch (text) {
            case "types.StringType", "basetypes.StringType" -> "string";
            case "types.BoolType", "basetypes.BoolType" -> "bool";
            case "types.Int64Type", "types.Int32Type", "types.Float64Type", "types.Float32Type", "types.NumberType" -> "number";
            default -> "dynamic";
        };
    }

    private static void describe(ObjectNode n, String plain, String markdown) {
        if (markdown != null && !markdown.isEmpty()) {
            n.put("description", markdown);
            n.put("description_kind", "markdown");
        } else if (plain != null && !plain.isEmpty()) {
            n.put("description", plain);
            n.put("description_kind", "plain");
        }
    }

    private static void flag(ObjectNode n, String name, boolean value) {
        if (value) {
            n.put(name, true);
        }
    }
}
