package io.tfaudit.cli;

import io.tfaudit.audit.Audit;
import io.tfaudit.audit.AuditConfig;
import io.tfaudit.provider.ProviderModel;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * {@code audit [--provider DIR] [...]}: runs the audit's criteria with the JUnit Platform
 * Launcher, writing Allure results (and JUnit XML in {@code tfaudit-results/junit/} beside
 * them), and ends with the plain line {@code N passed, N failed, N skipped}.
 */
final class AuditCommand {

    private final PrintStream out;
    private final PrintStream err;

    AuditCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        // Its messages name this command's options (--exec), not Maven's (-Dexec=true).
        return io.tfaudit.audit.EntryPoint.commandLine(() -> runAudit(args));
    }

    private int runAudit(String[] args) {
        Map<String, String> params = new HashMap<>();
        String results = "allure-results";
        String select = null;
        String plan = System.getProperty(io.tfaudit.api.AuditPlan.KEY);
        String failOn = null;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--exec" -> params.put(AuditConfig.EXEC, "true");
                case "--acceptance" -> params.put(AuditConfig.ACCEPTANCE, "true");
                case "--verbose" -> verbose = true;
                case "--provider", "--baseline-ref", "--baseline-path", "--backend", "--inventory", "--results", "--select",
                        "--fail-on", "--baseline-file", "--exec-timeout", "--plan" -> {
                    if (i + 1 >= args.length) {
                        err.println("tfaudit audit: " + a + " needs a value");
                        return Main.BAD_USAGE;
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--provider" -> params.put(AuditConfig.PROVIDER_PATH, v);
                        case "--baseline-ref" -> params.put(AuditConfig.BASELINE_REF, v);
                        case "--baseline-path" -> params.put(AuditConfig.BASELINE_PATH, v);
                        case "--backend" -> params.put(AuditConfig.BACKEND_PATH, v);
                        case "--inventory" -> params.put(AuditConfig.INVENTORY, v);
                        case "--results" -> results = v;
                        case "--fail-on" -> failOn = v;
                        case "--baseline-file" -> params.put(AuditConfig.BASELINE_FILE, v);
                        case "--exec-timeout" -> params.put(AuditConfig.EXEC_TIMEOUT, v);
                        case "--plan" -> plan = v;
                        default -> select = v;
                    }
                }
                default -> {
                    err.println("tfaudit audit: unknown argument " + a);
                    return Main.BAD_USAGE;
                }
            }
        }
        io.tfaudit.report.Gate gate;
        try {
            gate = io.tfaudit.report.Gate.parse(failOn != null ? failOn : System.getProperty("audit.failOn"));
        } catch (IllegalArgumentException e) {
            err.println("tfaudit audit: " + e.getMessage());
            return Main.BAD_USAGE;
        }
        if (plan != null && !plan.isBlank()) {
            try {
                io.tfaudit.api.AuditPlan.named(plan);
            } catch (IllegalArgumentException e) {
                err.println("tfaudit audit: --plan " + plan + ": not a plan (prd, framework)");
                return Main.BAD_USAGE;
            }
        }
        AuditConfig config;
        try {
            config = AuditConfig.resolve(k -> Optional.ofNullable(params.get(k)).or(() -> Optional.ofNullable(System.getProperty(k))));
        } catch (IllegalArgumentException e) {
            err.println("tfaudit audit: " + e.getMessage());
            return Main.BAD_USAGE;
        }
        Audit audit = Audit.of(config);
        if (!audit.namedInputProblems().isEmpty()) {
            audit.namedInputProblems().stream().limit(10).forEach(p -> err.println("tfaudit audit: " + p));
            return Main.BAD_USAGE;
        }
        if (notAGoModule(audit.providerDir())) {
            return Main.BAD_USAGE;
        }
        ProviderModel model = audit.provider();
        if (model.providerTypeName() == null && model.resources().isEmpty()) {
            err.println("tfaudit audit: " + audit.providerDir() + " is not a Terraform provider tfaudit can read: "
                    + String.join("; ", model.unresolved().stream().map(u -> u.pos() == null ? u.what() : u.toString()).toList()));
            return Main.BAD_USAGE;
        }
        // The first line of the output: which plan, and why.
        io.tfaudit.api.AuditPlan.Choice choice = io.tfaudit.api.AuditPlan.choose(plan, model);
        out.println(choice.line("--plan "));
        out.flush();
        audit.acceptedFindings().problems().forEach(p -> err.println("tfaudit audit: accepted findings ignored: " + p));
        if (select == null) {
            select = choice.plan().packageName();
        }
        // What the static reading could not resolve about the provider as a whole (its name, its
        // lists of resources): the criteria say it again where it matters, but it comes first.
        model.unresolved().stream().limit(10).forEach(u -> err.println("tfaudit audit: not resolved statically: " + u));
        if (model.unresolved().size() > 10) {
            err.println("tfaudit audit: ... and " + (model.unresolved().size() - 10) + " more not resolved statically");
        }
        Path resultsDir = Path.of(results);
        Path machineOutputs = resultsDir.toAbsolutePath().resolveSibling("tfaudit-results");
        if (insideTheAuditedTree(audit.providerDir(), resultsDir, machineOutputs)) {
            return Main.BAD_USAGE;
        }
        ResultsFolder resultsFolder;
        try {
            resultsFolder = ResultsFolder.prepare(resultsDir);
            // Both output folders exist and take files before anything runs: a read-only or
            // mistyped --results is a clear message, not a stack trace at the end of the audit.
            for (Path out : List.of(resultsDir, machineOutputs)) {
                Files.createDirectories(out);
                Files.delete(Files.createTempFile(out, ".tfaudit-", ".probe"));
            }
        } catch (java.io.IOException e) {
            err.println("tfaudit audit: cannot write results: " + describe(e));
            return Main.BAD_USAGE;
        }
        // Our own lifecycle writing where asked: Allure's default one reads its directory once per JVM.
        BackgroundResultsWriter resultFiles = new BackgroundResultsWriter(
                io.tfaudit.audit.RedactedAllureResults.writer(Path.of(results)));
        io.qameta.allure.AllureLifecycle lifecycle = io.tfaudit.audit.RedactedAllureResults.install(resultFiles);
        params.put(io.tfaudit.audit.StaleEntriesFile.RESULTS_DIRECTORY, resultsDir.toString());
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameters(params);
        Class<?> selectedClass = criteriaClass(select);
        if (selectedClass != null) {
            request.selectors(DiscoverySelectors.selectClass(selectedClass));
        } else if (isPlanPackage(select) && !Character.isUpperCase(select.charAt(select.lastIndexOf('.') + 1))) {
            request.selectors(DiscoverySelectors.selectPackage(select))
                    .filters(org.junit.platform.launcher.TagFilter.includeTags("audit"));
        } else {
            err.println("tfaudit audit: --select " + select + ": no such criteria class or package (e.g. "
                    + "io.tfaudit.criteria.phase3, io.tfaudit.criteria.requirements.TestingRequirements, io.tfaudit.framework)");
            return Main.BAD_USAGE;
        }
        LauncherDiscoveryRequest discovery = request.build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        // JUnit XML for CI systems that read it: tfaudit-results/junit/TEST-junit-jupiter.xml.
        LegacyXmlReportGeneratingListener junitXml = new LegacyXmlReportGeneratingListener(
                machineOutputs.resolve("junit"), new PrintWriter(err, true));
        Launcher launcher = LauncherFactory.create(org.junit.platform.launcher.core.LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                // The plan is chosen above; PlanFilter is for Launchers that are not ours.
                .enablePostDiscoveryFilterAutoRegistration(false).build());
        ProgressPrinter progress = new ProgressPrinter(err, System.console() != null && System.getenv("CI") == null);
        List<TestExecutionListener> listeners = new java.util.ArrayList<>(List.of(summary, progress,
                new io.qameta.allure.junitplatform.AllureJunitPlatform(lifecycle), junitXml));
        if (verbose) {
            listeners.add(new FailurePrinter(err));
        }
        launcher.execute(discovery, listeners.toArray(TestExecutionListener[]::new));
        progress.finish();
        resultFiles.close(); // every result on disk before anything reads them back
        // Nothing below reads the JUnit XML: it is redacted on the other core meanwhile, and
        // always waited for (join does not give up when interrupted), so that no unredacted XML
        // is left if what follows fails.
        java.util.concurrent.CompletableFuture<Void> junitRedaction = java.util.concurrent.CompletableFuture.runAsync(
                () -> redactJunitXml(machineOutputs.resolve("junit"), err));
        int gateCode;
        try {
            gateCode = readBackAndGate(audit, model, results, resultsDir, resultsFolder, gate, machineOutputs);
        } finally {
            junitRedaction.join();
        }
        TestExecutionSummary s = summary.getSummary();
        long skipped = s.getTestsAbortedCount() + s.getTestsSkippedCount();
        out.println(s.getTestsSucceededCount() + " passed, " + s.getTestsFailedCount() + " failed, " + skipped + " skipped");
        if (nothingRan(s, select)) {
            return Main.BAD_USAGE;
        }
        return gateCode == 0 ? Main.OK : Main.FINDINGS;
    }

    /** Writes the report's files, and decides the gate from the results read back. */
    private int readBackAndGate(Audit audit, ProviderModel model, String results, Path resultsDir, ResultsFolder resultsFolder,
                                io.tfaudit.report.Gate gate, Path machineOutputs) {
        out.println("audited " + audit.providerDir() + " (" + count(model.resources().size(), "resource") + ", "
                + count(model.dataSources().size(), "data source") + "); results in " + results);
        try {
            io.tfaudit.report.ReportFiles.write(resultsDir, audit);
        } catch (java.io.IOException e) {
            err.println("tfaudit audit: cannot write the report's environment files: " + e.getMessage());
        }
        recordWhatThisRunWrote(resultsFolder);
        try {
            // Decided from the results the report shows, read back from the results folder.
            return io.tfaudit.report.GateMain.decide(resultsDir, gate, machineOutputs.resolve("summary.json"), out);
        } catch (Exception e) {
            err.println("tfaudit audit: cannot read the results back: " + e.getMessage());
            return Main.FINDINGS;
        }
    }

    /**
     * A folder with no go.mod at its root is refused before anything is read: {@code --provider /}
     * or a home folder would otherwise be walked and parsed whole.
     */
    private boolean notAGoModule(Path providerDir) {
        if (providerDir == null || Files.isRegularFile(providerDir.resolve("go.mod"))) {
            return false;
        }
        err.println("tfaudit audit: " + providerDir + " is not a Terraform provider tfaudit can read: no go.mod at its root");
        return true;
    }

    /**
     * JUnit's XML writer quotes failures as thrown: redacted once written, like every output. XML
     * that could not be redacted is removed rather than left as it was written.
     */
    static void redactJunitXml(Path dir, PrintStream err) {
        try {
            io.tfaudit.audit.Redaction.junitXmlFiles(dir).forEach(removed -> err.println("tfaudit audit: JUnit XML " + removed));
        } catch (java.io.IOException e) {
            err.println("tfaudit audit: cannot redact the JUnit XML in " + dir + ": " + describe(e));
        }
    }

    /** An I/O failure as a person reads it (java.nio's exceptions often carry only the file's name). */
    private static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException x) {
            return x.getFile() + ": exists and is not a directory";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return e.getMessage();
    }

    /** A run that judged nothing (a mistyped --select) is an error, never a passed gate. */
    private boolean nothingRan(TestExecutionSummary s, String select) {
        if (s.getTestsStartedCount() + s.getTestsSkippedCount() > 0) {
            return false;
        }
        err.println("tfaudit audit: no criterion ran: --select " + select + " selects none (e.g. io.tfaudit.criteria.phase3, "
                + "io.tfaudit.criteria.requirements.TestingRequirements)");
        return true;
    }

    /**
     * A results folder inside the audited checkout is refused: the run would delete or add
     * files there, and the next run would read its own earlier attachments as the provider's.
     */
    private boolean insideTheAuditedTree(Path providerDir, Path... outputs) {
        if (providerDir == null) {
            return false;
        }
        Path tree = realPath(providerDir);
        for (Path output : outputs) {
            if (realPath(output).startsWith(tree)) {
                err.println("tfaudit audit: " + output + " is inside the audited checkout " + providerDir
                        + ": give a results folder outside it (--results DIR)");
                return true;
            }
        }
        return false;
    }

    /** The real path of a file, or of its nearest existing folder with the rest appended. */
    private static Path realPath(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        for (Path existing = abs; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(existing.relativize(abs));
            } catch (java.io.IOException notThere) {
                // try its parent
            }
        }
        return abs;
    }

    private void recordWhatThisRunWrote(ResultsFolder folder) {
        try {
            folder.recordWhatThisRunWrote();
        } catch (java.io.IOException e) {
            err.println("tfaudit audit: cannot list the results written (the next run will refuse the folder): " + describe(e));
        }
    }

    /** With {@code --verbose}: one line per failed result on standard error, with its findings' first lines. */
    private static final class FailurePrinter implements TestExecutionListener {
        private final PrintWriter w;

        FailurePrinter(PrintStream err) {
            this.w = new PrintWriter(err, true);
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                String msg = result.getThrowable().map(t -> t instanceof io.tfaudit.audit.FindingsFailure f ? f.detail()
                        : t.getMessage()).orElse("");
                String first = msg == null ? "" : msg.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse("");
                w.println("FAILED " + id.getDisplayName() + ": " + first);
            }
        }
    }

    private static boolean isPlanPackage(String select) {
        return java.util.Arrays.stream(io.tfaudit.api.AuditPlan.values())
                .anyMatch(p -> select.equals(p.packageName()) || select.startsWith(p.packageName() + "."));
    }

    /** The class of criteria (a user story, a requirements section) the selector names, or null. */
    private static Class<?> criteriaClass(String select) {
        try {
            Class<?> c = Class.forName(select);
            return c.isAnnotationPresent(io.tfaudit.api.UserStory.class) ? c : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
