package io.tfaudit.backend;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.files.FileProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The connectors' configurations in a checkout of the backend repository:
 * {@code app/{sources,destinations,transforms}/plugins/<code>/configuration.latest.json}, the
 * files the provider's code generator reads. Every file is read; one that is not valid JSON,
 * or whose entries Go's {@code encoding/json} would reject (a string where tfgen expects a
 * boolean, ...), becomes a {@link FileProblem} with its line, never an exception.
 */
public record BackendConfigs(Path root, List<BackendConnector> connectors, List<FileProblem> problems) {

    /** The backend's folder of each category, under {@code app/}. */
    public static final Map<Category, String> FOLDERS = Map.of(
            Category.SOURCE, "sources", Category.DESTINATION, "destinations", Category.TRANSFORM, "transforms");

    public static final String FILE_NAME = "configuration.latest.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    /** Where the configuration of a connector is expected, relative to the backend root. */
    public static String expectedFile(Category category, String code) {
        return "app/" + FOLDERS.get(category) + "/plugins/" + code + "/" + FILE_NAME;
    }

    public Optional<BackendConnector> connector(Category category, String code) {
        return connectors.stream().filter(c -> c.category() == category && c.code().equals(code)).findFirst();
    }

    /** Every problem: the tree's, each file's and each entry's. */
    public List<FileProblem> allProblems() {
        List<FileProblem> all = new ArrayList<>(problems);
        for (BackendConnector c : connectors) {
            if (c.fileProblem() != null) {
                all.add(c.fileProblem());
            }
            all.addAll(c.fieldProblems());
        }
        return all;
    }

    public static BackendConfigs read(Path root) {
        List<FileProblem> problems = new ArrayList<>();
        List<BackendConnector> connectors = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(new FileProblem(root.toString(), 0, Files.exists(root) ? "not a directory" : "no such directory"));
            return new BackendConfigs(root, List.of(), List.copyOf(problems));
        }
        for (Category category : List.of(Category.SOURCE, Category.DESTINATION, Category.TRANSFORM)) {
            Path plugins = root.resolve("app").resolve(FOLDERS.get(category)).resolve("plugins");
            if (!Files.isDirectory(plugins)) {
                continue;
            }
            List<Path> dirs;
            try (Stream<Path> list = Files.list(plugins)) {
                // Shared folders are not connectors (tfgen passes over them too).
                dirs = list.filter(Files::isDirectory).filter(d -> !isShared(d.getFileName().toString())).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            } catch (IOException e) {
                problems.add(new FileProblem(root.relativize(plugins).toString(), 0, "cannot list: " + e.getMessage()));
                continue;
            }
            for (Path dir : dirs) {
                Path file = dir.resolve(FILE_NAME);
                if (Files.isRegularFile(file)) {
                    connectors.add(readFile(category, dir.getFileName().toString(), file, relative(root, file)));
                }
            }
        }
        if (connectors.isEmpty() && problems.isEmpty()) {
            problems.add(new FileProblem(root.toString(), 0, "expected connector configurations at "
                    + "app/{sources,destinations,transforms}/plugins/<code>/" + FILE_NAME + ", found none"));
        }
        return new BackendConfigs(root, List.copyOf(connectors), List.copyOf(problems));
    }

    private static boolean isShared(String dir) {
        return dir.equals("common") || dir.equals("__pycache__") || dir.startsWith("_");
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    static BackendConnector readFile(Category category, String code, Path file, String name) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return unreadable(category, code, name, new FileProblem(name, 0, "larger than " + MAX_BYTES + " bytes"));
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return parse(category, code, name, text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException e) {
            return unreadable(category, code, name, new FileProblem(name, 0, "cannot read: " + e.getMessage()));
        }
    }

    private static BackendConnector unreadable(Category category, String code, String file, FileProblem p) {
        return new BackendConnector(category, code, file, null, false, List.of(), p, List.of());
    }

    /** Parses one file's text; {@code file} names it in problems. */
    public static BackendConnector parse(Category category, String code, String file, String text) {
        String displayName = null;
        boolean comingSoon = false;
        boolean sawConfig = false;
        List<BackendField> fields = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return unreadable(category, code, file, new FileProblem(file, line(p.currentTokenLocation()),
                        "expected a JSON object, found " + describe(p.currentToken())));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                int at = line(p.currentTokenLocation());
                switch (key) {
                    case "config" -> {
                        sawConfig = true;
                        if (t != JsonToken.START_ARRAY) {
                            return unreadable(category, code, file, new FileProblem(file, at,
                                    "\"config\": expected an array of fields, found " + describe(t)));
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            int line = line(p.currentTokenLocation());
                            JsonNode entry = JSON.readTree(p);
                            BackendField f = field(entry, file, line, problems);
                            if (f != null) {
                                fields.add(f);
                            }
                        }
                    }
                    case "display_name" -> {
                        JsonNode n = JSON.readTree(p);
                        if (n.isTextual()) {
                            displayName = n.textValue();
                        } else if (!n.isNull()) {
                            problems.add(new FileProblem(file, at, "\"display_name\": expected a string, found " + kind(n)));
                        }
                    }
                    case "coming_soon" -> {
                        JsonNode n = JSON.readTree(p);
                        if (n.isBoolean()) {
                            comingSoon = n.booleanValue();
                        } else if (!n.isNull()) {
                            problems.add(new FileProblem(file, at, "\"coming_soon\": expected a boolean, found " + kind(n)));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return unreadable(category, code, file, new FileProblem(file, line(p.currentTokenLocation()),
                        "unexpected content after the top-level object"));
            }
        } catch (JsonProcessingException e) {
            return unreadable(category, code, file, new FileProblem(file, line(e.getLocation()),
                    "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return unreadable(category, code, file, new FileProblem(file, 0, "cannot read: " + e.getMessage()));
        }
        if (!sawConfig) {
            return unreadable(category, code, file, new FileProblem(file, 1, "expected a \"config\" array of fields, found none"));
        }
        Set<String> seen = new HashSet<>();
        for (BackendField f : fields) {
            if (!f.name().isEmpty() && !seen.add(f.name())) {
                problems.add(new FileProblem(file, f.line(), "field " + f.name() + " is declared more than once"));
            }
        }
        return new BackendConnector(category, code, file, displayName, comingSoon, List.copyOf(fields), null, List.copyOf(problems));
    }

    /**
     * One entry of {@code config}, read the way tfgen's Go structs decode it: a value of the
     * wrong JSON type is a problem (Go's decoding would fail on it), and so is a select option
     * given as an object without {@code value} (tfgen stops on it). Returns null when the entry
     * is not an object.
     */
    private static BackendField field(JsonNode e, String file, int line, List<FileProblem> problems) {
        if (!e.isObject()) {
            problems.add(new FileProblem(file, line, "config entry: expected an object, found " + kind(e)));
            return null;
        }
        Entry entry = new Entry(file, line, problems);
        String name = entry.string(e, "name", "config entry");
        String label = name == null || name.isEmpty() ? "config entry" : "field " + name;
        if (name == null || name.isEmpty()) {
            problems.add(new FileProblem(file, line, "config entry without a \"name\" (its API key)"));
            name = name == null ? "" : name;
        }
        boolean userDefined = entry.bool(e, "user_defined", label);
        boolean required = entry.bool(e, "required", label);
        boolean encrypt = entry.bool(e, "encrypt", label);
        boolean setOnce = entry.bool(e, "set_once", label);
        JsonNode v = e.path("value");
        String control = null;
        String type = null;
        Object dflt = null;
        List<String> rawValues = List.of();
        Double min = null;
        Double max = null;
        Double step = null;
        String function = null;
        if (!v.isMissingNode() && !v.isNull() && !v.isObject()) {
            problems.add(new FileProblem(file, line, label + ": \"value\": expected an object, found " + kind(v)));
        } else if (v.isObject()) {
            control = entry.string(v, "control", label + ": value");
            type = entry.string(v, "type", label + ": value");
            function = entry.string(v, "function_name", label + ": value");
            dflt = scalar(v.get("default"));
            min = entry.number(v, "min", label);
            max = entry.number(v, "max", label);
            step = entry.number(v, "step", label);
            rawValues = entry.rawValues(v, label);
        }
        List<BackendField.Condition> conditions = new ArrayList<>();
        JsonNode cs = e.path("conditions");
        if (cs.isArray()) {
            for (JsonNode c : cs) {
                if (!c.isObject()) {
                    problems.add(new FileProblem(file, line, label + ": condition: expected an object, found " + kind(c)));
                    continue;
                }
                conditions.add(new BackendField.Condition(entry.string(c, "operator", label + ": condition"),
                        entry.string(c, "config", label + ": condition"), scalar(c.get("value"))));
            }
        } else if (!cs.isMissingNode() && !cs.isNull()) {
            problems.add(new FileProblem(file, line, label + ": \"conditions\": expected an array, found " + kind(cs)));
        }
        return new BackendField(name, userDefined, control, type, dflt, required, encrypt, setOnce, rawValues, min, max, step,
                function, List.copyOf(conditions), line);
    }

    /** Reads typed members of one entry, recording what Go's decoding would reject. */
    private record Entry(String file, int line, List<FileProblem> problems) {

        String string(JsonNode o, String key, String label) {
            JsonNode n = o.get(key);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isTextual()) {
                wrongType(label, key, "a string", n);
                return null;
            }
            return n.textValue();
        }

        boolean bool(JsonNode o, String key, String label) {
            JsonNode n = o.get(key);
            if (n == null || n.isNull()) {
                return false;
            }
            if (!n.isBoolean()) {
                wrongType(label, key, "a boolean", n);
                return false;
            }
            return n.booleanValue();
        }

        Double number(JsonNode o, String key, String label) {
            JsonNode n = o.get(key);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isNumber()) {
                wrongType(label, key, "a number", n);
                return null;
            }
            return n.doubleValue();
        }

        List<String> rawValues(JsonNode v, String label) {
            JsonNode n = v.get("raw_values");
            if (n == null || n.isNull()) {
                return List.of();
            }
            if (!n.isArray()) {
                wrongType(label, "raw_values", "an array", n);
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (JsonNode o : n) {
                JsonNode value = o.isObject() ? o.get("value") : o;
                if (o.isObject() && (value == null || !value.isValueNode() || value.isNull())) {
                    problems.add(new FileProblem(file, line, label + ": raw_values entry " + o
                            + ": expected a string, number, boolean or an object with a \"value\", found "
                            + (value == null ? "no \"value\"" : kind(value))));
                    continue;
                }
                Object s = scalar(value);
                out.add(s == null ? "null" : s instanceof String str ? str.strip() : format(s));
            }
            return List.copyOf(out);
        }

        private void wrongType(String label, String key, String expected, JsonNode found) {
            problems.add(new FileProblem(file, line, label + ": \"" + key + "\": expected " + expected + ", found " + kind(found)
                    + " (Go's encoding/json rejects it)"));
        }
    }

    /** A JSON scalar as Java data (String, Long, Double, Boolean), an array or object as its JSON text, null for null. */
    private static Object scalar(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? (Object) (long) d : (Object) d;
        }
        return n.toString();
    }

    /** A scalar as tfgen prints it: whole numbers without a fraction. */
    public static String format(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    private static String kind(JsonNode n) {
        if (n.isTextual()) {
            return "a string (" + n + ")";
        }
        if (n.isNumber()) {
            return "a number (" + n + ")";
        }
        if (n.isBoolean()) {
            return "a boolean (" + n + ")";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private static int line(JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getLineNr());
    }
}
