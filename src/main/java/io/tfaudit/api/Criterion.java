package io.tfaudit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One acceptance criterion: its 1-based position among its story's checkboxes (the id is
 * {@code US-0NN.k}) and the severity of a finding. The checkbox text itself is the test's
 * {@code @DisplayName}, verbatim. Requirements and success metrics are numbered in the PRD
 * itself ({@code FR-17}); they give that number as {@link #id()}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Criterion {
    int value();

    Severity severity();

    /** The PRD's own id ({@code FR-17}, {@code SM-7}) where it numbers the item; else {@code US-0NN.k}. */
    String id() default "";

    /** Why a finding matters, where the plan says it per criterion (the framework plan); else the story's description. */
    String why() default "";

    /** Why the severity is what it is, where the plan says it per criterion; else the PRD's thresholds. */
    String severityReason() default "";

    /** How to fix a finding, where the plan says it per criterion; else its kind's advice. */
    String fix() default "";
}
