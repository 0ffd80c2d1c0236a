package io.tfaudit.criteria.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.audit.AuditConfig;
import io.tfaudit.audit.ExternalCommand;
import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.SampleFixture;
import io.tfaudit.criteria.metrics.SuccessMetrics;
import io.tfaudit.criteria.phase3.US008VerifyDeprecatedFieldHandling;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventType;

/**
 * A requirement's verdict is its stories' verdict, whether it reads what they reported in the
 * same run or evaluates them itself; and the requirements that need the Go toolchain pass
 * when it runs, and fail when the regenerated code differs.
 */
class RestatedVerdictsTest {

    @TempDir
    Path dir;

    private static final String SNOWFLAKE_WRAPPER = "internal/resource/destination/snowflake_generated.go";
    private static final String NO_MESSAGE =
            "\t\tDeprecationMessage:  \"Use create_schema_auto instead. auto_schema_creation will be removed in 4.0.0.\",\n";

    @Test
    void readingTheStoriesVerdictAndEvaluatingItGiveTheSameResult() {
        SampleFixture broken = SampleFixture.copyTo(dir.resolve("alone")).replace(SNOWFLAKE_WRAPPER, NO_MESSAGE, "");
        var alone = CriterionTestKit.run(BackwardCompatibilityRequirements.class, "deprecatedFieldsStillWork", broken.root());

        SampleFixture same = SampleFixture.copyTo(dir.resolve("together")).replace(SNOWFLAKE_WRAPPER, NO_MESSAGE, "");
        var together = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(Map.of(AuditConfig.PROVIDER_PATH, same.root().toString(),
                        AuditConfig.INVENTORY, same.root().resolve("inventory.txt").toString()))
                .selectors(DiscoverySelectors.selectClass(US008VerifyDeprecatedFieldHandling.class),
                        DiscoverySelectors.selectClass(BackwardCompatibilityRequirements.class))
                .execute().allEvents()
                .filter(e -> e.getType() == EventType.FINISHED && e.getTestDescriptor().isTest()
                        && e.getTestDescriptor().getDisplayName().equals("All deprecated fields must continue to work with deprecation warnings"))
                .findFirst().orElseThrow().getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class);

        var r = alone.single();
        assertThat(r.getStatus()).isEqualTo(Status.FAILED);
        assertThat(alone.message(r)).contains(SNOWFLAKE_WRAPPER + ":38: [US-008.2] streamkap_destination_snowflake.auto_schema_creation");
        assertThat(together.getStatus()).isEqualTo(Status.FAILED);
        assertThat(io.tfaudit.criteria.CriterionTestKit.messageOf(together.getThrowable().orElseThrow())).isEqualTo(alone.message(r));
    }

    /** tfgen uses the standard library only, so Debian's Go regenerates the sample here. */
    @Test
    void regenerationRequirementsPassWhenGoRegeneratesTheSameCodeAndFailWhenItDiffers() {
        Assumptions.assumeTrue(ExternalCommand.onPath("go").isPresent(), "needs `go` on PATH");
        SampleFixture sound = SampleFixture.copyTo(dir.resolve("sound"));
        Map<String, String> exec = Map.of(AuditConfig.EXEC, "true", AuditConfig.BACKEND_PATH, sound.backend().toString());
        CriterionTestKit.run(ArchitectureRequirements.class, "generatedCodeIsReproducible", sound.root(), exec).assertAllSucceeded();
        CriterionTestKit.run(SuccessMetrics.class, "generatorReproducesItsOutput", sound.root(), exec).assertAllSucceeded();

        SampleFixture edited = SampleFixture.copyTo(dir.resolve("edited")).replace("internal/generated/source_webhook.go",
                "Display name", "Shown name");
        Map<String, String> execEdited = Map.of(AuditConfig.EXEC, "true", AuditConfig.BACKEND_PATH, edited.backend().toString());
        for (var o : java.util.List.of(
                CriterionTestKit.run(ArchitectureRequirements.class, "generatedCodeIsReproducible", edited.root(), execEdited),
                CriterionTestKit.run(SuccessMetrics.class, "generatorReproducesItsOutput", edited.root(), execEdited))) {
            var r = o.single();
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(r)).contains("[US-014.3] differs after regeneration").contains("internal/generated/source_webhook.go");
        }
    }
}
