package io.tfaudit.criteria.phase9;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.documentation.DocPages;
import io.tfaudit.criteria.documentation.ExportedSchema;
import io.tfaudit.criteria.documentation.Markdown;
import io.tfaudit.criteria.documentation.SchemaWalk;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.files.DocPage;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the Terraform MCP Server gives an agent: the provider's overview page (docs/index.md,
 * its frontmatter description shown in search results), each resource's page and schema (the
 * registry docs it fetches; the schema as {@code terraform providers schema -json} prints it),
 * descriptions that say more than the attribute's name, and enumerations' valid values in the
 * schema's description metadata.
 */
@UserStory(id = "US-028", title = "Test Terraform MCP Server Compatibility", phase = Phase.PHASE_9)
public class US028TestTerraformMcpServerCompatibility {

    static final String OVERVIEW = "docs/index.md";
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\b(TODO|TBD|FIXME|XXX|placeholder|lorem ipsum|description goes here)\\b");
    private static final Set<String> FILLER = Set.of("the", "a", "an", "of", "for", "to", "this", "that", "is", "are", "be", "in",
            "on", "at", "and", "or", "by", "with", "value", "field", "attribute", "setting", "option", "config", "configuration",
            "parameter", "property", "specifies", "specify", "set", "sets", "enter", "provide", "your", "its", "it");

    @Test
    @DisplayName("Provider overview accessible via MCP")
    @Criterion(value = 1, severity = Severity.MINOR)
    void providerOverview(CriterionRun run) {
        Findings f = run.findings();
        Optional<DocPage> page = run.provider().files().doc(OVERVIEW);
        if (page.isEmpty()) {
            f.add(OVERVIEW, "expected the provider's overview page (what the registry and the MCP server show), found no such file");
            f.verify();
        }
        DocPage p = page.get();
        if (p.problem() != null) {
            f.add(p.path() + ":" + p.problem().line(), p.problem().message());
        }
        if (DocPages.frontmatter(p, "description").isEmpty()) {
            f.add(p.path() + ":1", "expected a frontmatter description (the MCP server shows it with the provider), found none");
        }
        if (DocPages.frontmatter(p, "page_title").isEmpty()) {
            f.add(p.path() + ":1", "expected a frontmatter page_title, found none");
        }
        Markdown md = Markdown.of(p.text());
        if (md.introduction().isEmpty()) {
            f.add(p.path(), "expected an overview paragraph before the first section, found none");
        }
        String provider = run.provider().providerTypeName();
        boolean example = md.codeBlocks().stream().anyMatch(b -> provider != null && b.text().contains("provider \"" + provider + "\""));
        if (!md.hasHeading(t -> t.contains("example usage")) || !example) {
            f.add(p.path(), "expected an \"Example Usage\" section with a provider \"" + provider + "\" block, found "
                    + (md.hasHeading(t -> t.contains("example usage")) ? "no such block" : "no such section"));
        }
        f.verify();
    }

    @TestFactory
    @DisplayName("Resource schemas queryable")
    @Criterion(value = 2, severity = Severity.MINOR)
    Stream<DynamicTest> schemasQueryable(CriterionRun run) {
        return run.forEachResource(r -> true, r -> {
            Findings f = run.findings();
            boolean data = r.category() == Category.DATA_SOURCE;
            JsonNode schema = exported(run, r.typeName(), data);
            if (schema == null || schema.path("block").path("attributes").isEmpty()) {
                f.add(r.registered().constructorPos(), r.typeName() + ": expected its schema in the export (`tfaudit schema`, "
                        + "as `terraform providers schema -json` prints it) with attributes, found "
                        + (schema == null ? "none" : "no attributes"));
            }
            Optional<DocPage> page = DocPages.page(run.provider(), r.typeName(), data);
            if (page.isEmpty()) {
                f.add(DocPages.candidates(run.provider(), r.typeName(), data).get(0), r.typeName()
                        + ": expected the page the MCP server fetches for it, found no such file");
            } else {
                DocPage p = page.get();
                if (DocPages.frontmatter(p, "description").isEmpty()) {
                    f.add(p.path() + ":1", r.typeName() + ": expected a frontmatter description (the MCP server lists it), found none");
                }
                if (!Markdown.of(p.text()).hasHeading(t -> t.equals("schema") || t.contains("argument reference")
                        || t.contains("attributes reference") || t.contains("attribute reference"))) {
                    f.add(p.path(), r.typeName() + ": expected a Schema (or Argument Reference) section listing its attributes, found none");
                }
            }
            f.verify();
        });
    }

    @TestFactory
    @DisplayName("Field descriptions helpful for AI agents")
    @Criterion(value = 3, severity = Severity.TRIVIAL)
    Stream<DynamicTest> descriptionsAreHelpful(CriterionRun run) {
        return run.forEachResource(r -> true, r -> {
            Findings f = run.findings();
            for (SchemaWalk.Field field : SchemaWalk.fields(r.registered().schema())) {
                Attribute a = field.attribute();
                String text = shown(a);
                if (text == null) {
                    continue; // US-026.1 reports a missing description
                }
                String problem = unhelpful(a.name(), text);
                if (problem != null) {
                    f.add(a.pos(), "attribute " + field.path() + ": " + problem + ": \"" + DescriptionText.abbreviate(text) + "\"");
                }
            }
            f.verify();
        });
    }

    /** The description an agent is shown: the markdown one when set, as the schema export does. */
    static String shown(Attribute a) {
        if (a.markdownDescription() != null && !a.markdownDescription().isBlank()) {
            return a.markdownDescription();
        }
        return a.description() == null || a.description().isBlank() ? null : a.description();
    }

    /** Why the description does not help an agent, or null: a placeholder, or nothing beyond the name's own words. */
    static String unhelpful(String name, String text) {
        java.util.regex.Matcher placeholder = PLACEHOLDER.matcher(text);
        if (placeholder.find()) {
            return "the description contains a placeholder (" + placeholder.group() + ")";
        }
        Set<String> nameWords = Arrays.stream(name.toLowerCase(Locale.ROOT).split("[_\\W]+")).map(US028TestTerraformMcpServerCompatibility::stem)
                .collect(Collectors.toSet());
        Set<String> words = new LinkedHashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty() && !FILLER.contains(w)) {
                words.add(stem(w));
            }
        }
        if (words.isEmpty() || nameWords.containsAll(words)) {
            return "the description only restates the attribute's name";
        }
        return null;
    }

    private static String stem(String w) {
        return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
    }

    @TestFactory
    @DisplayName("Valid values visible in schema metadata")
    @Criterion(value = 4, severity = Severity.MINOR)
    Stream<DynamicTest> validValuesInTheSchema(CriterionRun run) {
        return run.forEachResource(r -> true, r -> {
            Findings f = run.findings();
            boolean data = r.category() == Category.DATA_SOURCE;
            JsonNode schema = exported(run, r.typeName(), data);
            for (SchemaWalk.Field field : SchemaWalk.fields(r.registered().schema())) {
                Attribute a = field.attribute();
                List<String> values = a.oneOfValues().stream().filter(v -> !v.isEmpty()).toList();
                if (values.isEmpty()) {
                    continue;
                }
                JsonNode node = schema == null ? null : attributeNode(schema.path("block"), field.path());
                String description = node == null ? "" : node.path("description").asText("");
                List<String> missing = values.stream().filter(v -> !mentions(description, v)).toList();
                if (!missing.isEmpty()) {
                    f.add(a.pos(), "attribute " + field.path() + ": the schema's description metadata"
                            + (description.isEmpty() ? " is empty" : " does not show the valid values " + missing)
                            + "; expected every OneOf value " + values + " in it");
                }
            }
            f.verify();
        });
    }

    private static boolean mentions(String description, String value) {
        return description.contains("`" + value + "`") || description.contains("\"" + value + "\"")
                || Pattern.compile("(^|[^A-Za-z0-9_./-])" + Pattern.quote(value) + "($|[^A-Za-z0-9_/-])").matcher(description).find();
    }

    /** The exported schema of a resource or data source. */
    static JsonNode exported(CriterionRun run, String typeName, boolean dataSource) {
        return ExportedSchema.schema(run.audit(), typeName, dataSource);
    }

    /** An attribute's node by its path ({@code a.b}) through nested attributes and blocks. */
    static JsonNode attributeNode(JsonNode block, String path) {
        String[] parts = path.split("\\.");
        JsonNode current = block;
        for (int i = 0; i < parts.length; i++) {
            JsonNode attr = current.path("attributes").path(parts[i]);
            if (i == parts.length - 1) {
                return attr.isMissingNode() ? null : attr;
            }
            if (!attr.isMissingNode()) {
                current = attr.path("nested_type");
            } else {
                current = current.path("block_types").path(parts[i]).path("block");
            }
            if (current.isMissingNode()) {
                return null;
            }
        }
        return null;
    }
}
