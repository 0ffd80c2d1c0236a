package io.tfaudit.criteria.phase13;

import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.audit.GoTestRun;
import io.tfaudit.api.Severity;
import io.tfaudit.criteria.testcode.TestCode;
import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Node;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.program.CallGraph;
import io.tfaudit.go.program.GoPackage;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Sweeper;
import io.tfaudit.provider.TestFunction;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phase 13 (test sweepers), read from the sweeper functions: registered with
 * {@code resource.AddTestSweepers}, listing their kind through the API, deleting only what
 * carries the {@code tf-acc-test-} prefix, following every page of the listing. Running them
 * ({@code TestSweep*}) deletes real objects through the live API: it needs exec and
 * acceptance consent and credentials.
 */
final class Sweepers {

    static final String PREFIX = "tf-acc-test-";
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);

    /** What a sweeper sweeps: "sources" read as the word in API names (ListSources, DeleteSource). */
    record Kind(String plural, String singular, String prdFunction) {
        Pattern lists() {
            return Pattern.compile("(?i)^(list|search|fetch|find|getall|all)\\w*" + singular + "\\w*$|^(?i)get\\w*" + plural + "$");
        }

        Pattern deletes() {
            return Pattern.compile("(?i)^(delete|remove|destroy|purge)\\w*" + singular + "\\w*$");
        }
    }

    static final Kind SOURCES = new Kind("sources", "source", "sweepSources");
    static final Kind DESTINATIONS = new Kind("destinations", "destination", "sweepDestinations");
    static final Kind TRANSFORMS = new Kind("transforms", "transform", "sweepTransforms");
    static final Kind PIPELINES = new Kind("pipelines", "pipeline", "sweepPipelines");

    /** A sweeper as found: its registration (if any), its function (if found), its reach. */
    record Found(Kind kind, Sweeper registered, CallGraph.Fn fn, List<TestCode.Reached> reach) {
        String name() {
            return fn != null ? fn.decl().name().name() : registered.function();
        }

        Pos pos() {
            return fn != null ? fn.decl().pos() : registered.pos();
        }
    }

    private Sweepers() {}

    /** The PRD's function (sweepSources), else the registered sweeper of that kind, else nothing. */
    static Optional<Found> find(ProviderModel p, Kind kind) {
        TestCode code = TestCode.of(p);
        Optional<Sweeper> registered = p.sweepers().stream().filter(s -> kind.prdFunction().equals(s.function())).findFirst();
        if (registered.isEmpty()) {
            registered = p.sweepers().stream().filter(s -> sweeps(s, kind)).findFirst();
        }
        CallGraph.Fn fn = null;
        if (registered.isPresent() && registered.get().function() != null) {
            String dir = dirOf(registered.get().pos().file());
            fn = code.functions(registered.get().function()).stream().filter(f -> dirOf(f.file().path()).equals(dir))
                    .findFirst().orElse(null);
        }
        if (fn == null && registered.isEmpty()) {
            fn = code.functions(kind.prdFunction()).stream().findFirst().orElse(null);
        }
        if (fn == null && registered.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Found(kind, registered.orElse(null), fn, fn == null ? List.of() : code.reach(fn)));
    }

    /** streamkap_source, sweepSource(s): a sweeper of that kind by its name or function. */
    private static boolean sweeps(Sweeper s, Kind kind) {
        for (String token : s.name().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (token.equals(kind.singular()) || token.equals(kind.plural())) {
                return true;
            }
        }
        return s.function() != null && s.function().toLowerCase(Locale.ROOT).startsWith("sweep" + kind.singular());
    }

    private static String dirOf(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    private static String registeredList(ProviderModel p) {
        return p.sweepers().isEmpty() ? "none" : p.sweepers().stream().map(s -> s.name() + " → " + s.function()
                + " (" + s.pos().fileAndLine() + ")").toList().toString();
    }

    /** Names the sweeper's code calls or passes along: {@code c.ListSources(...)}, {@code c.DeleteSource} as a value. */
    static List<TestCode.Found<Node>> named(Found s, Pattern name) {
        List<TestCode.Found<Node>> out = new ArrayList<>();
        for (TestCode.Reached r : s.reach()) {
            Walk.forEach(r.node(), n -> {
                if (n instanceof Expr.SelectorExpr sel && name.matcher(sel.sel().name()).matches()) {
                    out.add(new TestCode.Found<>(r, n));
                } else if (n instanceof Expr.CallExpr c && c.fun() instanceof Expr.Ident id && name.matcher(id.name()).matches()) {
                    out.add(new TestCode.Found<>(r, n));
                }
            });
        }
        return out;
    }

    private static String nameOf(Node n) {
        return n instanceof Expr.SelectorExpr s ? s.sel().name() : n instanceof Expr.CallExpr c ? TestCode.callee(c) : "?";
    }

    // ---- criteria ------------------------------------------------------------------------

    /** "Implement `sweepSources` function …": present, registered, and doing its work (not a stub). */
    static void implemented(CriterionRun run, Kind kind) {
        ProviderModel p = run.provider();
        Findings f = run.findings();
        Optional<Found> found = find(p, kind);
        if (found.isEmpty()) {
            f.add("internal/provider/sweep_test.go", "expected a function " + kind.prdFunction() + " registered with "
                    + "resource.AddTestSweepers to sweep " + kind.plural() + ", found none (registered sweepers: " + registeredList(p) + ")");
            f.verify();
        }
        Found s = found.get();
        if (s.fn() == null) {
            f.add(s.registered().pos(), "sweeper " + s.registered().name() + " names " + s.registered().function()
                    + ", which is not a function of its package");
            f.verify();
        }
        if (s.registered() == null) {
            f.add(s.pos(), kind.prdFunction() + " is not registered with resource.AddTestSweepers: expected a registration, "
                    + "found none (registered sweepers: " + registeredList(p) + ")");
        }
        boolean lists = !named(s, kind.lists()).isEmpty();
        boolean deletes = !named(s, kind.deletes()).isEmpty();
        if (!lists && !deletes) {
            f.add(s.pos(), s.name() + " is a stub: it neither lists nor deletes " + kind.plural()
                    + " (expected calls such as List" + cap(kind.plural()) + " and Delete" + cap(kind.singular()) + ")");
        }
        run.evidence("the sweeper", describe(s));
        f.verify();
    }

    /** "Sweeper lists all sources via API". */
    static void listsViaApi(CriterionRun run, Kind kind) {
        Found s = required(run, kind);
        Findings f = run.findings();
        List<TestCode.Found<Node>> lists = named(s, kind.lists());
        if (lists.isEmpty()) {
            f.add(s.pos(), s.name() + ": expected it to list " + kind.plural() + " through the API client (List"
                    + cap(kind.plural()) + " or similar), found no such call"
                    + (named(s, kind.deletes()).isEmpty() ? "" : " (it deletes without listing)"));
        } else {
            run.evidence("listing", lists.stream().map(l -> nameOf(l.node()) + " at " + l.node().pos().fileAndLine()).distinct().toList()
                    + "\ndefined at " + apiFunctions(run.provider(), lists).stream().map(TestCode::where).toList());
        }
        f.verify();
    }

    /** "Sweeper deletes resources matching test naming convention (prefix tf-acc-test-)": only that prefix, nothing broader. */
    static void deletesOnlyTestResources(CriterionRun run, Kind kind) {
        run.reportSeverity(Severity.NORMAL);
        Found s = required(run, kind);
        Findings f = run.findings();
        checkDeletes(run, s, f);
        f.verify();
    }

    static void checkDeletes(CriterionRun run, Found s, Findings f) {
        Kind kind = s.kind();
        List<TestCode.Found<Node>> deletes = named(s, kind.deletes());
        if (deletes.isEmpty()) {
            f.add(s.pos(), s.name() + ": expected it to delete " + kind.plural() + " (Delete" + cap(kind.singular())
                    + "), found no such call");
            return;
        }
        List<NameCheck> checks = nameChecks(run.provider(), s);
        // A sweeper that can delete names no test created deletes real objects: data loss. A missing sweeper
        // or delete (above) is missing test cleanup: normal.
        run.reportSeverity(Severity.CRITICAL);
        if (checks.isEmpty()) {
            f.add(deletes.get(0).node().pos(), s.name() + ": deletes " + kind.plural() + " without checking their names: "
                    + "expected only names starting with " + PREFIX + " to be deleted");
            return;
        }
        boolean convention = false;
        for (NameCheck c : checks) {
            if (c.how().equals("prefix") && c.value().equals(PREFIX)) {
                convention = true;
            } else if (c.how().equals("prefix") && PREFIX.startsWith(c.value())) {
                f.add(c.pos(), s.name() + ": deletes names starting with \"" + c.value() + "\", broader than the convention "
                        + PREFIX + " (it also matches names such as \"" + c.value() + (c.value().endsWith("-") ? "x" : "ing")
                        + "-…\" that no test created)");
            } else if (c.how().equals("prefix")) {
                f.add(c.pos(), s.name() + ": also deletes names starting with \"" + c.value() + "\": expected only the test "
                        + "naming convention " + PREFIX);
            } else {
                f.add(c.pos(), s.name() + ": deletes names that " + c.how() + " \"" + c.value() + "\": expected only names "
                        + "starting with " + PREFIX);
            }
        }
        if (!convention && checks.stream().noneMatch(c -> c.how().equals("prefix") && PREFIX.startsWith(c.value()))) {
            f.add(checks.get(0).pos(), s.name() + ": expected the name check to use the prefix " + PREFIX + ", found "
                    + checks.stream().map(c -> c.how() + " \"" + c.value() + "\"").toList());
        }
        if (f.isEmpty()) {
            run.reportSeverity(Severity.NORMAL);
        }
        run.evidence("name checks of " + s.name(), checks.stream().map(NameCheck::toString).reduce((a, b) -> a + "\n" + b).orElse(""));
    }

    /** A check a sweeper makes on names: how (prefix, contain, end with, match) and what, where. */
    record NameCheck(String how, String value, Pos pos) {
        @Override
        public String toString() {
            return how + " \"" + value + "\" at " + pos.fileAndLine();
        }
    }

    /**
     * Name checks in the sweeper's code: {@code strings.HasPrefix(name, X)}, {@code Contains},
     * {@code HasSuffix}, {@code regexp.MustCompile("^…").MatchString}; X a literal, a constant,
     * or the range variable over a list of literals ({@code for _, prefix := range prefixes}).
     */
    static List<NameCheck> nameChecks(ProviderModel p, Found s) {
        TestCode code = TestCode.of(p);
        List<NameCheck> out = new ArrayList<>();
        for (TestCode.Reached r : s.reach()) {
            Node scope = r.node();
            for (Expr.CallExpr c : Walk.collect(scope, Expr.CallExpr.class)) {
                String callee = TestCode.callee(c);
                String how = switch (callee) {
                    case "HasPrefix", "CutPrefix", "TrimPrefix" -> "prefix";
                    case "Contains" -> "contain";
                    case "HasSuffix" -> "end with";
                    case "EqualFold" -> "equal";
                    default -> null;
                };
                if (how != null && TestCode.qualifier(c).equals("strings") && c.args().size() == 2) {
                    for (String v : values(code, r, scope, c.args().get(1))) {
                        out.add(new NameCheck(how, v, c.pos()));
                    }
                } else if (callee.equals("MustCompile") || callee.equals("Compile")) {
                    if (TestCode.qualifier(c).equals("regexp") && !c.args().isEmpty()) {
                        for (String v : values(code, r, scope, c.args().get(0))) {
                            String literal = v.replaceFirst("^\\^", "").replace("\\-", "-").replace("\\.", ".");
                            boolean anchored = v.startsWith("^") && literal.matches("[A-Za-z0-9_-]+");
                            out.add(new NameCheck(anchored ? "prefix" : "match", anchored ? literal : v, c.pos()));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The string values an expression may have in the sweeper's code. */
    private static List<String> values(TestCode code, TestCode.Reached in, Node scope, Expr e) {
        String direct = code.stringValue(in, e);
        if (direct != null) {
            return List.of(direct);
        }
        List<String> out = new ArrayList<>();
        if (e instanceof Expr.Ident id) {
            for (Stmt.RangeStmt rs : Walk.collect(scope, Stmt.RangeStmt.class)) {
                if (rs.value() instanceof Expr.Ident v && v.name().equals(id.name())) {
                    out.addAll(elements(code, in, scope, rs.x()));
                }
            }
            for (Stmt.AssignStmt a : Walk.collect(scope, Stmt.AssignStmt.class)) {
                for (int i = 0; i < a.lhs().size() && i < a.rhs().size(); i++) {
                    if (a.lhs().get(i) instanceof Expr.Ident l && l.name().equals(id.name())) {
                        String v = code.stringValue(in, a.rhs().get(i));
                        if (v != null) {
                            out.add(v);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The string elements of a list: a literal, a local variable holding one, or a package variable. */
    private static List<String> elements(TestCode code, TestCode.Reached in, Node scope, Expr list) {
        Expr lit = list;
        if (list instanceof Expr.Ident id) {
            lit = null;
            for (Stmt.AssignStmt a : Walk.collect(scope, Stmt.AssignStmt.class)) {
                for (int i = 0; i < a.lhs().size() && i < a.rhs().size(); i++) {
                    if (a.lhs().get(i) instanceof Expr.Ident l && l.name().equals(id.name())) {
                        lit = a.rhs().get(i);
                    }
                }
            }
            if (lit == null) {
                lit = in.pkg().value(id.name()).map(GoPackage.ValueDecl::value).orElse(null);
            }
        }
        List<String> out = new ArrayList<>();
        if (lit instanceof Expr.CompositeLit cl) {
            for (Expr el : cl.elts()) {
                String v = code.stringValue(in, el);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** "Sweeper handles pagination": a loop over pages in the sweeper, its helpers, or the API's List function. */
    static void paginates(CriterionRun run, Kind kind) {
        Found s = required(run, kind);
        Findings f = run.findings();
        List<TestCode.Found<Node>> lists = named(s, kind.lists());
        if (lists.isEmpty()) {
            f.add(s.pos(), s.name() + ": it lists no " + kind.plural() + ", so it cannot follow pages: expected a paginated listing");
            f.verify();
        }
        List<CallGraph.Fn> candidates = new ArrayList<>();
        TestCode code = TestCode.of(run.provider());
        for (TestCode.Reached r : s.reach()) {
            if (r.node() instanceof Decl.FuncDecl fd) {
                candidates.add(new CallGraph.Fn(r.pkg(), r.file(), fd));
            }
        }
        List<CallGraph.Fn> api = apiFunctions(run.provider(), lists);
        candidates.addAll(near(code.calls(), api, 2));
        for (CallGraph.Fn fn : candidates) {
            Optional<Pos> loop = pagingLoop(fn.decl());
            if (loop.isPresent()) {
                run.evidence("pagination", "a loop over pages in " + fn.name() + " at " + loop.get().fileAndLine());
                return;
            }
        }
        if (api.isEmpty()) {
            run.skip("the listing (" + lists.stream().map(l -> nameOf(l.node())).distinct().toList() + ") is not a function "
                    + "of the module, so whether it follows pages cannot be read; the sweeper itself has no paging loop", null);
        }
        f.add(api.get(0).decl().pos(), s.name() + " lists " + kind.plural() + " with " + api.get(0).name()
                + ", which requests one page and no code of the sweeper asks for the next: expected a loop over pages "
                + "(page/offset/cursor) until the listing is exhausted");
        f.verify();
    }

    /** Module functions (outside tests) with the names the sweeper lists with. */
    static List<CallGraph.Fn> apiFunctions(ProviderModel p, List<TestCode.Found<Node>> lists) {
        Set<String> names = new LinkedHashSet<>();
        lists.forEach(l -> names.add(nameOf(l.node())));
        List<CallGraph.Fn> out = new ArrayList<>();
        for (CallGraph.Fn fn : TestCode.of(p).calls().all(false)) {
            if (names.contains(fn.decl().name().name())) {
                out.add(fn);
            }
        }
        return out;
    }

    private static List<CallGraph.Fn> near(CallGraph g, List<CallGraph.Fn> from, int depth) {
        Set<CallGraph.Fn> seen = new LinkedHashSet<>(from);
        Deque<Object[]> work = new ArrayDeque<>();
        from.forEach(f -> work.add(new Object[] {f, 0}));
        while (!work.isEmpty()) {
            Object[] item = work.poll();
            if ((Integer) item[1] >= depth) {
                continue;
            }
            for (CallGraph.Fn c : g.callees((CallGraph.Fn) item[0])) {
                if (seen.add(c)) {
                    work.add(new Object[] {c, (Integer) item[1] + 1});
                }
            }
        }
        return new ArrayList<>(seen);
    }

    private static final Pattern PAGING_NAME = Pattern.compile("(?i).*(page|offset|cursor|continuation|nexttoken|nextlink|hasmore).*");
    private static final Pattern PAGING_TEXT = Pattern.compile("(?i).*(page=|page_size|pagesize|offset=|cursor=|page_token|pagetoken).*");

    /** A {@code for} loop whose header or body names a page, offset or cursor. */
    static Optional<Pos> pagingLoop(Decl.FuncDecl fn) {
        if (fn.body() == null) {
            return Optional.empty();
        }
        for (Stmt.ForStmt loop : Walk.collect(fn.body(), Stmt.ForStmt.class)) {
            boolean[] paging = {false};
            Walk.forEach(loop, n -> {
                if (n instanceof Expr.Ident id && PAGING_NAME.matcher(id.name()).matches()
                        || n instanceof Expr.BasicLit l && l.kind() == Expr.LitKind.STRING && PAGING_TEXT.matcher(l.stringValue()).matches()) {
                    paging[0] = true;
                }
            });
            if (paging[0]) {
                return Optional.of(loop.pos());
            }
        }
        return Optional.empty();
    }

    /** "Run: `go test -v -run 'TestSweepSources' ./internal/provider/...`": the tests exist, then run with consent. */
    static void run(CriterionRun run, String regex) {
        ProviderModel p = run.provider();
        Findings f = run.findings();
        Pattern selected = Pattern.compile(regex);
        List<TestFunction> tests = p.tests().stream().filter(t -> selected.matcher(t.name()).find()).toList();
        if (tests.isEmpty()) {
            f.add("internal/provider/sweep_test.go", "expected tests matching '" + regex + "' for the command to run, found none"
                    + (p.sweepers().isEmpty() ? "" : "; the registered sweepers (" + registeredList(p) + ") run only through "
                    + "`go test ./internal/provider -v" + tagsOf(p, p.sweepers().get(0).pos().file()).map(t -> " -tags " + t).orElse("")
                    + " -sweep=all`, which the PRD's command does not do"));
            f.verify();
        }
        Optional<String> tags = tagsOf(p, tests.get(0).pos().file());
        String packages = tags.map(t -> "-tags " + t + " ").orElse("") + "./internal/provider/...";
        run.evidence("sweeper tests", tests.stream().map(t -> t.name() + " at " + t.pos().fileAndLine()).toList()
                + tags.map(t -> "\nthe file is built only with -tags " + t + ": without it `go test` finds none of these tests").orElse(""));
        GoTestRun.Result result = GoTestRun.runOrSkip(run, true, regex, packages, RUN_TIMEOUT);
        for (TestFunction t : tests) {
            String action = result.actions().get(t.name());
            if (!"pass".equals(action)) {
                f.add(t.pos(), t.name() + ": expected pass, found " + (action == null ? "no result" : action));
            }
        }
        f.verify();
    }

    /** The build tag a file needs ({@code //go:build sweep} → sweep), when it is a single tag. */
    static Optional<String> tagsOf(ProviderModel p, String file) {
        for (GoPackage pkg : p.module().packages()) {
            for (GoFile f : pkg.files()) {
                if (f.path().equals(file)) {
                    return TestCode.buildConstraint(f).filter(c -> c.matches("[A-Za-z0-9_.]+"));
                }
            }
        }
        return Optional.empty();
    }

    /** The sweeper or a failure saying it is missing (criteria after "Implement" need it). */
    static Found required(CriterionRun run, Kind kind) {
        Optional<Found> s = find(run.provider(), kind);
        if (s.isEmpty() || s.get().fn() == null) {
            run.findings().add("internal/provider/sweep_test.go", "expected a sweeper function for " + kind.plural() + " ("
                    + kind.prdFunction() + "), found none (registered sweepers: " + registeredList(run.provider()) + ")").verify();
        }
        return s.get();
    }

    private static String describe(Found s) {
        return s.name() + " at " + s.pos().fileAndLine()
                + (s.registered() == null ? "" : "\nregistered as " + s.registered().name() + " at " + s.registered().pos().fileAndLine()
                + (s.registered().dependencies().isEmpty() ? "" : ", after " + s.registered().dependencies()))
                + (s.fn() == null ? "" : TestCode.buildConstraint(s.fn().file()).map(c -> "\nbuilt only with //go:build " + c).orElse(""));
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
