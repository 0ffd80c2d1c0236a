package io.tfaudit.criteria.phase10;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.documentation.Markdown;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.files.DocPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The provider keeps the audit's findings in {@code docs/audits/comprehensive-audit-report.md},
 * with a section for each part of the audit, each with content. tfaudit writes such a report
 * from every run ({@code tfaudit-results/comprehensive-audit-report.md}); these criteria check
 * the one the repository keeps.
 */
@UserStory(id = "US-031", title = "Create Comprehensive Audit Report", phase = Phase.PHASE_10)
public class US031CreateComprehensiveAuditReport {

    static final String REPORT = "docs/audits/comprehensive-audit-report.md";
    private static final String GENERATED = " (tfaudit writes one from each run's results: "
            + "tfaudit-results/comprehensive-audit-report.md)";

    @Test
    @DisplayName("Create `docs/audits/comprehensive-audit-report.md`")
    @Criterion(value = 1, severity = Severity.MINOR)
    void reportExists(CriterionRun run) {
        Markdown md = report(run);
        Findings f = run.findings();
        if (md.prose().isBlank() && md.codeBlocks().isEmpty()) {
            f.add(REPORT, "expected the audit's findings, found only headings");
        }
        for (Markdown.Line l : md.lines()) {
            US030VerifyAuditDocuments.todo(l.text())
                    .ifPresent(todo -> f.add(REPORT + ":" + l.number(), "expected a finished report, found \"" + todo + "\""));
        }
        f.verify();
    }

    @Test
    @DisplayName("Include: Executive Summary, Architecture Comparison, Implementation Assessment")
    @Criterion(value = 2, severity = Severity.MINOR)
    void summaryArchitectureImplementation(CriterionRun run) {
        sections(run, "Executive Summary", "Architecture Comparison", "Implementation Assessment").verify();
    }

    /** The matrix names every resource the audit enumerates (in a table row or a list item). */
    @Test
    @DisplayName("Include: Compatibility Assessment, Entity Coverage Matrix")
    @Criterion(value = 3, severity = Severity.MINOR)
    void compatibilityAndCoverageMatrix(CriterionRun run) {
        Findings f = sections(run, "Compatibility Assessment", "Entity Coverage Matrix");
        section(report(run), "Entity Coverage Matrix").ifPresent(matrix -> {
            String text = matrix.text().toLowerCase(Locale.ROOT);
            List<String> absent = new ArrayList<>();
            for (Resource r : run.provider().resources()) {
                if (r.typeName() != null && !text.contains(r.typeName().toLowerCase(Locale.ROOT))
                        && !text.contains(local(r.typeName()))) {
                    absent.add(r.typeName());
                }
            }
            if (!absent.isEmpty()) {
                f.add(REPORT + ":" + matrix.heading().line(), "expected the entity coverage matrix to cover every resource the "
                        + "provider registers, found " + absent.size() + " absent: " + absent);
            }
        });
        f.verify();
    }

    @Test
    @DisplayName("Include: Code Generator Assessment, Backend Alignment")
    @Criterion(value = 4, severity = Severity.MINOR)
    void generatorAndBackend(CriterionRun run) {
        sections(run, "Code Generator Assessment", "Backend Alignment").verify();
    }

    @Test
    @DisplayName("Include: AI-Agent Assessment, Test Coverage")
    @Criterion(value = 5, severity = Severity.MINOR)
    void aiAgentAndTestCoverage(CriterionRun run) {
        sections(run, "AI-Agent Assessment", "Test Coverage").verify();
    }

    @Test
    @DisplayName("Include: Documentation Assessment, Recommendations")
    @Criterion(value = 6, severity = Severity.MINOR)
    void documentationAndRecommendations(CriterionRun run) {
        sections(run, "Documentation Assessment", "Recommendations").verify();
    }

    /** Test output is a code block or a table. */
    @Test
    @DisplayName("Include: Appendices with detailed test output")
    @Criterion(value = 7, severity = Severity.MINOR)
    void appendicesWithTestOutput(CriterionRun run) {
        Markdown md = report(run);
        Findings f = run.findings();
        Optional<Markdown.Section> appendix = md.section(t -> t.contains("appendi"));
        if (appendix.isEmpty()) {
            f.add(REPORT, "expected an Appendices section, found none among " + titles(md));
        } else if (appendix.get().codeBlocks().isEmpty() && appendix.get().lines().stream().noneMatch(l -> l.text().strip().startsWith("|"))) {
            f.add(REPORT + ":" + appendix.get().heading().line(), "expected detailed test output (a code block or a table) in "
                    + "\"" + appendix.get().heading().title() + "\", found only prose");
        }
        f.verify();
    }

    private static Markdown report(CriterionRun run) {
        DocPage page = US029VerifyCoreDocumentation.required(run, REPORT, "the comprehensive audit report" + GENERATED);
        return Markdown.of(page.text());
    }

    /** Each named section present (a heading saying it, in any case and punctuation) and not empty. */
    private static Findings sections(CriterionRun run, String... names) {
        Markdown md = report(run);
        Findings f = run.findings();
        for (String name : names) {
            Optional<Markdown.Section> s = section(md, name);
            if (s.isEmpty()) {
                f.add(REPORT, "expected a section \"" + name + "\", found none among " + titles(md) + GENERATED);
            } else if (s.get().text().lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
                f.add(REPORT + ":" + s.get().heading().line(), "expected content under \"" + s.get().heading().title()
                        + "\", found none");
            }
        }
        return f;
    }

    private static Optional<Markdown.Section> section(Markdown md, String name) {
        String wanted = normal(name);
        return md.section(t -> normal(t).contains(wanted));
    }

    /** "AI-Agent Assessment" and "AI agent assessment" are the same heading. */
    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static List<String> titles(Markdown md) {
        return md.headings().stream().map(Markdown.Heading::title).toList();
    }

    /** streamkap_source_alloydb → source_alloydb: a matrix may drop the provider's prefix. */
    private static String local(String typeName) {
        int u = typeName.indexOf('_');
        return u < 0 ? typeName : typeName.substring(u + 1).toLowerCase(Locale.ROOT);
    }
}
