package io.tfaudit.framework;

import io.tfaudit.api.Criterion;
import io.tfaudit.api.CriterionRun;
import io.tfaudit.api.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.Function;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.files.DocPage;
import io.tfaudit.provider.files.FileProblem;
import io.tfaudit.provider.files.HclFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * tfplugindocs' conventions: the examples it reads ({@code examples/resources/<type>/resource.tf},
 * {@code import.sh}, ...) and the pages it writes ({@code docs/resources/<name>.md}, ...), and
 * whether they agree with the schema.
 */
@UserStory(id = "TF-DOCS", title = "Documentation and examples", phase = Phase.FRAMEWORK_DOCS)
public class FrameworkDocs {

    static final String DOC_GAP = "A documentation gap: the Registry page lacks what users copy from.";

    /** Every file of the provider's checkout, listed once per audit. */
    @SuppressWarnings("unchecked")
    private static Set<String> paths(CriterionRun run) {
        return run.memo("framework plan: file paths", () -> new TreeSet<>(
                run.provider().module().tree().source().list().paths()));
    }

    /** The type name as tfplugindocs names its page: without the provider's prefix, unless it is the provider's name. */
    static String shortName(ProviderModel model, String typeName) {
        String p = model.providerTypeName();
        return p != null && typeName.startsWith(p + "_") ? typeName.substring(p.length() + 1) : typeName;
    }

    private static String folder(Category c) {
        return switch (c) {
            case DATA_SOURCE -> "data-sources";
            case EPHEMERAL_RESOURCE -> "ephemeral-resources";
            default -> "resources";
        };
    }

    private static String exampleFile(Category c) {
        return switch (c) {
            case DATA_SOURCE -> "data-source.tf";
            case EPHEMERAL_RESOURCE -> "ephemeral-resource.tf";
            default -> "resource.tf";
        };
    }

    private static void everyOneHasExample(CriterionRun run, java.util.function.Predicate<Resource> scope, String what) {
        List<Resource> in = FrameworkModel.registered(run.provider()).stream().filter(scope).toList();
        if (in.isEmpty()) {
            run.notApplicable("the provider registers no " + what);
        }
        Set<String> paths = paths(run);
        Findings f = run.findings();
        for (Resource r : in) {
            String expected = "examples/" + folder(r.category()) + "/" + r.typeName() + "/" + exampleFile(r.category());
            if (!paths.contains(expected)) {
                // Other examples in the folder are shown only by a template of the provider's own: say which.
                String dir = expected.substring(0, expected.lastIndexOf('/') + 1);
                List<String> others = paths.stream().filter(p -> p.startsWith(dir) && p.endsWith(".tf")
                        && p.indexOf('/', dir.length()) < 0 && !p.substring(dir.length()).startsWith("import"))
                        .map(p -> p.substring(dir.length())).sorted().toList();
                f.add(r.constructorPos(), FrameworkModel.label(r) + ": expected the example " + expected + ", found "
                        + (others.isEmpty() ? "none" : "only " + String.join(", ", others.subList(0, Math.min(3, others.size())))
                        + (others.size() > 3 ? ", …" : "") + ", which tfplugindocs' default template does not show"));
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("The provider has an example configuration (examples/provider/provider.tf)")
    @Criterion(value = 1, id = "TF-032", severity = Severity.MINOR, severityReason = DOC_GAP,
            why = "tfplugindocs puts it at the top of the provider's index page: how to configure the provider at all.",
            fix = "Write examples/provider/provider.tf with a provider block (and terraform required_providers) and regenerate docs.")
    void providerExample(CriterionRun run) {
        Findings f = run.findings();
        if (!paths(run).contains("examples/provider/provider.tf")) {
            f.add("examples/provider/provider.tf", "expected the provider's example configuration, found no such file");
        }
        f.verify();
    }

    @Test
    @DisplayName("Every managed resource has an example (examples/resources/<type>/resource.tf)")
    @Criterion(value = 2, id = "TF-033", severity = Severity.MINOR, severityReason = DOC_GAP,
            why = "tfplugindocs puts it in the resource's page as its Example Usage: what most users copy first.",
            fix = "Write examples/resources/<type>/resource.tf declaring the resource with its required attributes.")
    void resourceExamples(CriterionRun run) {
        everyOneHasExample(run, r -> r.category() != Category.DATA_SOURCE && r.category() != Category.EPHEMERAL_RESOURCE,
                "managed resource");
    }

    @Test
    @DisplayName("Every data source has an example (examples/data-sources/<type>/data-source.tf)")
    @Criterion(value = 3, id = "TF-034", severity = Severity.MINOR, severityReason = DOC_GAP,
            why = "tfplugindocs puts it in the data source's page as its Example Usage.",
            fix = "Write examples/data-sources/<type>/data-source.tf declaring the data source.")
    void dataSourceExamples(CriterionRun run) {
        everyOneHasExample(run, Resource::isDataSource, "data source");
    }

    @Test
    @DisplayName("Every ephemeral resource has an example (examples/ephemeral-resources/<type>/ephemeral-resource.tf)")
    @Criterion(value = 4, id = "TF-035", severity = Severity.MINOR, severityReason = DOC_GAP,
            why = "tfplugindocs puts it in the ephemeral resource's page as its Example Usage.",
            fix = "Write examples/ephemeral-resources/<type>/ephemeral-resource.tf declaring it.")
    void ephemeralExamples(CriterionRun run) {
        everyOneHasExample(run, r -> r.category() == Category.EPHEMERAL_RESOURCE, "ephemeral resource");
    }

    @Test
    @DisplayName("Every importable resource has an import example (examples/resources/<type>/import.sh or import-by-string-id.tf)")
    @Criterion(value = 5, id = "TF-036", severity = Severity.MINOR, severityReason = DOC_GAP,
            why = "tfplugindocs writes the page's Import section from it: the id format users must give.",
            fix = "Write examples/resources/<type>/import.sh (`terraform import <type>.example <id>`) or an import block "
                    + "in import-by-string-id.tf.")
    void importExamples(CriterionRun run) {
        ProviderModel model = run.provider();
        List<Resource> importable = FrameworkModel.managedResources(model).stream()
                .filter(r -> FrameworkModel.method(model, r, "ImportState").isPresent()).toList();
        if (importable.isEmpty()) {
            run.notApplicable("no managed resource implements ImportState");
        }
        Set<String> paths = paths(run);
        Findings f = run.findings();
        for (Resource r : importable) {
            String dir = "examples/resources/" + r.typeName() + "/";
            if (!paths.contains(dir + "import.sh") && !paths.contains(dir + "import-by-string-id.tf") && !paths.contains(dir + "import.tf")) {
                f.add(FrameworkModel.method(model, r, "ImportState").get().decl().pos(), r.typeName()
                        + ": expected " + dir + "import.sh (or import-by-string-id.tf), found none");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every function has an example (examples/functions/<name>/function.tf)")
    @Criterion(value = 6, id = "TF-037", severity = Severity.MINOR, severityReason = DOC_GAP,
            why = "tfplugindocs puts it in the function's page: how to call provider::<provider>::<name>.",
            fix = "Write examples/functions/<name>/function.tf with an output calling the function.")
    void functionExamples(CriterionRun run) {
        List<Function> fns = run.provider().functions().stream().filter(fn -> fn.name() != null).toList();
        if (fns.isEmpty()) {
            run.notApplicable("the provider defines no function");
        }
        Set<String> paths = paths(run);
        Findings f = run.findings();
        for (Function fn : fns) {
            String expected = "examples/functions/" + fn.name() + "/function.tf";
            if (!paths.contains(expected)) {
                f.add(fn.pos(), "function " + fn.name() + ": expected the example " + expected + ", found none");
            }
        }
        f.verify();
    }

    private static final Set<String> META = Set.of("count", "for_each", "depends_on", "provider", "lifecycle", "connection",
            "provisioner", "dynamic");

    @Test
    @DisplayName("Every attribute and block an example sets is in the schema of its resource")
    @Criterion(value = 7, id = "TF-038", severity = Severity.NORMAL,
            severityReason = "A user who copies the example gets an error from `terraform validate`: the documentation is wrong.",
            why = "Examples go into the Registry pages verbatim; one that sets an attribute the schema lacks (renamed, "
                    + "removed, misspelt) does not work.",
            fix = "Change the example to the schema's attribute names, and run `terraform validate` on examples in CI.")
    void examplesMatchSchema(CriterionRun run) {
        ProviderModel model = run.provider();
        Findings f = run.findings();
        for (HclFile file : model.files().examples()) {
            for (HclFile.Block b : file.blocks()) {
                Optional<Resource> r = "resource".equals(b.kind()) ? model.resource(b.typeName())
                        : "data".equals(b.kind()) ? model.dataSource(b.typeName())
                        : "ephemeral".equals(b.kind()) ? model.ephemeralResources().stream()
                                .filter(e -> b.typeName().equals(e.typeName())).findFirst() : Optional.empty();
                if (r.isEmpty() || r.get().schema() == null) {
                    continue;
                }
                Map<String, Attribute> attrs = r.get().schema().attributes();
                for (HclFile.AttributeValue v : b.attributes().values()) {
                    if (!attrs.containsKey(v.name()) && !META.contains(v.name())) {
                        f.add(file.path() + ":" + v.line(), b.kind() + " " + b.typeName() + ": expected an attribute of its "
                                + "schema, found \"" + v.name() + "\"");
                    }
                }
                for (HclFile.Block nested : b.blocks()) {
                    if (!r.get().schema().blocks().containsKey(nested.kind()) && !META.contains(nested.kind())
                            && !attrs.containsKey(nested.kind())) {
                        f.add(file.path() + ":" + nested.line(), b.kind() + " " + b.typeName() + ": expected a block of its "
                                + "schema, found \"" + nested.kind() + "\"");
                    }
                }
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every resource's example declares it and sets each of its Required attributes")
    @Criterion(value = 8, id = "TF-039", severity = Severity.MINOR, severityReason = DOC_GAP,
            why = "The Example Usage is what users start from; one that misses a Required attribute fails at plan, one "
                    + "that declares another resource documents the wrong thing.",
            fix = "Declare the resource in its example with every Required attribute set.")
    void examplesSetRequired(CriterionRun run) {
        ProviderModel model = run.provider();
        Findings f = run.findings();
        for (HclFile file : model.files().examples()) {
            Matcher m = Pattern.compile("examples/(resources|data-sources|ephemeral-resources)/([^/]+)/"
                    + "(resource|data-source|ephemeral-resource)\\.tf").matcher(file.path());
            if (!m.matches() || !file.parsed()) {
                continue;
            }
            String type = m.group(2);
            String kind = switch (m.group(1)) {
                case "data-sources" -> "data";
                case "ephemeral-resources" -> "ephemeral";
                default -> "resource";
            };
            Optional<Resource> r = FrameworkModel.registered(model).stream().filter(x -> type.equals(x.typeName())
                    && kind.equals(x.isDataSource() ? "data" : x.category() == Category.EPHEMERAL_RESOURCE ? "ephemeral" : "resource"))
                    .findFirst();
            if (r.isEmpty() || r.get().schema() == null) {
                continue;
            }
            List<HclFile.Block> blocks = file.blocks().stream().filter(b -> kind.equals(b.kind()) && type.equals(b.typeName())).toList();
            if (blocks.isEmpty()) {
                f.add(file.path() + ":1", FrameworkModel.label(r.get()) + ": expected its example to declare " + kind + " \""
                        + type + "\", found " + file.blocks().stream().map(b -> b.kind() + " " + b.typeName()).toList());
            }
            for (HclFile.Block b : blocks) {
                for (Map.Entry<String, Attribute> a : r.get().schema().attributes().entrySet()) {
                    if (a.getValue().required() && !b.attributes().containsKey(a.getKey())
                            && b.blocks().stream().noneMatch(n -> n.kind().equals(a.getKey()))) {
                        f.add(file.path() + ":" + b.line(), FrameworkModel.label(r.get()) + ": expected the Required attribute "
                                + a.getKey() + " to be set, found it missing");
                    }
                }
            }
        }
        f.verify();
    }

    private static String page(ProviderModel model, Resource r) {
        return "docs/" + folder(r.category()) + "/" + shortName(model, r.typeName()) + ".md";
    }

    @Test
    @DisplayName("Every resource, data source, ephemeral resource and function has a docs page")
    @Criterion(value = 9, id = "TF-040", severity = Severity.MINOR, severityReason = DOC_GAP,
            why = "The Registry publishes docs/ as the provider's documentation; a type without a page is undocumented "
                    + "there.",
            fix = "Run tfplugindocs generate (go generate) and commit docs/.")
    void docsPages(CriterionRun run) {
        ProviderModel model = run.provider();
        Set<String> paths = paths(run);
        Findings f = run.findings();
        for (Resource r : FrameworkModel.registered(model)) {
            if (!paths.contains(page(model, r))) {
                f.add(r.constructorPos(), FrameworkModel.label(r) + ": expected the page " + page(model, r) + ", found none");
            }
        }
        for (Function fn : model.functions()) {
            if (fn.name() != null && !paths.contains("docs/functions/" + fn.name() + ".md")) {
                f.add(fn.pos(), "function " + fn.name() + ": expected the page docs/functions/" + fn.name() + ".md, found none");
            }
        }
        f.verify();
    }

    private static final Pattern DOC_PAGE = Pattern.compile("docs/(resources|data-sources|ephemeral-resources|functions)/([^/]+)\\.md");

    @Test
    @DisplayName("No docs page is for a type or function the provider does not register")
    @Criterion(value = 10, id = "TF-041", severity = Severity.MINOR, severityReason = DOC_GAP,
            why = "A page left behind by a removed or renamed resource tells users it exists: they write configurations "
                    + "that fail.",
            fix = "Delete the page (tfplugindocs generate removes stale pages), or register the resource again.")
    void noStalePages(CriterionRun run) {
        ProviderModel model = run.provider();
        Set<String> expected = new TreeSet<>();
        FrameworkModel.registered(model).forEach(r -> expected.add(page(model, r)));
        model.functions().stream().filter(fn -> fn.name() != null).forEach(fn -> expected.add("docs/functions/" + fn.name() + ".md"));
        // A type whose name could not be read might be any page: say nothing rather than guess.
        if (FrameworkModel.registered(model).size() < model.resources().size() + model.dataSources().size()
                + model.ephemeralResources().size()) {
            run.skip("the type names of some registered resources could not be read statically", null);
        }
        Findings f = run.findings();
        for (String p : paths(run)) {
            if (DOC_PAGE.matcher(p).matches() && !expected.contains(p)) {
                f.add(p + ":1", "expected a page of a registered type or function, found " + p);
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every docs page names each top-level attribute and block of its schema")
    @Criterion(value = 11, id = "TF-042", severity = Severity.MINOR, severityReason = DOC_GAP,
            why = "tfplugindocs writes every attribute into the page's Schema section; a page that lacks one was written "
                    + "by hand or not regenerated since the schema changed.",
            fix = "Regenerate the docs (tfplugindocs generate), or add the attribute to a hand-written page.")
    void pagesMatchSchemas(CriterionRun run) {
        ProviderModel model = run.provider();
        Findings f = run.findings();
        for (Resource r : FrameworkModel.registered(model)) {
            Optional<DocPage> page = model.files().doc(page(model, r));
            if (page.isEmpty() || r.schema() == null) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String name : new TreeSet<>(r.schema().attributes().keySet())) {
                if (!page.get().text().contains("`" + name + "`")) {
                    missing.add(name);
                }
            }
            for (String name : new TreeSet<>(r.schema().blocks().keySet())) {
                if (!page.get().text().contains("`" + name + "`")) {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                f.add(page.get().path() + ":1", FrameworkModel.label(r) + ": expected the page to name " + missing
                        + " of the schema, found them missing");
            }
        }
        f.verify();
    }

    /** The pages tfplugindocs writes and the Registry reads (docs/cdktf/ and the like come from other generators). */
    private static final Pattern TFPLUGINDOCS_PAGE = Pattern.compile(
            "docs/([^/]+|(resources|data-sources|ephemeral-resources|functions|guides|list-resources|actions)/[^/]+)\\.md");

    @Test
    @DisplayName("Every example parses as HCL and every docs page's frontmatter as YAML")
    @Criterion(value = 12, id = "TF-043", severity = Severity.NORMAL,
            severityReason = "A file that does not parse breaks docs generation, and users who copy it.",
            why = "tfplugindocs copies examples into pages and the Registry reads the pages' frontmatter; a file that does "
                    + "not parse is published broken or not at all.",
            fix = "Fix the syntax at the line named (`terraform fmt` shows HCL errors).")
    void filesParse(CriterionRun run) {
        Findings f = run.findings();
        for (FileProblem p : run.provider().files().problems()) {
            // A Java exception is the HCL library failing on the file, not the file's syntax (terraform fmt accepts them).
            boolean readerFailed = p.message().contains("java.lang.");
            if (!readerFailed && (p.path().startsWith("examples/") && p.path().endsWith(".tf")
                    || TFPLUGINDOCS_PAGE.matcher(p.path()).matches())) {
                f.add(p.path() + ":" + Math.max(1, p.line()), "expected a file that parses, found: " + p.message());
            }
        }
        f.verify();
    }
}
