package io.tfaudit.audit;

import io.tfaudit.provider.Category;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The resources the audit expects, by category: the PRD's 53 (a data file in the jar), the
 * sample provider's own list, or a file the user gives. Lines are {@code <category> <type>};
 * categories are source, destination, transform, other and data-source.
 */
public record Inventory(String origin, List<Entry> entries, List<String> problems) {

    public record Entry(Category category, String typeName, int line) {
        public boolean isDataSource() {
            return category == Category.DATA_SOURCE;
        }
    }

    public static Inventory builtIn() {
        try (InputStream in = Inventory.class.getResourceAsStream("prd-inventory.txt")) {
            return parse("the audit plan's inventory (Appendix A)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the built-in inventory is missing from tfaudit's jar", e);
        }
    }

    public static Inventory read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.file.NoSuchFileException e) {
            return new Inventory(file.toString(), List.of(), List.of(file + ": no such file"));
        } catch (IOException e) {
            return new Inventory(file.toString(), List.of(), List.of(file + ": cannot read the inventory: " + e.getMessage()));
        }
    }

    static Inventory parse(String origin, String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            Category c = parts.length == 2 ? category(parts[0]) : null;
            if (c == null) {
                problems.add(origin + ":" + (i + 1) + ": expected '<source|destination|transform|other|data-source> <type name>', found '" + l + "'");
            } else {
                entries.add(new Entry(c, parts[1], i + 1));
            }
        }
        return new Inventory(origin, List.copyOf(entries), List.copyOf(problems));
    }

    private static Category category(String word) {
        return switch (word) {
            case "source" -> Category.SOURCE;
            case "destination" -> Category.DESTINATION;
            case "transform" -> Category.TRANSFORM;
            case "other" -> Category.OTHER;
            case "data-source", "datasource", "data_source" -> Category.DATA_SOURCE;
            default -> null;
        };
    }

    public List<Entry> of(Category c) {
        return entries.stream().filter(e -> e.category() == c).toList();
    }
}
