package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages name the options of the entry point that runs the audit. */
class EntryPointTest {

    private static final String MESSAGE = "skipped: needs consent (-Dexec=true -Dacceptance=true). To run it: "
            + "tfaudit audit (or -Dbackend.path=/src/backend, -Dbaseline.ref=v2.1.18)";

    @Test
    void mavenAndTheIdeReadTheSystemProperties() {
        assertThat(EntryPoint.speak(MESSAGE)).isEqualTo(MESSAGE);
    }

    @Test
    void theCommandLineReadsItsOwnOptionsAndForgetsThemAfterwards() {
        String spoken = EntryPoint.commandLine(() -> EntryPoint.speak(MESSAGE));
        assertThat(spoken).isEqualTo("skipped: needs consent (--exec --acceptance). To run it: "
                + "tfaudit audit (or --backend /src/backend, --baseline-ref v2.1.18)");
        assertThat(EntryPoint.speak(MESSAGE)).isEqualTo(MESSAGE);
    }
}
