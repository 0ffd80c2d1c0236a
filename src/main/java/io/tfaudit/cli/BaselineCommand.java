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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code baseline --write --provider DIR --reason TEXT --owner NAME --expires YYYY-MM-DD}:
 * accepts every finding of the last run (read from its results folder) by adding an entry
 * per finding to tfaudit-baseline.json; entries already there are kept. The only command
 * that writes the file: a normal run or CI never does.
 */
final class BaselineCommand {

    private static final Pattern FINDING = Pattern.compile("^  (?:[^\\s:][^:]*?)(?::\\d+)?: (.+)$");

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
        Path file = opts.containsKey("file") ? Path.of(opts.get("file"))
                : Path.of(opts.getOrDefault("provider", ".")).resolve(AcceptedFindings.FILE_NAME);
        Path results = Path.of(opts.getOrDefault("results", "allure-results"));
        try {
            AuditResults last = AuditResults.read(results);
            AcceptedFindings existing = AcceptedFindings.read(file);
            if (!existing.problems().isEmpty()) {
                err.println("tfaudit baseline: " + file + " is malformed, not touched: " + existing.problems());
                return Main.BAD_USAGE;
            }
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = json.createObjectNode();
            ArrayNode entries = root.putArray("entries");
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (AcceptedFindings.Entry e : existing.entries()) {
                keys.add(e.key());
                entries.add(entry(json, e.criterion(), e.resource(), e.item(), e.reason(), e.owner(),
                        e.expires() == null ? null : e.expires().toString()));
            }
            int added = 0;
            for (AuditResults.Result r : last.results()) {
                if (!r.failed() || r.criterion() == null) {
                    continue;
                }
                for (String line : r.message().split("\n")) {
                    Matcher m = FINDING.matcher(line);
                    if (m.matches()) {
                        AcceptedFindings.Entry e = new AcceptedFindings.Entry(r.criterion(), r.resource(), m.group(1),
                                opts.get("reason"), opts.get("owner"), expires);
                        if (keys.add(e.key())) {
                            entries.add(entry(json, e.criterion(), e.resource(), e.item(), e.reason(), e.owner(), expires.toString()));
                            added++;
                        }
                    }
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            json.writeValue(file.toFile(), root);
            out.println("accepted " + added + " finding(s) in " + file + " (" + entries.size() + " entries)");
            return Main.OK;
        } catch (java.io.IOException e) {
            err.println("tfaudit baseline: " + e.getMessage());
            return Main.BAD_USAGE;
        }
    }

    private static ObjectNode entry(ObjectMapper json, String criterion, String resource, String item, String reason,
                                    String owner, String expires) {
        ObjectNode n = json.createObjectNode();
        n.put("criterion", criterion);
        if (resource != null) {
            n.put("resource", resource);
        }
        n.put("item", item);
        n.put("reason", reason);
        if (owner != null) {
            n.put("owner", owner);
        }
        if (expires != null) {
            n.put("expires", expires);
        }
        return n;
    }
}
