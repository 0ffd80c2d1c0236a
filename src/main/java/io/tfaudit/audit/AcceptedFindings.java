package io.tfaudit.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The findings a team has accepted for now ({@code tfaudit-baseline.json} in the audited
 * repository, or a file given with {@code -Dbaseline.file}): each keyed by criterion,
 * resource and item (text the finding contains), with a reason, an owner and an expiry date.
 * An accepted finding is still reported, as baselined; an expired entry no longer accepts
 * anything. tfaudit only reads this file; {@code tfaudit baseline --write} is the one way
 * to write it.
 *
 * <pre>{"entries": [{"criterion": "US-009.2", "resource": "streamkap_source_sqlserver",
 *   "item": "streamkap_snapshot_large_table_threshold", "reason": "...", "owner": "...",
 *   "expires": "2027-03-31"}]}</pre>
 */
public record AcceptedFindings(Path file, List<Entry> entries, List<String> problems) {

    public static final String FILE_NAME = "tfaudit-baseline.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code resource} null matches every resource. */
    public record Entry(String criterion, String resource, String item, String reason, String owner, LocalDate expires) {

        public String key() {
            return criterion + "|" + (resource == null ? "*" : resource) + "|" + item;
        }

        public boolean expiredOn(LocalDate day) {
            return expires != null && expires.isBefore(day);
        }

        boolean matches(String criterionId, String resourceName, Findings.Finding f) {
            boolean sameResource = resource == null || resource.equals(resourceName)
                    || resourceName == null && (f.what().contains(resource) || f.where().contains(resource));
            return criterion.equals(criterionId) && sameResource && (f.what().contains(item) || f.where().contains(item));
        }
    }

    public static AcceptedFindings none() {
        return new AcceptedFindings(null, List.of(), List.of());
    }

    /** Reads the file; a malformed file or entry is a problem, and accepts nothing. */
    public static AcceptedFindings read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return none();
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode list = root == null ? null : root.path("entries");
            if (list == null || !list.isArray()) {
                problems.add(file + ": expected an object with an \"entries\" array");
            } else {
                int i = 0;
                for (JsonNode e : list) {
                    i++;
                    String criterion = text(e, "criterion");
                    String item = text(e, "item");
                    String reason = text(e, "reason");
                    if (criterion == null || item == null || reason == null) {
                        problems.add(file + ": entry " + i + " needs criterion, item and reason");
                        continue;
                    }
                    LocalDate expires = null;
                    String exp = text(e, "expires");
                    if (exp != null) {
                        try {
                            expires = LocalDate.parse(exp);
                        } catch (DateTimeParseException bad) {
                            problems.add(file + ": entry " + i + ": expires '" + exp + "' is not a date (YYYY-MM-DD)");
                            continue;
                        }
                    }
                    entries.add(new Entry(criterion, text(e, "resource"), item, reason, text(e, "owner"), expires));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            // Jackson's message may end with where the enclosing object started, naming its source: the line says where.
            problems.add(file + (line > 0 ? ":" + line : "") + ": not valid JSON: "
                    + e.getOriginalMessage().replaceAll("\\s*\\(for \\w+ starting at \\[Source:[\\s\\S]*$", ""));
        } catch (IOException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
        }
        return new AcceptedFindings(file, List.copyOf(entries), List.copyOf(problems));
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() && !n.path(field).asText().isBlank() ? n.path(field).asText() : null;
    }

    /** The entry accepting this finding, if any (expired ones included: the caller tells them apart). */
    public Optional<Entry> entryFor(String criterionId, String resource, Findings.Finding f) {
        return entries.stream().filter(e -> e.matches(criterionId, resource, f)).findFirst();
    }
}
