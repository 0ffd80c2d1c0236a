package io.tfaudit.criteria.phase1;

import io.qameta.allure.Allure;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.provider.ProviderModel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The comparison is computed, not written: the baseline (v2) and the audited tree (v3) are
 * measured the same way ({@link ArchitectureFacts}); each criterion checks what the PRD
 * claims against those numbers and attaches them.
 */
@UserStory(id = "US-001", title = "Compare Main vs Refactored Architecture Patterns", phase = Phase.PHASE_1)
public class US001CompareArchitecturePatterns {

    @Test
    @DisplayName("Document `main` branch architecture pattern (manual schemas, inline CRUD, ~500 LOC per connector)")
    @Criterion(value = 1, severity = Severity.TRIVIAL)
    void documentTheBaselinePattern(CriterionRun run) {
        ProviderModel baseline = baseline(run);
        ArchitectureFacts b = ArchitectureFacts.of(baseline);
        attach(run, b, ArchitectureFacts.of(run.provider()));
        Findings f = run.findings();
        String where = run.audit().baselineLabel();
        if (b.connectors() == 0) {
            f.add(where, "expected connectors in the baseline, found none");
        } else {
            if (b.schemasInOwnFile() < b.connectors()) {
                f.add(where, "expected manual schemas (each in its resource's file), found " + b.schemasInOwnFile() + " of " + b.connectors());
            }
            if (b.sharedCrud() > 0) {
                f.add(where, "expected inline CRUD, found " + b.sharedCrud() + " connectors on a shared base");
            }
            if (b.linesPerConnector() < 250 || b.linesPerConnector() > 1000) {
                f.add(where, "expected ~500 lines per connector, found " + Math.round(b.linesPerConnector()));
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Document `ralph-refactored-terraform` three-layer pattern (generated/wrapper/base)")
    @Criterion(value = 2, severity = Severity.TRIVIAL)
    void documentTheThreeLayerPattern(CriterionRun run) {
        ArchitectureFacts now = ArchitectureFacts.of(run.provider());
        Findings f = run.findings();
        if (now.connectors() == 0) {
            f.add("Resources()", "expected connectors, found none");
        }
        if (now.generatedSchemas() < now.connectors()) {
            f.add("internal/generated/", "expected every connector's schema generated, found " + now.generatedSchemas() + " of " + now.connectors());
        }
        if (now.sharedCrud() < now.connectors()) {
            f.add("internal/resource/", "expected every connector's CRUD in a shared base, found " + now.sharedCrud() + " of " + now.connectors());
        }
        Allure.addAttachment("three-layer facts", "text/plain", now.toString());
        f.verify();
    }

    @Test
    @DisplayName("Create comparison matrix covering: code per connector, schema definition, field mappings, CRUD implementation, type conversion, deprecation handling, timeout/import support")
    @Criterion(value = 3, severity = Severity.TRIVIAL)
    void createTheComparisonMatrix(CriterionRun run) {
        ProviderModel baseline = baseline(run);
        ArchitectureFacts b = ArchitectureFacts.of(baseline);
        ArchitectureFacts now = ArchitectureFacts.of(run.provider());
        attach(run, b, now);
        Findings f = run.findings();
        if (b.connectors() == 0 || now.connectors() == 0) {
            f.add(run.audit().baselineLabel(), "expected connectors on both sides to compare, found " + b.connectors()
                    + " (baseline) and " + now.connectors() + " (audited)");
        }
        f.verify();
    }

    @Test
    @DisplayName("Identify improvements and trade-offs for each architectural decision")
    @Criterion(value = 4, severity = Severity.MINOR)
    void identifyImprovementsAndTradeOffs(CriterionRun run) {
        ProviderModel baseline = baseline(run);
        ArchitectureFacts b = ArchitectureFacts.of(baseline);
        ArchitectureFacts now = ArchitectureFacts.of(run.provider());
        StringBuilder notes = new StringBuilder();
        Findings f = run.findings();
        note(notes, "code per connector", now.linesPerConnector() <= b.linesPerConnector(),
                Math.round(b.linesPerConnector()) + " → " + Math.round(now.linesPerConnector()) + " lines of its own");
        note(notes, "hand-written code per connector", now.handWrittenLinesPerConnector() <= b.handWrittenLinesPerConnector(),
                Math.round(b.handWrittenLinesPerConnector()) + " → " + Math.round(now.handWrittenLinesPerConnector()) + " lines");
        note(notes, "generated schemas", now.generatedSchemas() >= b.generatedSchemas(), b.generatedSchemas() + " → " + now.generatedSchemas());
        note(notes, "shared CRUD", now.sharedCrud() >= b.sharedCrud(), b.sharedCrud() + " → " + now.sharedCrud());
        // A capability fewer connectors have than before is a trade-off that loses something: a finding.
        if (share(now.withTimeouts(), now.connectors()) < share(b.withTimeouts(), b.connectors())) {
            f.add(run.audit().baselineLabel(), "timeout support regressed: " + b.withTimeouts() + "/" + b.connectors() + " → "
                    + now.withTimeouts() + "/" + now.connectors());
        }
        if (share(now.withImport(), now.connectors()) < share(b.withImport(), b.connectors())) {
            f.add(run.audit().baselineLabel(), "import support regressed: " + b.withImport() + "/" + b.connectors() + " → "
                    + now.withImport() + "/" + now.connectors());
        }
        Allure.addAttachment("improvements and trade-offs", "text/markdown", notes.toString(), ".md");
        f.verify();
    }

    @Test
    @DisplayName("Typecheck passes (`go build ./...`)")
    @Criterion(value = 5, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }

    private static double share(int n, int of) {
        return of == 0 ? 0 : (double) n / of;
    }

    private static void note(StringBuilder sb, String dimension, boolean improved, String numbers) {
        sb.append("- ").append(dimension).append(": ").append(improved ? "improvement" : "trade-off").append(" (")
                .append(numbers).append(")\n");
    }

    private static ProviderModel baseline(CriterionRun run) {
        return run.audit().baseline().orElseGet(() -> {
            run.skip("no baseline to compare with: " + run.audit().baselineUnavailableReason(), null);
            return null;
        });
    }

    private static void attach(CriterionRun run, ArchitectureFacts before, ArchitectureFacts after) {
        Allure.addAttachment("comparison matrix", "text/markdown",
                ArchitectureFacts.matrix(before, "baseline (" + run.audit().baselineLabel() + ")", after, "audited"), ".md");
    }
}
