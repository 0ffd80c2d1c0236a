package io.tfaudit.audit;

/** The PRD's phases (the report's epics), and the two lists that are not user stories. */
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
    SUCCESS_METRICS("Success metrics");

    private final String title;

    Phase(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
