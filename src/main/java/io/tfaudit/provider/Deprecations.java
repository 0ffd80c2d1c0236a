package io.tfaudit.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.provider.files.JsonDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider's deprecated attribute names and their replacements, from
 * {@code cmd/tfgen/deprecations.json} when the provider has it, else from the alias code:
 * attributes with a DeprecationMessage, paired with the attribute their message names or
 * that maps to the same API field. {@link #source()} says which.
 */
public record Deprecations(String source, List<Entry> entries) {

    /** {@code typeName} may be null when the JSON names a connector the provider lacks. */
    public record Entry(String typeName, String oldName, String newName, String where) {}

    private static final Pattern USE_INSTEAD = Pattern.compile("[`'\"]([a-z0-9_]+)[`'\"]");

    public static Deprecations of(ProviderModel model) {
        JsonDocument json = model.files().tfgenJson().get("deprecations.json");
        if (json != null && json.json() != null) {
            return fromJson(model, json);
        }
        return fromAliasCode(model);
    }

    public boolean fromJson() {
        return source.endsWith("deprecations.json");
    }

    public List<Entry> of(String typeName) {
        return entries.stream().filter(e -> typeName.equals(e.typeName())).toList();
    }

    /** Objects with an old and a new name anywhere in the JSON; the keys above them name category and connector. */
    private static Deprecations fromJson(ProviderModel model, JsonDocument json) {
        List<Entry> out = new ArrayList<>();
        walk(model, json.json(), new ArrayList<>(), json.path(), out);
        return new Deprecations(json.path(), List.copyOf(out));
    }

    private static void walk(ProviderModel model, JsonNode node, List<String> keys, String path, List<Entry> out) {
        if (node.isObject()) {
            String old = text(node, "old", "old_name", "deprecated", "deprecated_name", "from");
            String replacement = text(node, "new", "new_name", "replacement", "replaced_by", "to");
            if (old != null && replacement != null) {
                String connector = text(node, "connector", "resource");
                String category = text(node, "entity_type", "category");
                if (connector == null && keys.size() >= 1) {
                    connector = keys.get(keys.size() - 1);
                }
                if (category == null && keys.size() >= 2) {
                    category = keys.get(keys.size() - 2);
                }
                out.add(new Entry(resolve(model, category, connector), old, replacement, path));
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> deeper = new ArrayList<>(keys);
                deeper.add(e.getKey());
                walk(model, e.getValue(), deeper, path, out);
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(model, n, keys, path, out));
        }
    }

    /** {@code sources}/{@code source} + {@code postgresql} → the registered {@code <provider>_source_postgresql}. */
    private static String resolve(ProviderModel model, String category, String connector) {
        if (connector == null) {
            return null;
        }
        String cat = category == null ? "" : category.replaceFirst("s$", "");
        String wanted = (model.providerTypeName() == null ? "" : model.providerTypeName() + "_") + cat + "_" + connector;
        for (Resource r : model.resources()) {
            if (wanted.equals(r.typeName()) || r.typeName() != null && r.typeName().endsWith("_" + cat + "_" + connector)) {
                return r.typeName();
            }
        }
        return wanted;
    }

    private static String text(JsonNode n, String... names) {
        for (String name : names) {
            if (n.path(name).isTextual()) {
                return n.path(name).asText();
            }
        }
        return null;
    }

    private static Deprecations fromAliasCode(ProviderModel model) {
        List<Entry> out = new ArrayList<>();
        for (Resource r : model.resources()) {
            for (Attribute a : r.schema().attributes().values()) {
                if (!a.isDeprecated()) {
                    continue;
                }
                out.add(new Entry(r.typeName(), a.name(), replacementOf(r, a).orElse(null), where(a.pos())));
            }
        }
        return new Deprecations("the alias code of the wrappers (no cmd/tfgen/deprecations.json)", List.copyOf(out));
    }

    /** The attribute the deprecation message names, else one mapping to the same API field. */
    private static Optional<String> replacementOf(Resource r, Attribute deprecated) {
        Matcher m = USE_INSTEAD.matcher(deprecated.deprecationMessage());
        while (m.find()) {
            if (!m.group(1).equals(deprecated.name())) {
                return Optional.of(m.group(1)); // named, even when absent: the criteria say so
            }
        }
        String api = r.fieldMappings().get(deprecated.name());
        if (api != null) {
            for (Map.Entry<String, String> e : r.fieldMappings().entrySet()) {
                if (e.getValue().equals(api) && !e.getKey().equals(deprecated.name())) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    private static String where(Pos p) {
        return p == null ? "?" : p.fileAndLine();
    }
}
