package io.tfaudit.audit;

import io.tfaudit.api.UserStory;
import io.tfaudit.api.Phase;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;

/**
 * Runs the criteria in the PRD's order: phase by phase, story by story, then the functional
 * requirements and the success metrics. Those restate story criteria and read their recorded
 * verdicts, which is only possible when the stories ran first (otherwise they are evaluated
 * again, quietly: the verdict is the same, the time is not). Classes that are not criteria
 * come last, by name.
 */
public final class PrdOrder implements ClassOrderer {

    /** The configuration key and value that select this order. */
    public static final String KEY = "junit.jupiter.testclass.order.default";

    @Override
    public void orderClasses(org.junit.jupiter.api.ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor d) -> rank(d.getTestClass()))
                .thenComparing(d -> d.getTestClass().getName()));
    }

    /** Phase 11 (issues and fixes) is about every other phase's findings: it runs after Phase 15. */
    static int rank(Class<?> type) {
        UserStory story = type.getAnnotation(UserStory.class);
        if (story == null) {
            return Integer.MAX_VALUE;
        }
        String digits = story.id().replaceAll("^\\D*(\\d+).*$", "$1");
        int number = digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() ? Integer.parseInt(digits) : 0;
        int phase = story.phase() == Phase.PHASE_11 ? Phase.PHASE_15.ordinal() : story.phase().ordinal();
        return phase * 1000 + (story.phase() == Phase.PHASE_11 ? 500 : 0) + number;
    }
}
