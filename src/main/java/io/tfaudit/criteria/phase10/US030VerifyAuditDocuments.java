package io.tfaudit.criteria.phase10;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.backend.BackendConfigs;
import io.tfaudit.backend.BackendConnector;
import io.tfaudit.backend.BackendField;
import io.tfaudit.criteria.documentation.DocFacts;
import io.tfaudit.criteria.documentation.Markdown;
import io.tfaudit.criteria.documentation.SchemaWalk;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.files.DocPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The audit's reference documents agree with the code: the entity configuration audit names
 * every backend control type the generator maps (and, with a backend, every one its files
 * use); the backend code reference names every API path the client calls. No document, and
 * no default shipped in a schema, holds a TODO or a placeholder.
 */
@UserStory(id = "US-030", title = "Verify Audit Documents", phase = Phase.PHASE_10)
public class US030VerifyAuditDocuments {

    static final String ENTITY_AUDIT = "docs/audits/entity-config-schema-audit.md";
    static final String BACKEND_REFERENCE = "docs/audits/backend-code-reference.md";
    static final Pattern TODO = Pattern.compile("\\b(TODO|TBD|FIXME)\\b|(?i)\\blorem ipsum\\b|\\[placeholder\\]|\\(placeholder\\)"
            + "|(?i)\\bplaceholder (text|content|section)\\b|(?i)\\bcoming soon\\b|(?i)\\bto be (written|documented|completed)\\b");
    /** Words one of which every match of {@link #TODO} holds, in lower case: a cheap test before the expression. */
    private static final List<String> TODO_WORDS = List.of("todo", "tbd", "fixme", "lorem", "placeholder", "coming", "to be");

    /** What marks {@code line} as unfinished ({@code TODO}, {@code coming soon}...), if something does. */
    static Optional<String> todo(String line) {
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        if (TODO_WORDS.stream().noneMatch(lower::contains)) {
            return Optional.empty();
        }
        Matcher m = TODO.matcher(line);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("(?i)\\b(TODO|TBD|FIXME|CHANGEME|CHANGE_ME|placeholder|REPLACE_ME|to-be-(replaced|set|filled))\\b|^<[^>]+>$");
    private static final Pattern API_PATH = Pattern.compile("^/[a-z][a-z0-9_./-]*");

    @Test
    @DisplayName("`docs/audits/entity-config-schema-audit.md` matches current JSON schema patterns")
    @Criterion(value = 1, severity = Severity.MINOR)
    void entityConfigSchemaAudit(CriterionRun run) {
        DocPage page = US029VerifyCoreDocumentation.required(run, ENTITY_AUDIT, "the entity configuration schema audit");
        Findings f = run.findings();
        String text = page.text();
        for (String key : List.of("configuration.latest.json", "user_defined")) {
            if (!text.contains(key)) {
                f.add(ENTITY_AUDIT, "expected the backend configuration pattern `" + key + "` described, found no mention");
            }
        }
        Set<String> controls = DocFacts.generatorControlTypes(run.provider());
        for (String c : controls) {
            if (!mentions(text, c)) {
                f.add(ENTITY_AUDIT, "the generator (cmd/tfgen) maps the control type `" + c + "`, which the audit does not describe");
            }
        }
        Map<String, String> used = backendControls(run);
        used.forEach((control, where) -> {
            if (!controls.contains(control) && !mentions(text, control)) {
                f.add(ENTITY_AUDIT, "the backend's configurations use the control type `" + control + "` (" + where
                        + "), which the audit does not describe");
            }
        });
        run.evidence("control types", "mapped by cmd/tfgen: " + controls + "\nused by the backend: "
                + (run.audit().config().backendPath() == null ? "(no backend checkout: -Dbackend.path=DIR)" : used.keySet()));
        f.verify();
    }

    /** The control types the backend's configuration files use, with one file using each; empty without a backend. */
    private static Map<String, String> backendControls(CriterionRun run) {
        Map<String, String> out = new TreeMap<>();
        Path p = run.audit().config().backendPath();
        if (p == null || !Files.isDirectory(p)) {
            return out;
        }
        for (BackendConnector c : BackendConfigs.read(p).connectors()) {
            for (BackendField field : c.fields()) {
                if (field.control() != null && !field.control().isBlank()) {
                    out.putIfAbsent(field.control(), c.file() + ":" + field.line());
                }
            }
        }
        return out;
    }

    private static boolean mentions(String text, String word) {
        return io.tfaudit.criteria.documentation.Words.mentions(text, word, io.tfaudit.criteria.documentation.Words.HYPHENATED);
    }

    @Test
    @DisplayName("`docs/audits/backend-code-reference.md` matches current API patterns")
    @Criterion(value = 2, severity = Severity.MINOR)
    void backendCodeReference(CriterionRun run) {
        DocPage page = US029VerifyCoreDocumentation.required(run, BACKEND_REFERENCE, "the backend code reference");
        Findings f = run.findings();
        Map<String, String> paths = apiPaths(run.provider());
        if (paths.isEmpty()) {
            f.add("internal/api/", "expected the API client's request paths to compare with, found no path literal in internal/api/");
        }
        String text = page.text();
        paths.forEach((path, where) -> {
            if (!text.contains(path)) {
                f.add(BACKEND_REFERENCE, "the client calls " + path + " (" + where + "), which the reference does not document");
            }
        });
        run.evidence("API paths of the client", String.join("\n", paths.keySet()));
        f.verify();
    }

    /** Request paths written in the API client ({@code "/sources?secret_returned=true"} → {@code /sources}), with where. */
    static Map<String, String> apiPaths(ProviderModel model) {
        Map<String, String> out = new TreeMap<>();
        for (GoFile file : DocFacts.goFiles(model, "internal/api")) {
            for (Expr.BasicLit lit : DocFacts.collect(file, Expr.BasicLit.class)) {
                if (lit.kind() != Expr.LitKind.STRING) {
                    continue;
                }
                Matcher m = API_PATH.matcher(lit.stringValue());
                if (m.find()) {
                    String path = m.group().replaceFirst("/+$", "");
                    if (!path.isEmpty() && !path.contains(".")) {
                        out.putIfAbsent(path, lit.pos().fileAndLine());
                    }
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("No TODOs or placeholders in documentation")
    @Criterion(value = 3, severity = Severity.MINOR)
    void noTodos(CriterionRun run) {
        Findings f = run.findings();
        int pages = 0;
        for (DocPage page : run.provider().files().docs()) {
            pages++;
            for (Markdown.Line l : Markdown.of(page.text()).lines()) {
                Optional<String> todo = todo(l.text());
                if (todo.isPresent()) {
                    f.add(page.path() + ":" + l.number(), "expected finished documentation, found \"" + todo.get() + "\": "
                            + abbreviate(l.text()));
                }
            }
        }
        List<String> checked = new ArrayList<>();
        for (Resource r : allResources(run.provider())) {
            for (SchemaWalk.Field field : SchemaWalk.fields(r.schema())) {
                Attribute a = field.attribute();
                if (a.defaultValue() instanceof String s && a.defaultExpression() != null
                        && a.defaultExpression().contains("\"" + s + "\"") && PLACEHOLDER_DEFAULT.matcher(s).find()) {
                    f.add(a.pos(), r.typeName() + "." + field.path() + ": the schema ships the default \"" + s
                            + "\" to users; expected a real value or no default");
                }
            }
            checked.add(r.typeName());
        }
        run.evidence("checked", pages + " documentation page(s) and the defaults of " + checked.size() + " schema(s)");
        f.verify();
    }

    private static List<Resource> allResources(ProviderModel model) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : model.resources()) {
            if (r.typeName() != null) {
                out.add(r);
            }
        }
        for (Resource r : model.dataSources()) {
            if (r.typeName() != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 100 ? t.substring(0, 97) + "..." : t;
    }
}
