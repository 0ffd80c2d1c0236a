package io.tfaudit.go.ast;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs work that recurses through Go syntax trees on a thread whose stack holds any tree the
 * parser could build. A thousand nested parentheses are valid Go; walked on a default 1 MB
 * stack they end the JVM's main thread with a StackOverflowError. The stack is reserved, not
 * committed: a shallow tree costs no memory.
 */
public final class DeepStack {

    /** As deep as the parser's own last resort, so whatever it built can be walked. */
    public static final long BYTES = 1L << 30;

    private DeepStack() {}

    /** {@code work}'s result, computed on a thread of its own named {@code name}; what it throws is rethrown here. */
    public static <T> T call(String name, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, name, BYTES);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                t.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = thrown.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
        return result.get();
    }
}
