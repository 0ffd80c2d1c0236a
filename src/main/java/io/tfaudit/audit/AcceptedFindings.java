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
 * repository, or a file given with {@code -Dbaseline.file}): each keyed by the criterion and
 * the finding's identity ({@link Findings.Finding#key()}: its place and defect, whichever
 * resource met it), with a reason, an owner and an expiry date; {@code where} and
 * {@code title} only say, for the reader, which finding that is. An accepted finding is still
 * reported, as baselined; an expired entry no longer accepts anything. tfaudit only reads
 * this file; {@code tfaudit baseline --write} is the one way to write it.
 *
 * <pre>{"entries": [{"criterion": "US-009.2", "finding": "3f9a0c1b2d4e5f60",
 *   "where": "internal/generated/source_sqlserver.go:88", "title": "...", "reason": "...",
 *   "owner": "...", "expires": "2027-03-31"}]}</pre>
 *
 * Older files keyed an entry by resource and item (text the finding contains) instead of
 * {@code finding}; such entries are still read and matched that way.
 */
public final class AcceptedFindings {

    private final Path file;
    private final List<Entry> entries;
    private final List<String> problems;
    /** Entries of a finding's identity by key (criterion|finding): a large file is matched in constant time per finding. */
    private final java.util.Map<String, Entry> byIdentity = new java.util.HashMap<>();
    /** Older entries (resource and item), matched one by one. */
    private final List<Entry> byText = new ArrayList<>();

    AcceptedFindings(Path file, List<Entry> entries, List<String> problems) {
        this.file = file;
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
        for (Entry e : this.entries) {
            if (e.finding() != null) {
                byIdentity.putIfAbsent(e.key(), e);
            } else {
                byText.add(e);
            }
        }
    }

    /** The file read, or null when there is none. */
    public Path file() {
        return file;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Why the file, or an entry of it, accepts nothing; never quoting a value of it (it may hold anything). */
    public List<String> problems() {
        return problems;
    }

    /** A larger file is not read: a baseline of the real provider's 1,247 findings is 0.4 MB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    public static final String FILE_NAME = "tfaudit-baseline.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One accepted finding: {@code finding} is its identity; an older entry has none, and is
     * matched by {@code resource} (null: every resource) and {@code item} instead.
     */
    public record Entry(String criterion, String finding, String where, String title, String resource, String item,
                        String reason, String owner, LocalDate expires) {

        /** An entry of a finding's identity, as {@code baseline --write} makes them. */
        public static Entry of(String criterion, String finding, String where, String title, String reason, String owner,
                               LocalDate expires) {
            return new Entry(criterion, finding, where, title, null, null, reason, owner, expires);
        }

        public String key() {
            return finding != null ? criterion + "|" + finding
                    : criterion + "|" + (resource == null ? "*" : resource) + "|" + item;
        }

        /** The key, and for the reader which finding it is. */
        public String describe() {
            return key() + (where == null && title == null ? ""
                    : " (" + (where == null ? "" : where + (title == null ? "" : ": ")) + (title == null ? "" : title) + ")");
        }

        /** The entry with each text redacted, as an output may show it. */
        public Entry redacted() {
            return new Entry(Redaction.text(criterion), Redaction.text(finding), Redaction.text(where), Redaction.text(title), Redaction.text(resource),
                    Redaction.text(item), Redaction.text(reason), Redaction.text(owner), expires);
        }

        public boolean expiredOn(LocalDate day) {
            return expires != null && expires.isBefore(day);
        }

        boolean matches(String criterionId, String resourceName, Findings.Finding f) {
            if (!criterion.equals(criterionId)) {
                return false;
            }
            if (finding != null) {
                return finding.equals(f.key());
            }
            // Older files named a data source as the report labels it, data.streamkap_x.
            String named = resource != null && resource.startsWith("data.") ? resource.substring(5) : resource;
            boolean sameResource = resource == null || resource.equals(resourceName) || named.equals(resourceName)
                    || resourceName == null && (f.what().contains(resource) || f.where().contains(resource));
            return sameResource && (f.what().contains(item) || f.where().contains(item));
        }
    }

    public static AcceptedFindings none() {
        return new AcceptedFindings(null, List.of(), List.of());
    }

    /** Reads the file; a malformed file or entry is a problem, and accepts nothing. */
    public static AcceptedFindings read(Path file) {
        return read(file, null);
    }

    /**
     * Reads the file, only when it is a regular file (not a FIFO, device or socket, nor on
     * {@code /proc} or {@code /sys}) of at most {@link #MAX_BYTES}; {@code tree}, when the file
     * is the one of the audited tree, is where a symbolic link may lead. Anything else is a
     * problem, and accepts nothing. A file that is not there is no file.
     */
    public static AcceptedFindings read(Path file, Path tree) {
        if (file == null || !Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return none();
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            String refused = refused(file, tree);
            if (refused != null) {
                problems.add(file + ": " + refused + ", not read");
                return new AcceptedFindings(file, entries, problems);
            }
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                problems.add(file + ": too large to read (the limit is " + MAX_BYTES / (1024 * 1024) + " MiB), not read");
                return new AcceptedFindings(file, entries, problems);
            }
            JsonNode root = JSON.readTree(bytes);
            JsonNode list = root == null ? null : root.path("entries");
            if (list == null || !list.isArray()) {
                problems.add(file + ": expected an object with an \"entries\" array");
            } else {
                int i = 0;
                for (JsonNode e : list) {
                    i++;
                    String criterion = text(e, "criterion");
                    String finding = text(e, "finding");
                    String item = text(e, "item");
                    String reason = text(e, "reason");
                    if (criterion == null || finding == null && item == null || reason == null) {
                        problems.add(file + ": entry " + i + " needs criterion, finding (or, in older files, item) and reason");
                        continue;
                    }
                    LocalDate expires = null;
                    String exp = text(e, "expires");
                    if (exp != null) {
                        try {
                            expires = LocalDate.parse(exp);
                        } catch (DateTimeParseException bad) {
                            problems.add(file + ": entry " + i + ": expires is not a date (YYYY-MM-DD)");
                            continue;
                        }
                    }
                    entries.add(new Entry(criterion, finding, text(e, "where"), text(e, "title"),
                            finding == null ? text(e, "resource") : null, finding == null ? item : null, reason, text(e, "owner"), expires));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            // Jackson's message may end with where the enclosing object started, naming its source: the line says where.
            // It quotes the token it did not expect, which may be anything: not repeated.
            problems.add(file + (line > 0 ? ":" + line : "") + ": not valid JSON: "
                    + e.getOriginalMessage().replaceAll("\\s*\\(for \\w+ starting at \\[Source:[\\s\\S]*$", "")
                            .replaceAll("token '[\\s\\S]*?'(?=: was expecting|$)", "token"));
        } catch (IOException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
        }
        return new AcceptedFindings(file, entries, problems);
    }

    /** Why the file is not opened, or null: a FIFO or device blocks, /proc/kmsg never ends, a link may leave the tree. */
    private static String refused(Path file, Path tree) throws IOException {
        if (!Files.exists(file)) {
            return "a symbolic link to nothing";
        }
        if (!Files.isRegularFile(file)) {
            return "not a regular file (a FIFO, socket, device or folder)";
        }
        Path real = file.toRealPath();
        if (tree != null && !real.startsWith(tree.toRealPath())) {
            return "a symbolic link leaving the tree (to " + real + ")";
        }
        if (io.tfaudit.source.DirectorySource.onPseudoFileSystem(real)) {
            return "on a pseudo file system (" + real + ")";
        }
        return null;
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() && !n.path(field).asText().isBlank() ? n.path(field).asText() : null;
    }

    /** The entry accepting this finding, if any (expired ones included: the caller tells them apart). */
    public Optional<Entry> entryFor(String criterionId, String resource, Findings.Finding f) {
        Entry byKey = byIdentity.get(criterionId + "|" + f.key());
        if (byKey != null) {
            return Optional.of(byKey);
        }
        return byText.stream().filter(e -> e.matches(criterionId, resource, f)).findFirst();
    }
}
