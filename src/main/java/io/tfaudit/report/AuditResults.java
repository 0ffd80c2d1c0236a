package io.tfaudit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfaudit.audit.FindingKind;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Severity;
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

    /**
     * One criterion's result (per resource for per-resource criteria), with the findings it
     * failed on: its own, and those of the criteria it restates.
     */
    public record Result(String name, String status, String epic, String feature, String story, String criterion,
                         String resource, Severity severity, String message, String headline, List<Entry> findings) {

        public Result(String name, String status, String epic, String feature, String story, String criterion,
                      String resource, Severity severity, String message) {
            this(name, status, epic, feature, story, criterion, resource, severity, message,
                    message.lines().findFirst().orElse(""), List.of());
        }

        /** A failure that only restates other criteria's findings (it adds none of its own). */
        public boolean restatesOnly() {
            return failed() && !findings.isEmpty() && findings.stream().allMatch(Entry::restated);
        }

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

    /**
     * One finding as a failed result lists it ({@code findings.json}, written by the criterion):
     * its identity, kind, the criterion that found it, place, resource, title and text, and
     * whether this result only restates it.
     */
    public record Entry(String key, FindingKind kind, String criterion, String where, String resource, String title,
                        String what, boolean restated) {

        /**
         * Whether the criterion reported it as a finding (findings.json), so its key is the
         * finding's identity; not one made up here for a failure without findings.
         */
        public boolean identified() {
            return !key.startsWith(UNIDENTIFIED);
        }
    }

    /** How the key of a failure without findings starts (a finding's identity is hexadecimal). */
    private static final String UNIDENTIFIED = "r";

    public static AuditResults read(Path directory) throws IOException {
        List<Result> results = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*-result.json")) {
            for (Path f : files) {
                try {
                    results.add(result(directory, JSON.readTree(f.toFile())));
                } catch (IOException e) {
                    unreadable.add(f.getFileName() + ": " + e.getMessage());
                }
            }
        }
        results.sort(Comparator.comparing((Result r) -> nullToEmpty(r.criterion())).thenComparing(r -> nullToEmpty(r.resource()))
                .thenComparing(Result::name));
        return new AuditResults(directory, List.copyOf(results), List.copyOf(unreadable));
    }

    private static Result result(Path directory, JsonNode n) throws IOException {
        String severity = label(n, "severity").orElse("normal");
        String message = n.path("statusDetails").path("message").asText("");
        String trace = n.path("statusDetails").path("trace").asText("");
        String criterion = label(n, "criterion").orElse(null);
        String resource = label(n, "resource").orElse(null);
        String status = n.path("status").asText("unknown");
        List<Entry> entries = new ArrayList<>();
        for (JsonNode a : n.path("attachments")) {
            if (Findings.ATTACHMENT.equals(a.path("name").asText())) {
                Path file = directory.resolve(a.path("source").asText()).normalize();
                if (!file.startsWith(directory.normalize()) || !Files.isRegularFile(file)) {
                    continue;
                }
                for (JsonNode e : JSON.readTree(file.toFile())) {
                    entries.add(new Entry(e.path("key").asText(), kind(e.path("kind").asText()), e.path("criterion").asText(criterion),
                            e.path("where").isNull() ? null : e.path("where").asText(null),
                            e.path("resource").isNull() ? null : e.path("resource").asText(null),
                            e.path("title").asText(""), e.path("what").asText(""), e.path("restated").asBoolean(false)));
                }
            }
        }
        boolean failed = status.equals("failed") || status.equals("broken");
        if (failed && entries.isEmpty()) {
            // A failure not built from findings (a check that broke, a bare assertion): one finding of its own.
            String first = message.lines().findFirst().orElse(n.path("name").asText()).strip();
            entries.add(new Entry(UNIDENTIFIED + Integer.toHexString((criterion + "|" + resource + "|" + first).hashCode()),
                    status.equals("broken") ? FindingKind.OTHER : FindingKind.OTHER, criterion, null, resource, first, message, false));
        }
        // A findings failure's trace is its detail; a Java stack trace is not evidence.
        String whole = failed && (trace.startsWith("[") || trace.startsWith("'")) ? trace.strip() : message;
        return new Result(n.path("name").asText(), status, label(n, "epic").orElse(""),
                label(n, "feature").orElse(""), label(n, "story").orElse(""), criterion, resource,
                Severity.valueOf(severity.toUpperCase()), whole, message.lines().findFirst().orElse("").strip(), List.copyOf(entries));
    }

    private static FindingKind kind(String name) {
        try {
            return FindingKind.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return FindingKind.OTHER;
        }
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
