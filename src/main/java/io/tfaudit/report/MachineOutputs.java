package io.tfaudit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run's outputs for machines and people other than the Allure report, all derived from
 * the same results: SARIF 2.1.0 (one result per finding at file:line, for code scanning),
 * issue drafts (one markdown file per failing user story, the PRD's "GitHub issues"
 * deliverable) and the comprehensive audit report in markdown (US-031).
 */
public final class MachineOutputs {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A finding line of a failure message: "  path/to/file.go:41: what". */
    private static final Pattern FINDING = Pattern.compile("^  ([^\\s:][^:]*?)(?::(\\d+))?: (.+)$");

    private MachineOutputs() {}

    /** One finding of a result: where (file and line, when it has them) and what. */
    record Located(String file, int line, String what) {}

    static List<Located> findings(AuditResults.Result r) {
        List<Located> out = new ArrayList<>();
        for (String line : r.message().split("\n")) {
            Matcher m = FINDING.matcher(line);
            if (m.matches()) {
                out.add(new Located(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)), m.group(3)));
            }
        }
        if (out.isEmpty() && r.failed()) {
            out.add(new Located(null, 0, r.message().lines().findFirst().orElse(r.name())));
        }
        return out;
    }

    public static void writeAll(AuditResults results, Path dir, String reportLink) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("tfaudit.sarif").toFile(), sarif(results));
        writeIssueDrafts(results, dir.resolve("issues"), reportLink);
        Files.writeString(dir.resolve("comprehensive-audit-report.md"), report(results), StandardCharsets.UTF_8);
    }

    static ObjectNode sarif(AuditResults results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "tfaudit");
        driver.put("informationUri", "https://github.com/streamkap-com/terraform-provider-streamkap");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode out = run.putArray("results");
        for (AuditResults.Result r : results.results()) {
            if (!r.failed() || r.criterion() == null) {
                continue;
            }
            Integer index = ruleIndex.get(r.criterion());
            if (index == null) {
                index = ruleIndex.size();
                ruleIndex.put(r.criterion(), index);
                ObjectNode rule = rules.addObject();
                rule.put("id", r.criterion());
                rule.put("name", r.criterion().replace("-", "").replace(".", "_"));
                rule.putObject("shortDescription").put("text", r.story());
                rule.putObject("help").put("text", r.feature() + ": " + r.story());
                rule.putObject("properties").put("severity", r.severity().label());
            }
            for (Located f : findings(r)) {
                ObjectNode res = out.addObject();
                res.put("ruleId", r.criterion());
                res.put("ruleIndex", index);
                res.put("level", switch (r.severity()) {
                    case BLOCKER, CRITICAL -> "error";
                    case NORMAL -> "warning";
                    default -> "note";
                });
                res.putObject("message").put("text", (r.resource() == null ? "" : r.resource() + ": ") + f.what());
                if (f.file() != null && !f.file().contains(" ") && (f.file().contains("/") || f.file().contains("."))) {
                    ObjectNode loc = res.putArray("locations").addObject().putObject("physicalLocation");
                    loc.putObject("artifactLocation").put("uri", f.file());
                    if (f.line() > 0) {
                        loc.putObject("region").put("startLine", f.line());
                    }
                }
            }
        }
        return root;
    }

    static void writeIssueDrafts(AuditResults results, Path dir, String reportLink) throws IOException {
        Files.createDirectories(dir);
        try (var earlier = Files.list(dir)) {
            // Drafts of an earlier run would read as this run's findings.
            for (Path f : earlier.filter(f -> f.getFileName().toString().endsWith(".md")).toList()) {
                Files.delete(f);
            }
        }
        Map<String, List<AuditResults.Result>> byStory = new TreeMap<>();
        for (AuditResults.Result r : results.results()) {
            if (r.failed()) {
                byStory.computeIfAbsent(r.feature(), k -> new ArrayList<>()).add(r);
            }
        }
        for (var e : byStory.entrySet()) {
            List<AuditResults.Result> failures = e.getValue();
            var worst = failures.stream().map(AuditResults.Result::severity).min(Enum::compareTo).orElseThrow();
            String label = switch (worst) {
                case BLOCKER, CRITICAL -> "bug";
                case MINOR -> "documentation";
                case TRIVIAL -> "enhancement";
                default -> failures.stream().anyMatch(f -> f.message().contains("test")) ? "testing" : "bug";
            };
            StringBuilder md = new StringBuilder();
            md.append("# ").append(e.getKey()).append("\n\n");
            md.append("Labels: `").append(label).append("`, `audit`, `severity:").append(worst.label()).append("`\n\n");
            md.append(failures.size()).append(" failing criteria results. Audit report: ").append(reportLink).append("\n\n");
            for (AuditResults.Result r : failures) {
                md.append("## ").append(r.criterion()).append(r.resource() == null ? "" : " — " + r.resource()).append("\n\n");
                md.append("**").append(r.story()).append("** (").append(r.severity().label()).append(")\n\n");
                for (Located f : findings(r)) {
                    md.append("- ").append(f.file() == null ? "" : "`" + f.file() + (f.line() > 0 ? ":" + f.line() : "") + "`: ")
                            .append(f.what()).append('\n');
                }
                md.append('\n');
            }
            String file = e.getKey().replaceFirst(":.*", "").toLowerCase() + ".md";
            Files.writeString(dir.resolve(file.isBlank() ? "unlabelled.md" : file), md.toString(), StandardCharsets.UTF_8);
        }
    }

    /** The US-031 report: the sections the PRD lists, filled from the results. */
    static String report(AuditResults results) {
        StringBuilder md = new StringBuilder("# Comprehensive audit report\n\n");
        md.append("## Executive Summary\n\n");
        md.append(String.format("%d criteria results: %d passed, %d failed, %d skipped.%n%n", results.results().size(),
                results.count("passed"), results.count("failed") + results.count("broken"), results.count("skipped")));
        Map<String, long[]> bySeverity = new TreeMap<>();
        for (AuditResults.Result r : results.results()) {
            if (r.failed()) {
                bySeverity.computeIfAbsent(r.severity().label(), k -> new long[1])[0]++;
            }
        }
        bySeverity.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v[0]).append(" failing\n"));
        String[][] sections = {
                {"Architecture Comparison", "Phase 1"}, {"Implementation Assessment", "Phase 2"},
                {"Compatibility Assessment", "Phase 3"}, {"Code Generator Assessment", "Phase 4"},
                {"Backend Alignment", "Phase 5"}, {"Entity Coverage", "Phase 6", "Phase 7", "Phase 8"},
                {"AI-Agent Assessment", "Phase 9"}, {"Documentation Assessment", "Phase 10", "Phase 10B"},
                {"Test Coverage", "Phase 12", "Phase 13", "Phase 14", "Phase 15"},
                {"Issue Tracking and Fixes", "Phase 11"},
                {"Functional Requirements", "Functional requirements"}, {"Success Metrics", "Success metrics"}};
        for (String[] s : sections) {
            md.append("\n## ").append(s[0]).append("\n\n| criterion | result | finding |\n|---|---|---|\n");
            for (AuditResults.Result r : results.results()) {
                boolean in = false;
                for (int i = 1; i < s.length; i++) {
                    in |= r.epic().equals(s[i]) || r.epic().startsWith(s[i] + ":");
                }
                if (in && (r.failed() || r.resource() == null)) {
                    md.append("| ").append(r.criterion()).append(r.resource() == null ? "" : " " + r.resource()).append(" | ")
                            .append(r.status()).append(" | ")
                            .append(r.message().lines().skip(r.failed() ? 1 : 0).findFirst().orElse("").strip().replace("|", "\\|"))
                            .append(" |\n");
                }
            }
            if (s[0].equals("Entity Coverage")) {
                entityCoverageMatrix(results, md);
            }
        }
        md.append("\n## Recommendations\n\n");
        List<String> fixes = results.results().stream().filter(r -> r.failed() && r.severity().atLeast(io.tfaudit.audit.Severity.CRITICAL))
                .map(r -> "- Fix " + r.criterion() + (r.resource() == null ? "" : " for " + r.resource()) + ": " + r.story() + "\n")
                .distinct().toList();
        if (fixes.isEmpty()) {
            md.append("- No blocker or critical finding is open.\n");
        }
        fixes.forEach(md::append);
        long later = results.results().stream().filter(r -> r.failed() && !r.severity().atLeast(io.tfaudit.audit.Severity.CRITICAL)).count();
        md.append("- ").append(later == 0 ? "Nothing of lower severity is open either." : "Plan the " + later
                + " failing results of lower severity listed above; the issue drafts beside this file group them by story.").append('\n');
        md.append("\n## Appendices\n\nThe Allure report holds every result with its evidence and attachments; ")
                .append("`summary.json` and `tfaudit.sarif` beside this file hold the same results for machines.\n\n")
                .append("### Results per phase\n\n| phase | passed | failed | skipped |\n|---|---|---|---|\n");
        Map<String, long[]> byEpic = new java.util.LinkedHashMap<>();
        for (AuditResults.Result r : results.results()) {
            long[] c = byEpic.computeIfAbsent(r.epic(), k -> new long[3]);
            c[r.failed() ? 1 : r.skipped() ? 2 : 0]++;
        }
        byEpic.forEach((epic, c) -> md.append("| ").append(epic).append(" | ").append(c[0]).append(" | ").append(c[1])
                .append(" | ").append(c[2]).append(" |\n"));
        return md.toString();
    }

    /** The requirement each column of the matrix reads, per resource: FR-20, FR-21, FR-23, FR-31, FR-36. */
    private static final String[][] MATRIX = {{"FR-20", "acceptance test"}, {"FR-21", "schema snapshot"},
            {"FR-23", "cassette"}, {"FR-31", "documentation"}, {"FR-36", "examples"}};

    /** A row per resource, a column per coverage requirement: what Phases 6–8 and 10B ask of each entity. */
    static void entityCoverageMatrix(AuditResults results, StringBuilder md) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (AuditResults.Result r : results.results()) {
            for (String[] column : MATRIX) {
                if (column[0].equals(r.criterion()) && r.resource() != null) {
                    rows.computeIfAbsent(r.resource(), k -> new java.util.HashMap<>()).put(column[0], r.status());
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n### Entity Coverage Matrix\n\n| resource |");
        for (String[] column : MATRIX) {
            md.append(' ').append(column[1]).append(" (").append(column[0]).append(") |");
        }
        md.append("\n|---|").append("---|".repeat(MATRIX.length)).append('\n');
        rows.forEach((resource, byColumn) -> {
            md.append("| ").append(resource).append(" |");
            for (String[] column : MATRIX) {
                md.append(' ').append(byColumn.getOrDefault(column[0], "–")).append(" |");
            }
            md.append('\n');
        });
    }
}
