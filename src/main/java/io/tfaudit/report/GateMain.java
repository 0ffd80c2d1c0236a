package io.tfaudit.report;

import io.tfaudit.api.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * The gate as a step of its own, for Maven ({@code ./mvnw verify -Dprovider.path=DIR
 * -Daudit.failOn=critical}): reads the results the report shows, writes summary.json, and
 * exits 1 when a failure at or above the threshold is found.
 *
 * <pre>java -cp tfaudit.jar io.tfaudit.report.GateMain RESULTS_DIR FAIL_ON SUMMARY_FILE</pre>
 */
public final class GateMain {

    private GateMain() {}

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "allure-results");
        Gate gate = Gate.parse(args.length > 1 ? args[1] : null);
        Path summaryFile = Path.of(args.length > 2 ? args[2] : "target/audit/summary.json");
        int code = decide(results, gate, summaryFile, System.out);
        System.exit(code);
    }

    /** How many findings the end of a run lists, worst first; the rest are in summary.json and the report. */
    static final int TOP = 10;

    public static int decide(Path resultsDir, Gate gate, Path summaryFile, java.io.PrintStream out) throws Exception {
        AuditResults results = AuditResults.read(resultsDir);
        ReportFiles.writeCategories(resultsDir);
        List<DistinctFindings.Finding> distinct = DistinctFindings.of(results);
        Gate.Decision decision = gate.decide(results, distinct);
        var summary = Summary.of(results, distinct, decision, gate);
        com.fasterxml.jackson.databind.JsonNode stale = staleEntries(resultsDir);
        summary.set("staleAcceptedFindings", stale.path("stale"));
        Summary.write(summary, summaryFile);
        Path outputs = summaryFile.toAbsolutePath().getParent();
        MachineOutputs.writeAll(results, distinct, outputs, "allure-report/index.html");

        long restating = results.results().stream().filter(AuditResults.Result::restatesOnly).count();
        out.println("results: " + results.count("passed") + " passed, " + (results.count("failed") + results.count("broken"))
                + " failed" + (restating == 0 ? "" : " (" + restating + " only restate a user story's)") + ", "
                + results.count("skipped") + " skipped");
        StringBuilder bySeverity = new StringBuilder();
        for (Severity s : Severity.values()) {
            long n = distinct.stream().filter(f -> f.severity() == s).count();
            if (n > 0) {
                bySeverity.append(bySeverity.isEmpty() ? "" : ", ").append(n).append(' ').append(s.label());
            }
        }
        out.println("findings: " + distinct.size() + " distinct" + (distinct.isEmpty() ? "" : " (" + bySeverity + ")"));
        distinct.stream().limit(TOP).forEach(f -> out.println("  " + line(f)));
        if (distinct.size() > TOP) {
            out.println("  ... and " + (distinct.size() - TOP) + " more in " + summaryFile.getFileName() + " and the report");
        }
        out.println("gate (fail on " + gate.describe() + "): " + (decision.passed() ? "passed"
                : "failed: " + decision.findings().size() + " finding(s) at or above " + gate.describe()
                        + (decision.broken().isEmpty() ? "" : ", " + decision.broken().size() + " result(s) not judged (broken)")));
        for (var r : decision.broken().stream().limit(TOP).toList()) {
            // A result broken before tfaudit could label it has no criterion id: its name says which.
            out.println("  [broken] " + (r.criterion() == null ? "" : r.criterion() + (r.resource() == null ? "" : " " + r.resource()) + ": ")
                    + r.name() + (r.headline().isEmpty() ? "" : " (" + r.headline() + ")"));
        }
        for (var e : stale.path("stale")) {
            out.println("stale accepted finding (nothing matches it any more; remove it from " + stale.path("file").asText()
                    + "): " + e.path("description").asText(e.path("key").asText()));
        }
        out.println("outputs: " + display(summaryFile) + ", " + display(outputs.resolve("tfaudit.sarif")) + ", "
                + display(outputs.resolve("issues")) + "/");
        out.println("report: ./mvnw -q -Preport validate, then open allure-report/single-file/index.html (one file: it opens from disk)");
        return decision.passed() ? 0 : 1;
    }

    /** One finding on one line: severity, place, title, what it affects. */
    static String line(DistinctFindings.Finding f) {
        String title = f.title().length() > 110 ? f.title().substring(0, 109) + "…" : f.title();
        return "[" + f.severity().label() + "] " + (f.where() == null ? "" : f.where() + ": ") + title + " ("
                + String.join(", ", f.criteria().stream().limit(3).toList()) + (f.criteria().size() > 3 ? ", …" : "")
                + (f.resources().size() > 1 ? "; " + f.resources().size() + " resources" : "")
                + (f.places().size() > 1 ? "; in " + f.places().size() + " places" : "") + ")";
    }

    /** A path as the user gave it: relative to the working directory when it is below it. */
    private static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** What the run wrote about accepted findings that matched nothing ({@code io.tfaudit.audit.StaleEntriesFile}). */
    private static com.fasterxml.jackson.databind.JsonNode staleEntries(Path resultsDir) throws java.io.IOException {
        Path file = resultsDir.resolve(io.tfaudit.audit.StaleEntriesFile.NAME);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        return java.nio.file.Files.isRegularFile(file) ? json.readTree(file.toFile()) : json.createObjectNode();
    }
}
