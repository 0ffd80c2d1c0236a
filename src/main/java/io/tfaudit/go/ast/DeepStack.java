package io.tfaudit.go.ast;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs work that recurses through Go syntax trees on a thread whose stack holds any tree Go
 * itself accepts. A thousand nested parentheses are valid Go; walked on a default 1 MB
 * stack they end the JVM's main thread with a StackOverflowError. The stack is reserved, not
 * committed: a shallow tree costs no memory. Where the system refuses so large a reservation
 * (a virtual memory limit, strict overcommit), a smaller stack is tried, then the caller's.
 */
public final class DeepStack {

    /**
     * 256 MB: parsing 100,000 nested parentheses, the most go/parser accepts, takes about 100 MB
     * of it, and walking the tree less. Then 64 MB, the parser's own threads' stack.
     */
    private static final long[] STACK_SIZES = {256L << 20, 64L << 20};

    private DeepStack() {}

    /** {@code work}'s result, computed on a thread of its own named {@code name}; what it throws is rethrown here. */
    public static <T> T call(String name, Supplier<T> work) {
        return call(name, STACK_SIZES, work);
    }

    static <T> T call(String name, long[] stackSizes, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Runnable task = () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                thrown.set(e);
            }
        };
        joinUninterruptibly(start(name, false, stackSizes, task));
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

    /**
     * Starts {@code task} on a thread with a deep stack and returns it; when the system grants
     * no such thread, runs it here and returns the current thread.
     */
    public static Thread start(String name, boolean daemon, Runnable task) {
        return start(name, daemon, STACK_SIZES, task);
    }

    private static Thread start(String name, boolean daemon, long[] stackSizes, Runnable task) {
        for (long size : stackSizes) {
            Thread t = new Thread(null, task, name, size);
            t.setDaemon(daemon);
            try {
                t.start();
                return t;
            } catch (OutOfMemoryError refused) {
                // "unable to create native thread": try a smaller reservation
            }
        }
        task.run();
        return Thread.currentThread();
    }

    private static void joinUninterruptibly(Thread t) {
        if (t == Thread.currentThread()) {
            return;
        }
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
    }
}
