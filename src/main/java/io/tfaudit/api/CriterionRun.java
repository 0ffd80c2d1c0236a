package io.tfaudit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.tfaudit.provider.ProviderModel;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What a criterion method of a {@link UserStory} class receives: its identity, the provider
 * read statically, the previous release when there is one, and where its findings go.
 * <pre>
 * &#64;Test
 * &#64;DisplayName("Every resource has a Description")
 * &#64;Criterion(value = 1, id = "ACME-001", severity = Severity.MINOR)
 * void described(CriterionRun run) {
 *     Findings f = run.findings();
 *     run.provider().resources().stream().filter(r -&gt; r.schema().description() == null)
 *             .forEach(r -&gt; f.add(r.constructorPos(), r.typeName() + ": expected a Description, found none"));
 *     f.verify();
 * }
 * </pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CriterionRun {

    /** The criterion's id: {@link Criterion#id()}, else the story's id and the criterion's number. */
    String id();

    /** The criterion's sentence (its {@code @DisplayName}). */
    String text();

    Severity severity();

    /** The audited provider, read once per audit, however many criteria ask. */
    ProviderModel provider();

    /** The previous release to compare with ({@code baseline.ref} or {@code baseline.path}), if there is one. */
    Optional<ProviderModel> baseline();

    /** How the previous release is named in findings ({@code v1.2.0 (abc123)}). */
    String baselineLabel();

    /** Why there is no previous release to compare with. */
    String baselineUnavailableReason();

    /** Where this criterion's findings go. */
    Findings findings();

    /** Evidence shown with the result whatever its outcome. */
    void evidence(String title, String text);

    /** Ends the criterion as skipped: {@code missing} is absent here; {@code command} (or null) would run the check. */
    void skip(String missing, String command);

    /** Ends the criterion as skipped because it does not apply to this provider. */
    void notApplicable(String why);

    /** A value computed once per audit and shared by every criterion that asks with the same key. */
    <T> T memo(String key, Supplier<T> compute);
}
