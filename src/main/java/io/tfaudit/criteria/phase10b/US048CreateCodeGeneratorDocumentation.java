package io.tfaudit.criteria.phase10b;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.documentation.DocFacts;
import io.tfaudit.criteria.documentation.Markdown;
import io.tfaudit.provider.Deprecations;
import io.tfaudit.provider.files.DocPage;
import io.tfaudit.provider.files.JsonDocument;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/CODE_GENERATOR.md agrees with cmd/tfgen: every flag the generator defines, the fields
 * and override types of overrides.json, the fields of deprecations.json, every backend control
 * type the generator maps, how to add a connector, and worked override examples.
 */
@UserStory(id = "US-048", title = "Create Code Generator Documentation", phase = Phase.PHASE_10B)
public class US048CreateCodeGeneratorDocumentation {

    static final String GUIDE = "docs/CODE_GENERATOR.md";
    static final String OVERRIDES = "cmd/tfgen/overrides.json";
    static final String DEPRECATIONS = "cmd/tfgen/deprecations.json";

    static DocPage guide(CriterionRun run) {
        Optional<DocPage> page = run.provider().files().doc(GUIDE);
        if (page.isEmpty()) {
            run.findings().add(GUIDE, "expected the code generator guide, found no such file").verify();
        }
        return page.get();
    }

    static boolean mentions(String text, String word) {
        return io.tfaudit.criteria.documentation.Words.mentions(text, word, io.tfaudit.criteria.documentation.Words.HYPHENATED);
    }

    @Test
    @DisplayName("Create/update `docs/CODE_GENERATOR.md`")
    @Criterion(value = 1, severity = Severity.MINOR)
    void guideExists(CriterionRun run) {
        DocPage page = guide(run);
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        if (!page.text().contains("tfgen")) {
            f.add(GUIDE, "expected the guide to name the generator (cmd/tfgen), found no mention of tfgen");
        }
        if (md.sections().size() < 3) {
            f.add(GUIDE, "expected a guide with sections (usage, type mapping, overrides ...), found " + md.sections().size());
        }
        DocFacts.staleMakeTargets(run.provider(), GUIDE, md, f);
        f.verify();
    }

    @Test
    @DisplayName("Document `cmd/tfgen` CLI usage and flags")
    @Criterion(value = 2, severity = Severity.MINOR)
    void cliUsageAndFlags(CriterionRun run) {
        DocPage page = guide(run);
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        boolean usage = md.codeBlocks().stream().anyMatch(b -> b.text().contains("tfgen"));
        if (!usage) {
            f.add(GUIDE, "expected a command line running tfgen (go run ./cmd/tfgen ... or tfgen ...) in a code block, found none");
        }
        Set<String> flags = DocFacts.generatorFlags(run.provider());
        for (String flag : flags) {
            if (!page.text().contains("-" + flag)) {
                f.add(GUIDE, "cmd/tfgen defines the flag -" + flag + ", which the guide does not document");
            }
        }
        run.evidence("flags of cmd/tfgen", flags.isEmpty() ? "none found" : String.join(", ", flags));
        f.verify();
    }

    @Test
    @DisplayName("Document `overrides.json` schema and usage")
    @Criterion(value = 3, severity = Severity.MINOR)
    void overridesJson(CriterionRun run) {
        DocPage page = guide(run);
        Findings f = run.findings();
        if (!page.text().contains("overrides.json")) {
            f.add(GUIDE, "expected overrides.json documented, found no mention");
        }
        JsonDocument json = run.provider().files().tfgenJson().get("overrides.json");
        if (json == null) {
            f.add(OVERRIDES, "expected the overrides file the guide documents, found no such file");
        } else if (json.json() != null) {
            Set<String> keys = new TreeSet<>();
            Set<String> types = new TreeSet<>();
            entryKeys(json.json(), keys, types);
            for (String k : keys) {
                if (!mentions(page.text(), k)) {
                    f.add(GUIDE, OVERRIDES + " entries use the field `" + k + "`, which the guide does not document");
                }
            }
            for (String t : types) {
                if (!mentions(page.text(), t)) {
                    f.add(GUIDE, OVERRIDES + " uses the override type `" + t + "`, which the guide does not document");
                }
            }
        }
        f.verify();
    }

    /** The fields of the objects in the file's top-level array(s), and the values of their {@code type}. */
    static void entryKeys(JsonNode root, Set<String> keys, Set<String> types) {
        Iterator<JsonNode> arrays = root.isArray() ? java.util.List.of(root).iterator() : root.elements();
        while (arrays.hasNext()) {
            JsonNode a = arrays.next();
            if (!a.isArray()) {
                continue;
            }
            for (JsonNode entry : a) {
                entry.fieldNames().forEachRemaining(keys::add);
                if (entry.path("type").isTextual()) {
                    types.add(entry.path("type").asText());
                }
            }
        }
    }

    @Test
    @DisplayName("Document `deprecations.json` schema and usage")
    @Criterion(value = 4, severity = Severity.MINOR)
    void deprecationsJson(CriterionRun run) {
        DocPage page = guide(run);
        Findings f = run.findings();
        JsonDocument json = run.provider().files().tfgenJson().get("deprecations.json");
        if (!page.text().contains("deprecations.json")) {
            f.add(GUIDE, "expected deprecations.json documented, found no mention");
        }
        if (json == null) {
            f.add(DEPRECATIONS, "expected the deprecations file the PRD names, found no such file (deprecated attributes come from "
                    + Deprecations.of(run.provider()).source() + ")");
        } else if (json.json() != null) {
            Set<String> keys = new TreeSet<>();
            collectEntryKeys(json.json(), keys);
            for (String k : keys) {
                if (!mentions(page.text(), k)) {
                    f.add(GUIDE, DEPRECATIONS + " entries use the field `" + k + "`, which the guide does not document");
                }
            }
        }
        f.verify();
    }

    /** The fields of the innermost objects (those holding only scalars): the entries. */
    private static void collectEntryKeys(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            boolean leaf = true;
            for (JsonNode v : node) {
                leaf &= v.isValueNode();
            }
            if (leaf) {
                node.fieldNames().forEachRemaining(keys::add);
                return;
            }
        }
        for (JsonNode v : node) {
            collectEntryKeys(v, keys);
        }
    }

    @Test
    @DisplayName("Document how to add a new connector via code generation")
    @Criterion(value = 5, severity = Severity.MINOR)
    void addingAConnector(CriterionRun run) {
        DocPage page = guide(run);
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        Optional<Markdown.Section> s = md.section(t -> (t.contains("add") || t.contains("new")) && t.contains("connector"));
        if (s.isEmpty()) {
            f.add(GUIDE, "expected a section on adding a new connector, found headings "
                    + md.headings().stream().map(Markdown.Heading::title).toList());
        } else if (!Pattern.compile("(?i)generat|tfgen").matcher(s.get().text()).find()) {
            f.add(GUIDE + ":" + s.get().heading().line(), "expected the section to say how to generate the new connector's schema, "
                    + "found no mention of generation");
        }
        f.verify();
    }

    @Test
    @DisplayName("Document type mapping rules (control → Terraform type)")
    @Criterion(value = 6, severity = Severity.MINOR)
    void typeMapping(CriterionRun run) {
        DocPage page = guide(run);
        Findings f = run.findings();
        Set<String> controls = DocFacts.generatorControlTypes(run.provider());
        if (controls.isEmpty()) {
            f.add("cmd/tfgen/", "expected the generator's control → type mapping (a map or switch over control types), found none");
        }
        for (String c : controls) {
            if (!mentions(page.text(), c)) {
                f.add(GUIDE, "cmd/tfgen maps the control type `" + c + "`, which the guide's type mapping does not list");
            }
        }
        if (!Pattern.compile("\\b(String|Int64|Bool)\\b").matcher(page.text()).find()) {
            f.add(GUIDE, "expected the Terraform types controls map to (String, Int64, Bool ...), found none named");
        }
        run.evidence("control types mapped by cmd/tfgen", String.join(", ", controls));
        f.verify();
    }

    @Test
    @DisplayName("Include examples for common customization scenarios")
    @Criterion(value = 7, severity = Severity.MINOR)
    void customizationExamples(CriterionRun run) {
        DocPage page = guide(run);
        Findings f = run.findings();
        Markdown md = Markdown.of(page.text());
        long json = md.codeBlocks().stream().filter(b -> b.info().toLowerCase(Locale.ROOT).startsWith("json")
                || b.text().strip().startsWith("{")).count();
        if (json == 0) {
            f.add(GUIDE, "expected worked examples of customizations (an overrides.json or deprecations.json entry in a code "
                    + "block), found no JSON example");
        }
        f.verify();
    }
}
