package io.tfaudit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The report's epics: the PRD's phases and the two lists that are not user stories (the PRD
 * plan), then the sections of the framework plan. Each belongs to one {@link AuditPlan}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Phase {
    PHASE_1("Phase 1: Architecture Comparison Audit"),
    PHASE_2("Phase 2: Implementation Verification"),
    PHASE_3("Phase 3: Backward Compatibility Verification"),
    PHASE_4("Phase 4: Code Generator Verification"),
    PHASE_5("Phase 5: Backend Alignment Verification"),
    PHASE_6("Phase 6: Entity Coverage - Source Connectors"),
    PHASE_7("Phase 7: Entity Coverage - Destination Connectors"),
    PHASE_8("Phase 8: Entity Coverage - Transform Resources"),
    PHASE_9("Phase 9: AI-Agent Optimization Audit"),
    PHASE_10("Phase 10: Documentation Audit"),
    PHASE_10B("Phase 10B: Documentation Creation & Updates"),
    PHASE_11("Phase 11: Issue Tracking and Fixes"),
    PHASE_12("Phase 12: VCR Cassette Recording"),
    PHASE_13("Phase 13: Test Sweeper Implementation"),
    PHASE_14("Phase 14: Environment Variable Assessment"),
    PHASE_15("Phase 15: Negative/Error Case Tests"),
    FUNCTIONAL_REQUIREMENTS("Functional requirements"),
    SUCCESS_METRICS("Success metrics"),
    // The framework plan's sections (AuditPlan.FRAMEWORK): any plugin-framework provider.
    FRAMEWORK_SCHEMA("Framework 1: Schema rules the framework enforces"),
    FRAMEWORK_DESIGN("Framework 2: Provider design"),
    FRAMEWORK_TESTS("Framework 3: Acceptance tests"),
    FRAMEWORK_DOCS("Framework 4: Documentation and examples"),
    /** Criteria a provider team writes for itself: they run under every plan. */
    CUSTOM("Custom criteria");

    private final String title;

    Phase(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The audit plan whose criteria this phase holds; null for {@link #CUSTOM}, which runs under every plan. */
    public AuditPlan plan() {
        return this == CUSTOM ? null : name().startsWith("FRAMEWORK_") ? AuditPlan.FRAMEWORK : AuditPlan.PRD;
    }

    /**
     * The phase as the report names it, so that sorting names as text keeps the PRD's order:
     * numbers padded ({@code Phase 01}, ..., {@code Phase 10B}), the requirements and the
     * metrics after the phases, each with its range of ids.
     */
    public String reportName() {
        return switch (this) {
            case FUNCTIONAL_REQUIREMENTS -> "Requirements: functional (FR-01 … FR-38)";
            case SUCCESS_METRICS -> "Success metrics (SM-01 … SM-19)";
            default -> title.replaceFirst("^Phase (\\d)(?=\\D)", "Phase 0$1");
        };
    }

    /**
     * An id as the report shows it, numbers padded to sort as text in the PRD's order:
     * {@code US-020.1} → {@code US-020.01}, {@code FR-6} → {@code FR-06}, {@code FR-1-3} → {@code FR-01-03}.
     */
    public static String padded(String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=[.-])(\\d)(?!\\d)").matcher(id);
        return m.replaceAll("0$1");
    }
}
