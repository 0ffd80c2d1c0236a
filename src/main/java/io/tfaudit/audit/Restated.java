package io.tfaudit.audit;

import io.tfaudit.api.UserStory;
import java.util.ArrayList;
import java.util.List;

/**
 * The user-story criteria a functional requirement or success metric restates, named by story
 * class and checkbox number: {@code criteria(US008VerifyDeprecatedFieldHandling.class, 1, 2, 3)}.
 * The requirement is met when they all are, and its verdict is built from theirs
 * ({@link CriterionRun#restate}), so the PRD's two lists never disagree with its stories.
 */
public final class Restated {

    /** One criterion: its story class and checkbox number. */
    record Ref(Class<?> story, int checkbox) {}

    private final List<Ref> refs;

    private Restated(List<Ref> refs) {
        this.refs = refs;
    }

    public static Restated criteria(Class<?> story, int... checkboxes) {
        return new Restated(List.of()).and(story, checkboxes);
    }

    public Restated and(Class<?> story, int... checkboxes) {
        if (story.getAnnotation(UserStory.class) == null) {
            throw new IllegalArgumentException(story.getName() + " is not a user story (no @UserStory)");
        }
        if (checkboxes.length == 0) {
            throw new IllegalArgumentException("name at least one checkbox of " + story.getSimpleName());
        }
        List<Ref> out = new ArrayList<>(refs);
        for (int c : checkboxes) {
            out.add(new Ref(story, c));
        }
        return new Restated(List.copyOf(out));
    }

    List<Ref> refs() {
        return refs;
    }
}
