package io.tfaudit.criteria.phase4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfaudit.audit.CriterionRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend repository the generator reads ({@code backend.path} or
 * {@code STREAMKAP_BACKEND_PATH}): per connector, {@code app/<entity>s/plugins/<code>/configuration.latest.json},
 * with the entity's {@code app/<entity>s/configurations_for_all.json} merged under it (the
 * connector's own entry wins), parsed with Jackson.
 */
final class BackendCheckout {

    /** What a skipped criterion prints as the way to run the comparison. */
    static final String HOW = "tfaudit audit --backend /path/to/backend  (or -Dbackend.path=/path/to/backend, or STREAMKAP_BACKEND_PATH)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, BackendCheckout> CACHE = new ConcurrentHashMap<>();

    /** One entry of a connector's "config" array, with the file it came from. */
    record Field(String name, JsonNode node, String file) {
        boolean userDefined() {
            return node.path("user_defined").asBoolean(false);
        }

        boolean required() {
            return node.path("required").asBoolean(false);
        }

        boolean encrypt() {
            return node.path("encrypt").asBoolean(false);
        }

        boolean setOnce() {
            return node.path("set_once").asBoolean(false);
        }

        boolean readonly() {
            return node.path("value").path("readonly").asBoolean(false);
        }

        String control() {
            return node.path("value").path("control").asText("");
        }

        String valueType() {
            return node.path("value").path("type").asText("");
        }

        /** The default as text (numbers without a needless fraction), or null when there is none. */
        String defaultText() {
            JsonNode d = node.path("value").path("default");
            return d.isMissingNode() || d.isNull() || d.isContainerNode() ? null : scalar(d);
        }

        /** The default as a finding quotes it: redacted when the field holds a secret (encrypted, a password control). */
        String shownDefault() {
            String d = defaultText();
            return d != null && (encrypt() || control().equals("password")) ? io.tfaudit.audit.Secrets.redact(d) : d;
        }

        /** A default the backend resolves itself ({@code "<SSH.PUBLIC.KEY>"}): never a Terraform default. */
        boolean placeholderDefault() {
            String d = defaultText();
            return d != null && d.length() >= 2 && d.startsWith("<") && d.endsWith(">");
        }

        /** The choices of a select: strings, or the {@code value} of {@code {value, label}} objects. */
        List<String> rawValues() {
            List<String> out = new ArrayList<>();
            for (JsonNode v : node.path("value").path("raw_values")) {
                JsonNode x = v.isObject() ? v.path("value") : v;
                out.add(x.isMissingNode() ? v.toString() : scalar(x));
            }
            return out;
        }

        Optional<BigDecimal> bound(String name) {
            JsonNode n = node.path("value").path(name);
            return n.isNumber() ? Optional.of(n.decimalValue()) : n.isTextual() ? parse(n.asText()) : Optional.empty();
        }

        int conditions() {
            return node.path("conditions").isArray() ? node.path("conditions").size() : 0;
        }

        String where() {
            return file + " (" + name + ")";
        }
    }

    /** A connector's fields by name, or why they could not be read. */
    record Connector(String entity, String code, String file, Map<String, Field> fields, String problem) {
        Optional<Field> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }
    }

    private final Path root;
    private final Map<String, Connector> connectors = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Field>> common = new ConcurrentHashMap<>();

    private BackendCheckout(Path root) {
        this.root = root;
    }

    /** The configured backend, or empty (the criterion then says why and skips its comparison). */
    static Optional<BackendCheckout> of(CriterionRun run) {
        Path p = run.audit().config().backendPath();
        if (p == null || !Files.isDirectory(p)) {
            return Optional.empty();
        }
        return Optional.of(CACHE.computeIfAbsent(p.toAbsolutePath().normalize(), BackendCheckout::new));
    }

    /** Why there is no backend to compare with. */
    static String unavailable(CriterionRun run) {
        Path p = run.audit().config().backendPath();
        return p == null ? "no backend checkout is configured (backend.path or STREAMKAP_BACKEND_PATH)"
                : "the backend path " + p + " is not a directory";
    }

    Path root() {
        return root;
    }

    Connector connector(String entity, String code) {
        return connectors.computeIfAbsent(entity + "/" + code, k -> read(entity, code));
    }

    private Connector read(String entity, String code) {
        String rel = "app/" + entity + "s/plugins/" + code + "/configuration.latest.json";
        Path file = root.resolve(rel);
        if (!Files.isRegularFile(file)) {
            return new Connector(entity, code, rel, Map.of(), "the backend has no " + rel);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        try {
            JsonNode json = JSON.readTree(file.toFile());
            for (JsonNode e : json.path("config")) {
                if (e.path("name").isTextual()) {
                    fields.putIfAbsent(e.path("name").asText(), new Field(e.path("name").asText(), e, rel));
                }
            }
        } catch (IOException e) {
            return new Connector(entity, code, rel, Map.of(), rel + " does not parse: " + e.getMessage().lines().findFirst().orElse(""));
        }
        commonFields(entity).forEach(fields::putIfAbsent);
        return new Connector(entity, code, rel, Collections.unmodifiableMap(fields), null);
    }

    private Map<String, Field> commonFields(String entity) {
        return common.computeIfAbsent(entity, e -> {
            String rel = "app/" + e + "s/configurations_for_all.json";
            Path file = root.resolve(rel);
            Map<String, Field> out = new LinkedHashMap<>();
            if (Files.isRegularFile(file)) {
                try {
                    for (JsonNode n : JSON.readTree(file.toFile()).path("config")) {
                        if (n.path("name").isTextual()) {
                            out.putIfAbsent(n.path("name").asText(), new Field(n.path("name").asText(), n, rel));
                        }
                    }
                } catch (IOException ignored) {
                    // a broken common file leaves the connector's own fields
                }
            }
            return out;
        });
    }

    static String scalar(JsonNode n) {
        if (n.isNumber()) {
            BigDecimal d = n.decimalValue().stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        return n.isTextual() ? n.asText().strip() : n.toString();
    }

    private static Optional<BigDecimal> parse(String s) {
        try {
            return Optional.of(new BigDecimal(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
