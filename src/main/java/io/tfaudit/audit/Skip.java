package io.tfaudit.audit;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.opentest4j.TestAbortedException;

/**
 * A criterion skipped, with the reason and what would run it; like a failure's detail, it
 * carries no stack: where tfaudit's code stood is not the reader's business.
 */
final class Skip extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    private Skip(String reason) {
        super(reason);
        setStackTrace(new StackTraceElement[0]);
    }

    static Skip because(String reason) {
        return new Skip(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public void printStackTrace(PrintWriter s) {
        s.println(getMessage());
    }

    @Override
    public void printStackTrace(PrintStream s) {
        s.println(getMessage());
    }
}
