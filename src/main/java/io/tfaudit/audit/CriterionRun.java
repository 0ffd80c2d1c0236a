package io.tfaudit.audit;

import io.tfaudit.api.Phase;
import io.tfaudit.api.Criterion;
import io.tfaudit.api.UserStory;
import io.tfaudit.api.Severity;
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
public final class CriterionRun implements io.tfaudit.api.CriterionRun {

    /** Separates the criterion from the resource in a dynamic test's name. */
    public static final String RESOURCE_SEPARATOR = " — ";

    private final Audit audit;
    private final UserStory story;
    private final Criterion criterion;
    private final String text;
    private final boolean quiet;
    private Severity currentSeverity;
    private String currentResource;
    private List<Findings.Finding> lastFindings = List.of();

    CriterionRun(Audit audit, UserStory story, Criterion criterion, String text) {
        this(audit, story, criterion, text, false);
    }

    /**
     * @param quiet evaluated for a requirement that restates it: its verdict is recorded, and
     *              nothing is written to the report under the requirement's name
     */
    CriterionRun(Audit audit, UserStory story, Criterion criterion, String text, boolean quiet) {
        this.audit = audit;
        this.story = story;
        this.criterion = criterion;
        this.text = text;
        this.quiet = quiet;
        this.currentSeverity = criterion.severity();
    }

    boolean quiet() {
        return quiet;
    }

    /** The severity the latest result was reported with (see {@link #reportSeverity}). */
    Severity reportedSeverity() {
        return currentSeverity;
    }

    /** The findings the latest failure was built from, once. */
    List<Findings.Finding> takeFindings() {
        List<Findings.Finding> out = lastFindings;
        lastFindings = List.of();
        return out;
    }

    void failedWith(List<Findings.Finding> findings) {
        lastFindings = List.copyOf(findings);
    }

    public Audit audit() {
        return audit;
    }

    @Override
    public ProviderModel provider() {
        return audit.provider();
    }

    @Override
    public java.util.Optional<ProviderModel> baseline() {
        return audit.baseline();
    }

    @Override
    public String baselineLabel() {
        return audit.baselineLabel();
    }

    @Override
    public String baselineUnavailableReason() {
        return audit.baselineUnavailableReason();
    }

    @Override
    public <T> T memo(String key, java.util.function.Supplier<T> compute) {
        return audit.memo(key, compute);
    }

    /** A criterion's id: the PRD's own ({@code FR-17}) when given, else the story's and the checkbox number. */
    static String idOf(UserStory story, Criterion criterion) {
        return criterion.id().isEmpty() ? story.id() + "." + criterion.value() : criterion.id();
    }

    /** {@code US-002.1}, {@code FR-17}. */
    public String id() {
        return CriterionRun.idOf(story, criterion);
    }

    /** The checkbox text, verbatim. */
    public String text() {
        return text;
    }

    public Severity severity() {
        return criterion.severity();
    }

    /** The kind of defect this criterion's findings are (its phase's, or its PRD section's). */
    FindingKind kind() {
        return FindingKind.of(story);
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
        if (quiet) {
            return;
        }
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
        if (quiet) {
            return;
        }
        io.qameta.allure.Allure.addAttachment(title, "text/plain", EntryPoint.speak(audit.withoutMachinePaths(text)), ".txt");
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
                lastFindings = List.of();
                // Findings, not bare failures: one missing resource is one finding, whichever criteria meet it.
                if (r.isRegistered() && r.registered().typeName() == null) {
                    findings().add(r.registered().constructor(), "is registered, but its Terraform type name could not be "
                            + "resolved statically\n" + r.registered().unresolved()).verify();
                }
                if (!r.isRegistered()) {
                    findings().add(audit.inventory().origin() + ":" + r.inventoryEntry().line(), r.typeName()
                            + " is in the inventory but the provider does not register it\n" + unresolvedSummary()).verify();
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
        throw Skip.because(EntryPoint.speak(audit.withoutMachinePaths("skipped: " + missing
                + (command == null ? "" : ". To run it: " + command))));
    }

    /** How a result that does not apply to the audited provider begins; a restating requirement counts it for nothing. */
    static final String NOT_APPLICABLE = "skipped: not applicable: ";

    /** Reports the criterion as skipped because it does not apply here (a connector the provider does not have). */
    public void notApplicable(String why) {
        throw Skip.because(NOT_APPLICABLE + why);
    }

    /**
     * The body of a requirement that restates user-story criteria: it fails with every finding
     * of every one that failed (each marked with that criterion's id), else is skipped with the
     * reasons of those that could not run, else passes. The severity reported is the worst of
     * its own and theirs.
     */
    public void restate(Restated criteria) {
        restate(criteria, f -> { });
    }

    /** As {@link #restate(Restated)}, with what the requirement asks beyond those criteria. */
    public void restate(Restated criteria, java.util.function.Consumer<Findings> alsoCheck) {
        List<Restatement.Part> parts = Restatement.evaluate(audit, criteria);
        evidence("restated criteria", Restatement.summary(parts));
        Findings f = findings();
        alsoCheck.accept(f);
        Restatement.verdict(this, Restatement.flatten(parts), f);
    }

    /**
     * One dynamic test per resource that the restated per-resource criteria judge, each
     * with the verdict of their results for that resource.
     */
    public Stream<DynamicTest> restatePerResource(Restated criteria) {
        return restatePerResource(criteria, (resource, f) -> { });
    }

    /** As {@link #restatePerResource(Restated)}, with what the requirement asks of each resource beyond them. */
    public Stream<DynamicTest> restatePerResource(Restated criteria,
                                                  java.util.function.BiConsumer<AuditedResource, Findings> alsoCheck) {
        List<Restatement.Part> parts = Restatement.evaluate(audit, criteria);
        java.util.Map<String, List<Restatement.Judged>> byResource = new java.util.TreeMap<>();
        for (Restatement.Judged j : Restatement.flatten(parts)) {
            if (j.result().resource() == null) {
                throw new IllegalArgumentException(j.id() + " is not a per-resource criterion; restate it with restate()");
            }
            byResource.computeIfAbsent(j.result().resource(), k -> new ArrayList<>()).add(j);
        }
        java.util.Map<String, AuditedResource> resources = new java.util.HashMap<>();
        audit.resources(r -> true).forEach(r -> resources.put(r.typeName()
                + (r.category() == io.tfaudit.provider.Category.DATA_SOURCE ? " (data source)" : ""), r));
        return byResource.entrySet().stream().map(e -> DynamicTest.dynamicTest(text + RESOURCE_SEPARATOR + e.getKey(), () -> {
            currentSeverity = criterion.severity();
            currentResource = e.getKey().replaceFirst(" \\(.*$", "");
            // One small table per result: parameters, not one more attachment file each.
            restatedAsParameters(e.getValue());
            Findings f = findings();
            AuditedResource r = resources.get(e.getKey());
            if (r != null && r.isRegistered()) {
                alsoCheck.accept(r, f);
            }
            Restatement.verdict(this, e.getValue(), f);
        }));
    }

    /**
     * The failing results of every user story outside the given phases, read from what ran
     * before or evaluated now, in the PRD's order. Accepted (baselined) findings are not failures.
     */
    public List<AuditFailure> failuresOfTheStories(java.util.Set<Phase> except) {
        return audit.outcomes().failuresOfTheStories(audit, except);
    }

    /** The results of the other stories skipped as baselined: their findings are accepted, not fixed. */
    public List<AuditFailure> acceptedOfTheStories(java.util.Set<Phase> except) {
        return audit.outcomes().acceptedOfTheStories(audit, except);
    }

    /** Reports the criterion as skipped because what it judges is accepted (baselined), never as a pass. */
    public void baselined(String why) {
        throw Skip.because(Findings.BASELINED + why);
    }

    private void restatedAsParameters(List<Restatement.Judged> judged) {
        if (quiet) {
            return;
        }
        for (Restatement.Judged j : judged) {
            io.qameta.allure.Allure.parameter(j.id(), j.result().status().name().toLowerCase());
        }
    }
}
