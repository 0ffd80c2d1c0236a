package io.tfaudit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of criteria as one user story of the audit plan: {@code id} such as
 * {@code US-002}, its title as the PRD gives it, and its phase. The audit's extension
 * (found through {@link EngineExtension}) gives its methods their {@link CriterionRun} and labels every
 * result for the report.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EngineExtension.class)
@Tag("audit")
public @interface UserStory {
    String id();

    String title();

    Phase phase();
}
