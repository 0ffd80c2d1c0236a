package io.tfaudit.cli;

import io.tfaudit.go.ast.DeepStack;
import java.io.PrintStream;
import java.util.Arrays;

/** {@code java -jar tfaudit.jar <command> ...}: the command line entry point. */
public final class Main {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int BAD_USAGE = 2;
    /** tfaudit itself failed (out of memory, a bug): no verdict was reached. */
    static final int INTERNAL_ERROR = 3;
    private static final String OUT_OF_MEMORY = "tfaudit: out of memory: no verdict reached. Give the JVM more heap: "
            + "java -Xmx4g -jar tfaudit.jar ..., or JAVA_TOOL_OPTIONS=\"-Xmx4g\" in CI.";

    private Main() {}

    public static void main(String[] args) {
        TunedJvm.endWithParent(System.getProperty(TunedJvm.PARENT));
        int relaunched = TunedJvm.relaunchIfWanted(args);
        int code;
        try {
            code = relaunched >= 0 ? relaunched : run(args, System.out, System.err);
        } catch (OutOfMemoryError e) {
            System.err.println(OUT_OF_MEMORY);
            code = INTERNAL_ERROR;
        }
        System.exit(code);
    }

    /** Runs a command; what it prints goes out line by line, secrets redacted. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try (PrintStream redactedOut = io.tfaudit.audit.Redaction.lines(out);
             PrintStream redactedErr = io.tfaudit.audit.Redaction.lines(err)) {
            try {
                return runCommand(args, redactedOut, redactedErr);
            } catch (OutOfMemoryError e) {
                try {
                    outOfMemory(e, redactedErr);
                } catch (OutOfMemoryError stillOut) {
                    err.println(OUT_OF_MEMORY); // the message could not be built: the one made in advance
                }
                return INTERNAL_ERROR;
            } catch (RuntimeException | Error e) {
                redactedErr.println("tfaudit: internal error, no verdict reached: " + e + (e.getStackTrace().length > 0
                        ? " at " + e.getStackTrace()[0] : "") + ". This is tfaudit's fault, not the audited code's: please report it.");
                return INTERNAL_ERROR;
            }
        }
    }

    /** What ran out, and how to give the JVM more: the heap it had and the options that raise it. */
    static void outOfMemory(OutOfMemoryError e, PrintStream err) {
        Runtime rt = Runtime.getRuntime();
        long maxMb = rt.maxMemory() >> 20;
        long usedMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        long suggestMb = Math.max(1024, Integer.highestOneBit((int) Math.max(1, maxMb)) * 4L);
        err.println("tfaudit: out of memory (" + e.getMessage() + "; heap used " + usedMb + " MB of at most " + maxMb
                + " MB): no verdict reached. Give the JVM more heap: java -Xmx" + suggestMb + "m -jar tfaudit.jar ..., or "
                + "JAVA_TOOL_OPTIONS=\"-Xmx" + suggestMb + "m\" in CI.");
    }

    private static int runCommand(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? BAD_USAGE : OK;
        }
        if (Arrays.asList(args).contains("--version")) {
            out.println("tfaudit " + version());
            return OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (COMMANDS.containsKey(args[0]) && (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h"))) {
            out.println("usage: java -jar tfaudit.jar " + COMMANDS.get(args[0]));
            return OK;
        }
        // Commands walk syntax trees as deep as the parser accepts: on a stack with room for them.
        return DeepStack.call("tfaudit-" + args[0], () -> command(args[0], rest, out, err));
    }

    /** The version of the jar (its manifest's), or "development" when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private static int command(String name, String[] rest, PrintStream out, PrintStream err) {
        switch (name) {
            case "parse":
                return new ParseCommand(out, err).run(rest);
            case "schema":
                return new SchemaCommand(out, err).run(rest);
            case "audit":
                return ResultsFolder.whileLocked(resultsFolder(rest), err, () -> new AuditCommand(out, err).run(rest));
            case "baseline":
                return new BaselineCommand(out, err).run(rest);
            case "align":
                return new AlignCommand(out, err).run(rest);
            default:
                err.println("tfaudit: unknown command '" + name + "'");
                usage(err);
                return BAD_USAGE;
        }
    }

    /** Each command's usage: its synopsis line, then what it does. */
    private static final java.util.Map<String, String> COMMANDS = new java.util.LinkedHashMap<>();

    static {
        COMMANDS.put("parse", """
                parse [--threads N] [--include-testdata] DIR...
                        parse every .go file under each DIR with tfaudit's Go grammar;
                        print each syntax error as path:line:col: message and a summary.
                        exit 0 when all files parse, 1 when some do not, 2 on a bad argument.""");
        COMMANDS.put("audit", """
                audit [--provider DIR] [--baseline-ref REF | --baseline-path DIR] [--backend DIR]
                        [--inventory FILE] [--exec] [--exec-timeout DURATION] [--acceptance] [--results DIR]
                        [--plan prd|framework] [--select CLASS|PACKAGE]
                        [--fail-on blocker|critical|normal|minor|trivial|none] [--verbose]
                        run the audit (on the embedded sample provider without --provider); the plan is the
                        PRD's for the streamkap provider, framework for any other, unless --plan says; results go
                        to allure-results/, summary.json, SARIF and issue drafts to tfaudit-results/. It prints
                        its progress, then the distinct findings by severity, the worst of them, the gate, and
                        'N passed, N failed, N skipped'; --verbose adds every failed result. Exit 1 when a finding
                        at or above --fail-on (default critical) is found, 2 on bad input.""");
        COMMANDS.put("align", """
                align --provider DIR --backend DIR [--json]
                        missing/extra/mismatched fields vs the backend (markdown or JSON); exit 0 aligned, 1 not, 2 bad argument.""");
        COMMANDS.put("baseline", """
                baseline --write [--provider DIR | --file FILE] [--results DIR] --reason TEXT --owner NAME --expires YYYY-MM-DD
                        accept the last run's findings in tfaudit-baseline.json (the only command writing it).""");
        COMMANDS.put("schema", """
                schema PROVIDER_DIR
                        print the provider's resource and data source schemas, read statically,
                        in the format of `terraform providers schema -json`.""");
    }

    /** The audit's --results folder (allure-results unless given), to lock before the audit reads its arguments. */
    private static java.nio.file.Path resultsFolder(String[] auditArgs) {
        for (int i = 0; i + 1 < auditArgs.length; i++) {
            if (auditArgs[i].equals("--results")) {
                return java.nio.file.Path.of(auditArgs[i + 1]);
            }
        }
        return java.nio.file.Path.of("allure-results");
    }

    private static void usage(PrintStream s) {
        s.println("usage: java -jar tfaudit.jar <command> [arguments]   (<command> --help, --version)");
        s.println();
        s.println("commands:");
        COMMANDS.values().forEach(u -> s.println("  " + u.replace("\n", "\n  ")));
        s.println("  (every command: exit 3 when tfaudit itself fails, out of memory or a bug: no verdict)");
    }
}
