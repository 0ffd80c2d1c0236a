package io.tfaudit.criteria.phase4;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tfaudit.audit.Findings;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.files.JsonDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One of tfgen's data files ({@code cmd/tfgen/overrides.json}, {@code deprecations.json}):
 * the parsed document, the line of each object (by JSON pointer), the keys no generator
 * struct decodes, and, for overrides, its entries read tolerantly (the key names differ
 * between generators).
 */
final class TfgenJson {

    private final String name;
    private final JsonDocument doc;
    private final Map<String, Integer> lines = new HashMap<>();

    private TfgenJson(ProviderModel provider, String name) {
        this.name = name;
        this.doc = provider.files().tfgenJson().get(name);
        if (doc != null && doc.json() != null) {
            try {
                indexLines(new String(provider.module().tree().source().read(doc.path()), StandardCharsets.UTF_8));
            } catch (IOException e) {
                // lines stay unknown; findings then name the file only
            }
        }
    }

    static TfgenJson of(ProviderModel provider, String name) {
        return new TfgenJson(provider, name);
    }

    boolean present() {
        return doc != null;
    }

    boolean parsed() {
        return doc != null && doc.json() != null;
    }

    JsonNode json() {
        return doc.json();
    }

    /** The file's path ({@code cmd/tfgen/overrides.json}). */
    String path() {
        return doc != null ? doc.path() : TfgenSource.DIR + "/" + name;
    }

    /** Why it did not parse, with its line. */
    String problem() {
        return doc == null || doc.problem() == null ? null : doc.problem().toString();
    }

    /** file:line of the object at this JSON pointer, or the file. */
    String where(String pointer) {
        Integer line = lines.get(pointer);
        return line == null ? path() : path() + ":" + line;
    }

    private void indexLines(String text) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    // the container's own pointer is its parent's context path
                    lines.putIfAbsent(p.getParsingContext().getParent() == null ? ""
                            : p.getParsingContext().getParent().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
                }
                if (t == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
                }
            }
        }
    }

    /**
     * Keys that no struct of the generator decodes: encoding/json drops them without a word,
     * so what they say never reaches the generator. An object most of whose keys are unknown
     * is taken for a map (connector names, categories) and only its values are checked.
     */
    void unknownKeys(Set<String> decoded, Findings f) {
        if (parsed()) {
            walkKeys(json(), "", decoded, f);
        }
    }

    private void walkKeys(JsonNode node, String pointer, Set<String> decoded, Findings f) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            long known = keys.stream().filter(decoded::contains).count();
            boolean struct = known > 0 && known * 2 >= keys.size();
            for (String k : keys) {
                String child = pointer + "/" + k.replace("~", "~0").replace("/", "~1");
                if (struct && !decoded.contains(k)) {
                    f.add(where(child), "key \"" + k + "\" is decoded by no struct of cmd/tfgen (its json tags: " + decoded
                            + "), so the generator never sees it");
                }
                walkKeys(node.get(k), child, decoded, f);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkKeys(node.get(i), pointer + "/" + i, decoded, f);
            }
        }
    }

    // ---------------------------------------------------------------- overrides

    /** One nested attribute of a map_nested override. */
    record Nested(String name, String type, boolean required, List<String> validators) {}

    /**
     * One override: {@code type} map_string or map_nested (a field override), or string, int64,
     * bool (an additional field the backend does not mark user-defined).
     */
    record Override(String type, String entity, String connector, String apiField, String attribute, List<Nested> nested,
                    boolean additional, String where) {
        boolean isMap() {
            return type != null && type.startsWith("map_");
        }

        String label() {
            return entity + " " + connector + " " + (attribute != null ? attribute : apiField) + " (" + type + ")";
        }
    }

    List<Override> overrides() {
        List<Override> out = new ArrayList<>();
        if (parsed()) {
            collect(json(), "", false, out);
        }
        return out;
    }

    private void collect(JsonNode node, String pointer, boolean additional, List<Override> out) {
        if (node.isObject()) {
            if (node.path("connector").isTextual()) {
                out.add(override(node, pointer, additional));
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), pointer + "/" + e.getKey(), additional || e.getKey().startsWith("additional"), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, additional, out);
            }
        }
    }

    private Override override(JsonNode n, String pointer, boolean additional) {
        String entity = text(n, "entity_type", "entity", "category");
        if (entity != null && entity.endsWith("s")) {
            entity = entity.substring(0, entity.length() - 1);
        }
        List<Nested> nested = new ArrayList<>();
        for (String key : List.of("nested_fields", "nested_attributes", "nested", "fields")) {
            for (JsonNode x : n.path(key)) {
                List<String> validators = new ArrayList<>();
                for (JsonNode v : x.path("validators")) {
                    String t = v.path("type").asText("");
                    if (t.endsWith("at_least")) {
                        validators.add("AtLeast(" + v.path("value").asText() + ")");
                    } else if (t.endsWith("at_most")) {
                        validators.add("AtMost(" + v.path("value").asText() + ")");
                    }
                }
                if (x.path("at_least").isNumber()) {
                    validators.add("AtLeast(" + x.path("at_least").asText() + ")");
                }
                if (x.path("min").isNumber() && x.path("max").isNumber()) {
                    validators.add("Between(" + x.path("min").asText() + ", " + x.path("max").asText() + ")");
                }
                String name = text(x, "terraform_attr_name", "attribute", "name");
                nested.add(new Nested(name, text(x, "type"), x.path("required").asBoolean(false), validators));
            }
        }
        return new Override(text(n, "type", "kind"), entity, text(n, "connector"), text(n, "api_field_name", "api_field", "field"),
                text(n, "terraform_attr_name", "attribute", "attr"), nested, additional || !text(n, "type").startsWith("map_"),
                where(pointer));
    }

    private static String text(JsonNode n, String... names) {
        for (String name : names) {
            if (n.path(name).isTextual()) {
                return n.path(name).asText();
            }
        }
        return names.length == 1 && names[0].equals("type") ? "" : null;
    }
}
