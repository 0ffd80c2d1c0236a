package io.tfaudit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.tfaudit.api.Severity;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * summary.json: the distinct findings (each with the criteria and resources it affects) and
 * their counts by severity and kind; the results counted per phase, story and severity; every
 * failed result with the findings it names; the gate's decision.
 */
public final class Summary {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Summary() {}

    public static ObjectNode of(AuditResults results, Gate gate) {
        List<DistinctFindings.Finding> distinct = DistinctFindings.of(results);
        return of(results, distinct, gate.decide(results, distinct), gate);
    }

    public static ObjectNode of(AuditResults results, List<DistinctFindings.Finding> distinct, Gate.Decision decision, Gate gate) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode totals = root.putObject("totals");
        for (String s : new String[] {"passed", "failed", "broken", "skipped"}) {
            totals.put(s, results.count(s));
        }
        totals.put("findings", distinct.size());
        totals.put("restatingResults", results.results().stream().filter(AuditResults.Result::restatesOnly).count());
        counts(root.putObject("byPhase"), results, AuditResults.Result::epic);
        counts(root.putObject("byStory"), results, AuditResults.Result::feature);
        counts(root.putObject("bySeverity"), results, r -> r.severity().label());
        ObjectNode findingsBySeverity = root.putObject("findingsBySeverity");
        for (Severity s : Severity.values()) {
            findingsBySeverity.put(s.label(), distinct.stream().filter(f -> f.severity() == s).count());
        }
        ObjectNode findingsByKind = root.putObject("findingsByKind");
        distinct.stream().collect(java.util.stream.Collectors.groupingBy(f -> f.kind().label(), TreeMap::new,
                java.util.stream.Collectors.counting())).forEach(findingsByKind::put);
        ArrayNode findings = root.putArray("findings");
        for (DistinctFindings.Finding f : distinct) {
            ObjectNode n = findings.addObject();
            n.put("key", f.key());
            n.put("severity", f.severity().label());
            n.put("kind", f.kind().label());
            n.put("where", f.where());
            n.put("title", f.title());
            n.put("what", f.what());
            f.criteria().forEach(n.putArray("criteria")::add);
            f.resources().forEach(n.putArray("resources")::add);
            f.restatedBy().forEach(n.putArray("restatedBy")::add);
            if (f.places().size() > 1) {
                f.places().forEach(n.putArray("places")::add);
            }
        }
        ArrayNode failed = root.putArray("failedResults");
        for (AuditResults.Result r : results.results()) {
            if (r.failed()) {
                ObjectNode f = failed.addObject();
                f.put("criterion", r.criterion());
                f.put("story", r.story());
                f.put("resource", r.resource());
                f.put("severity", r.severity().label());
                f.put("status", r.status());
                f.put("message", r.headline());
                f.put("detail", r.message());
                f.put("restatesOnly", r.restatesOnly());
                ArrayNode keys = f.putArray("findings");
                r.findings().forEach(e -> keys.add(e.key()));
            }
        }
        ObjectNode g = root.putObject("gate");
        g.put("failOn", gate.describe());
        g.put("findings", decision.findings().size());
        g.put("broken", decision.broken().size());
        g.put("passed", decision.passed());
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
