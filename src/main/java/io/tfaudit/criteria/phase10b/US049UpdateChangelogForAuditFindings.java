package io.tfaudit.criteria.phase10b;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.documentation.Markdown;
import io.tfaudit.criteria.documentation.Versions;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Deprecations;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.files.DocPage;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CHANGELOG.md in Keep a Changelog's format, with an Unreleased section recording the audit's
 * fixes, tests and documentation, and every deprecated attribute (and, against a baseline,
 * every removed one) named.
 */
@UserStory(id = "US-049", title = "Update CHANGELOG for Audit Findings", phase = Phase.PHASE_10B)
public class US049UpdateChangelogForAuditFindings {

    static final String CHANGELOG = "CHANGELOG.md";
    static final Set<String> TYPES = Set.of("added", "changed", "deprecated", "removed", "fixed", "security");
    private static final Pattern RELEASE = Pattern.compile(
            "^\\[?(v?\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?)(?:\\]|(?=\\s|$))(?:\\s+-\\s+(\\S+))?(.*)$");
    private static final Pattern UNRELEASED = Pattern.compile("(?i)^\\[?unreleased\\]?\\s*$");

    static DocPage changelog(CriterionRun run) {
        Optional<DocPage> page = run.provider().files().doc(CHANGELOG);
        if (page.isEmpty()) {
            run.findings().add(CHANGELOG, "expected the changelog, found no such file").verify();
        }
        return page.get();
    }

    /** The changelog's Unreleased section, if it has one. */
    public static Optional<Markdown.Section> unreleasedIn(Markdown changelog) {
        return changelog.section(t -> UNRELEASED.matcher(t).matches());
    }

    /** The Unreleased section, or a finding and the criterion fails. */
    static Markdown.Section unreleased(CriterionRun run) {
        Markdown md = Markdown.of(changelog(run).text());
        Optional<Markdown.Section> s = unreleasedIn(md);
        if (s.isEmpty()) {
            run.findings().add(CHANGELOG, "expected an \"## [Unreleased]\" section, found headings "
                    + md.headings().stream().filter(h -> h.level() == 2).map(Markdown.Heading::title).limit(5).toList()).verify();
        }
        return s.get();
    }

    @Test
    @DisplayName("Add \"Unreleased\" section to `CHANGELOG.md`")
    @Criterion(value = 1, severity = Severity.MINOR)
    void unreleasedSection(CriterionRun run) {
        Markdown.Section s = unreleased(run);
        Findings f = run.findings();
        Markdown md = Markdown.of(changelog(run).text());
        Markdown.Heading first = md.headings().stream().filter(h -> h.level() == 2).findFirst().orElseThrow();
        if (first.line() != s.heading().line()) {
            f.add(CHANGELOG + ":" + s.heading().line(), "expected [Unreleased] to be the first section, found \"" + first.title()
                    + "\" above it");
        }
        f.verify();
    }

    @Test
    @DisplayName("Document all bug fixes found and resolved")
    @Criterion(value = 2, severity = Severity.MINOR)
    void bugFixes(CriterionRun run) {
        Markdown.Section s = unreleased(run);
        Findings f = run.findings();
        List<String> fixed = items(s, "fixed");
        if (fixed.isEmpty()) {
            f.add(CHANGELOG + ":" + s.heading().line(), "expected a \"### Fixed\" list under [Unreleased] with the bugs the audit "
                    + "fixed, found " + (subsections(s).contains("fixed") ? "it empty" : "none"));
        }
        f.verify();
    }

    @Test
    @DisplayName("Document all new tests added")
    @Criterion(value = 3, severity = Severity.MINOR)
    void newTests(CriterionRun run) {
        Markdown.Section s = unreleased(run);
        Findings f = run.findings();
        if (!Pattern.compile("(?i)\\btests?\\b|\\bcassettes?\\b|\\bsweepers?\\b|\\bsnapshots?\\b").matcher(s.prose()).find()) {
            f.add(CHANGELOG + ":" + s.heading().line(), "expected the tests added by the audit under [Unreleased], found no "
                    + "mention of tests");
        }
        f.verify();
    }

    @Test
    @DisplayName("Document all documentation improvements")
    @Criterion(value = 4, severity = Severity.MINOR)
    void documentationImprovements(CriterionRun run) {
        Markdown.Section s = unreleased(run);
        Findings f = run.findings();
        if (!Pattern.compile("(?i)\\bdoc(s|umentation)?\\b|\\.md\\b|\\breadme\\b|\\bexamples?\\b|\\bguide\\b").matcher(s.prose()).find()) {
            f.add(CHANGELOG + ":" + s.heading().line(), "expected the documentation improvements under [Unreleased], found no "
                    + "mention of docs, guides, README or examples");
        }
        f.verify();
    }

    @Test
    @DisplayName("Document any breaking changes or deprecations")
    @Criterion(value = 5, severity = Severity.MINOR)
    void breakingChangesAndDeprecations(CriterionRun run) {
        DocPage page = changelog(run);
        Findings f = run.findings();
        String text = page.text();
        Deprecations d = Deprecations.of(run.provider());
        for (Deprecations.Entry e : d.entries()) {
            if (e.typeName() != null && !mentions(text, e.oldName())) {
                f.add(CHANGELOG, e.typeName() + "." + e.oldName() + " is deprecated (" + e.where() + "), expected the changelog "
                        + "to say so, found no mention");
            }
        }
        Optional<ProviderModel> baseline = run.audit().baseline();
        if (baseline.isPresent()) {
            for (Resource before : baseline.get().resources()) {
                if (before.typeName() == null) {
                    continue;
                }
                Optional<Resource> now = run.provider().resource(before.typeName());
                if (now.isEmpty()) {
                    if (!mentions(text, before.typeName())) {
                        f.add(CHANGELOG, before.typeName() + " was removed since " + run.audit().baselineLabel()
                                + ", a breaking change the changelog does not mention");
                    }
                    continue;
                }
                for (Attribute a : before.schema().attributes().values()) {
                    if (!now.get().schema().attributes().containsKey(a.name()) && !mentions(text, a.name())) {
                        f.add(CHANGELOG, before.typeName() + "." + a.name() + " was removed since " + run.audit().baselineLabel()
                                + ", a breaking change the changelog does not mention");
                    }
                }
            }
        }
        run.evidence("compared", d.entries().size() + " deprecated attribute(s) from " + d.source()
                + (baseline.isPresent() ? "; removals against " + run.audit().baselineLabel()
                : "; removals not compared: " + run.audit().baselineUnavailableReason()));
        f.verify();
    }

    private static boolean mentions(String text, String name) {
        return io.tfaudit.criteria.documentation.Words.mentions(text, name, io.tfaudit.criteria.documentation.Words.IDENTIFIER);
    }

    @Test
    @DisplayName("Follow Keep a Changelog format")
    @Criterion(value = 6, severity = Severity.MINOR)
    void keepAChangelog(CriterionRun run) {
        DocPage page = changelog(run);
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        List<Markdown.Heading> headings = md.headings();
        if (headings.isEmpty() || headings.get(0).level() != 1 || !headings.get(0).title().equalsIgnoreCase("changelog")) {
            f.add(CHANGELOG + ":1", "expected the title \"# Changelog\", found " + (headings.isEmpty() ? "no heading"
                    : "\"" + headings.get(0).title() + "\""));
        }
        if (!page.text().contains("keepachangelog.com")) {
            f.add(CHANGELOG, "expected the format named (a link to keepachangelog.com), found none");
        }
        List<String[]> releases = new ArrayList<>();
        boolean inRelease = false;
        for (Markdown.Heading h : headings) {
            if (h.level() == 2) {
                Matcher m = RELEASE.matcher(h.title());
                inRelease = true;
                if (UNRELEASED.matcher(h.title()).matches()) {
                    continue;
                }
                if (!m.matches()) {
                    f.add(CHANGELOG + ":" + h.line(), "expected a release heading \"## [x.y.z] - YYYY-MM-DD\", found \"" + h.title() + "\"");
                    continue;
                }
                if (m.group(2) == null) {
                    f.add(CHANGELOG + ":" + h.line(), "release " + m.group(1) + " has no date (expected \" - YYYY-MM-DD\")");
                } else if (!isDate(m.group(2))) {
                    f.add(CHANGELOG + ":" + h.line(), "release " + m.group(1) + " is dated \"" + m.group(2)
                            + "\", expected an ISO date YYYY-MM-DD");
                }
                releases.add(new String[] {m.group(1), String.valueOf(h.line())});
            } else if (h.level() == 3 && inRelease && !TYPES.contains(h.title().toLowerCase(Locale.ROOT))) {
                f.add(CHANGELOG + ":" + h.line(), "expected a change type (Added, Changed, Deprecated, Removed, Fixed, Security), "
                        + "found \"" + h.title() + "\"");
            }
        }
        for (int i = 1; i < releases.size(); i++) {
            if (Versions.compare(Versions.strip(releases.get(i)[0]), Versions.strip(releases.get(i - 1)[0])) >= 0) {
                f.add(CHANGELOG + ":" + releases.get(i)[1], "release " + releases.get(i)[0] + " is listed after "
                        + releases.get(i - 1)[0] + "; expected the newest first");
            }
        }
        if (releases.isEmpty() && md.section(t -> UNRELEASED.matcher(t).matches()).isEmpty()) {
            f.add(CHANGELOG, "expected release sections (## [x.y.z] - YYYY-MM-DD), found none");
        }
        f.verify();
    }

    private static boolean isDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The list items under a change type's heading in the section ({@code fixed} → "### Fixed"), each with its continuation lines. */
    public static List<String> items(Markdown.Section s, String type) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (Markdown.Line l : s.lines()) {
            String t = l.text().strip();
            if (l.prose() && t.startsWith("#")) {
                in = t.replaceFirst("^#+\\s*", "").equalsIgnoreCase(type);
                continue;
            }
            if (in && l.prose() && t.matches("^[-*+]\\s+.*")) {
                out.add(t);
            } else if (in && l.prose() && !t.isEmpty() && !out.isEmpty() && Character.isWhitespace(l.text().charAt(0))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + t); // an item continued on the next line
            }
        }
        return out;
    }

    static List<String> subsections(Markdown.Section s) {
        List<String> out = new ArrayList<>();
        for (Markdown.Line l : s.lines()) {
            if (l.prose() && l.text().startsWith("### ")) {
                out.add(l.text().substring(4).strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
