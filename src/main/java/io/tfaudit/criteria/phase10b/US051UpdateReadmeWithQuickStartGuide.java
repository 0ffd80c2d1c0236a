package io.tfaudit.criteria.phase10b;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.documentation.DocPages;
import io.tfaudit.criteria.documentation.ExportedSchema;
import io.tfaudit.criteria.documentation.Markdown;
import io.tfaudit.criteria.documentation.RepoText;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.files.DocPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's Quick Start: a provider block (with the provider's real source address), a
 * source, a destination and a pipeline of registered types, the pipeline wired to them; links
 * to the documentation of each kind of resource; build, version and license badges.
 */
@UserStory(id = "US-051", title = "Update README with Quick Start Guide", phase = Phase.PHASE_10B)
public class US051UpdateReadmeWithQuickStartGuide {

    static final String README = "README.md";
    private static final Pattern RESOURCE_BLOCK = Pattern.compile("(?m)^\\s*resource\\s+\"([a-z0-9_]+)\"\\s+\"([A-Za-z0-9_-]+)\"");

    static DocPage readme(CriterionRun run) {
        Optional<DocPage> page = run.provider().files().doc(README);
        if (page.isEmpty()) {
            run.findings().add(README, "expected the README, found no such file").verify();
        }
        return page.get();
    }

    /** The Quick Start section, or a finding and the criterion fails. */
    static Markdown.Section quickStart(CriterionRun run) {
        Markdown md = Markdown.of(readme(run).text());
        Optional<Markdown.Section> s = md.section(t -> t.replace("-", " ").matches(".*\\bquick ?start\\b.*"));
        if (s.isEmpty()) {
            run.findings().add(README, "expected a \"Quick Start\" section, found headings "
                    + md.headings().stream().filter(h -> h.level() <= 2).map(Markdown.Heading::title).toList()).verify();
        }
        return s.get();
    }

    /** The Terraform code of the section's code blocks, one text. */
    static String code(Markdown.Section s) {
        StringBuilder sb = new StringBuilder();
        s.codeBlocks().forEach(b -> sb.append(b.text()).append('\n'));
        return sb.toString();
    }

    @Test
    @DisplayName("Add \"Quick Start\" section to `README.md`")
    @Criterion(value = 1, severity = Severity.MINOR)
    void quickStartSection(CriterionRun run) {
        Markdown.Section s = quickStart(run);
        Findings f = run.findings();
        if (s.prose().lines().count() <= 1 && s.codeBlocks().isEmpty()) {
            f.add(README + ":" + s.heading().line(), "the Quick Start section is empty");
        }
        f.verify();
    }

    @Test
    @DisplayName("Include minimal provider configuration example")
    @Criterion(value = 2, severity = Severity.MINOR)
    void providerConfiguration(CriterionRun run) {
        Markdown.Section s = quickStart(run);
        Findings f = run.findings();
        String provider = run.provider().providerTypeName();
        String code = code(s);
        if (provider == null || !Pattern.compile("(?m)^\\s*provider\\s+\"" + Pattern.quote(provider) + "\"").matcher(code).find()) {
            f.add(README + ":" + s.heading().line(), "expected a provider \"" + provider + "\" block in the Quick Start, found none");
        }
        Optional<String> source = ExportedSchema.source(run.audit());
        Matcher m = Pattern.compile("source\\s*=\\s*\"([^\"]+)\"").matcher(code);
        boolean required = false;
        while (m.find()) {
            if (provider != null && m.group(1).endsWith("/" + provider)) {
                required = true;
                if (source.isPresent() && !m.group(1).equals(source.get()) && !m.group(1).equals("registry.terraform.io/" + source.get())) {
                    f.add(README + ":" + s.heading().line(), "the Quick Start installs \"" + m.group(1) + "\", expected \""
                            + source.get() + "\" (the address main.go serves)");
                }
            }
        }
        if (!required && source.isPresent()) {
            f.add(README + ":" + s.heading().line(), "expected required_providers with source = \"" + source.get()
                    + "\", found none: terraform init would look for hashicorp/" + provider);
        }
        f.verify();
    }

    @Test
    @DisplayName("Include example source and destination creation")
    @Criterion(value = 3, severity = Severity.MINOR)
    void sourceAndDestination(CriterionRun run) {
        Markdown.Section s = quickStart(run);
        Findings f = run.findings();
        Map<String, String> declared = declared(code(s));
        for (Category c : List.of(Category.SOURCE, Category.DESTINATION)) {
            List<String> ofCategory = declared.keySet().stream().filter(t -> category(run.provider(), t) == c).toList();
            if (ofCategory.isEmpty()) {
                f.add(README + ":" + s.heading().line(), "expected the Quick Start to create a " + c.label() + " (resource \""
                        + run.provider().providerTypeName() + "_" + c.label() + "_...\"), found "
                        + (declared.isEmpty() ? "no resource" : declared.keySet()));
            }
        }
        unregistered(run, s, declared, f);
        f.verify();
    }

    @Test
    @DisplayName("Include example pipeline creation")
    @Criterion(value = 4, severity = Severity.MINOR)
    void pipeline(CriterionRun run) {
        Markdown.Section s = quickStart(run);
        Findings f = run.findings();
        String code = code(s);
        String pipeline = run.provider().providerTypeName() + "_pipeline";
        Map<String, String> declared = declared(code);
        if (!declared.containsKey(pipeline)) {
            f.add(README + ":" + s.heading().line(), "expected the Quick Start to create a pipeline (resource \"" + pipeline
                    + "\"), found " + (declared.isEmpty() ? "no resource" : declared.keySet()));
        } else {
            String body = code.substring(code.indexOf("\"" + pipeline + "\""));
            for (Category c : List.of(Category.SOURCE, Category.DESTINATION)) {
                if (!body.contains(run.provider().providerTypeName() + "_" + c.label() + "_")) {
                    f.add(README + ":" + s.heading().line(), "expected the pipeline to reference the example's " + c.label()
                            + " (" + run.provider().providerTypeName() + "_" + c.label() + "_<name>.<label>.id), found no reference");
                }
            }
        }
        f.verify();
    }

    /** Resource blocks of the code: type → label. */
    static Map<String, String> declared(String code) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = RESOURCE_BLOCK.matcher(code);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }

    private static Category category(ProviderModel model, String type) {
        return model.resource(type).map(Resource::category).orElseGet(() -> {
            String local = DocPages.localName(model, type);
            return local.startsWith("source_") ? Category.SOURCE : local.startsWith("destination_") ? Category.DESTINATION : null;
        });
    }

    private static void unregistered(CriterionRun run, Markdown.Section s, Map<String, String> declared, Findings f) {
        String prefix = run.provider().providerTypeName() + "_";
        for (String type : declared.keySet()) {
            if (type.startsWith(prefix) && run.provider().resource(type).isEmpty()) {
                f.add(README + ":" + s.heading().line(), "the Quick Start creates " + type + ", which the provider does not register");
            }
        }
    }

    @Test
    @DisplayName("Link to full documentation for each resource type")
    @Criterion(value = 5, severity = Severity.MINOR)
    void documentationLinks(CriterionRun run) {
        DocPage page = readme(run);
        Findings f = run.findings();
        ProviderModel model = run.provider();
        List<Markdown.Link> docs = new ArrayList<>();
        for (Markdown.Link l : Markdown.of(page.text()).links()) {
            if (!l.image() && isDocumentation(model, l.target())) {
                docs.add(l);
            }
        }
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        for (Resource r : model.resources()) {
            if (r.typeName() == null) {
                continue;
            }
            String local = DocPages.localName(model, r.typeName());
            switch (r.category()) {
                case SOURCE -> kinds.put("sources", List.of("source"));
                case DESTINATION -> kinds.put("destinations", List.of("destination"));
                case TRANSFORM -> kinds.put("transforms", List.of("transform"));
                default -> kinds.put(r.typeName(), List.of(local));
            }
        }
        kinds.forEach((kind, words) -> {
            boolean linked = docs.stream().anyMatch(l -> words.stream().anyMatch(w -> l.target().toLowerCase(Locale.ROOT).contains(w)
                    || l.text().toLowerCase(Locale.ROOT).contains(w)));
            if (!linked) {
                f.add(README, "expected a link to the documentation of " + kind + ", found none among "
                        + docs.size() + " documentation link(s)");
            }
        });
        f.verify();
    }

    /** A link to documentation: the registry or a docs site, or a page or folder of docs/ or examples/ that exists. */
    static boolean isDocumentation(ProviderModel model, String target) {
        String t = target.toLowerCase(Locale.ROOT);
        if (t.startsWith("http://") || t.startsWith("https://")) {
            return t.contains("registry.terraform.io") || t.contains("/docs") || t.contains("docs.");
        }
        String path = target.replaceFirst("[#?].*$", "").replaceFirst("^\\./", "");
        return (path.startsWith("docs/") || path.startsWith("examples/"))
                && (RepoText.exists(model, path) || RepoText.isDirectory(model, path));
    }

    @Test
    @DisplayName("Add badges for build status, version, license")
    @Criterion(value = 6, severity = Severity.TRIVIAL)
    void badges(CriterionRun run) {
        DocPage page = readme(run);
        Findings f = run.findings();
        List<Markdown.Link> images = Markdown.of(page.text()).links().stream().filter(Markdown.Link::image).toList();
        Map<String, Pattern> kinds = new LinkedHashMap<>();
        kinds.put("build status", Pattern.compile("(?i)build|\\bci\\b|tests?\\b|workflow|actions|pipeline|status"));
        kinds.put("version", Pattern.compile("(?i)version|release|\\btag\\b|registry|/v/"));
        kinds.put("license", Pattern.compile("(?i)licen[cs]e"));
        kinds.forEach((kind, p) -> {
            if (images.stream().noneMatch(i -> p.matcher(i.text()).find() || p.matcher(i.target()).find())) {
                f.add(README + ":1", "expected a " + kind + " badge, found " + (images.isEmpty() ? "no badge"
                        : images.stream().map(Markdown.Link::text).toList()));
            }
        });
        f.verify();
    }
}
