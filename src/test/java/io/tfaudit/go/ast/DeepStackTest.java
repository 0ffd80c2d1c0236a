package io.tfaudit.go.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeepStackTest {

    private static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    @Test
    void recursionTooDeepForADefaultStackRunsOnADeepOne() {
        assertThatThrownBy(() -> depth(1_000_000)).isInstanceOf(StackOverflowError.class);

        assertThat(DeepStack.call("deep", () -> depth(1_000_000))).isEqualTo(1_000_000);
    }

    @Test
    void whatTheWorkThrowsIsThrownToTheCaller() {
        assertThatThrownBy(() -> DeepStack.call("deep", () -> {
            throw new IllegalArgumentException("bad tree");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad tree");
    }

    @Test
    void whenTheSystemGrantsNoSuchStackTheWorkRunsOnTheCallersThread() {
        // A reservation of 2^62 bytes is refused ("unable to create native thread"), as a
        // 1 GB one is under a virtual memory limit.
        String ranOn = DeepStack.call("deep", new long[] {1L << 62}, () -> Thread.currentThread().getName());

        assertThat(ranOn).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aRefusedSizeFallsBackToTheNextOne() {
        String ranOn = DeepStack.call("deep", new long[] {1L << 62, 8L << 20}, () -> Thread.currentThread().getName());

        assertThat(ranOn).isEqualTo("deep");
    }
}
