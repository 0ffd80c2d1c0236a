package io.tfaudit.criteria.phase10b;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.documentation.DocFacts;
import io.tfaudit.criteria.documentation.Markdown;
import io.tfaudit.criteria.documentation.RepoText;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.provider.files.DocPage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/TESTING.md: every tier the PRD names, cassettes (recording and playback), sweepers, the
 * environment variables the tests read, how to add tests for a new resource, troubleshooting.
 */
@UserStory(id = "US-047", title = "Create Test Documentation", phase = Phase.PHASE_10B)
public class US047CreateTestDocumentation {

    static final String TESTING = "docs/TESTING.md";
    static final List<String[]> TIERS = List.of(new String[] {"unit", "\\bunit\\b"}, new String[] {"schema", "\\bschema\\b"},
            new String[] {"validator", "\\bvalidat(or|ion)"}, new String[] {"integration", "\\bintegration\\b"},
            new String[] {"acceptance", "\\bacceptance\\b"}, new String[] {"migration", "\\bmigration\\b"});

    static DocPage testing(CriterionRun run) {
        Optional<DocPage> page = run.provider().files().doc(TESTING);
        if (page.isEmpty()) {
            run.findings().add(TESTING, "expected the test guide, found no such file").verify();
        }
        return page.get();
    }

    @Test
    @DisplayName("Create/update `docs/TESTING.md` with comprehensive test guide")
    @Criterion(value = 1, severity = Severity.MINOR)
    void testingGuide(CriterionRun run) {
        DocPage page = testing(run);
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        if (md.sections().size() < 3) {
            f.add(TESTING, "expected a guide with sections (tiers, how to run, how to extend ...), found " + md.sections().size()
                    + " section(s)");
        }
        if (!Pattern.compile("\\bgo test\\b").matcher(page.text()).find()) {
            f.add(TESTING, "expected the commands that run the tests (go test ...), found none");
        }
        DocFacts.staleMakeTargets(run.provider(), TESTING, md, f);
        f.verify();
    }

    @Test
    @DisplayName("Document all test tiers (unit, schema, validator, integration, acceptance, migration)")
    @Criterion(value = 2, severity = Severity.MINOR)
    void testTiers(CriterionRun run) {
        DocPage page = testing(run);
        Findings f = run.findings();
        String text = page.text().toLowerCase(java.util.Locale.ROOT);
        for (String[] tier : TIERS) {
            if (!Pattern.compile(tier[1]).matcher(text).find()) {
                f.add(TESTING, "expected the " + tier[0] + " tier documented, found no mention");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Document VCR cassette recording and playback")
    @Criterion(value = 3, severity = Severity.MINOR)
    void cassettes(CriterionRun run) {
        DocPage page = testing(run);
        Findings f = run.findings();
        String text = page.text().toLowerCase(java.util.Locale.ROOT);
        if (!text.contains("cassette") && !text.contains("vcr")) {
            f.add(TESTING, "expected VCR cassettes documented, found no mention of cassettes or VCR");
            f.verify();
        }
        if (!Pattern.compile("\\brecord").matcher(text).find()) {
            f.add(TESTING, "expected how cassettes are recorded, found no mention of recording");
        }
        if (!Pattern.compile("\\b(playback|play back|played back|replay)").matcher(text).find()) {
            f.add(TESTING, "expected how cassettes are played back (replayed), found no mention of playback");
        }
        for (String v : run.provider().envVarsReadByCode().keySet()) {
            if (v.matches(".*(CASSETTE|VCR|RECORD).*") && !page.text().contains(v)) {
                f.add(TESTING, "the tests read " + v + " to record cassettes, which the guide does not name");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Document test sweeper usage")
    @Criterion(value = 4, severity = Severity.MINOR)
    void sweepers(CriterionRun run) {
        DocPage page = testing(run);
        Findings f = run.findings();
        if (!Pattern.compile("(?i)\\bsweep").matcher(page.text()).find()) {
            f.add(TESTING, "expected test sweepers documented, found no mention");
        } else if (!page.text().contains("-sweep")) {
            f.add(TESTING, "expected the command that runs the sweepers (go test ... -sweep=...), found none");
        }
        f.verify();
    }

    @Test
    @DisplayName("Document environment variable requirements for each test type")
    @Criterion(value = 5, severity = Severity.MINOR)
    void environmentVariables(CriterionRun run) {
        DocPage page = testing(run);
        Findings f = run.findings();
        String documented = page.text() + "\n" + linkedPages(run, page);
        Map<String, Pos> readByTests = new TreeMap<>();
        run.provider().envVarsReadByCode().forEach((name, places) -> places.stream().filter(p -> p.file().endsWith("_test.go"))
                .findFirst().ifPresent(p -> readByTests.put(name, p)));
        readByTests.putIfAbsent("TF_ACC", null);
        readByTests.forEach((name, where) -> {
            if (!Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(documented).find()) {
                f.add(TESTING, name + (where == null ? " (needed by every acceptance test)" : " (read at " + where.fileAndLine() + ")")
                        + " is not documented in the guide or a page it links to");
            }
        });
        run.evidence("variables the tests read", String.join("\n", readByTests.keySet()));
        f.verify();
    }

    /** The text of the repository files the page links to (DEVELOPMENT.md, .env.example ...). */
    private static String linkedPages(CriterionRun run, DocPage page) {
        StringBuilder sb = new StringBuilder();
        for (DocFacts.Mention m : DocFacts.pathMentions(page.path(), Markdown.of(page.text()))) {
            if (m.link()) {
                RepoText.read(run.provider(), m.path()).ifPresent(t -> sb.append(t).append('\n'));
            }
        }
        return sb.toString();
    }

    @Test
    @DisplayName("Document how to add tests for new resources")
    @Criterion(value = 6, severity = Severity.MINOR)
    void addingTests(CriterionRun run) {
        DocPage page = testing(run);
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        if (!md.hasHeading(t -> (t.contains("add") || t.contains("new") || t.contains("writ")) && (t.contains("test")
                || t.contains("resource")))) {
            f.add(TESTING, "expected a section on adding tests for a new resource (e.g. \"Adding tests for a new resource\"), "
                    + "found headings " + md.headings().stream().map(Markdown.Heading::title).toList());
        }
        f.verify();
    }

    @Test
    @DisplayName("Include troubleshooting section for common test failures")
    @Criterion(value = 7, severity = Severity.MINOR)
    void troubleshooting(CriterionRun run) {
        DocPage page = testing(run);
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        Optional<Markdown.Section> s = md.section(t -> t.contains("troubleshoot") || t.contains("common failures")
                || t.contains("common problems") || t.contains("common issues"));
        if (s.isEmpty()) {
            f.add(TESTING, "expected a troubleshooting section, found headings "
                    + md.headings().stream().map(Markdown.Heading::title).toList());
        } else if (s.get().prose().isBlank() && s.get().codeBlocks().isEmpty()) {
            f.add(TESTING + ":" + s.get().heading().line(), "the troubleshooting section is empty");
        }
        f.verify();
    }
}
