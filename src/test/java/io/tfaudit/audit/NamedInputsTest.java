package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.phase10.US029VerifyCoreDocumentation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * In Maven or an IDE there is no command line to refuse bad input: a folder the user named
 * that is not there makes every criterion end with the reason, and the gate then fails on them.
 */
class NamedInputsTest {

    @TempDir
    Path dir;

    @Test
    void aMissingBaselineFolderEndsEveryCriterionWithTheReason() throws Exception {
        Path missing = dir.resolve("no-baseline-here");
        var o = CriterionTestKit.run(US029VerifyCoreDocumentation.class, "developmentMd", Trees.sampleCopy(dir.resolve("provider")),
                Map.of(AuditConfig.BASELINE_PATH, missing.toString()));

        assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
        assertThat(o.message(o.single())).contains("tfaudit cannot audit with what it was given: baseline.path (--baseline-path) "
                + missing + ": no such directory");
    }
}
