package io.tfaudit.audit;

import io.tfaudit.go.parse.SyntaxError;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * "Typecheck passes", shared by 36 stories and decided once per run: every Go file must
 * parse (checked statically, always); then {@code go build ./...} runs when the user allowed
 * running tools ({@code exec}) and Go is on PATH, else the criterion is skipped and says
 * what would run it.
 */
public final class Typecheck {

    static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** The run's outcome: the syntax errors found, and the build's result or why it did not run. */
    record Outcome(List<SyntaxError> syntaxErrors, ExternalCommand.Result build, String notRun) {}

    private Typecheck() {}

    static Outcome decide(Audit audit) {
        List<SyntaxError> errors = audit.provider().module().tree().allProblems();
        if (!errors.isEmpty()) {
            return new Outcome(errors, null, null);
        }
        if (!audit.config().exec()) {
            return new Outcome(List.of(), null, "running the Go toolchain on the audited repository needs consent (-Dexec=true)");
        }
        if (ExternalCommand.onPath("go").isEmpty()) {
            return new Outcome(List.of(), null, "no `go` command on PATH");
        }
        try {
            return new Outcome(List.of(), ExternalCommand.run(audit.providerDir(), List.of("go", "build", "./..."), TIMEOUT), null);
        } catch (IOException e) {
            return new Outcome(List.of(), null, "go build could not start: " + e.getMessage());
        }
    }

    /** The body of every "Typecheck passes" criterion. */
    public static void verify(CriterionRun run) {
        Outcome o = run.audit().typecheck();
        if (!o.syntaxErrors().isEmpty()) {
            Findings f = run.findings();
            for (SyntaxError e : o.syntaxErrors()) {
                f.add(e.file() + ":" + e.line(), "Go syntax error: " + e.message() + " (expected every file to parse)");
            }
            f.verify();
        }
        if (o.build() == null) {
            run.skip("every Go file parses, but `go build ./...` did not run: " + o.notRun(),
                    "cd " + run.audit().providerDir() + " && go build ./...  (or rerun the audit with -Dexec=true)");
        }
        ExternalCommand.Result b = o.build();
        if (!b.succeeded()) {
            throw new org.opentest4j.AssertionFailedError("[" + run.severity().label() + "] '" + run.text()
                    + "' was violated: `go build ./...` "
                    + (b.timedOut() ? "timed out after " + TIMEOUT.toMinutes() + " min" : "exited " + b.exitCode())
                    + ":\n" + tail(b.output(), 60));
        }
    }

    private static String tail(String output, int lines) {
        String[] all = output.split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
