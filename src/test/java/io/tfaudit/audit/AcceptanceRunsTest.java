package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An acceptance run that could not reach the API judged the network, not the provider. */
class AcceptanceRunsTest {

    private static ExternalCommand.Result failed(String goTestJson) {
        return new ExternalCommand.Result(1, goTestJson, Duration.ofSeconds(3));
    }

    private static String output(String test, String text) {
        return "{\"Action\":\"output\",\"Test\":\"" + test + "\",\"Output\":\"" + text + "\\n\"}\n";
    }

    @Test
    void aRunThatCouldNotReachTheApiHostIsTheNetwork() {
        var r = failed(output("TestAccSourcePostgreSQLResource", "    resource_test.go:40: Step 1/2 error: Post "
                + "\\\"https://api.streamkap.com/auth/access-token\\\": dial tcp: lookup api.streamkap.com: no such host")
                + "{\"Action\":\"fail\",\"Test\":\"TestAccSourcePostgreSQLResource\"}\n");

        assertThat(GoTestRun.apiUnreachable(r, GoTestRun.DEFAULT_API_HOST)).hasValueSatisfying(line -> assertThat(line)
                .contains("dial tcp: lookup api.streamkap.com: no such host"));
        assertThat(GoTestRun.apiUnreachable(r, "https://api.staging.example.net:8443/v1")).isEmpty();
    }

    @Test
    void aTestsOwnNetworkErrorsAgainstAFakeServerAreNot() {
        var r = failed(output("TestClientRetries", "    client_test.go:88: dial tcp 127.0.0.1:38211: connect: connection refused")
                + output("TestAccSourcePostgreSQLResource", "    resource_test.go:40: expected ssl_mode \\\"require\\\", got \\\"disable\\\""));

        assertThat(GoTestRun.apiUnreachable(r, GoTestRun.DEFAULT_API_HOST)).isEmpty();
    }

    @Test
    void aRunThatPassedIsNeverExcused() {
        var passed = new ExternalCommand.Result(0, output("TestAccX", "retrying: dial tcp: lookup api.streamkap.com: i/o timeout"),
                Duration.ofSeconds(3));

        assertThat(GoTestRun.apiUnreachable(passed, GoTestRun.DEFAULT_API_HOST)).isEmpty();
    }
}
