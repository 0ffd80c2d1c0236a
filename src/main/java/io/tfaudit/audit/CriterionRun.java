package io.tfaudit.audit;

import io.tfaudit.provider.ProviderModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * What a criterion method receives: its own identity (story, checkbox, text, severity) and
 * the audit. Per-resource criteria turn into one dynamic test per resource through
 * {@link #forEachResource}; every criterion reports its violations through {@link #findings()}.
 */
public final class CriterionRun {

    /** Separates the criterion from the resource in a dynamic test's name. */
    public static final String RESOURCE_SEPARATOR = " — ";

    private final Audit audit;
    private final UserStory story;
    private final Criterion criterion;
    private final String text;
    private Severity currentSeverity;
    private String currentResource;

    CriterionRun(Audit audit, UserStory story, Criterion criterion, String text) {
        this.audit = audit;
        this.story = story;
        this.criterion = criterion;
        this.text = text;
        this.currentSeverity = criterion.severity();
    }

    public Audit audit() {
        return audit;
    }

    public ProviderModel provider() {
        return audit.provider();
    }

    /** {@code US-002.1}. */
    public String id() {
        return story.id() + "." + criterion.value();
    }

    /** The checkbox text, verbatim. */
    public String text() {
        return text;
    }

    public Severity severity() {
        return criterion.severity();
    }

    public Findings findings() {
        return new Findings(text, () -> currentSeverity, this);
    }

    /** The resource of the dynamic test running now (per-resource criteria), or null. */
    String currentResource() {
        return currentResource;
    }

    /**
     * The severity of this result when it differs from the criterion's: e.g. "All tests pass"
     * fails as a missing test (normal) before the run, as a CRUD failure (blocker) after it.
     */
    public void reportSeverity(Severity severity) {
        currentSeverity = severity;
        io.qameta.allure.Allure.getLifecycle().updateTestCase(tc -> {
            tc.getLabels().removeIf(l -> "severity".equals(l.getName()));
            tc.getLabels().add(new io.qameta.allure.model.Label().setName("severity").setValue(severity.label()));
        });
    }

    /**
     * Evidence shown with the result whatever its outcome (what was measured, where a file
     * the PRD names elsewhere was found): an attachment in the report.
     */
    public void evidence(String title, String text) {
        io.qameta.allure.Allure.addAttachment(title, "text/plain", text, ".txt");
    }

    /**
     * One dynamic test per resource in scope, named {@code <criterion> — <type name>}. A
     * resource the inventory expects but the provider does not register fails; an empty
     * scope fails too (an empty enumeration is a broken audit, not a pass).
     */
    public Stream<DynamicTest> forEachResource(Predicate<AuditedResource> scope, ThrowingConsumer<AuditedResource> check) {
        List<AuditedResource> resources = audit.resources(scope);
        if (resources.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(text + RESOURCE_SEPARATOR + "(no resource in scope)", () ->
                    Assertions.fail("no resource is in this criterion's scope: the provider registers none and the inventory ("
                            + audit.inventory().origin() + ") lists none; " + unresolvedSummary())));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (AuditedResource r : resources) {
            String name = text + RESOURCE_SEPARATOR + r.typeName()
                    + (r.category() == io.tfaudit.provider.Category.DATA_SOURCE ? " (data source)" : "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                currentSeverity = criterion.severity();
                currentResource = r.typeName();
                if (r.isRegistered() && r.registered().typeName() == null) {
                    Assertions.fail(r.registered().constructor() + " is registered, but its Terraform type name could not be "
                            + "resolved statically: " + r.registered().unresolved());
                }
                if (!r.isRegistered()) {
                    Assertions.fail(r.typeName() + " is in the inventory (" + audit.inventory().origin() + ":"
                            + r.inventoryEntry().line() + ") but the provider does not register it; " + unresolvedSummary());
                }
                check.accept(r);
            }));
        }
        return tests.stream();
    }

    private String unresolvedSummary() {
        List<String> notes = new ArrayList<>();
        audit.provider().unresolved().forEach(u -> notes.add(u.toString()));
        for (var r : audit.provider().resources()) {
            if (r.typeName() == null) {
                notes.add(r.constructor() + " (type name unresolved: " + r.unresolved() + ")");
            }
        }
        return notes.isEmpty() ? "nothing was left unresolved while reading the provider"
                : "while reading the provider: " + notes;
    }

    /**
     * Reports the criterion as skipped: it needs something absent here. Never a pass.
     *
     * @param missing what is absent (a tool, credentials, consent, a checkout)
     * @param command the command that would run the check where it is present
     */
    public void skip(String missing, String command) {
        Assumptions.abort("skipped: " + missing + (command == null ? "" : ". To run it: " + command));
    }
}
