package io.tfaudit.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.audit.AuditConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs one criterion in process (JUnit Platform TestKit) on a fixture provider and gives its
 * outcome, per dynamic test when it has several. This is how a criterion is shown to fail
 * on a broken fixture and pass on a sound one.
 */
public final class CriterionTestKit {

    /** The finished tests of a run: display name → result. */
    public record Outcome(List<Event> finished) {

        public List<String> names() {
            return finished.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
        }

        public TestExecutionResult result(String displayNameSuffix) {
            return finished.stream().filter(e -> e.getTestDescriptor().getDisplayName().endsWith(displayNameSuffix))
                    .findFirst().orElseThrow(() -> new AssertionError("no test named …" + displayNameSuffix + " in " + names()))
                    .getRequiredPayload(TestExecutionResult.class);
        }

        /** The only test (a criterion without dynamic tests). */
        public TestExecutionResult single() {
            assertThat(finished).as("finished tests").hasSize(1);
            return finished.get(0).getRequiredPayload(TestExecutionResult.class);
        }

        public String message(TestExecutionResult r) {
            return r.getThrowable().map(CriterionTestKit::messageOf).orElse("");
        }

        public void assertAllSucceeded() {
            for (Event e : finished) {
                TestExecutionResult r = e.getRequiredPayload(TestExecutionResult.class);
                assertThat(r.getStatus()).as("%s: %s", e.getTestDescriptor().getDisplayName(), message(r))
                        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
            }
        }
    }

    private CriterionTestKit() {}

    public static Outcome run(Class<?> story, String method, Path provider) {
        return run(story, method, provider, Map.of());
    }

    public static Outcome run(Class<?> story, String method, Path provider, Map<String, String> extra) {
        Map<String, String> params = new java.util.HashMap<>(extra);
        params.put(AuditConfig.PROVIDER_PATH, provider.toString());
        params.putIfAbsent(AuditConfig.INVENTORY, provider.resolve("inventory.txt").toString());
        Events events = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(params)
                .selectors(DiscoverySelectors.selectMethod(story, findMethod(story, method)))
                .execute()
                .allEvents();
        List<Event> finished = events.filter(e -> e.getType() == EventType.FINISHED
                && e.getTestDescriptor().isTest()).toList();
        return new Outcome(finished);
    }

    private static java.lang.reflect.Method findMethod(Class<?> story, String name) {
        return java.util.Arrays.stream(story.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(story.getSimpleName() + " has no method " + name));
    }


    /** What a criterion's failure says: every finding (a findings failure's detail), else the message. */
    public static String messageOf(Throwable t) {
        return t instanceof io.tfaudit.audit.FindingsFailure f ? f.detail() : t.getMessage();
    }
}
