package io.tfaudit.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Allure results of an audit run, read back with their attachments' text, for tests. */
public record ResultFiles(List<ResultFiles.Result> results) {

    /** One result: its labels that matter here, status, message (a failure's headline and detail) and attachments (title → text). */
    public record Result(String name, String criterion, String resource, String status, String message,
                         Map<String, String> attachments) {
        @Override
        public String toString() {
            return criterion + (resource == null ? "" : " " + resource) + " " + status + ": " + message;
        }
    }

    public static ResultFiles read(Path dir) {
        ObjectMapper json = new ObjectMapper();
        List<Result> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).sorted().toList()) {
                JsonNode n = json.readTree(f.toFile());
                Map<String, String> attachments = new LinkedHashMap<>();
                for (JsonNode a : n.path("attachments")) {
                    attachments.put(a.path("name").asText(), Files.readString(dir.resolve(a.path("source").asText()), StandardCharsets.UTF_8));
                }
                // A failure's whole text is its detail (the trace); its message is the one-line headline.
                String trace = n.path("statusDetails").path("trace").asText("");
                String message = n.path("statusDetails").path("message").asText("");
                String whole = n.path("status").asText().equals("failed") && (trace.startsWith("[") || trace.startsWith("'"))
                        ? message + "\n" + trace.strip() : message;
                out.add(new Result(n.path("name").asText(), label(n, "criterion"), label(n, "resource"), n.path("status").asText(),
                        whole, attachments));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ResultFiles(List.copyOf(out));
    }

    /** The results of one criterion ({@code US-009.1}). */
    public List<Result> of(String criterion) {
        return results.stream().filter(r -> criterion.equals(r.criterion())).toList();
    }

    /** The one result of a criterion that is not per resource. */
    public Result single(String criterion) {
        List<Result> rs = of(criterion);
        if (rs.size() != 1) {
            throw new AssertionError("expected one result of " + criterion + ", found " + rs + " among " + results.size());
        }
        return rs.get(0);
    }

    private static String label(JsonNode n, String name) {
        for (JsonNode l : n.path("labels")) {
            if (name.equals(l.path("name").asText())) {
                return l.path("value").asText();
            }
        }
        return null;
    }
}
