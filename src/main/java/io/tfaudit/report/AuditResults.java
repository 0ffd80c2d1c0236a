package io.tfaudit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfaudit.audit.Severity;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The results of an audit run as the report shows them: read back from the Allure results
 * folder, so that the gate and the machine outputs decide from exactly what the report says.
 */
public record AuditResults(Path directory, List<Result> results, List<String> unreadable) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One criterion's result (per resource for per-resource criteria). */
    public record Result(String name, String status, String epic, String feature, String story, String criterion,
                         String resource, Severity severity, String message) {

        public boolean failed() {
            return status.equals("failed") || status.equals("broken");
        }

        /** Not judged: the criterion ended in an error rather than a verdict. */
        public boolean broken() {
            return status.equals("broken");
        }

        public boolean skipped() {
            return status.equals("skipped");
        }
    }

    public static AuditResults read(Path directory) throws IOException {
        List<Result> results = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*-result.json")) {
            for (Path f : files) {
                try {
                    results.add(result(JSON.readTree(f.toFile())));
                } catch (IOException e) {
                    unreadable.add(f.getFileName() + ": " + e.getMessage());
                }
            }
        }
        results.sort(Comparator.comparing((Result r) -> nullToEmpty(r.criterion())).thenComparing(r -> nullToEmpty(r.resource()))
                .thenComparing(Result::name));
        return new AuditResults(directory, List.copyOf(results), List.copyOf(unreadable));
    }

    private static Result result(JsonNode n) {
        String severity = label(n, "severity").orElse("normal");
        return new Result(n.path("name").asText(), n.path("status").asText("unknown"), label(n, "epic").orElse(""),
                label(n, "feature").orElse(""), label(n, "story").orElse(""), label(n, "criterion").orElse(null),
                label(n, "resource").orElse(null), Severity.valueOf(severity.toUpperCase()),
                n.path("statusDetails").path("message").asText(""));
    }

    private static Optional<String> label(JsonNode n, String name) {
        for (JsonNode l : n.path("labels")) {
            if (name.equals(l.path("name").asText())) {
                return Optional.of(l.path("value").asText());
            }
        }
        return Optional.empty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public long count(String status) {
        return results.stream().filter(r -> r.status().equals(status)).count();
    }
}
