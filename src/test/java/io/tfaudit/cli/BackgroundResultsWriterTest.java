package io.tfaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Allure's files written off the criteria's thread: all of them, in order, before close() returns. */
class BackgroundResultsWriterTest {

    /** Records what it is asked to write, slowly, on whichever thread calls it. */
    static class Recording implements AllureResultsWriter {
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        public void write(TestResult result) {
            pause();
            written.add("result " + result.getName() + " on " + Thread.currentThread().getName());
        }

        @Override
        public void write(TestResultContainer container) {
            written.add("container " + container.getName());
        }

        @Override
        public void write(String source, InputStream attachment) {
            try {
                written.add("attachment " + source + ": " + new String(attachment.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void pause() {
            long until = System.nanoTime() + 2_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void everythingIsWrittenInOrderBeforeCloseReturns() {
        Recording files = new Recording();
        BackgroundResultsWriter w = new BackgroundResultsWriter(files);
        for (int i = 0; i < 50; i++) {
            w.write(new TestResult().setName("t" + i));
        }
        InputStream evidence = new ByteArrayInputStream("internal/x.go:3".getBytes(StandardCharsets.UTF_8));
        w.write("a-attachment.txt", evidence);
        w.write(new TestResultContainer().setName("c"));
        w.close();

        assertThat(files.written).hasSize(52);
        assertThat(files.written.get(0)).isEqualTo("result t0 on allure-results-writer");
        assertThat(files.written.get(49)).startsWith("result t49 ");
        assertThat(files.written.subList(50, 52)).containsExactly("attachment a-attachment.txt: internal/x.go:3", "container c");

        // Allure keeps its lifecycle for the JVM: what comes after close() is written at once.
        w.write(new TestResult().setName("late"));
        assertThat(files.written).hasSize(53).last().asString().startsWith("result late on main");
    }

    @Test
    void aFailedWriteFailsTheClose() {
        BackgroundResultsWriter w = new BackgroundResultsWriter(new Recording() {
            @Override
            public void write(TestResultContainer container) {
                throw new UncheckedIOException(new IOException("disk full"));
            }
        });
        w.write(new TestResultContainer().setName("c"));
        assertThatThrownBy(w::close).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
    }

    @Test
    void aWriteThatOverflowsTheStackFailsTheCloseRatherThanLosingTheFile() {
        BackgroundResultsWriter w = new BackgroundResultsWriter(new Recording() {
            @Override
            public void write(TestResultContainer container) {
                throw new StackOverflowError();
            }
        });
        w.write(new TestResultContainer().setName("c"));
        assertThatThrownBy(w::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("was not written");
    }
}
