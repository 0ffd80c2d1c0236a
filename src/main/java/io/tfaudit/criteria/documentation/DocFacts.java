package io.tfaudit.criteria.documentation;

import io.tfaudit.audit.Findings;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts of the checkout that documentation must agree with, and the checks that compare a
 * page with them: the paths it names exist, the {@code make} targets it runs exist, the Go
 * version it asks for is the module's, the three layers it describes are where the code is.
 */
public final class DocFacts {

    private static final Pattern BACKTICKED = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern REPO_PATH = Pattern.compile(
            "^(?:\\./)?((?:internal|cmd|docs|examples|scripts|templates|tools|testdata|website|pkg|\\.github)(?:/[A-Za-z0-9_.@-]+)*/?)(?:/\\.\\.\\.)?$");
    private static final Pattern MAKE = Pattern.compile("\\bmake\\s+([A-Za-z0-9][A-Za-z0-9_.-]*)");
    private static final Pattern MAKE_TARGET = Pattern.compile("^([A-Za-z0-9_.-]+(?:\\s+[A-Za-z0-9_.-]+)*)\\s*::?(?!=)");
    private static final Pattern GO_VERSION_MENTION = Pattern.compile("(?i)\\bgo\\s*(?:version\\s*)?v?(1\\.\\d+)(?:\\.\\d+)?\\b");
    private static final Pattern BRACES = Pattern.compile("([A-Za-z0-9_./-]*)\\{([A-Za-z0-9_,./-]+)\\}([A-Za-z0-9_./*-]*)");

    /** The backend control types tfgen maps, as their names appear in the backend's configuration files. */
    public static final Set<String> KNOWN_CONTROLS = Set.of("string", "password", "textarea", "datetime", "json", "number",
            "boolean", "toggle", "one-select", "multi-select", "slider");

    private DocFacts() {}

    /** A path a page names, and the line it names it on; {@code link} when it is a link's target. */
    public record Mention(String path, int line, boolean link) {
        public Mention(String path, int line) {
            this(path, line, false);
        }
    }

    /** A file a tutorial tells the reader to create ({@code mynewconnector_generated.go}, {@code your_resource.go}). */
    private static final Pattern EXAMPLE_NAME = Pattern.compile("(?i)^(my|new|your|example|foo|sample)|mynew|yournew");
    private static final Pattern FILE_NAME = Pattern.compile("[^/]+\\.(go|md|json|tf|sh|ya?ml|txt|tmpl|mod|sum|hcl)$");

    /** Repository paths in backticks and relative link targets ({@code docs/X.md} resolved from the page's folder). */
    public static List<Mention> pathMentions(String pagePath, Markdown md) {
        List<Mention> out = new ArrayList<>();
        for (Markdown.Line l : md.lines()) {
            if (l.frontmatter()) {
                continue;
            }
            Matcher m = BACKTICKED.matcher(l.text());
            while (m.find()) {
                String token = m.group(1).strip();
                for (String word : l.code() ? List.<String>of() : List.of(token.split("\\s+"))) {
                    Matcher p = REPO_PATH.matcher(word);
                    if (p.matches()) {
                        out.add(new Mention(p.group(1), l.number()));
                    }
                }
            }
        }
        String dir = pagePath.contains("/") ? pagePath.substring(0, pagePath.lastIndexOf('/') + 1) : "";
        for (Markdown.Link link : md.links()) {
            String t = link.target();
            if (t.isEmpty() || t.startsWith("#") || t.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                continue;
            }
            String path = t.replaceFirst("[#?].*$", "");
            if (path.isEmpty()) {
                continue;
            }
            out.add(new Mention(normalize(path.startsWith("/") ? path.substring(1) : dir + path), link.line(), true));
        }
        return out;
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(p);
        }
        return String.join("/", parts) + (path.endsWith("/") ? "/" : "");
    }

    /**
     * Each file the page names (a link's target, or a path to a file in backticks) that does
     * not exist in the checkout. A folder named in backticks is not judged: pages name folders
     * where files are to go.
     */
    public static void stalePaths(ProviderModel model, String pagePath, Markdown md, Findings f) {
        Set<String> reported = new TreeSet<>();
        for (Mention m : pathMentions(pagePath, md)) {
            String p = m.path().endsWith("/") ? m.path().substring(0, m.path().length() - 1) : m.path();
            if (!m.link() && !FILE_NAME.matcher(p).find() || EXAMPLE_NAME.matcher(p.substring(p.lastIndexOf('/') + 1)).find()) {
                continue;
            }
            if (p.isEmpty() || RepoText.exists(model, p) || RepoText.isDirectory(model, p) || existsBelow(model, p)
                    || !reported.add(p)) {
                continue;
            }
            f.add(pagePath + ":" + m.line(), "names " + p + ", which does not exist in the checkout");
        }
    }

    /** A path written relative to a package ({@code testdata/schemas}) that exists under some folder. */
    private static boolean existsBelow(ProviderModel model, String p) {
        return !p.startsWith("internal/") && !p.startsWith("cmd/") && !p.startsWith("docs/") && !p.startsWith("examples/")
                && RepoText.paths(model).stream().anyMatch(x -> x.endsWith("/" + p) || x.contains("/" + p + "/"));
    }

    /** The targets of the checkout's make file (GNUmakefile, makefile or Makefile), or empty when it has none. */
    public static Optional<Set<String>> makeTargets(ProviderModel model) {
        for (String name : List.of("GNUmakefile", "makefile", "Makefile")) {
            Optional<String> text = RepoText.read(model, name);
            if (text.isPresent()) {
                Set<String> targets = new TreeSet<>();
                for (String line : text.get().split("\n")) {
                    Matcher m = MAKE_TARGET.matcher(line);
                    if (!line.startsWith("\t") && m.find()) {
                        targets.addAll(List.of(m.group(1).split("\\s+")));
                    }
                }
                return Optional.of(targets);
            }
        }
        return Optional.empty();
    }

    /** Each {@code make X} the page runs whose target the make file lacks. */
    public static void staleMakeTargets(ProviderModel model, String pagePath, Markdown md, Findings f) {
        Optional<Set<String>> targets = makeTargets(model);
        for (Markdown.Line l : md.lines()) {
            if (l.frontmatter() || !(l.code() || l.text().contains("`make "))) {
                continue;
            }
            String text = l.code() ? l.text() : String.join(" ", backticked(l.text()));
            Matcher m = MAKE.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (targets.isEmpty()) {
                    f.add(pagePath + ":" + l.number(), "runs `make " + target + "`, but the checkout has no GNUmakefile or Makefile");
                } else if (!targets.get().contains(target)) {
                    f.add(pagePath + ":" + l.number(), "runs `make " + target + "`, which is not a target of the make file "
                            + "(targets: " + String.join(", ", targets.get()) + ")");
                }
            }
        }
    }

    private static List<String> backticked(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = BACKTICKED.matcher(line);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The {@code go} directive of go.mod ({@code 1.24}), or empty. */
    public static Optional<String> goVersion(ProviderModel model) {
        return RepoText.read(model, "go.mod").flatMap(text -> {
            Matcher m = Pattern.compile("(?m)^go\\s+(1\\.\\d+)").matcher(text);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
    }

    /** The first Go version the text asks for ({@code Go 1.22+}), with its line, or empty. */
    public static Optional<Mention> goVersionMention(Markdown md) {
        for (Markdown.Line l : md.lines()) {
            if (l.frontmatter()) {
                continue;
            }
            Matcher m = GO_VERSION_MENTION.matcher(l.text());
            if (m.find()) {
                return Optional.of(new Mention(m.group(1), l.number()));
            }
        }
        return Optional.empty();
    }

    /** Compares {@code 1.22} with {@code 1.24} numerically. */
    public static int compareGoVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    /** The text with {@code a/{b,c}/d} also written out as {@code a/b/d a/c/d}, so that paths written with braces are found. */
    public static String withBracesExpanded(String text) {
        StringBuilder sb = new StringBuilder(text);
        Matcher m = BRACES.matcher(text);
        while (m.find()) {
            for (String alt : m.group(2).split(",")) {
                sb.append('\n').append(m.group(1)).append(alt).append(m.group(3));
            }
        }
        return sb.toString();
    }

    // ---- the three layers ----------------------------------------------------------------

    /**
     * Where the connectors' three layers really are: the folders of their generated schemas,
     * the folders of their wrappers (constructors) and the files of their shared bases.
     * Empty sets when the connectors are not layered (v2: one file per resource).
     */
    public record Layers(Set<String> generated, Set<String> wrappers, Set<String> bases, Set<String> baseTypes, int connectors) {
        public boolean layered() {
            return !generated.isEmpty() && !wrappers.isEmpty() && !bases.isEmpty();
        }

        public Set<String> baseFolders() {
            Set<String> out = new LinkedHashSet<>();
            bases.forEach(b -> out.add(folder(b)));
            return out;
        }
    }

    public static Layers layers(ProviderModel model) {
        Set<String> generated = new TreeSet<>();
        Set<String> wrappers = new TreeSet<>();
        Set<String> bases = new TreeSet<>();
        Set<String> baseTypes = new TreeSet<>();
        int n = 0;
        for (Resource r : model.resources()) {
            if (r.typeName() == null || !(r.category() == Category.SOURCE || r.category() == Category.DESTINATION
                    || r.category() == Category.TRANSFORM)) {
                continue;
            }
            n++;
            boolean separateSchema = r.schemaFile() != null && !r.schemaFile().equals(r.constructorFile())
                    && !r.schemaFile().equals(r.implementationFile());
            boolean separateBase = r.implementationFile() != null && !r.implementationFile().equals(r.constructorFile());
            if (separateSchema && separateBase) {
                generated.add(folder(r.schemaFile()));
                wrappers.add(folder(r.constructorFile()));
                bases.add(r.implementationFile());
                if (r.implementation() != null) {
                    baseTypes.add(r.implementation().substring(r.implementation().lastIndexOf('.') + 1));
                }
            }
        }
        return new Layers(generated, wrappers, bases, baseTypes, n);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String folder(String path) {
        return path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : ".";
    }

    /**
     * Whether the page's text (braces expanded) names the layer by its word and by one of its
     * real places; adds a finding naming what is missing.
     */
    public static void describesLayers(ProviderModel model, String pagePath, String text, boolean requireWords, Findings f) {
        Layers layers = layers(model);
        if (!layers.layered()) {
            f.add(pagePath, "the provider's " + layers.connectors() + " connector resources are not split into generated schema, "
                    + "wrapper and shared base files; there are no three layers for the document to match");
            return;
        }
        String expanded = withBracesExpanded(text);
        String lower = expanded.toLowerCase(Locale.ROOT);
        checkLayer(pagePath, "generated", "generated schemas", layers.generated(), expanded, lower, requireWords, f);
        Set<String> wrapperPlaces = new LinkedHashSet<>(layers.wrappers());
        if (layers.wrappers().stream().allMatch(w -> expanded.contains(lastSegment(w) + "/"))
                && Pattern.compile("\\bwrapper").matcher(lower).find()) {
            wrapperPlaces.add(lastSegment(layers.wrappers().iterator().next()) + "/"); // a folder tree naming each wrapper folder
        }
        checkLayer(pagePath, "wrapper", "wrappers", wrapperPlaces, expanded, lower, requireWords, f);
        Set<String> basePlaces = new LinkedHashSet<>(layers.bases());
        basePlaces.addAll(layers.baseFolders());
        basePlaces.addAll(layers.baseTypes());
        checkLayer(pagePath, "base", "shared base", basePlaces, expanded, lower, requireWords, f);
    }

    private static void checkLayer(String pagePath, String word, String label, Set<String> places, String text, String lower,
                                   boolean requireWord, Findings f) {
        if (requireWord && !Pattern.compile("\\b" + word).matcher(lower).find()) {
            f.add(pagePath, "expected the " + label + " layer named (\"" + word + "\"), found no mention");
        }
        if (places.stream().noneMatch(text::contains)) {
            f.add(pagePath, "expected the " + label + " layer's real location (" + String.join(" or ", places)
                    + "), found none of them named");
        }
    }

    // ---- facts of cmd/tfgen --------------------------------------------------------------

    /** The Go files of a folder, tests excluded. */
    public static List<GoFile> goFiles(ProviderModel model, String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return model.module().tree().files().stream()
                .filter(g -> g.path().startsWith(prefix) && !g.path().substring(prefix.length()).contains("/") && !g.isTestFile())
                .toList();
    }

    /**
     * The backend control types the generator maps: the string keys of a map literal, or the
     * string cases of a switch, that name at least two known backend controls.
     */
    public static Set<String> generatorControlTypes(ProviderModel model) {
        Set<String> out = new TreeSet<>();
        for (GoFile file : goFiles(model, "cmd/tfgen")) {
            for (Expr.CompositeLit lit : collect(file, Expr.CompositeLit.class)) {
                List<String> keys = new ArrayList<>();
                for (Expr e : lit.elts()) {
                    if (e instanceof Expr.KeyValueExpr kv && kv.key() instanceof Expr.BasicLit b && b.kind() == Expr.LitKind.STRING) {
                        keys.add(b.stringValue());
                    }
                }
                addIfControls(keys, out);
            }
            for (Stmt.SwitchStmt sw : collect(file, Stmt.SwitchStmt.class)) {
                List<String> cases = new ArrayList<>();
                for (Stmt s : sw.body().list()) {
                    if (s instanceof Stmt.CaseClause c) {
                        for (Expr e : c.list()) {
                            if (e instanceof Expr.BasicLit b && b.kind() == Expr.LitKind.STRING) {
                                cases.add(b.stringValue());
                            }
                        }
                    }
                }
                addIfControls(cases, out);
            }
        }
        return out;
    }

    private static void addIfControls(List<String> values, Set<String> out) {
        if (values.stream().filter(KNOWN_CONTROLS::contains).count() >= 2) {
            out.addAll(values);
        }
    }

    /** Every node of that kind in the file's declarations. */
    public static <T extends io.tfaudit.go.ast.Node> List<T> collect(GoFile file, Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (var d : file.decls()) {
            out.addAll(Walk.collect(d, kind));
        }
        return out;
    }

    /** The command-line flags cmd/tfgen defines ({@code fs.String("output", ...)}, cobra's {@code StringVar(&v, "output", ...)}). */
    public static Set<String> generatorFlags(ProviderModel model) {
        Set<String> out = new TreeSet<>();
        Pattern kinds = Pattern.compile("(String|Bool|Int|Int64|Uint|Uint64|Float64|Duration|StringSlice|StringArray|Func|Var)(Var)?(P)?");
        for (GoFile file : goFiles(model, "cmd/tfgen")) {
            for (Expr.CallExpr c : collect(file, Expr.CallExpr.class)) {
                if (!(c.fun() instanceof Expr.SelectorExpr s) || !kinds.matcher(s.sel().name()).matches()) {
                    continue;
                }
                if (s.x() instanceof Expr.Ident id && (id.name().equals("strings") || id.name().equals("fmt")
                        || id.name().equals("strconv") || id.name().equals("os"))) {
                    continue;
                }
                boolean var = s.sel().name().contains("Var") && !s.sel().name().equals("Var");
                int index = var || s.sel().name().equals("Var") ? 1 : 0;
                if (c.args().size() > index && c.args().get(index) instanceof Expr.BasicLit b && b.kind() == Expr.LitKind.STRING
                        && c.args().size() >= 2 && b.stringValue().matches("[a-z][a-z0-9-_]*")) {
                    out.add(b.stringValue());
                }
            }
        }
        return out;
    }
}
