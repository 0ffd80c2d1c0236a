package io.tfaudit.cli;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes Allure's result, container and attachment files on a thread of its own, in the
 * order they come, so that serialising thousands of small files overlaps with the criteria
 * instead of following each. {@link #close()} returns when everything is on disk (before the
 * results are read back), and fails if a write did.
 */
final class BackgroundResultsWriter implements AllureResultsWriter, AutoCloseable {

    private final AllureResultsWriter files;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "allure-results-writer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    BackgroundResultsWriter(AllureResultsWriter files) {
        this.files = files;
    }

    @Override
    public void write(TestResult result) {
        submit(() -> files.write(result));
    }

    @Override
    public void write(TestResultContainer container) {
        submit(() -> files.write(container));
    }

    @Override
    public void write(String source, InputStream attachment) {
        byte[] bytes;
        try (attachment) {
            bytes = attachment.readAllBytes(); // the caller's stream is not ours to keep
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attachment " + source, e);
        }
        submit(() -> files.write(source, new ByteArrayInputStream(bytes)));
    }

    private void submit(Runnable write) {
        if (writer.isShutdown()) {
            // Closed: the lifecycle is still Allure's current one in this JVM, so later writes go straight to disk.
            write.run();
            return;
        }
        writer.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } catch (StackOverflowError | OutOfMemoryError e) {
                // A result not written would be a finding missing from the report: the run says so.
                failure.compareAndSet(null, new IllegalStateException("an Allure result file was not written: " + e, e));
            }
        });
    }

    /** Waits until every file is written. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the Allure results were not all written within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Allure results were written", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
