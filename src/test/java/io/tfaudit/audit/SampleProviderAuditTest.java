package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.jupiter.api.Test;

/**
 * The whole audit on the embedded sample provider, in process: the sample is the sound
 * fixture, so no criterion may fail on it, and every criterion must produce a result.
 */
class SampleProviderAuditTest {

    @Test
    void everyCriterionPassesOrIsSkippedForAStatedReasonOnTheSample() {
        List<Event> finished = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(Map.of())
                .selectors(DiscoverySelectors.selectPackage("io.tfaudit.criteria"))
                // The criteria, not this project's tests of them (which share their packages and run on their own).
                .filters(org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns(".*Test(\\$.*)?"))
                .execute().allEvents()
                .filter(e -> e.getType() == EventType.FINISHED && e.getTestDescriptor().isTest()).toList();

        assertThat(finished).as("criteria results (the CLI audit of the sample gives 836)").hasSizeGreaterThan(700);
        List<String> failed = finished.stream()
                .filter(e -> e.getRequiredPayload(TestExecutionResult.class).getStatus() == TestExecutionResult.Status.FAILED)
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getRequiredPayload(TestExecutionResult.class)
                        .getThrowable().map(Throwable::getMessage).orElse(""))
                .toList();
        assertThat(failed).as("criteria failing on the sound sample provider").isEmpty();
        List<String> skippedWithoutReason = finished.stream()
                .filter(e -> e.getRequiredPayload(TestExecutionResult.class).getStatus() == TestExecutionResult.Status.ABORTED)
                .filter(e -> !e.getRequiredPayload(TestExecutionResult.class).getThrowable().map(Throwable::getMessage)
                        .orElse("").startsWith("skipped: "))
                .map(e -> e.getTestDescriptor().getDisplayName()).toList();
        assertThat(skippedWithoutReason).as("skips must say what is missing").isEmpty();
    }
}
