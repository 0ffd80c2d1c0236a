package io.tfaudit.provider.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import io.tfaudit.source.DirectorySource;
import io.tfaudit.source.SourceFiles;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Finds and parses the provider's examples, docs, snapshots, cassettes, tfgen JSON and dotenv files. */
public final class ProviderFilesReader {

    private static final java.util.regex.Pattern NOT_PROVIDER_FILES = java.util.regex.Pattern.compile("(.*/)?(vendor|target|\\.terraform)/.*");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final long MAX_BYTES = 8L * 1024 * 1024;

    private ProviderFilesReader() {}

    public static ProviderFiles read(Path root) {
        return read(DirectorySource.of(root));
    }

    public static ProviderFiles read(SourceFiles source) {
        SourceFiles.Listing listing = source.list();
        List<String> paths = new ArrayList<>();
        Map<String, FileProblem> tooLarge = new TreeMap<>();
        for (String p : listing.paths()) {
            if (NOT_PROVIDER_FILES.matcher(p).matches()) {
                continue;
            }
            long size = listing.sizes().getOrDefault(p, 0L);
            paths.add(p);
            if (size > MAX_BYTES) {
                tooLarge.put(p, new FileProblem(p, 0, "too large to read (" + size + " bytes; the limit is "
                        + MAX_BYTES / (1024 * 1024) + " MiB)"));
            }
        }
        List<FileProblem> problems = new ArrayList<>();
        List<Cassette> cassettes = new ArrayList<>();
        List<HclFile> examples = new ArrayList<>();
        List<DocPage> docs = new ArrayList<>();
        List<Snapshot> snapshots = new ArrayList<>();
        TreeSet<String> snapshotDirs = new TreeSet<>();
        Map<String, JsonDocument> tfgen = new TreeMap<>();
        List<EnvFile> envFiles = new ArrayList<>();
        Map<String, String> texts = new TreeMap<>();
        for (String p : paths) {
            String name = p.substring(p.lastIndexOf('/') + 1);
            if (!isReadKind(p)) {
                continue;
            }
            // A file that is there but cannot be read (too large, no permission) is a problem of
            // that file, kept in its kind's list: a criterion says why, never "no such file".
            String text = null;
            FileProblem unread = tooLarge.get(p);
            if (unread == null) {
                try {
                    text = decode(source.read(p));
                } catch (IOException e) {
                    unread = new FileProblem(p, 0, "cannot read: " + why(e));
                }
            }
            if (unread != null) {
                problems.add(unread);
            }
            if (p.startsWith("examples/") && p.endsWith(".tf")) {
                HclFile f = unread != null ? new HclFile(p, List.of(), unread) : HclReader.read(p, text);
                examples.add(f);
                addProblem(problems, unread == null ? f.problem() : null);
            } else if (p.endsWith(".md") && (p.startsWith("docs/") || !p.contains("/"))) {
                DocPage d = unread != null ? new DocPage(p, Map.of(), List.of(), "", unread) : doc(p, text);
                docs.add(d);
                addProblem(problems, unread == null ? d.problem() : null);
                if (text != null && !p.startsWith("docs/resources/") && !p.startsWith("docs/data-sources/")) {
                    texts.put(p, text);
                }
            } else if (p.contains("testdata/") && p.endsWith(".json")) {
                Snapshot s = unread == null ? snapshot(p, text) : p.contains("schema") || p.contains("snapshot")
                        ? new Snapshot(p, resourceName(p), null, Map.of(), unread) : null;
                if (s != null) {
                    snapshots.add(s);
                    snapshotDirs.add(p.substring(0, p.lastIndexOf('/')));
                    addProblem(problems, unread == null ? s.problem() : null);
                }
            } else if (isCassette(p)) {
                // Too large to parse or not readable now, never too large to scan for secrets: read again, as a stream.
                Cassette c = unread == null ? cassette(p, text) : new Cassette(p, category(p), 0, null, unread,
                        () -> new java.io.InputStreamReader(source.open(p), StandardCharsets.UTF_8));
                cassettes.add(c);
                addProblem(problems, unread == null ? c.problem() : null);
            } else if (p.startsWith("cmd/tfgen/") && p.endsWith(".json")) {
                JsonDocument j = unread != null ? new JsonDocument(p, null, unread) : json(p, text);
                tfgen.put(name, j);
                addProblem(problems, unread == null ? j.problem() : null);
            } else if (text != null) {
                envFiles.add(env(p, text));
            }
        }
        return new ProviderFiles(List.copyOf(examples), List.copyOf(docs), List.copyOf(snapshotDirs), List.copyOf(snapshots),
                List.copyOf(cassettes), Map.copyOf(tfgen), List.copyOf(envFiles), Map.copyOf(texts), List.copyOf(problems));
    }

    private static boolean isCassette(String p) {
        return p.contains("cassettes/") && (p.endsWith(".yaml") || p.endsWith(".yml"));
    }

    /** Whether the file is of a kind read here (examples, docs, snapshots, cassettes, tfgen JSON, dotenv). */
    private static boolean isReadKind(String p) {
        String name = p.substring(p.lastIndexOf('/') + 1);
        return p.startsWith("examples/") && p.endsWith(".tf") || p.endsWith(".md") && (p.startsWith("docs/") || !p.contains("/"))
                || p.contains("testdata/") && p.endsWith(".json") || isCassette(p) || p.startsWith("cmd/tfgen/") && p.endsWith(".json")
                || !p.contains("/") && (name.equals(".env") || name.startsWith(".env."));
    }

    /** An I/O failure as a person reads it: java.nio's exceptions often carry only the file's name. */
    private static String why(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file (it went away while the audit read the checkout)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String category(String path) {
        String afterCassettes = path.substring(path.indexOf("cassettes/") + "cassettes/".length());
        return afterCassettes.contains("/") ? afterCassettes.substring(0, afterCassettes.indexOf('/')) : "";
    }

    private static void addProblem(List<FileProblem> problems, FileProblem p) {
        if (p != null) {
            problems.add(p);
        }
    }

    private static String decode(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    static DocPage doc(String path, String text) {
        Map<String, Object> front = Map.of();
        FileProblem problem = null;
        String body = text;
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("---\n")) {
            int end = normalized.indexOf("\n---", 4);
            if (end < 0) {
                problem = new FileProblem(path, 1, "frontmatter is not closed by a '---' line");
            } else {
                String yaml = normalized.substring(4, end);
                body = normalized.substring(Math.min(normalized.length(), end + 4));
                try {
                    Object parsed = yaml.isBlank() ? Map.of() : YAML.readValue(yaml, Object.class);
                    if (parsed instanceof Map<?, ?> m) {
                        Map<String, Object> copy = new LinkedHashMap<>();
                        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                        front = copy;
                    } else {
                        problem = new FileProblem(path, 2, "frontmatter is not a YAML mapping");
                    }
                } catch (JsonProcessingException e) {
                    int line = e.getLocation() == null ? 2 : e.getLocation().getLineNr() + 1;
                    problem = new FileProblem(path, line, "frontmatter is not valid YAML: " + withoutQuotedText(e.getOriginalMessage()));
                }
            }
        }
        List<String> headings = new ArrayList<>();
        boolean fenced = false;
        for (String line : body.split("\n")) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.startsWith("#")) {
                headings.add(line.replaceFirst("^#+\\s*", "").strip());
            }
        }
        return new DocPage(path, front, List.copyOf(headings), text, problem);
    }

    static Snapshot snapshot(String path, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (!path.contains("schema") && !path.contains("snapshot")) {
                return null;
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Snapshot(path, resourceName(path), null, Map.of(),
                    new FileProblem(path, line, "not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.path("attributes").isObject()) {
            return null;
        }
        Map<String, Snapshot.Flags> attrs = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("attributes").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode a = e.getValue();
            attrs.put(e.getKey(), new Snapshot.Flags(a.path("required").asBoolean(), a.path("optional").asBoolean(),
                    a.path("computed").asBoolean(), a.path("sensitive").asBoolean()));
        }
        String version = root.path("version").isTextual() ? root.path("version").asText() : null;
        return new Snapshot(path, resourceName(path), version, Map.copyOf(attrs), null);
    }

    /** {@code .../source_postgresql_v1.json} → {@code source_postgresql}. */
    static String resourceName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
        return name.replaceFirst("_v\\d+$", "");
    }

    static Cassette cassette(String path, String text) {
        String category = category(path);
        try {
            JsonNode root = YAML.readTree(text);
            int interactions = root != null && root.path("interactions").isArray() ? root.path("interactions").size() : 0;
            return new Cassette(path, category, interactions, text, null);
        } catch (IOException e) {
            int line = e instanceof JsonProcessingException j && j.getLocation() != null ? j.getLocation().getLineNr() : 0;
            String msg = withoutQuotedText(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
            return new Cassette(path, category, 0, text, new FileProblem(path, line, "not valid YAML: " + msg));
        }
    }

    /**
     * A YAML parser's message without the lines it quotes from the file (indented, cut at a
     * window: {@code ... assword: "…"} is no longer recognisable as a secret): what was expected
     * and found stays; where is the problem's line.
     */
    static String withoutQuotedText(String message) {
        if (message == null) {
            return null;
        }
        return message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .reduce((a, b) -> a + "; " + b).orElse(message.strip());
    }

    static JsonDocument json(String path, String text) {
        try {
            return new JsonDocument(path, JSON.readTree(text), null);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new JsonDocument(path, null, new FileProblem(path, line, "not valid JSON: " + e.getOriginalMessage()));
        }
    }

    static EnvFile env(String path, String text) {
        Map<String, Integer> vars = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("export ")) {
                l = l.substring(7).strip();
            }
            int eq = l.indexOf('=');
            String name = eq > 0 ? l.substring(0, eq).strip() : l;
            if (!l.startsWith("#") && eq > 0 && name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                vars.putIfAbsent(name, i + 1);
            } else if (l.startsWith("#") && l.substring(1).strip().matches("[A-Z_][A-Z0-9_]*=.*")) {
                // a commented-out placeholder still documents the variable
                String commented = l.substring(1).strip();
                vars.putIfAbsent(commented.substring(0, commented.indexOf('=')), i + 1);
            }
        }
        return new EnvFile(path, Map.copyOf(vars));
    }
}
