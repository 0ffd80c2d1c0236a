package io.tfaudit.criteria.phase12;

import io.tfaudit.audit.Audit;
import io.tfaudit.audit.AuditedResource;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.audit.GoTestRun;
import io.tfaudit.audit.Secrets;
import io.tfaudit.criteria.testcode.TestCode;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.program.CallGraph;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.TestFunction;
import io.tfaudit.provider.files.Cassette;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Phase 12 (VCR cassettes), shared by sources, destinations and the rest: a cassette per
 * resource's acceptance test, in its category folder under {@code testdata/cassettes/}, no
 * credential in any of them (scanned by {@link Secrets}, reported redacted), a test that
 * records them when {@code UPDATE_CASSETTES} is set, and playback tests that replay them.
 * Recording rewrites files of the audited repository, which tfaudit never does: that run is
 * always left to the user, with its command.
 */
final class Cassettes {

    /** The category folders the PRD names, by resource category. */
    static final Map<Category, String> FOLDER = Map.of(Category.SOURCE, "sources", Category.DESTINATION, "destinations",
            Category.TRANSFORM, "transforms", Category.OTHER, "other");
    static final String DEFAULT_DIR = "internal/provider/testdata/cassettes/";
    static final Duration PLAYBACK_TIMEOUT = Duration.ofMinutes(10);

    private static final List<String> TEST_PREFIXES = List.of("testacc", "testintegration", "testvcr", "test", "integration",
            "acc", "vcr");
    private static final List<String> SUFFIXES = List.of("crud", "basic", "resource", "test", "lifecycle", "cassette", "full",
            "complete", "playback", "recording");
    private static final Map<String, String> CATEGORY_WORDS = Map.of("sources", "source", "source", "source",
            "destinations", "destination", "destination", "destination", "transforms", "transform", "transform", "transform",
            "other", "other");

    private Cassettes() {}

    /** The local name of a resource: {@code postgresql} for {@code streamkap_source_postgresql}, {@code pipeline} for {@code streamkap_pipeline}. */
    static String localName(ProviderModel p, String typeName) {
        String local = p.providerTypeName() != null && typeName.startsWith(p.providerTypeName() + "_")
                ? typeName.substring(p.providerTypeName().length() + 1) : typeName;
        return local.replaceFirst("^(source|destination|transform)_", "");
    }

    static String categoryWord(Category c) {
        return c == null ? null : switch (c) {
            case SOURCE -> "source";
            case DESTINATION -> "destination";
            case TRANSFORM -> "transform";
            default -> "other";
        };
    }

    /**
     * Whether a cassette records this resource, by its file name: {@code sources/source_postgresql.yaml},
     * {@code source_postgresql_crud.yaml}, {@code TestAccSourcePostgreSQL.yaml} all record the PostgreSQL
     * source; a category word in the name, or else the folder, must agree with the resource's category.
     */
    static boolean records(ProviderModel p, Cassette c, AuditedResource r) {
        String base = c.path().substring(c.path().lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        String core = norm(base);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : TEST_PREFIXES) {
                if (core.startsWith(prefix) && core.length() > prefix.length()) {
                    core = core.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        String local = norm(localName(p, r.typeName()));
        String wanted = r.category() == Category.DATA_SOURCE ? "datasource" : categoryWord(r.category());
        String folderCategory = CATEGORY_WORDS.get(c.category());
        // "destinationsnowflake" starts with "destinations" too: every reading is tried.
        List<String[]> readings = new ArrayList<>();
        readings.add(new String[] {core, null});
        for (String w : List.of("destinations", "destination", "sources", "source", "transforms", "transform", "datasource")) {
            if (core.startsWith(w) && core.length() > w.length()) {
                readings.add(new String[] {core.substring(w.length()), w.equals("datasource") ? "datasource" : CATEGORY_WORDS.get(w)});
            }
        }
        for (String[] reading : readings) {
            String rest = reading[0];
            stripped = true;
            while (stripped && !rest.equals(local)) {
                stripped = false;
                for (String suffix : SUFFIXES) {
                    if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
                        rest = rest.substring(0, rest.length() - suffix.length());
                        stripped = true;
                        break;
                    }
                }
            }
            String actual = reading[1] != null ? reading[1] : folderCategory;
            if (rest.equals(local) && (actual == null || wanted == null || actual.equals(wanted))) {
                return true;
            }
        }
        return false;
    }

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Cassettes recording the resource, wherever they are. */
    static List<Cassette> of(ProviderModel p, AuditedResource r) {
        return p.files().cassettes().stream().filter(c -> records(p, c, r)).toList();
    }

    /** Where cassettes are kept: the folder holding {@code cassettes/} in this provider, or the PRD's place. */
    static String dir(ProviderModel p) {
        for (Cassette c : p.files().cassettes()) {
            int i = c.path().indexOf("cassettes/");
            return c.path().substring(0, i + "cassettes/".length());
        }
        return DEFAULT_DIR;
    }

    static boolean inFolder(Cassette c, String folder) {
        return c.path().contains("testdata/cassettes/" + folder + "/");
    }

    // ---- criteria ------------------------------------------------------------------------

    /** "Record cassettes for all 20 source connector tests": per resource, a cassette with recorded interactions. */
    static Stream<DynamicTest> recordedPerResource(CriterionRun run, Predicate<AuditedResource> scope) {
        return run.forEachResource(scope, r -> recorded(run, r));
    }

    /** The same for resources named by type (pipeline, topic, tag), each not applicable when out of scope. */
    static Stream<DynamicTest> recordedNamed(CriterionRun run, List<String> localTypes) {
        ProviderModel p = run.provider();
        return localTypes.stream().map(local -> {
            String type = (p.providerTypeName() == null ? "" : p.providerTypeName() + "_") + local;
            return DynamicTest.dynamicTest(run.text() + io.tfaudit.audit.CriterionRun.RESOURCE_SEPARATOR + type, () -> {
                List<AuditedResource> scope = run.audit().resources(r -> r.typeName().equals(type) && r.category() != Category.DATA_SOURCE);
                if (scope.isEmpty()) {
                    run.notApplicable(type + " is neither in the inventory (" + run.audit().inventory().origin()
                            + ") nor registered by the provider");
                }
                recorded(run, scope.get(0));
            });
        });
    }

    private static void recorded(CriterionRun run, AuditedResource r) {
        ProviderModel p = run.provider();
        Findings f = run.findings();
        List<TestFunction> tests = p.testsDeclaring(r.typeName()).stream().filter(t -> t.kind() == TestFunction.Kind.ACCEPTANCE).toList();
        String folder = FOLDER.getOrDefault(r.category(), "other");
        List<Cassette> cassettes = of(p, r);
        if (cassettes.isEmpty()) {
            f.add(dir(p) + folder + "/", r.typeName() + ": expected a cassette recording "
                    + (tests.isEmpty() ? "its acceptance test (it has none either)" : "its acceptance test "
                    + tests.stream().map(TestFunction::name).distinct().limit(3).toList()) + ", found none ("
                    + p.files().cassettes().size() + " cassettes in the checkout)");
            f.verify();
        }
        for (Cassette c : cassettes) {
            if (c.problem() != null) {
                f.add(c.path() + ":" + c.problem().line(), r.typeName() + ": the cassette does not parse: "
                        + Secrets.scrub(c.problem().message()));
            } else if (c.interactions() == 0) {
                f.add(c.path(), r.typeName() + ": expected recorded HTTP interactions, found none");
            }
        }
        run.evidence("cassettes of " + r.typeName(), cassettes.stream().map(c -> c.path() + " (" + c.interactions()
                + " interactions)").reduce((a, b) -> a + "\n" + b).orElse("") + "\nacceptance tests: "
                + tests.stream().map(t -> t.name() + " at " + t.pos().fileAndLine()).toList());
        f.verify();
    }

    /** "Cassettes stored in testdata/cassettes/sources/": some there, and none of the category elsewhere. */
    static void storedIn(CriterionRun run, Map<String, Predicate<AuditedResource>> folders, boolean strayToo) {
        ProviderModel p = run.provider();
        Findings f = run.findings();
        List<String> evidence = new ArrayList<>();
        for (Map.Entry<String, Predicate<AuditedResource>> e : folders.entrySet()) {
            String folder = e.getKey();
            List<Cassette> there = p.files().cassettes().stream().filter(c -> inFolder(c, folder)).toList();
            evidence.add("testdata/cassettes/" + folder + "/: " + there.stream().map(Cassette::path).toList());
            if (there.isEmpty()) {
                f.add(dir(p) + folder + "/", "expected cassettes in testdata/cassettes/" + folder + "/, found none"
                        + (p.files().cassettes().isEmpty() ? " (the checkout has no cassette)"
                        : " (cassettes elsewhere: " + p.files().cassettes().stream().map(Cassette::path).limit(5).toList() + ")"));
            }
            unreadableOfNoResource(run, there, f);
            for (AuditedResource r : run.audit().resources(e.getValue())) {
                for (Cassette c : of(p, r)) {
                    if (!inFolder(c, folder)) {
                        f.add(c.path(), "records " + r.typeName() + ": expected it under testdata/cassettes/" + folder
                                + "/, found it in " + c.path().substring(0, c.path().lastIndexOf('/') + 1));
                    }
                }
            }
        }
        if (strayToo) {
            for (Cassette c : p.files().cassettes()) {
                if (FOLDER.values().stream().noneMatch(folder -> inFolder(c, folder))) {
                    f.add(c.path(), "expected every cassette in a category folder (testdata/cassettes/{sources,destinations,"
                            + "transforms,other}/), found it outside them");
                }
            }
        }
        run.evidence("cassette folders", String.join("\n", evidence));
        f.verify();
    }

    /**
     * A cassette that does not parse (or is too large to) is reported by the recording criterion
     * of its resource; one whose name maps to no resource is reported here, where it is stored.
     */
    private static void unreadableOfNoResource(CriterionRun run, List<Cassette> there, Findings f) {
        java.util.Set<String> ofSomeResource = new java.util.HashSet<>();
        run.audit().resources(r -> true).forEach(r -> of(run.provider(), r).forEach(c -> ofSomeResource.add(c.path())));
        for (Cassette c : there) {
            if (c.problem() != null && !ofSomeResource.contains(c.path())) {
                f.add(c.path() + (c.problem().line() > 0 ? ":" + c.problem().line() : ""), "the cassette does not parse ("
                        + Secrets.scrub(c.problem().message()) + ") and its name maps to no resource: expected a readable cassette");
            }
        }
    }

    /** "Sensitive data redacted from cassettes": no secret in the cassettes of these folders, and recording redacts. */
    static void redacted(CriterionRun run, Predicate<Cassette> scope, String scopeName) {
        ProviderModel p = run.provider();
        Findings f = run.findings();
        List<Cassette> cassettes = p.files().cassettes().stream().filter(scope).toList();
        for (Cassette c : cassettes) {
            for (Secrets.Secret s : secrets(c, f)) {
                f.add(c.path() + ":" + s.line(), s.kind() + " " + s.redacted() + " recorded in clear: expected it redacted "
                        + "(REDACTED) before the cassette was saved");
            }
        }
        List<Recorder> recorders = recorders(p);
        for (Recorder r : recorders) {
            if (!r.redacts()) {
                f.add(r.where(), r.function() + " records cassettes without a hook that removes credentials before saving "
                        + "(recorder.WithHook(…, recorder.BeforeSaveHook) or AddHook): expected one");
            }
        }
        run.evidence("scanned", cassettes.size() + " cassettes in " + scopeName + ": "
                + cassettes.stream().map(Cassette::path).toList() + "\nrecorders: " + recorders);
        f.verify();
        if (cassettes.isEmpty()) {
            run.skip("no cassette in " + scopeName + " to scan (the recording criteria report the missing cassettes)"
                    + (recorders.isEmpty() ? "" : "; recording redacts credentials: " + recorders), null);
        }
    }

    /** The cassette's secrets, read as a stream when it is too large to hold: scanned whatever its size. */
    private static List<Secrets.Secret> secrets(Cassette c, Findings f) {
        if (c.text() != null) {
            return Secrets.scan(c.text());
        }
        try (java.io.Reader in = c.open()) {
            return Secrets.scan(in);
        } catch (java.io.IOException e) {
            f.add(c.path(), "cannot be read to scan it for secrets: " + e.getMessage() + ": expected a readable cassette");
            return List.of();
        }
    }

    /** Where the tests create a go-vcr recorder, and whether it registers a redaction hook. */
    record Recorder(String function, String where, boolean redacts) {
        @Override
        public String toString() {
            return function + " at " + where + (redacts ? " (redaction hook)" : " (no redaction hook)");
        }
    }

    static List<Recorder> recorders(ProviderModel p) {
        TestCode code = TestCode.of(p);
        List<Recorder> out = new ArrayList<>();
        for (CallGraph.Fn fn : code.calls().all(true)) {
            if (!fn.file().isTestFile() || fn.decl().body() == null) {
                continue;
            }
            List<Expr.CallExpr> calls = io.tfaudit.go.ast.Walk.collect(fn.decl().body(), Expr.CallExpr.class);
            Optional<Expr.CallExpr> create = calls.stream().filter(c -> TestCode.qualifier(c).equals("recorder")
                    && TestCode.callee(c).startsWith("New")).findFirst();
            if (create.isPresent()) {
                boolean hook = calls.stream().map(TestCode::callee).anyMatch(n -> Set.of("WithHook", "AddHook", "AddSaveFilter",
                        "AddFilter", "SetHook").contains(n));
                out.add(new Recorder(fn.name(), create.get().pos().fileAndLine(), hook));
            }
        }
        return out;
    }

    // ---- recording and playback ----------------------------------------------------------

    /** Tests that record when UPDATE_CASSETTES is set, and the cassettes their code names. */
    record Recording(TestFunction test, List<String> names) {}

    static List<Recording> recordingTests(ProviderModel p) {
        TestCode code = TestCode.of(p);
        List<Recording> out = new ArrayList<>();
        for (TestFunction t : p.tests()) {
            if (t.envVars().contains("UPDATE_CASSETTES")) {
                out.add(new Recording(t, cassetteNames(code.reach(t))));
            }
        }
        return out;
    }

    /**
     * String literals the test's own body passes to a call that may name a cassette:
     * {@code cassetteClient(t, "sources/source_postgresql")}, {@code newVCRClient(t, "source_crud")}.
     */
    static List<String> cassetteNames(List<TestCode.Reached> reach) {
        List<String> out = new ArrayList<>();
        if (reach.isEmpty()) {
            return out;
        }
        for (Expr.CallExpr call : io.tfaudit.go.ast.Walk.collect(reach.get(0).node(), Expr.CallExpr.class)) {
            for (Expr a : call.args()) {
                if (a instanceof Expr.BasicLit l && l.kind() == Expr.LitKind.STRING) {
                    String s = l.stringValue();
                    if (s.matches("[A-Za-z0-9_./-]{3,120}") && !s.contains("..") && (s.contains("/") || s.contains("_"))
                            && !s.startsWith("/") && !s.matches("[A-Z0-9_]+") && !out.contains(s)) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    /** Whether a name from the code is this cassette: {@code sources/source_postgresql} ~ {@code .../cassettes/sources/source_postgresql.yaml}. */
    static boolean names(Cassette c, String name) {
        String rel = c.path().substring(c.path().indexOf("cassettes/") + "cassettes/".length()).replaceFirst("\\.ya?ml$", "");
        String n = name.replaceFirst("\\.ya?ml$", "").replaceFirst("^.*cassettes/", "");
        return rel.equals(n) || rel.endsWith("/" + n) || n.endsWith("/" + rel);
    }

    /** Whether a name from the code puts a cassette in the folder: {@code sources/x}, {@code testdata/cassettes/sources/x}, or an existing cassette there. */
    static boolean namesIn(ProviderModel p, String name, String folder) {
        String n = name.replaceFirst("^.*cassettes/", "");
        return n.startsWith(folder + "/") || p.files().cassettes().stream().anyMatch(c -> inFolder(c, folder) && names(c, name));
    }

    /**
     * "Run: UPDATE_CASSETTES=1 go test -v -run 'TestAccSource' ./internal/provider/...": a test records
     * into the folder when UPDATE_CASSETTES is set; the run itself is left to the user.
     */
    static void recordingRun(CriterionRun run, String regex, String folder) {
        ProviderModel p = run.provider();
        Findings f = run.findings();
        String command = "UPDATE_CASSETTES=1 go test -v -run '" + regex + "' ./internal/provider/...";
        Pattern selected = Pattern.compile(regex);
        List<TestFunction> matching = p.tests().stream().filter(t -> selected.matcher(t.name()).find()).toList();
        List<Recording> recording = recordingTests(p);
        if (matching.isEmpty()) {
            f.add("internal/provider/", "expected tests matching '" + regex + "' for the command to record, found none");
        }
        if (recording.isEmpty()) {
            f.add("internal/provider/", "expected a test to record cassettes when UPDATE_CASSETTES is set "
                    + "(os.Getenv(\"UPDATE_CASSETTES\") in a _test.go file reached by the test), found none");
        }
        f.verify();
        List<Recording> intoFolder = recording.stream().filter(r -> r.names().stream().anyMatch(n -> namesIn(p, n, folder))).toList();
        if (intoFolder.isEmpty()) {
            for (Recording r : recording) {
                boolean skipped = TestCode.of(p).decl(r.test()).flatMap(fn -> TestCode.skippedUnconditionally(fn.decl())).isPresent();
                f.add(r.test().pos(), r.test().name() + (skipped ? " (always skipped)" : "") + " records when UPDATE_CASSETTES is set, but into "
                        + (r.names().isEmpty() ? "no cassette named in its code" : r.names().stream().distinct().limit(4).toList())
                        + ": expected cassettes under testdata/cassettes/" + folder + "/");
            }
            f.verify();
        }
        List<String> names = intoFolder.stream().map(r -> r.test().name()).toList();
        boolean prdTestsRecord = intoFolder.stream().anyMatch(r -> selected.matcher(r.test().name()).find());
        String recordHere = prdTestsRecord ? "" : "; the tests the PRD's command selects do not record here, these do: "
                + intoFolder.stream().map(r -> r.test().name() + " (" + r.test().pos().fileAndLine() + ")").toList()
                + " (recorded with `UPDATE_CASSETTES=1 go test -v -run '" + commonRegex(names) + "' ./internal/provider/...`)";
        run.skip("recording rewrites cassettes of the audited repository (and needs the live API and credentials), which "
                + "tfaudit never does; tests reading UPDATE_CASSETTES write into testdata/cassettes/" + folder + "/" + recordHere, command);
    }

    /** "Verify cassette playback works": playback tests replay every cassette of the folder, then run (with consent). */
    static void playback(CriterionRun run, String regex, String folder) {
        ProviderModel p = run.provider();
        TestCode code = TestCode.of(p);
        Findings f = run.findings();
        Pattern selected = Pattern.compile(regex);
        List<TestFunction> tests = p.tests().stream().filter(t -> selected.matcher(t.name()).find()).toList();
        if (tests.isEmpty()) {
            f.add("internal/provider/", "expected playback tests matching '" + regex + "', found none");
            f.verify();
        }
        Map<TestFunction, List<String>> used = new LinkedHashMap<>();
        for (TestFunction t : tests) {
            List<TestCode.Reached> reach = code.reach(t);
            boolean replays = recorderUsed(reach);
            List<String> names = cassetteNames(reach);
            used.put(t, names);
            if (!replays) {
                f.add(t.pos(), t.name() + ": expected it to replay a cassette (a go-vcr recorder), found none in its code");
            }
            code.decl(t).flatMap(fn -> TestCode.skippedUnconditionally(fn.decl())).ifPresent(at ->
                    f.add(at, t.name() + ": always skipped (t.Skip before anything runs): expected it to replay its cassette"));
        }
        for (Cassette c : p.files().cassettes()) {
            if (inFolder(c, folder) && used.values().stream().flatMap(List::stream).noneMatch(n -> names(c, n))) {
                f.add(c.path(), "no test matching '" + regex + "' replays this cassette: expected one to");
            }
        }
        run.evidence("playback tests", used.entrySet().stream().map(e -> e.getKey().name() + " at "
                + e.getKey().pos().fileAndLine() + " names " + e.getValue()).reduce((a, b) -> a + "\n" + b).orElse(""));
        f.verify();
        GoTestRun.Result result = GoTestRun.runOrSkip(run, false, regex, "./internal/provider/...", PLAYBACK_TIMEOUT);
        for (TestFunction t : tests) {
            String action = result.actions().get(t.name());
            if (!"pass".equals(action)) {
                f.add(t.pos(), t.name() + ": expected the replay to pass, found " + (action == null ? "no result" : action));
            }
        }
        f.verify();
    }

    private static boolean recorderUsed(List<TestCode.Reached> reach) {
        return TestCode.collect(reach, Expr.CallExpr.class).stream().anyMatch(c -> TestCode.qualifier(c.node()).equals("recorder")
                && TestCode.callee(c.node()).startsWith("New"));
    }

    /** A regex selecting these tests: their common prefix, or an alternation. */
    static String commonRegex(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        String prefix = names.get(0);
        for (String n : names) {
            while (!n.startsWith(prefix)) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
        }
        return prefix.length() >= "TestX".length() ? prefix : String.join("|", names);
    }

    /** Scope predicates for the folders. */
    static Predicate<AuditedResource> resourcesIn(Category c) {
        return Audit.in(c).and(Audit.resourcesOnly());
    }

    static Predicate<AuditedResource> named(ProviderModel p, String... locals) {
        Set<String> types = new java.util.HashSet<>();
        for (String l : locals) {
            types.add((p.providerTypeName() == null ? "" : p.providerTypeName() + "_") + l);
        }
        return r -> types.contains(r.typeName()) && r.category() != Category.DATA_SOURCE;
    }
}
