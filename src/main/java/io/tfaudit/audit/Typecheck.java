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
    record Outcome(List<SyntaxError> syntaxErrors, ExternalCommand.Result build, String notRun, List<String> notFollowed) {}

    /** How the tree's reader names a link it did not follow because it leads back into its own folder. */
    static final String LINK_LOOP = "symbolic link loop";

    private Typecheck() {}

    static Outcome decide(Audit audit) {
        List<SyntaxError> problems = audit.provider().module().tree().allProblems();
        // Go does not follow a link to a folder either: a loop is noted, it is not a build problem.
        List<String> notFollowed = problems.stream().filter(e -> e.message().startsWith(LINK_LOOP)).map(SyntaxError::file).toList();
        List<SyntaxError> errors = problems.stream().filter(e -> !e.message().startsWith(LINK_LOOP)).toList();
        if (!errors.isEmpty()) {
            return new Outcome(errors, null, null, notFollowed);
        }
        if (!audit.config().exec()) {
            return new Outcome(List.of(), null, "running the Go toolchain on the audited repository needs consent (-Dexec=true)",
                    notFollowed);
        }
        if (ExternalCommand.onPath("go").isEmpty()) {
            return new Outcome(List.of(), null, "no `go` command on PATH", notFollowed);
        }
        try {
            return new Outcome(List.of(), ExternalCommand.run(audit.providerDir(), buildCommand(audit.providerDir()),
                    audit.config().toolTimeout(TIMEOUT)), null, notFollowed);
        } catch (IOException e) {
            return new Outcome(List.of(), null, "go build could not start: " + e.getMessage(), notFollowed);
        }
    }

    /**
     * {@code go build ./...}, its binaries discarded: go build writes the executable into the
     * working directory when the pattern matches a single main package, and the audit never
     * writes into the audited tree. {@code go.mod} and {@code go.sum} are not updated either.
     */
    static List<String> buildCommand(java.nio.file.Path dir) {
        String discard = System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null";
        return List.of("go", "build", GoTestRun.moduleMode(dir), "-o", discard, "./...");
    }

    /** The body of every "Typecheck passes" criterion. */
    public static void verify(CriterionRun run) {
        Outcome o = run.audit().typecheck();
        if (!o.notFollowed().isEmpty()) {
            run.evidence("not followed", "symbolic link loops, not followed (nor by Go): " + o.notFollowed());
        }
        if (!o.syntaxErrors().isEmpty()) {
            Findings f = run.findings();
            for (SyntaxError e : o.syntaxErrors()) {
                if (e.line() > 0) {
                    f.add(e.file() + ":" + e.line(), "Go syntax error: " + e.message() + " (expected every file to parse)");
                } else {
                    // Not read at all (I/O error, symbolic link loop, size limit): the audit cannot see its code.
                    f.add(e.file(), "not read: " + e.message() + " (expected every Go file to be readable)");
                }
            }
            f.verify();
        }
        if (o.build() == null) {
            run.skip("every Go file parses" + (o.notFollowed().isEmpty() ? "" : " (" + o.notFollowed().size()
                    + " symbolic link loop(s) not followed: " + o.notFollowed() + ")")
                    + ", but `go build ./...` did not run: " + o.notRun(),
                    "cd " + run.audit().providerDir() + " && go build ./...  (or rerun the audit with -Dexec=true)");
        }
        ExternalCommand.Result b = o.build();
        GoToolchain.unusableFor(b).ifPresent(why -> run.skip("every Go file parses, but `go build ./...` could not judge the "
                + "code on this machine: " + why, "cd " + run.audit().providerDir() + " && go build ./...  (with the Go go.mod "
                + "asks for, and its dependencies downloadable or in the module cache)"));
        if (!b.succeeded()) {
            throw new org.opentest4j.AssertionFailedError("[" + run.severity().label() + "] '" + run.text()
                    + "' was violated: `" + String.join(" ", buildCommand(run.audit().providerDir())) + "` "
                    + (b.timedOut() ? "did not finish within " + GoTestRun.goDuration(run.audit().config().toolTimeout(TIMEOUT))
                    + ": it and every process it started were killed. Its output until then" : "exited " + b.exitCode())
                    + ":\n" + GoTestRun.tail(Secrets.scrub(b.output()), 60));
        }
    }
}
