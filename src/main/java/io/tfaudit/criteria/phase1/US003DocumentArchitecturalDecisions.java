package io.tfaudit.criteria.phase1;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.provider.files.DocPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each decision's rationale is written down: a paragraph of the architecture documents that
 * names the decision and gives a reason (because, so that, rationale, trade-off, why...).
 */
@UserStory(id = "US-003", title = "Document Architectural Decisions", phase = Phase.PHASE_1)
public class US003DocumentArchitecturalDecisions {

    static final String REPORT = "docs/audits/architecture-comparison-report.md";
    private static final Pattern REASON = Pattern.compile(
            "(?i)\\b(because|so that|rationale|reason|trade-?offs?|why|in order to|benefits?|avoids?|instead of)\\b");

    @Test
    @DisplayName("Document rationale for code generation approach")
    @Criterion(value = 1, severity = Severity.MINOR)
    void codeGeneration(CriterionRun run) {
        verifyRationale(run, "code generation", p -> p.contains("generat") || p.contains("tfgen"));
    }

    @Test
    @DisplayName("Document rationale for reflection-based marshaling")
    @Criterion(value = 2, severity = Severity.MINOR)
    void reflectionMarshaling(CriterionRun run) {
        verifyRationale(run, "reflection-based marshaling", p -> p.contains("reflect"));
    }

    @Test
    @DisplayName("Document rationale for thin wrapper pattern")
    @Criterion(value = 3, severity = Severity.MINOR)
    void thinWrappers(CriterionRun run) {
        verifyRationale(run, "thin wrapper pattern", p -> p.contains("wrapper"));
    }

    @Test
    @DisplayName("Document rationale for JSON-based deprecations/overrides")
    @Criterion(value = 4, severity = Severity.MINOR)
    void jsonDeprecationsAndOverrides(CriterionRun run) {
        verifyRationale(run, "JSON-based deprecations/overrides",
                p -> p.contains("json") && (p.contains("deprecat") || p.contains("overrid")));
    }

    @Test
    @DisplayName("Save to `docs/audits/architecture-comparison-report.md`")
    @Criterion(value = 5, severity = Severity.MINOR)
    void savedToTheReport(CriterionRun run) {
        Findings f = run.findings();
        var report = run.provider().files().doc(REPORT);
        if (report.isEmpty()) {
            f.add(REPORT, "expected the architecture comparison report here, found no such file");
            f.verify();
        }
        String text = report.get().text().toLowerCase(Locale.ROOT);
        for (String[] topic : new String[][] {{"code generation", "generat"}, {"reflection-based marshaling", "reflect"},
                {"thin wrapper pattern", "wrapper"}, {"JSON-based deprecations/overrides", "json"}}) {
            if (!text.contains(topic[1])) {
                f.add(REPORT, "expected the report to cover " + topic[0] + ", found no mention of '" + topic[1] + "'");
            }
        }
        f.verify();
    }

    /** A paragraph of the architecture documents that names the topic and gives a reason. */
    private static void verifyRationale(CriterionRun run, String topic, java.util.function.Predicate<String> namesTopic) {
        Findings f = run.findings();
        List<String> searched = new ArrayList<>();
        for (DocPage page : run.provider().files().docs()) {
            if (!isArchitectureDocument(page.path())) {
                continue;
            }
            searched.add(page.path());
            for (String paragraph : page.text().split("\\n\\s*\\n")) {
                if (namesTopic.test(paragraph.toLowerCase(Locale.ROOT)) && REASON.matcher(paragraph).find()) {
                    return;
                }
            }
        }
        f.add(searched.isEmpty() ? REPORT : String.join(", ", searched), "expected a paragraph naming the " + topic
                + " and giving its rationale (because / so that / trade-off ...), found none");
        f.verify();
    }

    static boolean isArchitectureDocument(String path) {
        return path.equals(REPORT) || path.equals("docs/ARCHITECTURE.md") || path.equals("docs/CODE_GENERATOR.md")
                || path.startsWith("docs/audits/") || path.equals("CLAUDE.md") || path.equals("AGENTS.md");
    }
}
