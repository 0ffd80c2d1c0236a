package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Go's own words, as Go 1.19 and 1.21+ print them, for a machine that cannot judge the code. */
class GoToolchainTest {

    private static ExternalCommand.Result failed(String output) {
        return new ExternalCommand.Result(1, output, Duration.ofSeconds(1));
    }

    @Test
    void aGoTooOldToReadGoModIsTheMachine() {
        assertThat(GoToolchain.unusableFor(failed("go: errors parsing go.mod:\n/p/go.mod:3: invalid go version '1.25.0': must match format 1.23\n")))
                .hasValueSatisfying(why -> assertThat(why).startsWith("the `go` here is older than go.mod's `go 1.25.0`"));
    }

    @Test
    void aGoNotAllowedToFetchTheToolchainIsTheMachine() {
        assertThat(GoToolchain.unusableFor(failed("go: go.mod requires go >= 1.24.0 (running go 1.22.5; GOTOOLCHAIN=local)\n")))
                .hasValueSatisfying(why -> assertThat(why).startsWith("go.mod requires go 1.24.0, the `go` here is 1.22.5"));
    }

    @Test
    void errorsOfAnOlderGoOnNewerCodeAreTheMachine() {
        assertThat(GoToolchain.unusableFor(failed("# example.com/c\n./c.go:3:27: cannot range over 10 (untyped int constant)\n"
                + "note: module requires Go 1.22\n"))).isPresent();
    }

    @Test
    void modulesThatCouldNotBeDownloadedAreTheMachine() {
        assertThat(GoToolchain.unusableFor(failed("b.go:3:8: github.com/acme/nothing@v1.0.0: Get \"https://proxy.golang.org/github.com/"
                + "acme/nothing/@v/v1.0.0.zip\": dial tcp: lookup proxy.golang.org on 10.0.0.53:53: no such host\n"))).isPresent();
        assertThat(GoToolchain.unusableFor(failed("b.go:3:8: module lookup disabled by GOPROXY=off\n"))).isPresent();
    }

    @Test
    void theCodesOwnErrorsAndTestFailuresAreNot() {
        assertThat(GoToolchain.unusableFor(failed("# example.com/p\n./p.go:5:2: undefined: client\n"))).isEmpty();
        // A provider test about network errors may print them: only Go's module downloads count.
        assertThat(GoToolchain.unusableFor(failed("--- FAIL: TestRetry (0.01s)\n    retry_test.go:40: dial tcp 127.0.0.1:9: connect: "
                + "connection refused\nFAIL\n"))).isEmpty();
        assertThat(GoToolchain.unusableFor(failed("go: example.com/p: missing go.sum entry for module providing package x\n"))).isEmpty();
    }

    @Test
    void aRunThatPassedOrTimedOutIsNeverExcused() {
        assertThat(GoToolchain.unusableFor(new ExternalCommand.Result(0, "note: module requires Go 1.22\n", Duration.ofSeconds(1)))).isEmpty();
        assertThat(GoToolchain.unusableFor(new ExternalCommand.Result(null, "dial tcp: lookup proxy.golang.org: i/o timeout\n",
                Duration.ofMinutes(10))))
                .isEmpty();
    }
}
