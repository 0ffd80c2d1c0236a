package io.tfaudit.criteria.phase9;

import io.tfaudit.audit.Audit;
import io.tfaudit.audit.AuditedResource;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.backend.Alignment;
import io.tfaudit.backend.BackendConfigs;
import io.tfaudit.backend.BackendConnector;
import io.tfaudit.criteria.documentation.SchemaWalk;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The descriptions an AI agent reads in the schema: both texts on every attribute (nested ones
 * included; the timeouts block's come from its library), enumerations listing exactly their
 * OneOf values, defaults stating the schema's default, sensitive attributes carrying a security
 * note, and connector descriptions in the PRD's pattern with the connector's display name.
 */
@UserStory(id = "US-026", title = "Audit Description Quality", phase = Phase.PHASE_9)
public class US026AuditDescriptionQuality {

    private static final Map<Audit, BackendConfigs> BACKENDS = new ConcurrentHashMap<>();

    @TestFactory
    @DisplayName("All attributes have both `Description` and `MarkdownDescription`")
    @Criterion(value = 1, severity = Severity.MINOR)
    Stream<DynamicTest> bothDescriptions(CriterionRun run) {
        return run.forEachResource(r -> true, r -> {
            Findings f = run.findings();
            for (SchemaWalk.Field field : SchemaWalk.fields(r.registered().schema())) {
                Attribute a = field.attribute();
                boolean plain = a.description() != null && !a.description().isBlank();
                boolean markdown = a.markdownDescription() != null && !a.markdownDescription().isBlank();
                if (!plain || !markdown) {
                    f.add(a.pos(), "attribute " + field.path() + ": expected both Description and MarkdownDescription, "
                            + (!plain && !markdown ? "found neither" : !plain ? "Description is missing" : "MarkdownDescription is missing"));
                }
            }
            f.verify();
        });
    }

    @TestFactory
    @DisplayName("Enum fields document: \"Valid values: `x`, `y`, `z`.\"")
    @Criterion(value = 2, severity = Severity.MINOR)
    Stream<DynamicTest> enumsListTheirValues(CriterionRun run) {
        return run.forEachResource(r -> true, r -> {
            Findings f = run.findings();
            int enums = 0;
            for (SchemaWalk.Field field : SchemaWalk.fields(r.registered().schema())) {
                Attribute a = field.attribute();
                List<String> values = a.oneOfValues();
                if (values.isEmpty()) {
                    continue;
                }
                enums++;
                checkValidValues(field.path(), a, "Description", a.description(), values, f);
                checkValidValues(field.path(), a, "MarkdownDescription", a.markdownDescription(), values, f);
            }
            run.evidence("enumerations", enums + " attribute(s) of " + r.typeName() + " have a OneOf validator");
            f.verify();
        });
    }

    static void checkValidValues(String path, Attribute a, String which, String text, List<String> values, Findings f) {
        String expected = "Valid values: " + String.join(", ", values.stream().map(v -> "`" + v + "`").toList()) + ".";
        Optional<List<String>> listed = DescriptionText.listedValues(text);
        if (listed.isEmpty()) {
            f.add(a.pos(), "attribute " + path + ": " + which + " does not document its valid values; expected \"" + expected + "\"");
            return;
        }
        Set<String> want = new LinkedHashSet<>(values);
        Set<String> found = new LinkedHashSet<>(listed.get());
        if (!want.equals(found)) {
            List<String> missing = want.stream().filter(v -> !found.contains(v)).toList();
            List<String> extra = found.stream().filter(v -> !want.contains(v)).toList();
            f.add(a.pos(), "attribute " + path + ": " + which + " lists valid values " + listed.get()
                    + ", expected exactly the OneOf values " + values
                    + (missing.isEmpty() ? "" : "; missing " + missing) + (extra.isEmpty() ? "" : "; not accepted by the validator " + extra));
        }
    }

    @TestFactory
    @DisplayName("Fields with defaults document: \"Defaults to `value`.\"")
    @Criterion(value = 3, severity = Severity.MINOR)
    Stream<DynamicTest> defaultsAreDocumented(CriterionRun run) {
        return run.forEachResource(r -> true, r -> {
            Findings f = run.findings();
            for (SchemaWalk.Field field : SchemaWalk.fields(r.registered().schema())) {
                Attribute a = field.attribute();
                if (!a.hasDefault()) {
                    continue;
                }
                String plain = defaultProblem(a, a.description(), false);
                String markdown = defaultProblem(a, a.markdownDescription(), true);
                if (plain != null && plain.equals(markdown)) {
                    // One omission in both texts is one defect.
                    f.add(a.pos(), "attribute " + field.path() + ": Description and MarkdownDescription "
                            + plain.replaceFirst("^does not", "do not").replaceFirst("^says", "say"));
                    continue;
                }
                if (plain != null) {
                    f.add(a.pos(), "attribute " + field.path() + ": Description " + plain);
                }
                if (markdown != null) {
                    f.add(a.pos(), "attribute " + field.path() + ": MarkdownDescription " + markdown);
                }
            }
            f.verify();
        });
    }

    /** What a description gets wrong about the attribute's default ("does not document its default; expected ..."), or null. */
    private static String defaultProblem(Attribute a, String text, boolean markdown) {
        if (!DescriptionText.isScalar(a.defaultValue(), a.defaultExpression())) {
            // Not a static scalar (a set, a list, a function): the text can only say that there is one.
            return DescriptionText.statedDefault(text) == null
                    ? "does not say \"Defaults to ...\" (default: " + a.defaultExpression() + ")" : null;
        }
        if (DescriptionText.documentsDefault(text, a.defaultValue(), markdown)) {
            return null;
        }
        String expected = DescriptionText.expectedDefault(a.defaultValue());
        String said = DescriptionText.statedDefault(text);
        return (said == null ? "does not document its default" : "says \"Defaults to " + said + "\", which is not the schema's default")
                + "; expected \"" + expected + "\" (" + a.defaultExpression() + ")";
    }

    /**
     * SM-6's "descriptions include … defaults", by its own words: each attribute with a default
     * mentions it in both texts, in the PRD's pattern or in other words ("Empty for default
     * cluster."); US-026.3 asks for the pattern itself.
     */
    public static void defaultsIncluded(AuditedResource r, Findings f) {
        for (SchemaWalk.Field field : SchemaWalk.fields(r.registered().schema())) {
            Attribute a = field.attribute();
            if (!a.hasDefault()) {
                continue;
            }
            boolean scalar = DescriptionText.isScalar(a.defaultValue(), a.defaultExpression());
            for (boolean markdown : new boolean[] {false, true}) {
                String text = markdown ? a.markdownDescription() : a.description();
                if (!DescriptionText.mentionsDefault(text, a.defaultValue(), scalar, markdown)) {
                    f.add(a.pos(), "attribute " + field.path() + ": " + (markdown ? "MarkdownDescription" : "Description")
                            + " does not mention its default (" + a.defaultExpression() + ")");
                }
            }
        }
    }

    @TestFactory
    @DisplayName("Sensitive fields include security note")
    @Criterion(value = 4, severity = Severity.MINOR)
    Stream<DynamicTest> sensitiveFieldsCarryANote(CriterionRun run) {
        return run.forEachResource(r -> true, r -> {
            Findings f = run.findings();
            for (SchemaWalk.Field field : SchemaWalk.fields(r.registered().schema())) {
                Attribute a = field.attribute();
                if (!a.sensitive()) {
                    continue;
                }
                for (String[] d : new String[][] {{"Description", a.description()}, {"MarkdownDescription", a.markdownDescription()}}) {
                    if (d[1] == null || !DescriptionText.SECURITY_NOTE.matcher(d[1]).find()) {
                        f.add(a.pos(), "attribute " + field.path() + " is Sensitive: expected its " + d[0]
                                + " to carry a security note (e.g. \"Security: this value is sensitive ...\"), found \""
                                + DescriptionText.abbreviate(d[1]) + "\"");
                    }
                }
            }
            f.verify();
        });
    }

    @TestFactory
    @DisplayName("Resource-level descriptions follow pattern:")
    @Criterion(value = 5, severity = Severity.MINOR)
    Stream<DynamicTest> resourceDescriptionsFollowThePattern(CriterionRun run) {
        return run.forEachResource(Audit.in(Category.SOURCE, Category.DESTINATION, Category.TRANSFORM), r -> {
            Findings f = run.findings();
            Resource res = r.registered();
            Schema s = res.schema();
            String word = DescriptionText.categoryWord(res.category());
            String plainDisplay = null;
            Matcher plain = s.description() == null ? null : DescriptionText.PLAIN_PATTERN.matcher(s.description());
            if (plain == null || !plain.find()) {
                f.add(s.descriptionAt(), r.typeName() + ": expected Description \"Manages a {DisplayName} " + word + " connector.\", found \""
                        + DescriptionText.abbreviate(s.description()) + "\"");
            } else {
                plainDisplay = plain.group(2);
                checkArticleAndWord(r, s, "Description", plain.group(1), plainDisplay, plain.group(3), word, f);
            }
            String markdownDisplay = null;
            Matcher md = s.markdownDescription() == null ? null : DescriptionText.MARKDOWN_PATTERN.matcher(s.markdownDescription());
            if (md == null || !md.find()) {
                f.add(s.markdownDescriptionAt(), r.typeName() + ": expected MarkdownDescription \"Manages a **{DisplayName}**...\", found \""
                        + DescriptionText.abbreviate(s.markdownDescription()) + "\"");
            } else {
                markdownDisplay = md.group(2);
                checkArticleAndWord(r, s, "MarkdownDescription", md.group(1), markdownDisplay, md.group(3), word, f);
            }
            if (plainDisplay != null && markdownDisplay != null && !plainDisplay.equals(markdownDisplay)) {
                f.add(s.descriptionAt(), r.typeName() + ": Description names \"" + plainDisplay + "\", MarkdownDescription names \""
                        + markdownDisplay + "\"; expected the same display name");
            }
            String display = plainDisplay != null ? plainDisplay : markdownDisplay;
            Optional<BackendConnector> backend = backendConnector(run, res);
            if (backend.isPresent() && display != null && backend.get().displayName() != null
                    && !backend.get().displayName().equals(display)) {
                f.add(s.descriptionAt(), r.typeName() + ": the description names \"" + display + "\", expected the backend's display name \""
                        + backend.get().displayName() + "\" (" + backend.get().file() + ")");
            }
            run.evidence("display name", r.typeName() + ": " + (display == null ? "not found" : "\"" + display + "\"")
                    + (backend.isPresent() ? "; backend display_name \"" + backend.get().displayName() + "\" ("
                    + backend.get().file() + ")" : "; not compared with the backend's display_name (no backend checkout: "
                    + "-Dbackend.path=DIR or STREAMKAP_BACKEND_PATH)"));
            f.verify();
        });
    }

    private static void checkArticleAndWord(AuditedResource r, Schema s, String which, String article, String display,
                                            String foundWord, String word, Findings f) {
        Pos at = which.equals("Description") ? s.descriptionAt() : s.markdownDescriptionAt();
        if (foundWord != null && !foundWord.equals(word)) {
            f.add(at, r.typeName() + ": " + which + " calls it a " + foundWord + " connector, expected a " + word + " connector");
        }
        String expected = DescriptionText.articleFor(display);
        // The PRD's pattern writes "Manages a {DisplayName}": "a" always follows it, "an" only where grammar asks for it.
        if (expected != null && !expected.equals(article) && !article.equals("a")) {
            f.add(at, r.typeName() + ": " + which + " says \"" + article + " " + display + "\", expected \"" + expected
                    + " " + display + "\"");
        }
    }

    /** The resource's backend configuration when a backend checkout is configured and has it. */
    private static Optional<BackendConnector> backendConnector(CriterionRun run, Resource r) {
        Path p = run.audit().config().backendPath();
        if (p == null || !Files.isDirectory(p)) {
            return Optional.empty();
        }
        BackendConfigs backend = BACKENDS.computeIfAbsent(run.audit(), a -> BackendConfigs.read(p));
        return backend.connector(r.category(), Alignment.connectorCode(run.provider(), r).value());
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 6, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
