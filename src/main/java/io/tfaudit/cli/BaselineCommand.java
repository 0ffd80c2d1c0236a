package io.tfaudit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfaudit.audit.AcceptedFindings;
import io.tfaudit.report.AuditResults;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code baseline --write --provider DIR --reason TEXT --owner NAME --expires YYYY-MM-DD}:
 * accepts every finding of the last run (read from its results folder, each failed result's
 * findings.json) by adding an entry per finding to tfaudit-baseline.json, keyed by the
 * criterion that found it and the finding's identity; entries already there are kept. A
 * finding a result only restates is accepted where it was found, so the restating result
 * is baselined with it. A failure that is not a finding (a check that broke) cannot be
 * accepted, and is named. The only command that writes the file: a normal run or CI never does.
 */
final class BaselineCommand {

    private final PrintStream out;
    private final PrintStream err;

    BaselineCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        boolean write = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--write")) {
                write = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i].substring(2), args[++i]);
            } else {
                err.println("tfaudit baseline: unexpected argument " + args[i]);
                return Main.BAD_USAGE;
            }
        }
        if (!write || !opts.containsKey("reason") || !opts.containsKey("owner") || !opts.containsKey("expires")) {
            err.println("usage: java -jar tfaudit.jar baseline --write [--provider DIR | --file FILE] [--results DIR]"
                    + " --reason TEXT --owner NAME --expires YYYY-MM-DD");
            return Main.BAD_USAGE;
        }
        LocalDate expires;
        try {
            expires = LocalDate.parse(opts.get("expires"));
        } catch (java.time.format.DateTimeParseException e) {
            err.println("tfaudit baseline: --expires takes a date as YYYY-MM-DD");
            return Main.BAD_USAGE;
        }
        Path tree = opts.containsKey("file") ? null : Path.of(opts.getOrDefault("provider", "."));
        Path file = tree == null ? Path.of(opts.get("file")) : tree.resolve(AcceptedFindings.FILE_NAME);
        Path results = Path.of(opts.getOrDefault("results", "allure-results"));
        try {
            AuditResults last = AuditResults.read(results);
            AcceptedFindings existing = AcceptedFindings.read(file, tree);
            if (!existing.problems().isEmpty()) {
                err.println("tfaudit baseline: " + file + " is malformed or cannot be read, not touched: " + existing.problems());
                return Main.BAD_USAGE;
            }
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = json.createObjectNode();
            ArrayNode entries = root.putArray("entries");
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (AcceptedFindings.Entry e : existing.entries()) {
                keys.add(e.key());
                entries.add(entry(json, e));
            }
            int added = 0;
            java.util.List<String> notFindings = new java.util.ArrayList<>();
            for (AuditResults.Result r : last.results()) {
                if (!r.failed() || r.criterion() == null) {
                    continue;
                }
                for (AuditResults.Entry f : r.findings()) {
                    if (f.restated()) {
                        continue; // accepted under the criterion that found it, and the restatement with it
                    }
                    if (r.broken() || !f.identified()) {
                        notFindings.add(r.criterion() + (r.resource() == null ? "" : " " + r.resource()) + ": " + r.headline());
                        continue;
                    }
                    AcceptedFindings.Entry e = AcceptedFindings.Entry.of(f.criterion(), f.key(), f.where(), f.title(),
                            opts.get("reason"), opts.get("owner"), expires);
                    if (keys.add(e.key())) {
                        entries.add(entry(json, e));
                        added++;
                    }
                }
            }
            Path folder = Files.createDirectories(file.toAbsolutePath().getParent());
            // Written beside it and moved in place: a link there is replaced, never written through.
            Path written = Files.createTempFile(folder, ".tfaudit-baseline", ".json");
            try {
                json.writeValue(written.toFile(), root);
                keepPermissions(file, written);
                Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(written);
            }
            out.println("accepted " + added + " finding(s) in " + file + " (" + entries.size() + " entries)");
            if (!notFindings.isEmpty()) {
                err.println("tfaudit baseline: " + notFindings.size() + " failed result(s) are not findings (the check broke or"
                        + " failed without findings) and cannot be accepted; fix them:");
                notFindings.forEach(n -> err.println("  " + n));
            }
            return Main.OK;
        } catch (java.io.IOException e) {
            err.println("tfaudit baseline: " + e.getMessage());
            return Main.BAD_USAGE;
        }
    }

    /** The file's own permissions, or a committed file's usual rw-r--r-- (a temporary file is rw-------). */
    private static void keepPermissions(Path file, Path written) throws java.io.IOException {
        try {
            Files.setPosixFilePermissions(written, Files.isRegularFile(file) ? Files.getPosixFilePermissions(file)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's defaults.
        }
    }

    private static ObjectNode entry(ObjectMapper json, AcceptedFindings.Entry e) {
        ObjectNode n = json.createObjectNode();
        n.put("criterion", e.criterion());
        if (e.finding() != null) {
            n.put("finding", e.finding());
            putIfThere(n, "where", e.where());
            putIfThere(n, "title", e.title());
        } else {
            putIfThere(n, "resource", e.resource());
            n.put("item", e.item());
        }
        n.put("reason", e.reason());
        putIfThere(n, "owner", e.owner());
        putIfThere(n, "expires", e.expires() == null ? null : e.expires().toString());
        return n;
    }

    private static void putIfThere(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }
}
