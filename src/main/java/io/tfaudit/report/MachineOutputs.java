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
import java.util.Set;
import java.util.TreeMap;

/**
 * The run's outputs for machines and people other than the Allure report, all derived from
 * the same results: SARIF 2.1.0 (one result per finding at file:line, for code scanning),
 * issue drafts (one markdown file per failing user story, the PRD's "GitHub issues"
 * deliverable) and the comprehensive audit report in markdown (US-031).
 */
public final class MachineOutputs {

    /** "Phase 01: …" as the report sorts it, "Phase 1: …" as the PRD names it. */
    private static final java.util.regex.Pattern ISSUE_NUMBER = java.util.regex.Pattern.compile("#\\d+");
    private static final java.util.regex.Pattern WITH_EXTENSION = java.util.regex.Pattern.compile("(?s).*[^\\s.]\\.[A-Za-z0-9]+");
    private static final java.util.regex.Pattern PADDED_PHASE = java.util.regex.Pattern.compile("^Phase 0(\\d)");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MachineOutputs() {}

    public static void writeAll(AuditResults results, Path dir, String reportLink) throws IOException {
        writeAll(results, DistinctFindings.of(results), dir, reportLink);
    }

    public static void writeAll(AuditResults results, List<DistinctFindings.Finding> distinct, Path dir, String reportLink)
            throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("tfaudit.sarif").toFile(), sarif(results, distinct));
        writeIssueDrafts(results, distinct, dir.resolve("issues"), reportLink);
        Files.writeString(dir.resolve("comprehensive-audit-report.md"), report(results, distinct), StandardCharsets.UTF_8);
    }

    static ObjectNode sarif(AuditResults results) {
        return sarif(results, DistinctFindings.of(results));
    }

    /** One SARIF result per distinct finding, at its place when it names a file; its criteria and resources as properties. */
    static ObjectNode sarif(AuditResults results, List<DistinctFindings.Finding> distinct) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "tfaudit");
        driver.put("informationUri", "https://github.com/streamkap-com/terraform-provider-streamkap");
        ArrayNode rules = driver.putArray("rules");
        Map<String, AuditResults.Result> byCriterion = new TreeMap<>();
        for (AuditResults.Result r : results.results()) {
            if (r.criterion() != null) {
                byCriterion.putIfAbsent(r.criterion(), r);
            }
        }
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode out = run.putArray("results");
        for (DistinctFindings.Finding f : distinct) {
            String ruleId = f.criteria().isEmpty() ? "tfaudit" : f.criteria().first();
            Integer index = ruleIndex.get(ruleId);
            if (index == null) {
                index = ruleIndex.size();
                ruleIndex.put(ruleId, index);
                AuditResults.Result r = byCriterion.get(ruleId);
                ObjectNode rule = rules.addObject();
                rule.put("id", ruleId);
                rule.put("name", ruleId.replace("-", "").replace(".", "_"));
                rule.putObject("shortDescription").put("text", r == null ? ruleId : r.story());
                rule.putObject("help").put("text", (r == null ? "" : r.feature() + ": " + r.story() + ". ") + f.kind().howToFix());
                rule.putObject("properties").put("severity", (r == null ? f.severity() : r.severity()).label());
            }
            ObjectNode res = out.addObject();
            res.put("ruleId", ruleId);
            res.put("ruleIndex", index);
            res.put("level", switch (f.severity()) {
                case BLOCKER, CRITICAL -> "error";
                case NORMAL -> "warning";
                default -> "note";
            });
            res.putObject("message").put("text", f.title() + (f.resources().isEmpty() ? ""
                    : " (" + (f.resources().size() == 1 ? f.resources().first() : f.resources().size() + " resources") + ")"));
            String file = f.file();
            if (file != null && looksLikeAPath(file)) {
                physicalLocation(res.putArray("locations").addObject(), file, f.line());
            }
            related(res, f);
            res.putObject("partialFingerprints").put("tfauditFinding/v1", f.key());
            ObjectNode props = res.putObject("properties");
            props.put("severity", f.severity().label());
            props.put("kind", f.kind().label());
            props.put("detail", f.what());
            f.criteria().forEach(props.putArray("criteria")::add);
            f.resources().forEach(props.putArray("resources")::add);
            f.restatedBy().forEach(props.putArray("restatedBy")::add);
        }
        return root;
    }

    /** SARIF's relatedLocations cap: a code-scanning upload shows the first ones only anyway. */
    static final int RELATED = 100;

    /** The other places of one defect (a generated file each), as related locations. */
    private static void related(ObjectNode res, DistinctFindings.Finding f) {
        ArrayNode related = null;
        int id = 0;
        for (String place : f.places()) {
            if (place.equals(f.where())) {
                continue;
            }
            String file = io.tfaudit.audit.Findings.fileOf(place);
            if (file == null || !looksLikeAPath(file) || id >= RELATED) {
                continue;
            }
            if (related == null) {
                related = res.putArray("relatedLocations");
            }
            ObjectNode loc = related.addObject();
            loc.put("id", ++id);
            physicalLocation(loc, file, io.tfaudit.audit.Findings.lineOf(place));
        }
    }

    /** A SARIF location's file (a relative URI) and, when known, its line. */
    private static void physicalLocation(ObjectNode location, String file, int line) {
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(file));
        if (line > 0) {
            physical.putObject("region").put("startLine", line);
        }
    }

    /**
     * A relative path in the audited tree (not a resource name, a command or an issue number):
     * a folder in it, or a name with an extension, whatever else the name holds (a space, '#').
     */
    private static boolean looksLikeAPath(String file) {
        return !file.isBlank() && !ISSUE_NUMBER.matcher(file).matches() && !file.startsWith("/") && !file.contains("://")
                && (file.contains("/") || WITH_EXTENSION.matcher(file).matches());
    }

    /** A relative URI reference: every byte outside the unreserved set and '/' percent-encoded (spaces, newlines). */
    static String uri(String path) {
        return io.tfaudit.audit.CodeLinks.uri(path);
    }

    /** One draft per user story with findings of its own: one bullet per finding, worst first. */
    static void writeIssueDrafts(AuditResults results, List<DistinctFindings.Finding> distinct, Path dir, String reportLink)
            throws IOException {
        Files.createDirectories(dir);
        try (var earlier = Files.list(dir)) {
            // Drafts of an earlier run would read as this run's findings.
            for (Path f : earlier.filter(f -> f.getFileName().toString().endsWith(".md")).toList()) {
                Files.delete(f);
            }
        }
        Map<String, AuditResults.Result> byCriterion = new TreeMap<>();
        for (AuditResults.Result r : results.results()) {
            if (r.criterion() != null) {
                byCriterion.putIfAbsent(r.criterion(), r);
            }
        }
        Map<String, List<DistinctFindings.Finding>> byStory = new TreeMap<>();
        for (DistinctFindings.Finding f : distinct) {
            Set<String> stories = new java.util.TreeSet<>();
            for (String c : f.criteria()) {
                AuditResults.Result r = byCriterion.get(c);
                stories.add(r == null ? c.replaceFirst("\\..*$", "") : r.feature());
            }
            stories.forEach(story -> byStory.computeIfAbsent(story, k -> new ArrayList<>()).add(f));
        }
        for (var e : byStory.entrySet()) {
            List<DistinctFindings.Finding> findings = e.getValue();
            var worst = findings.stream().map(DistinctFindings.Finding::severity).min(Enum::compareTo).orElseThrow();
            String label = switch (worst) {
                case BLOCKER, CRITICAL -> "bug";
                case MINOR -> "documentation";
                case TRIVIAL -> "enhancement";
                default -> findings.stream().anyMatch(f -> f.kind() == io.tfaudit.audit.FindingKind.MISSING_TESTS) ? "testing" : "bug";
            };
            StringBuilder md = new StringBuilder();
            md.append("# ").append(e.getKey()).append("\n\n");
            md.append("Labels: `").append(label).append("`, `audit`, `severity:").append(worst.label()).append("`\n\n");
            md.append(findings.size()).append(findings.size() == 1 ? " finding" : " findings").append(". Audit report: ")
                    .append(reportLink).append("\n\n");
            for (DistinctFindings.Finding f : findings) {
                md.append("- **").append(f.severity().label()).append("** ")
                        .append(f.where() == null ? "" : code(f.where()) + ": ").append(f.title())
                        .append(" (").append(String.join(", ", f.criteria()));
                if (!f.resources().isEmpty()) {
                    md.append("; ").append(affects(f.resources()));
                }
                if (f.places().size() > 1) {
                    md.append("; in ").append(f.places().size()).append(" places");
                }
                md.append(")\n");
            }
            md.append("\nHow to fix: ").append(findings.get(0).kind().howToFix()).append('\n');
            String file = e.getKey().replaceFirst(":.*", "").toLowerCase() + ".md";
            Files.writeString(dir.resolve(file.isBlank() || file.startsWith(".") ? "unlabelled.md" : file), md.toString(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A place as markdown code: on one line (a newline in a file name escaped), and fenced with
     * more backticks than it holds in a row, so that a backtick in a name does not end it.
     */
    static String code(String where) {
        String shown = io.tfaudit.audit.Findings.shown(where);
        int longest = 0;
        for (java.util.regex.Matcher m = java.util.regex.Pattern.compile("`+").matcher(shown); m.find(); ) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        String pad = longest > 0 ? " " : "";
        return fence + pad + shown + pad + fence;
    }

    /** "streamkap_a" or "49 resources: streamkap_a, streamkap_b, streamkap_c, …". */
    static String affects(java.util.SortedSet<String> resources) {
        if (resources.size() == 1) {
            return resources.first();
        }
        return resources.size() + " resources: " + String.join(", ", resources.stream().limit(3).toList())
                + (resources.size() > 3 ? ", …" : "");
    }

    /** The US-031 report: the sections the PRD lists, filled from the results. */
    static String report(AuditResults results) {
        return report(results, DistinctFindings.of(results));
    }

    static String report(AuditResults results, List<DistinctFindings.Finding> distinct) {
        StringBuilder md = new StringBuilder("# Comprehensive audit report\n\n");
        md.append("## Executive Summary\n\n");
        md.append(distinct.size()).append(distinct.size() == 1 ? " distinct finding" : " distinct findings")
                .append(" (one defect counted once, however many criteria or resources it fails):\n\n");
        for (io.tfaudit.api.Severity sev : io.tfaudit.api.Severity.values()) {
            long n = distinct.stream().filter(f -> f.severity() == sev).count();
            if (n > 0) {
                md.append("- ").append(sev.label()).append(": ").append(n).append('\n');
            }
        }
        md.append('\n');
        md.append(String.format("%d criteria results: %d passed, %d failed, %d skipped.%n%n", results.results().size(),
                results.count("passed"), results.count("failed") + results.count("broken"), results.count("skipped")));
        Map<String, long[]> bySeverity = new TreeMap<>();
        for (AuditResults.Result r : results.results()) {
            if (r.failed()) {
                bySeverity.computeIfAbsent(r.severity().label(), k -> new long[1])[0]++;
            }
        }
        bySeverity.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v[0]).append(" failing results\n"));
        String[][] sections = {
                {"Architecture Comparison", "Phase 1"}, {"Implementation Assessment", "Phase 2"},
                {"Compatibility Assessment", "Phase 3"}, {"Code Generator Assessment", "Phase 4"},
                {"Backend Alignment", "Phase 5"}, {"Entity Coverage", "Phase 6", "Phase 7", "Phase 8"},
                {"AI-Agent Assessment", "Phase 9"}, {"Documentation Assessment", "Phase 10", "Phase 10B"},
                {"Test Coverage", "Phase 12", "Phase 13", "Phase 14", "Phase 15"},
                {"Issue Tracking and Fixes", "Phase 11"},
                {"Functional Requirements", "Requirements: functional"}, {"Success Metrics", "Success metrics"}};
        for (String[] s : sections) {
            md.append("\n## ").append(s[0]).append("\n\n| criterion | result | finding |\n|---|---|---|\n");
            for (AuditResults.Result r : results.results()) {
                boolean in = false;
                String epic = PADDED_PHASE.matcher(r.epic()).replaceFirst("Phase $1");
                for (int i = 1; i < s.length; i++) {
                    in |= epic.equals(s[i]) || epic.startsWith(s[i] + ":") || epic.startsWith(s[i] + " (");
                }
                if (in && (r.failed() || r.resource() == null)) {
                    md.append("| ").append(r.criterion()).append(r.resource() == null ? "" : " " + r.resource()).append(" | ")
                            .append(r.status()).append(" | ")
                            .append(r.headline().replace("|", "\\|"))
                            .append(" |\n");
                }
            }
            if (s[0].equals("Entity Coverage")) {
                entityCoverageMatrix(results, md);
            }
        }
        md.append("\n## Recommendations\n\nOne per finding, worst first.\n\n");
        if (distinct.isEmpty()) {
            md.append("- No finding is open.\n");
        }
        for (DistinctFindings.Finding f : distinct) {
            md.append("- **").append(f.severity().label()).append("** ").append(f.kind().label()).append(": ")
                    .append(f.title().replace("|", "\\|"))
                    .append(f.where() == null ? "" : " at " + code(f.where()))
                    .append(" (").append(String.join(", ", f.criteria()))
                    .append(f.resources().isEmpty() ? "" : "; " + affects(f.resources()))
                    .append(f.places().size() > 1 ? "; in " + f.places().size() + " places" : "").append(")\n");
        }
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
