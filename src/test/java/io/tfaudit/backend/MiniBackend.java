package io.tfaudit.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backend configurations of {@code MiniProvider}'s three connectors, aligned with it:
 * every attribute {@code X} is a user-defined string field {@code api.X}, and {@code name}
 * is a field {@code name}. Each field is written on one line, the first on line 4, so that
 * tests can name the line of the field they break.
 */
public final class MiniBackend {

    public static final String POSTGRESQL = "app/sources/plugins/postgresql/configuration.latest.json";
    public static final String SNOWFLAKE = "app/destinations/plugins/snowflake/configuration.latest.json";
    public static final String FILTER = "app/transforms/plugins/filter/configuration.latest.json";

    /** The line of the {@code i}-th field (from 0) of a file this class writes. */
    public static int line(int i) {
        return 4 + i;
    }

    private final Map<String, List<String>> entries = new LinkedHashMap<>();
    private final Map<String, String> rawFiles = new LinkedHashMap<>();

    private MiniBackend() {}

    public static MiniBackend sound() {
        MiniBackend b = new MiniBackend();
        List<String> pg = new ArrayList<>(List.of(string("name")));
        for (String a : List.of("transforms_insert_static_key1_static_field", "transforms_insert_static_key1_static_value",
                "transforms_insert_static_value1_static_field", "transforms_insert_static_value1_static_value",
                "transforms_insert_static_key2_static_field", "transforms_insert_static_key2_static_value",
                "transforms_insert_static_value2_static_field", "transforms_insert_static_value2_static_value")) {
            pg.add(string("api." + a));
        }
        b.entries.put(POSTGRESQL, pg);
        b.entries.put(SNOWFLAKE, new ArrayList<>(List.of(string("name"), string("api.create_schema_auto"))));
        b.entries.put(FILTER, new ArrayList<>(List.of(string("name"))));
        return b;
    }

    /** A user-defined field with a string control. */
    public static String string(String name) {
        return field(name, true, "{\"control\": \"string\", \"type\": \"raw\"}");
    }

    /** A field with its {@code value} object written as given. */
    public static String field(String name, boolean userDefined, String valueJson) {
        return "{\"name\": \"" + name + "\", \"user_defined\": " + userDefined + ", \"value\": " + valueJson + "}";
    }

    /** Adds a field (one line) at the end of a file's config. */
    public MiniBackend add(String file, String entry) {
        entries.get(file).add(entry);
        return this;
    }

    /** Replaces the field named {@code name}. */
    public MiniBackend replace(String file, String name, String entry) {
        List<String> list = entries.get(file);
        int i = indexOf(file, name);
        list.set(i, entry);
        return this;
    }

    public MiniBackend remove(String file, String name) {
        entries.get(file).remove(indexOf(file, name));
        return this;
    }

    /** The line a field is written on. */
    public int lineOf(String file, String name) {
        return line(indexOf(file, name));
    }

    /** Writes a file's whole text instead of its fields. */
    public MiniBackend text(String file, String text) {
        rawFiles.put(file, text);
        return this;
    }

    /** Leaves a connector without a configuration file. */
    public MiniBackend without(String file) {
        entries.remove(file);
        return this;
    }

    private int indexOf(String file, String name) {
        List<String> list = entries.get(file);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).startsWith("{\"name\": \"" + name + "\",")) {
                return i;
            }
        }
        throw new IllegalArgumentException("no field " + name + " in " + file);
    }

    public Path writeTo(Path dir) {
        try {
            Map<String, String> texts = new LinkedHashMap<>();
            entries.forEach((file, list) -> texts.put(file, "{\n  \"display_name\": \"" + file.split("/")[3] + "\",\n  \"config\": [\n    "
                    + String.join(",\n    ", list) + "\n  ]\n}\n"));
            texts.putAll(rawFiles);
            for (Map.Entry<String, String> e : texts.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
