package io.tfaudit.cli;

import io.tfaudit.api.UserStory;
import java.io.PrintStream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * The audit's progress while it runs: the phase and the results so far. On a terminal one
 * line is rewritten in place; elsewhere (CI logs) each phase gets one line when it starts.
 */
final class ProgressPrinter implements TestExecutionListener {

    /** A terminal line is rewritten at most this often. */
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean inPlace;
    private String phase;
    private int results;
    private int failed;
    private long lastDraw;
    private int drawn;

    ProgressPrinter(PrintStream err, boolean inPlace) {
        this.err = err;
        this.inPlace = inPlace;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.getSource().orElse(null) instanceof ClassSource c && c.getJavaClass().isAnnotationPresent(UserStory.class)) {
            String p = c.getJavaClass().getAnnotation(UserStory.class).phase().title();
            if (!p.equals(phase)) {
                phase = p;
                if (inPlace) {
                    draw(true);
                } else {
                    err.println("tfaudit: " + p + " (" + results + " results so far, " + failed + " failed)");
                }
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            return;
        }
        results++;
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            failed++;
        }
        if (inPlace) {
            draw(false);
        }
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String line = "tfaudit: " + (phase == null ? "starting" : phase) + ": " + results + " results, " + failed + " failed";
        err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        err.flush();
        drawn = line.length();
    }

    /** Ends the in-place line, so what follows starts on a line of its own. */
    void finish() {
        if (inPlace && drawn > 0) {
            draw(true);
            err.println();
        }
    }
}
