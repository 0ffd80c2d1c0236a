package io.tfaudit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** summary.json: counts per phase, story and severity, and every failed result with its evidence. */
public final class Summary {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Summary() {}

    public static ObjectNode of(AuditResults results, Gate gate) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode totals = root.putObject("totals");
        for (String s : new String[] {"passed", "failed", "broken", "skipped"}) {
            totals.put(s, results.count(s));
        }
        counts(root.putObject("byPhase"), results, AuditResults.Result::epic);
        counts(root.putObject("byStory"), results, AuditResults.Result::feature);
        counts(root.putObject("bySeverity"), results, r -> r.severity().label());
        ArrayNode findings = root.putArray("findings");
        for (AuditResults.Result r : results.results()) {
            if (r.failed()) {
                ObjectNode f = findings.addObject();
                f.put("criterion", r.criterion());
                f.put("story", r.story());
                f.put("resource", r.resource());
                f.put("severity", r.severity().label());
                f.put("message", r.message());
            }
        }
        ObjectNode g = root.putObject("gate");
        g.put("failOn", gate.describe());
        g.put("breaking", gate.breaking(results).size());
        g.put("passed", gate.breaking(results).isEmpty());
        return root;
    }

    public static void write(ObjectNode summary, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), summary);
    }

    private static void counts(ObjectNode into, AuditResults results, Function<AuditResults.Result, String> key) {
        Map<String, Map<String, Long>> m = new TreeMap<>();
        for (AuditResults.Result r : results.results()) {
            m.computeIfAbsent(key.apply(r), k -> new TreeMap<>()).merge(r.status(), 1L, Long::sum);
        }
        m.forEach((k, v) -> {
            ObjectNode n = into.putObject(k);
            v.forEach(n::put);
        });
    }
}
