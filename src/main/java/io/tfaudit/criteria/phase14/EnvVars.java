package io.tfaudit.criteria.phase14;

import io.tfaudit.audit.Audit;
import io.tfaudit.audit.AuditedResource;
import io.tfaudit.criteria.testcode.TestCode;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.TestFunction;
import io.tfaudit.provider.files.EnvFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase 14's questions about environment variables and credentials: which variables the
 * provider's code and tests read ({@code os.Getenv}/{@code LookupEnv}, and {@code TF_VAR_x}
 * for each {@code variable "x"} a test configuration declares), which of them each connector's
 * tests need, what {@code .env.example} and {@code docs/DEVELOPMENT.md} say, and which
 * connectors are smoke-tested. Values of dotenv files are never read.
 */
final class EnvVars {

    static final String EXAMPLE = ".env.example";
    static final String DEVELOPMENT = "docs/DEVELOPMENT.md";

    /** Variables of the operating system and CI, not the project's to document. */
    static final Set<String> NOT_PROJECT = Set.of("HOME", "PATH", "USER", "TMPDIR", "TEMP", "TMP", "PWD", "SHELL", "TERM",
            "GOPATH", "GOROOT", "GOOS", "GOARCH", "GOFLAGS", "GOCACHE", "CI", "LANG");

    private EnvVars() {}

    static boolean isProjectVariable(String name) {
        return !NOT_PROJECT.contains(name) && !name.startsWith("GITHUB_") && !name.startsWith("RUNNER_");
    }

    /** Every variable the code and the tests read, with where (the first place first). */
    static Map<String, List<Pos>> read(ProviderModel p) {
        Map<String, List<Pos>> out = new TreeMap<>();
        p.envVarsReadByCode().forEach((k, v) -> {
            if (isProjectVariable(k)) {
                out.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v);
            }
        });
        TestCode code = TestCode.of(p);
        for (TestFunction t : p.tests()) {
            code.hclVariablesOf(t).forEach((k, v) -> {
                List<Pos> at = out.computeIfAbsent(k, x -> new ArrayList<>());
                if (!at.contains(v)) {
                    at.add(v);
                }
            });
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing(Pos::file).thenComparingInt(Pos::line)));
        return out;
    }

    /** The variables one test needs: those it reads, and TF_VAR_x for its configurations' variables. */
    static Set<String> of(ProviderModel p, TestFunction t) {
        Set<String> out = new TreeSet<>();
        t.envVars().stream().filter(EnvVars::isProjectVariable).forEach(out::add);
        out.addAll(TestCode.of(p).hclVariablesOf(t).keySet());
        return out;
    }

    /**
     * The variables specific to a connector: needed by its tests, and either naming it
     * (STREAMKAP_TEST_POSTGRESQL_HOST, TF_VAR_source_postgresql_password) or needed by no test of
     * a resource of another kind and read by no provider code (the provider's own credentials
     * are not any connector's).
     */
    static Set<String> specificTo(ProviderModel p, AuditedResource r) {
        String local = local(p, r.typeName());
        Set<String> mine = new TreeSet<>();
        Map<String, Set<String>> others = new TreeMap<>();
        for (TestFunction t : p.tests()) {
            Set<String> vars = of(p, t);
            boolean declares = t.resourceTypes().contains(r.typeName());
            for (String v : vars) {
                if (declares) {
                    mine.add(v);
                }
                for (String other : t.resourceTypes()) {
                    if (!other.equals(r.typeName())) {
                        others.computeIfAbsent(v, k -> new TreeSet<>()).add(other);
                    }
                }
            }
        }
        Set<String> readByCode = new TreeSet<>();
        p.envVarsReadByCode().forEach((k, at) -> {
            if (at.stream().anyMatch(pos -> !pos.file().endsWith("_test.go"))) {
                readByCode.add(k);
            }
        });
        Set<String> out = new TreeSet<>();
        for (String v : mine) {
            boolean names = norm(v).contains(local);
            boolean onlyMine = !others.containsKey(v) && !readByCode.contains(v);
            if (names || onlyMine) {
                out.add(v);
            }
        }
        return out;
    }

    static String local(ProviderModel p, String typeName) {
        String local = p.providerTypeName() != null && typeName.startsWith(p.providerTypeName() + "_")
                ? typeName.substring(p.providerTypeName().length() + 1) : typeName;
        return norm(local.replaceFirst("^(source|destination|transform)_", ""));
    }

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static Optional<EnvFile> example(ProviderModel p) {
        return p.files().envFiles().stream().filter(e -> e.path().equals(EXAMPLE)).findFirst();
    }

    static Optional<EnvFile> dotenv(ProviderModel p) {
        return p.files().envFiles().stream().filter(e -> e.path().equals(".env")).findFirst();
    }

    static Optional<String> development(ProviderModel p) {
        return p.files().text(DEVELOPMENT);
    }

    /** Whether a document names the variable as a word. */
    static boolean mentions(String doc, String variable) {
        return io.tfaudit.criteria.documentation.Words.mentions(doc, variable, io.tfaudit.criteria.documentation.Words.IDENTIFIER);
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    /**
     * Whether a document describes the variable where it names it: another non-empty cell of
     * its table row, words beside it on its line, or a comment line right above it.
     */
    static boolean describes(String doc, String variable) {
        Pattern name = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(variable) + "(?![A-Za-z0-9_])");
        String[] lines = doc.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!name.matcher(line).find()) {
                continue;
            }
            String rest;
            if (line.strip().startsWith("|")) {
                StringBuilder others = new StringBuilder();
                for (String cell : line.split("\\|")) {
                    if (!name.matcher(cell).find()) {
                        others.append(' ').append(cell);
                    }
                }
                rest = others.toString();
            } else {
                rest = name.matcher(line).replaceAll(" ").replaceAll("=\\S*", " ").replaceAll("^\\s*([-*+]|\\d+\\.)\\s", " ");
            }
            if (WORD.matcher(rest).results().count() >= 2) {
                return true;
            }
            if (i > 0 && lines[i - 1].strip().startsWith("#") && !lines[i - 1].strip().startsWith("##")
                    && WORD.matcher(lines[i - 1]).results().count() >= 2) {
                return true;
            }
        }
        return false;
    }

    /** Connectors: sources and destinations, registered or in the inventory. */
    static Predicate<AuditedResource> connectors() {
        return Audit.in(Category.SOURCE, Category.DESTINATION).and(Audit.resourcesOnly());
    }

    // ---- naming connectors in prose ------------------------------------------------------

    /**
     * The lines of a document that name the connector: "PostgreSQL", "Map Filter", "SQL Server",
     * "MongoDB Hosted" name postgresql, map_filter, sqlserver, mongodbhosted (1–3 words joined).
     */
    static List<String> linesNaming(String doc, String local) {
        List<String> out = new ArrayList<>();
        for (String line : doc.split("\n")) {
            if (names(line, local)) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private static final Pattern NOT_A_WORD = Pattern.compile("[^A-Za-z0-9_]+");
    private static final Pattern SHOUTED = Pattern.compile("[A-Z0-9]+(_[A-Z0-9]+)+");
    private static final Pattern UNDERSCORES = Pattern.compile("_+");

    static boolean names(String line, String local) {
        // Cheap first: the line's letters and digits must contain the name at all.
        StringBuilder letters = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                letters.append(Character.toLowerCase(c));
            }
        }
        if (letters.indexOf(local) < 0) {
            return false;
        }
        // An environment variable (ACME_TEST_SNOWFLAKE_KEY) is not prose naming the connector.
        List<String> kept = new ArrayList<>();
        for (String token : NOT_A_WORD.split(line)) {
            if (!SHOUTED.matcher(token).matches()) {
                kept.addAll(List.of(UNDERSCORES.split(token.toLowerCase(Locale.ROOT))));
            }
        }
        String[] words = kept.stream().filter(w -> !w.isEmpty()).toArray(String[]::new);
        for (int i = 0; i < words.length; i++) {
            StringBuilder joined = new StringBuilder();
            for (int j = i; j < Math.min(words.length, i + 3); j++) {
                joined.append(words[j]);
                if (joined.toString().equals(local)) {
                    return true;
                }
                if (joined.length() >= local.length()) {
                    break;
                }
            }
        }
        return false;
    }

    private static final Pattern NO_CREDENTIALS = Pattern.compile(
            "(?i)smoke|no credential|without credential|lack(s|ing)? (of )?credential|no (shared )?(test )?infrastructure");

    /** Whether a line that names a connector says it has no credentials or is smoke-tested. */
    static boolean saysNoCredentials(String line) {
        return NO_CREDENTIALS.matcher(line).find();
    }

    /** Documents that may identify connectors: the top-level docs and docs/*.md (README, DEVELOPMENT, TESTING, …). */
    static Map<String, String> documents(ProviderModel p) {
        return new TreeMap<>(p.files().textFiles());
    }

    // ---- smoke tests ---------------------------------------------------------------------

    /** A smoke test and the connectors it covers; {@code all} when it walks every registered resource. */
    record Smoke(TestFunction test, Set<String> covers, boolean all) {}

    /** Smoke tests ({@code TestSmoke*}) and the connectors each covers by name, HCL, or the constructor it names. */
    static List<Smoke> smokeTests(Audit audit) {
        ProviderModel p = audit.provider();
        TestCode code = TestCode.of(p);
        List<Smoke> out = new ArrayList<>();
        List<AuditedResource> connectors = audit.resources(connectors());
        for (TestFunction t : p.tests()) {
            if (t.kind() != TestFunction.Kind.SMOKE) {
                continue;
            }
            List<TestCode.Reached> reach = code.reach(t);
            Set<String> named = new TreeSet<>();
            for (TestCode.Reached r : reach) {
                io.tfaudit.go.ast.Walk.forEach(r.node(), n -> {
                    if (n instanceof io.tfaudit.go.ast.Expr.SelectorExpr s && s.x() instanceof io.tfaudit.go.ast.Expr.Ident q) {
                        named.add(q.name() + "." + s.sel().name());
                    }
                });
            }
            Set<String> covered = new TreeSet<>();
            String testName = norm(t.name().replaceFirst("^TestSmoke", ""));
            for (AuditedResource r : connectors) {
                String full = norm(r.typeName().replaceFirst("^" + Pattern.quote(p.providerTypeName() == null ? "" : p.providerTypeName() + "_"), ""));
                boolean byName = testName.equals(full) || testName.startsWith(full) && !startsWithLongerConnector(testName, full, connectors, p);
                boolean byHcl = t.resourceTypes().contains(r.typeName());
                boolean byConstructor = r.isRegistered() && r.registered().constructor() != null
                        && named.contains(r.registered().constructor());
                if (byName || byHcl || byConstructor) {
                    covered.add(r.typeName());
                }
            }
            boolean all = TestCode.calledNames(reach).contains("Resources");
            out.add(new Smoke(t, covered, all));
        }
        return out;
    }

    /** TestSmokeSourceMongoDBHosted starts with sourcemongodb too: the longest connector name wins. */
    private static boolean startsWithLongerConnector(String testName, String full, List<AuditedResource> connectors, ProviderModel p) {
        for (AuditedResource other : connectors) {
            String o = norm(other.typeName().replaceFirst("^" + Pattern.quote(p.providerTypeName() == null ? "" : p.providerTypeName() + "_"), ""));
            if (o.length() > full.length() && o.startsWith(full) && testName.startsWith(o)) {
                return true;
            }
        }
        return false;
    }

    /** Connectors whose credentials the checkout does not provide, with the reason. */
    static Map<String, String> withoutCredentials(Audit audit) {
        ProviderModel p = audit.provider();
        Map<String, String> out = new TreeMap<>();
        Set<String> example = example(p).map(e -> e.variables().keySet()).orElse(Set.of());
        for (AuditedResource r : audit.resources(connectors())) {
            List<TestFunction> acceptance = p.testsDeclaring(r.typeName()).stream()
                    .filter(t -> t.kind() == TestFunction.Kind.ACCEPTANCE).toList();
            Set<String> specific = specificTo(p, r);
            Set<String> missing = new TreeSet<>(specific);
            missing.removeAll(example);
            if (acceptance.isEmpty()) {
                out.put(r.typeName(), "it has no acceptance test");
            } else if (!missing.isEmpty()) {
                out.put(r.typeName(), "its tests need " + missing + ", which " + EXAMPLE + " does not provide");
            }
        }
        return out;
    }

    /** Connectors a document identifies as without credentials or smoke-tested: document → lines. */
    static Map<String, List<String>> identified(Audit audit, String typeName) {
        Map<String, List<String>> out = new TreeMap<>();
        String local = local(audit.provider(), typeName);
        audit.<Map<String, List<String>>>memo("lines-saying-no-credentials", () -> linesSayingNoCredentials(audit.provider()))
                .forEach((path, lines) -> {
                    List<String> naming = lines.stream().filter(line -> names(line, local)).map(String::strip).toList();
                    if (!naming.isEmpty()) {
                        out.put(path, naming);
                    }
                });
        return out;
    }

    /** Per document, the lines saying something has no credentials or is smoke-tested: few, and read once per run. */
    private static Map<String, List<String>> linesSayingNoCredentials(ProviderModel p) {
        Map<String, List<String>> out = new TreeMap<>();
        documents(p).forEach((path, text) -> {
            List<String> lines = text.lines().filter(EnvVars::saysNoCredentials).toList();
            if (!lines.isEmpty()) {
                out.put(path, lines);
            }
        });
        return out;
    }

}
