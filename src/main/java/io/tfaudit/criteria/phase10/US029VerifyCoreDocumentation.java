package io.tfaudit.criteria.phase10;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.documentation.DocFacts;
import io.tfaudit.criteria.documentation.DocPages;
import io.tfaudit.criteria.documentation.ExportedSchema;
import io.tfaudit.criteria.documentation.Markdown;
import io.tfaudit.criteria.documentation.Versions;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Deprecations;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.files.DocPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The core documents say what the checkout is: CLAUDE.md and ARCHITECTURE.md the three layers
 * where the code has them, with paths and commands that exist; DEVELOPMENT.md how to set up
 * with the Go version go.mod asks for; MIGRATION.md every deprecated attribute with its
 * replacement; AI_AGENT_COMPATIBILITY.md the MCP server; the CHANGELOG the latest release and
 * the changes since the baseline; the README the provider's real address and resources.
 */
@UserStory(id = "US-029", title = "Verify Core Documentation", phase = Phase.PHASE_10)
public class US029VerifyCoreDocumentation {

    static final String CLAUDE = "CLAUDE.md";
    static final String ARCHITECTURE = "docs/ARCHITECTURE.md";
    static final String DEVELOPMENT = "docs/DEVELOPMENT.md";
    static final String MIGRATION = "docs/MIGRATION.md";
    static final String AI_AGENT = "docs/AI_AGENT_COMPATIBILITY.md";
    static final String CHANGELOG = "CHANGELOG.md";
    static final String README = "README.md";

    private static final Pattern COMMAND = Pattern.compile("\\bgo\\s+(test|build|generate|vet|install|run)\\b|\\bmake\\s+[A-Za-z0-9]");
    private static final Pattern CHANGELOG_VERSION = Pattern.compile("^\\[?v?(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?)\\]?");

    /** The page, or a finding that it is missing (and the criterion fails). */
    static DocPage required(CriterionRun run, String path, String what) {
        Optional<DocPage> page = run.provider().files().doc(path);
        if (page.isEmpty()) {
            run.findings().add(path, "expected " + what + ", found no such file").verify();
        }
        return page.get();
    }

    @Test
    @DisplayName("`CLAUDE.md` reflects current architecture and commands")
    @Criterion(value = 1, severity = Severity.MINOR)
    void claudeMd(CriterionRun run) {
        DocPage page = required(run, CLAUDE, "the guide for AI coding agents");
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        DocFacts.describesLayers(run.provider(), CLAUDE, md.body(), false, f);
        if (!COMMAND.matcher(md.body()).find()) {
            f.add(CLAUDE, "expected the commands to build, test or generate (go test, go build, go generate, make ...), found none");
        }
        DocFacts.staleMakeTargets(run.provider(), CLAUDE, md, f);
        DocFacts.stalePaths(run.provider(), CLAUDE, md, f);
        f.verify();
    }

    @Test
    @DisplayName("`docs/ARCHITECTURE.md` matches three-layer implementation")
    @Criterion(value = 2, severity = Severity.MINOR)
    void architectureMd(CriterionRun run) {
        DocPage page = required(run, ARCHITECTURE, "the architecture document");
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        DocFacts.describesLayers(run.provider(), ARCHITECTURE, md.body(), true, f);
        DocFacts.stalePaths(run.provider(), ARCHITECTURE, md, f);
        DocFacts.Layers layers = DocFacts.layers(run.provider());
        run.evidence("the layers in the code", "generated: " + layers.generated() + "\nwrappers: " + layers.wrappers()
                + "\nbases: " + layers.bases() + "\n(" + layers.connectors() + " connector resources)");
        f.verify();
    }

    @Test
    @DisplayName("`docs/DEVELOPMENT.md` has accurate setup instructions")
    @Criterion(value = 3, severity = Severity.MINOR)
    void developmentMd(CriterionRun run) {
        DocPage page = required(run, DEVELOPMENT, "the development guide");
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        if (!md.hasHeading(t -> t.matches(".*(setup|set up|install|getting started|prerequisite|requirement).*"))) {
            f.add(DEVELOPMENT, "expected a setup section (Setup, Installation, Prerequisites, Requirements ...), found headings "
                    + md.headings().stream().map(Markdown.Heading::title).toList());
        }
        Optional<String> goMod = DocFacts.goVersion(run.provider());
        Optional<DocFacts.Mention> asked = DocFacts.goVersionMention(md);
        if (asked.isEmpty()) {
            f.add(DEVELOPMENT, "expected the Go version to install" + goMod.map(v -> " (go.mod: go " + v + ")").orElse("")
                    + ", found none");
        } else if (goMod.isPresent() && DocFacts.compareGoVersions(asked.get().path(), goMod.get()) < 0) {
            // Since Go 1.21 the go command fetches the toolchain a module asks for; before, it refuses.
            String consequence = DocFacts.compareGoVersions(asked.get().path(), "1.21") < 0
                    ? "Go " + asked.get().path() + " cannot build it (only Go 1.21 and later fetch the toolchain a module requires)"
                    : "Go " + asked.get().path() + " builds it only by downloading the go " + goMod.get()
                            + " toolchain (network needed; with GOTOOLCHAIN=local it refuses)";
            f.add(DEVELOPMENT + ":" + asked.get().line(), "asks for Go " + asked.get().path() + ", but go.mod requires go "
                    + goMod.get() + ": " + consequence);
        }
        if (!COMMAND.matcher(md.body()).find()) {
            f.add(DEVELOPMENT, "expected the commands to build and test (go build, go test, make ...), found none");
        }
        DocFacts.staleMakeTargets(run.provider(), DEVELOPMENT, md, f);
        DocFacts.stalePaths(run.provider(), DEVELOPMENT, md, f);
        f.verify();
    }

    @Test
    @DisplayName("`docs/MIGRATION.md` lists all deprecated fields with migration paths")
    @Criterion(value = 4, severity = Severity.MINOR)
    void migrationMd(CriterionRun run) {
        Deprecations d = Deprecations.of(run.provider());
        DocPage page = required(run, MIGRATION, "the migration guide");
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        for (Deprecations.Entry e : d.entries()) {
            if (e.typeName() == null) {
                continue;
            }
            if (e.newName() == null) {
                if (md.lineMatching(word(e.oldName())) == 0) {
                    f.add(MIGRATION, e.typeName() + ": deprecated attribute " + e.oldName() + " (" + e.where()
                            + ") is not mentioned");
                }
                continue;
            }
            if (!listsPair(run.provider(), md, e)) {
                boolean named = md.lineMatching(word(e.oldName())) > 0;
                f.add(MIGRATION, e.typeName() + ": expected " + e.oldName() + " → " + e.newName() + " (" + e.where() + ") "
                        + (named ? "on one line in the resource's section or row, found " + e.oldName() + " only elsewhere"
                        : "listed, found no mention of " + e.oldName()));
            }
        }
        run.evidence("deprecated fields", d.entries().size() + " deprecated attribute(s), from " + d.source());
        f.verify();
    }

    private static Pattern word(String name) {
        return Pattern.compile("(^|[^A-Za-z0-9_])" + Pattern.quote(name) + "($|[^A-Za-z0-9_])");
    }

    /** A line naming both, which names the resource or is under a heading naming its connector. */
    static boolean listsPair(ProviderModel model, Markdown md, Deprecations.Entry e) {
        Pattern old = word(e.oldName());
        Pattern replacement = word(e.newName());
        String local = DocPages.localName(model, e.typeName());
        String category = local.contains("_") ? local.substring(0, local.indexOf('_')) : "";
        String connector = (category.matches("source|destination|transform") ? local.substring(category.length() + 1) : local)
                .replaceAll("[^a-z0-9]", "");
        List<Markdown.Heading> headings = md.headings();
        for (Markdown.Line l : md.lines()) {
            if (l.frontmatter() || !old.matcher(l.text()).find() || !replacement.matcher(l.text()).find()) {
                continue;
            }
            if (l.text().contains(e.typeName()) || word(local).matcher(l.text()).find()) {
                return true;
            }
            Markdown.Heading above = null;
            for (Markdown.Heading h : headings) {
                if (h.line() < l.number()) {
                    above = h;
                }
            }
            if (above != null) {
                String h = above.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
                boolean otherCategory = List.of("source", "destination", "transform").stream()
                        .anyMatch(c -> !c.equals(category) && h.contains(c) && !h.contains(category.isEmpty() ? "\0" : category));
                if (h.contains(connector) && !otherCategory) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    @DisplayName("`docs/AI_AGENT_COMPATIBILITY.md` describes MCP integration")
    @Criterion(value = 5, severity = Severity.MINOR)
    void aiAgentCompatibilityMd(CriterionRun run) {
        DocPage page = required(run, AI_AGENT, "the AI agent compatibility guide");
        Findings f = run.findings();
        String body = Markdown.of(page.text()).body();
        if (!Pattern.compile("\\bMCP\\b|(?i)model context protocol").matcher(body).find()) {
            f.add(AI_AGENT, "expected the MCP integration described, found no mention of MCP");
        } else {
            if (!Pattern.compile("(?i)terraform[- ]mcp[- ]server").matcher(body).find()) {
                f.add(AI_AGENT, "expected the Terraform MCP Server (terraform-mcp-server) named, found MCP only in general");
            }
            boolean explained = false;
            for (String paragraph : body.split("\\n\\s*\\n")) {
                if (paragraph.contains("MCP") && Pattern.compile("(?i)schema|registry|docs|documentation|description")
                        .matcher(paragraph).find()) {
                    explained = true;
                }
            }
            if (!explained) {
                f.add(AI_AGENT, "expected what the MCP server reads from the provider (its schema, the registry docs, the "
                        + "descriptions) explained where MCP is named, found no such paragraph");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("`CHANGELOG.md` is up to date")
    @Criterion(value = 6, severity = Severity.MINOR)
    void changelogIsUpToDate(CriterionRun run) {
        DocPage page = required(run, CHANGELOG, "the changelog");
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        List<String> versions = new ArrayList<>();
        for (Markdown.Heading h : md.headings()) {
            Matcher m = CHANGELOG_VERSION.matcher(h.title());
            if (h.level() == 2 && m.find()) {
                versions.add(m.group(1));
            }
        }
        if (versions.isEmpty()) {
            f.add(CHANGELOG, "expected release entries (## [x.y.z] - date), found none");
        }
        List<String> compared = new ArrayList<>();
        Optional<List<String>> tags = Versions.gitTags(run.audit().providerDir());
        if (tags.isPresent() && !tags.get().isEmpty()) {
            String newest = tags.get().stream().max(Versions.ORDER).get();
            compared.add("the newest version tag, " + newest);
            if (!versions.contains(Versions.strip(newest))) {
                f.add(CHANGELOG, "expected an entry for the newest release tag " + newest + ", found entries for "
                        + versions.stream().limit(5).toList() + (versions.size() > 5 ? "..." : ""));
            }
        }
        Optional<ProviderModel> baseline = run.audit().baseline();
        if (baseline.isPresent()) {
            compared.add("the baseline, " + run.audit().baselineLabel());
            String text = page.text();
            for (Resource r : run.provider().resources()) {
                if (r.typeName() != null && baseline.get().resource(r.typeName()).isEmpty()
                        && !mentions(text, r.typeName(), DocPages.localName(run.provider(), r.typeName()))) {
                    f.add(CHANGELOG, r.typeName() + " was added since " + run.audit().baselineLabel()
                            + ", expected it announced, found no mention");
                }
                if (r.typeName() == null) {
                    continue;
                }
                Optional<Resource> before = baseline.get().resource(r.typeName());
                for (Attribute a : r.schema().attributes().values()) {
                    boolean wasDeprecated = before.map(b -> b.schema().attributes().get(a.name())).map(Attribute::isDeprecated)
                            .orElse(false);
                    if (a.isDeprecated() && !wasDeprecated && !mentions(text, a.name())) {
                        f.add(CHANGELOG, r.typeName() + "." + a.name() + " was deprecated since " + run.audit().baselineLabel()
                                + ", expected it in the changelog, found no mention");
                    }
                }
            }
        }
        f.verify();
        if (compared.isEmpty()) {
            run.skip("CHANGELOG.md has " + versions.size() + " release entries (newest " + versions.get(0) + "), but whether it "
                            + "is up to date needs the repository's version tags or a baseline: " + run.audit().baselineUnavailableReason(),
                    "java -jar target/tfaudit.jar audit --provider " + run.audit().providerDir() + " --baseline-ref v2.1.18  "
                            + "(on a git checkout with its tags)");
        }
        run.evidence("compared with", String.join("\n", compared));
    }

    private static boolean mentions(String text, String... names) {
        for (String n : names) {
            if (io.tfaudit.criteria.documentation.Words.mentions(text, n, io.tfaudit.criteria.documentation.Words.IDENTIFIER)) {
                return true;
            }
        }
        return false;
    }

    @Test
    @DisplayName("`README.md` has accurate overview")
    @Criterion(value = 7, severity = Severity.MINOR)
    void readmeMd(CriterionRun run) {
        DocPage page = required(run, README, "the README");
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        // Badges and images above the first section are not an overview.
        if (md.introduction().stream().allMatch(s -> s.startsWith("[![") || s.startsWith("!["))) {
            f.add(README, "expected an overview paragraph before the first section, found none");
        }
        ProviderModel model = run.provider();
        Optional<String> source = ExportedSchema.source(run.audit());
        Pattern sourceLine = Pattern.compile("source\\s*=\\s*\"([^\"]+)\"");
        for (Markdown.Line l : md.lines()) {
            if (!l.code()) {
                continue;
            }
            Matcher m = sourceLine.matcher(l.text());
            if (m.find() && source.isPresent() && model.providerTypeName() != null
                    && m.group(1).endsWith("/" + model.providerTypeName()) && !m.group(1).equals(source.get())
                    && !m.group(1).equals("registry.terraform.io/" + source.get())) {
                f.add(README + ":" + l.number(), "gives the provider's source as \"" + m.group(1) + "\", expected \"" + source.get()
                        + "\" (the address main.go serves)");
            }
        }
        for (String[] t : typeMentions(model, md)) {
            String type = t[0];
            if (model.resource(type).isEmpty() && model.dataSource(type).isEmpty()) {
                f.add(README + ":" + t[1], "names " + type + ", which the provider does not register");
            }
        }
        DocFacts.stalePaths(model, README, md, f);
        f.verify();
    }

    /** Resource type names the page uses: in resource/data blocks, and connector types anywhere. {type, line}. */
    static List<String[]> typeMentions(ProviderModel model, Markdown md) {
        List<String[]> out = new ArrayList<>();
        if (model.providerTypeName() == null) {
            return out;
        }
        String p = Pattern.quote(model.providerTypeName());
        Pattern block = Pattern.compile("^\\s*(?:resource|data)\\s+\"(" + p + "_[a-z0-9_]+)\"");
        Pattern connector = Pattern.compile("(?<![A-Za-z0-9_.])(" + p + "_(?:source|destination|transform)_[a-z0-9_]*[a-z0-9])(?![A-Za-z0-9_])");
        Set<String> seen = new TreeSet<>();
        for (Markdown.Line l : md.lines()) {
            if (l.frontmatter()) {
                continue;
            }
            Matcher b = block.matcher(l.text());
            if (l.code() && b.find() && seen.add(b.group(1))) {
                out.add(new String[] {b.group(1), String.valueOf(l.number())});
            }
            Matcher c = connector.matcher(l.text());
            while (c.find()) {
                if (seen.add(c.group(1))) {
                    out.add(new String[] {c.group(1), String.valueOf(l.number())});
                }
            }
        }
        return out;
    }
}
