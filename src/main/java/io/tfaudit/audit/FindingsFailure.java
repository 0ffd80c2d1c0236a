package io.tfaudit.audit;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.opentest4j.AssertionFailedError;

/**
 * A criterion's failure: its message is one short line that is the same for every result the
 * same defect fails (how the report groups them), its detail every finding with its place,
 * expected and found. It carries no stack: where tfaudit's code stood says nothing about the
 * provider, so the detail is what a report or a console prints in its place.
 */
public final class FindingsFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final String detail;

    FindingsFailure(String headline, String detail) {
        super(headline);
        this.detail = detail;
        setStackTrace(new StackTraceElement[0]);
    }

    /** Every finding, one per line, under the criterion's sentence. */
    public String detail() {
        return detail;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public void printStackTrace(PrintWriter s) {
        s.println(detail);
    }

    @Override
    public void printStackTrace(PrintStream s) {
        s.println(detail);
    }
}
