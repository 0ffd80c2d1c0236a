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
 * (format_version 1.0), so that tools made for that output can read ours: the provider's
 * configuration block, resources, data sources, ephemeral resources and functions. A schema
 * version or a type that could not be known is left out (it is listed as unresolved), never
 * shown as 0 or {@code dynamic}.
 */
public final class SchemaExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private SchemaExport() {}

    public static String toJson(ProviderModel model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", "1.0");
        ObjectNode provider = root.putObject("provider_schemas").putObject(sourceAddress(model));
        if (model.providerSchema() != null) {
            provider.set("provider", schema(model.providerSchema()));
        }
        section(provider, "resource_schemas", model.resources());
        section(provider, "data_source_schemas", model.dataSources());
        if (!model.ephemeralResources().isEmpty()) {
            section(provider, "ephemeral_resource_schemas", model.ephemeralResources());
        }
        if (!model.functions().isEmpty()) {
            ObjectNode functions = provider.putObject("functions");
            for (Function f : model.functions()) {
                if (f.name() != null) {
                    functions.set(f.name(), function(f));
                }
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void section(ObjectNode provider, String name, java.util.List<Resource> resources) {
        ObjectNode out = provider.putObject(name);
        for (Resource r : resources) {
            if (r.typeName() != null) {
                out.set(r.typeName(), schema(r.schema()));
            }
        }
    }

    private static ObjectNode function(Function f) {
        ObjectNode n = JSON.createObjectNode();
        functionText(n, f.description(), f.markdownDescription());
        if (f.summary() != null && !f.summary().isEmpty()) {
            n.put("summary", f.summary());
        }
        if (f.deprecationMessage() != null && !f.deprecationMessage().isEmpty()) {
            n.put("deprecation_message", f.deprecationMessage());
        }
        if (f.returnType() != null && f.returnType().isKnown()) {
            n.set("return_type", f.returnType().toJson());
        }
        if (!f.parameters().isEmpty()) {
            ArrayNode params = n.putArray("parameters");
            f.parameters().forEach(p -> params.add(parameter(p)));
        }
        if (f.variadicParameter() != null) {
            n.set("variadic_parameter", parameter(f.variadicParameter()));
        }
        return n;
    }

    private static ObjectNode parameter(Function.Parameter p) {
        ObjectNode n = JSON.createObjectNode();
        if (p.name() != null) {
            n.put("name", p.name());
        }
        functionText(n, p.description(), p.markdownDescription());
        flag(n, "is_nullable", p.allowNull());
        if (p.type() != null && p.type().isKnown()) {
            n.set("type", p.type().toJson());
        }
        return n;
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
        if (s.version() != null) {
            n.put("version", s.version());
        }
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
        } else if (a.type() != null && a.type().isKnown()) {
            n.set("type", a.type().toJson());
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

    /** Functions and their parameters carry one description, without a kind. */
    private static void functionText(ObjectNode n, String plain, String markdown) {
        String text = markdown != null && !markdown.isEmpty() ? markdown : plain;
        if (text != null && !text.isEmpty()) {
            n.put("description", text);
        }
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
