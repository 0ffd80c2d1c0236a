package io.tfaudit.report;

import java.nio.file.Path;

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

    public static int decide(Path resultsDir, Gate gate, Path summaryFile, java.io.PrintStream out) throws Exception {
        AuditResults results = AuditResults.read(resultsDir);
        var summary = Summary.of(results, gate);
        com.fasterxml.jackson.databind.JsonNode stale = staleEntries(resultsDir);
        summary.set("staleAcceptedFindings", stale.path("stale"));
        Summary.write(summary, summaryFile);
        MachineOutputs.writeAll(results, summaryFile.toAbsolutePath().getParent(), "allure-report/index.html");
        var breaking = gate.breaking(results);
        long broken = breaking.stream().filter(AuditResults.Result::broken).count();
        out.println("gate (fail on " + gate.describe() + "): " + (breaking.isEmpty() ? "passed"
                : (breaking.size() - broken) + " finding(s) at or above " + gate.describe()
                        + (broken == 0 ? "" : ", " + broken + " result(s) not judged (broken)")) + "; summary in " + summaryFile);
        for (var r : breaking) {
            // A result broken before tfaudit could label it has no criterion id: its name says which.
            out.println("  [" + (r.broken() ? "broken" : r.severity().label()) + "] "
                    + (r.criterion() == null ? "" : r.criterion() + (r.resource() == null ? "" : " " + r.resource()) + ": ") + r.name()
                    + (r.broken() && r.message() != null ? " (" + r.message().lines().findFirst().orElse("") + ")" : ""));
        }
        for (var e : stale.path("stale")) {
            out.println("stale accepted finding (nothing matches it any more; remove it from " + stale.path("file").asText()
                    + "): " + e.path("key").asText());
        }
        return breaking.isEmpty() ? 0 : 1;
    }

    /** What the run wrote about accepted findings that matched nothing ({@code io.tfaudit.audit.StaleEntriesFile}). */
    private static com.fasterxml.jackson.databind.JsonNode staleEntries(Path resultsDir) throws java.io.IOException {
        Path file = resultsDir.resolve(io.tfaudit.audit.StaleEntriesFile.NAME);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        return java.nio.file.Files.isRegularFile(file) ? json.readTree(file.toFile()) : json.createObjectNode();
    }
}
