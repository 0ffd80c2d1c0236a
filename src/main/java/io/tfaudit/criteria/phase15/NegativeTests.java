package io.tfaudit.criteria.phase15;

import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.audit.GoTestRun;
import io.tfaudit.criteria.testcode.TestCode;
import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Field;
import io.tfaudit.go.ast.Node;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.program.GoPackage;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.TestFunction;
import io.tfaudit.provider.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Phase 15: negative tests found by what they do, not only by their names. Each test of the
 * provider is read into a {@link Profile}: the HTTP statuses its fake API serves, whether it
 * makes a request time out, whether it runs Terraform and what its steps expect, which
 * validators it exercises (the schema's, or ones it builds itself), and what it changes
 * behind Terraform's back. Criteria ask the profiles.
 */
final class NegativeTests {

    private static final Pattern VALIDATORS_CALL = Pattern.compile("(String|Int64|Bool|List|Map|Set|Float64|Object)Validators|GetValidators");
    private static final Pattern RESPONSE_CONSTRUCTOR = Pattern.compile("New\\w*Respon(se|der)\\w*");
    private static final Pattern REQUIRED_MESSAGE = Pattern.compile("(?s).*(required|missing).*");
    private static final Pattern ONE_OF_MESSAGE = Pattern.compile("(?s).*(one of|oneof|value match|valid values|allowed values).*");
    private static final Pattern RANGE_MESSAGE = Pattern.compile("(?s).*(between|at least|at most|out of range|greater than|less than|minimum|maximum|length).*");
    private static final Pattern FORMATTED_ATTRIBUTE = Pattern.compile(".*(port|host|hostname|url|email|cidr)$");

    /** Kinds of validation a test may exercise. */
    enum Validation { REQUIRED, ENUM, RANGE, FORMAT }

    /** A step of a Terraform test, as written. */
    record Step(Pos pos, boolean config, boolean planOnly, boolean expectNonEmptyPlan, boolean importState, String importStateId,
                List<String> expectError, Set<String> outOfBand) {
        boolean mutates(Pattern p) {
            return outOfBand.stream().anyMatch(n -> p.matcher(n).matches());
        }
    }

    /** What a test does. */
    record Profile(TestFunction test, Set<Integer> served, boolean countsCalls, boolean callsRetry, boolean slowHandler,
                   boolean clientTimeout, boolean timeoutAssertion, boolean runsTerraform, List<Step> steps,
                   Set<String> invokes, boolean checksDiagnostics, Set<Validation> validatorsExercised,
                   Set<String> inlineValidators, boolean checksRequiredFlag, boolean checksSensitive,
                   boolean checksMessageText, boolean concurrent, Set<String> called, boolean alwaysSkipped) {

        boolean servesError() {
            return served.stream().anyMatch(s -> s >= 400);
        }

        Set<Validation> expectErrorClasses() {
            Set<Validation> out = EnumSet.noneOf(Validation.class);
            for (Step s : steps) {
                for (String p : s.expectError()) {
                    out.addAll(classify(p));
                }
            }
            return out;
        }

        String where() {
            return test.name() + " (" + test.pos().fileAndLine() + ")";
        }
    }

    private static final Map<ProviderModel, Map<TestFunction, Profile>> CACHE = Collections.synchronizedMap(new IdentityHashMap<>());

    private static final Set<String> STEP_KEYS = Set.of("Config", "ImportState", "PreConfig", "PlanOnly", "ExpectError",
            "RefreshState", "ExpectNonEmptyPlan", "ImportStateId", "ConfigPlanChecks");
    private static final Set<String> FRAMEWORK_REQUESTS = Set.of("CreateRequest", "ReadRequest", "UpdateRequest", "DeleteRequest",
            "ImportStateRequest", "CreateResponse", "ReadResponse", "UpdateResponse", "DeleteResponse", "ImportStateResponse");
    static final Pattern UPDATE = Pattern.compile("(?i)^(update|put|patch|rename|modify|edit)\\w*");
    static final Pattern DELETE = Pattern.compile("(?i)^(delete|remove|destroy)\\w*");
    private static final Pattern RETRY = Pattern.compile("(?i).*retr(y|ies).*");

    private NegativeTests() {}

    /** Every test's profile (unconditionally skipped tests included, flagged). */
    static List<Profile> profiles(ProviderModel p) {
        Map<TestFunction, Profile> byTest = CACHE.computeIfAbsent(p, k -> Collections.synchronizedMap(new IdentityHashMap<>()));
        List<Profile> out = new ArrayList<>();
        for (TestFunction t : p.tests()) {
            out.add(byTest.computeIfAbsent(t, x -> profile(p, x)));
        }
        return out;
    }

    static Profile profile(ProviderModel p, TestFunction t) {
        TestCode code = TestCode.of(p);
        List<TestCode.Reached> reach = code.reach(t);
        Set<String> called = TestCode.calledNames(reach);
        Set<Integer> served = new TreeSet<>();
        boolean dynamicServe = false;
        boolean countsCalls = false;
        boolean slowHandler = false;
        boolean clientTimeout = false;
        boolean timeoutAssertion = false;
        boolean checksSensitive = false;
        boolean checksDiagnostics = false;
        boolean schemaValidators = false;
        boolean concurrent = false;
        Set<String> inline = new TreeSet<>();
        Set<String> invokes = new TreeSet<>();
        for (TestCode.Reached r : reach) {
            for (Node n : all(r.node())) {
                if (n instanceof Expr.CallExpr c) {
                    String callee = TestCode.callee(c);
                    if (serves(callee)) {
                        for (Expr a : c.args()) {
                            Integer s = TestCode.statusOf(a);
                            if (s != null) {
                                served.add(s);
                            } else if (!(a instanceof Expr.BasicLit) && !(a instanceof Expr.FuncLit) && c.args().size() <= 3
                                    && (callee.equals("WriteHeader") || a == c.args().get(0))) {
                                dynamicServe = true;
                            }
                        }
                    }
                    if ((callee.equals("WithTimeout") || callee.equals("WithDeadline")) && TestCode.qualifier(c).equals("context")) {
                        clientTimeout = true;
                    }
                    if (callee.equals("Timeout") && c.args().isEmpty() || callee.equals("IsTimeout")) {
                        timeoutAssertion = true;
                    }
                    if (callee.equals("IsSensitive")) {
                        checksSensitive = true;
                    }
                    if (VALIDATORS_CALL.matcher(callee).matches()) {
                        schemaValidators = true;
                    }
                    if (TestCode.qualifier(c).endsWith("validator") && !TestCode.qualifier(c).equals("validator")) {
                        inline.add(TestCode.qualifier(c) + "." + callee);
                    }
                    if (Set.of("Add", "AddInt32", "AddInt64", "Inc").contains(callee) && TestCode.qualifier(c).equals("atomic")) {
                        countsCalls |= insideHandler(r.node(), c);
                    }
                    if (callee.equals("Sleep") || callee.equals("After")) {
                        slowHandler |= insideHandler(r.node(), c);
                    }
                } else if (n instanceof Expr.KeyValueExpr kv) {
                    if ((TestCode.keyIs(kv, "StatusCode") || TestCode.keyIs(kv, "Status") || TestCode.keyIs(kv, "Code")
                            || TestCode.keyIs(kv, "status") || TestCode.keyIs(kv, "statusCode") || TestCode.keyIs(kv, "code"))
                            && TestCode.statusOf(kv.value()) != null) {
                        served.add(TestCode.statusOf(kv.value()));
                    }
                    if (TestCode.keyIs(kv, "Timeout") || TestCode.keyIs(kv, "ResponseHeaderTimeout")) {
                        clientTimeout = true;
                    }
                } else if (n instanceof Expr.SelectorExpr s) {
                    String sel = s.sel().name();
                    if (sel.equals("DeadlineExceeded") || sel.equals("ErrDeadlineExceeded")) {
                        timeoutAssertion = true;
                    }
                    if (sel.equals("Sensitive")) {
                        checksSensitive = true;
                    }
                    if (sel.equals("Diagnostics")) {
                        checksDiagnostics = true;
                    }
                    if (sel.equals("Validators")) {
                        schemaValidators = true;
                    }
                } else if (n instanceof Expr.CompositeLit cl && cl.type() instanceof Expr.SelectorExpr ts
                        && FRAMEWORK_REQUESTS.contains(ts.sel().name())) {
                    invokes.add(ts.sel().name().replaceFirst("(Request|Response)$", ""));
                } else if (n instanceof Expr.CompositeLit cl && cl.type() instanceof Expr.UnaryExpr u && u.x() instanceof Expr.SelectorExpr ts
                        && FRAMEWORK_REQUESTS.contains(ts.sel().name())) {
                    invokes.add(ts.sel().name().replaceFirst("(Request|Response)$", ""));
                } else if (n instanceof Stmt.IncDecStmt inc && inc.op().equals("++")) {
                    countsCalls |= insideHandler(r.node(), inc);
                } else if (n instanceof Expr.UnaryExpr u && u.op().equals("<-")) {
                    slowHandler |= insideHandler(r.node(), u);
                } else if (n instanceof Stmt.GoStmt) {
                    concurrent = true;
                } else if (n instanceof Expr.BasicLit l && l.kind() == Expr.LitKind.STRING && l.stringValue().contains("(sensitive")) {
                    checksSensitive = true;
                }
            }
        }
        if (called.contains("WaitGroup") || called.contains("Go") && called.contains("Wait")) {
            concurrent = true;
        }
        if (dynamicServe && !reach.isEmpty()) {
            // w.WriteHeader(tc.status): the statuses are in the test's table.
            for (Node n : all(reach.get(0).node())) {
                if (n instanceof Expr.CompositeLit cl) {
                    for (Expr e : cl.elts()) {
                        Expr v = e instanceof Expr.KeyValueExpr kv ? kv.value() : e;
                        Integer s = TestCode.statusOf(v);
                        if (s != null) {
                            served.add(s);
                        }
                    }
                }
            }
        }
        boolean runsTerraform = TestCode.collect(reach, Expr.CallExpr.class).stream().anyMatch(c ->
                Set.of("Test", "UnitTest", "ParallelTest").contains(TestCode.callee(c.node())) && TestCode.qualifier(c.node()).equals("resource"));
        List<Step> steps = steps(code, reach);
        Set<Validation> exercised = EnumSet.noneOf(Validation.class);
        boolean validates = called.stream().anyMatch(n -> n.startsWith("Validate"));
        if (schemaValidators && validates) {
            exercised.addAll(attributeClasses(p, reach));
        }
        exercised.addAll(moduleValidatorClasses(p, code, reach));
        // Validators' messages: the rule's error (one of, between, format), not Terraform's own "required".
        boolean checksMessage = steps.stream().anyMatch(s -> s.expectError().stream().anyMatch(x -> classify(x).stream()
                .anyMatch(v -> v != Validation.REQUIRED)))
                || (schemaValidators || !moduleValidatorClasses(p, code, reach).isEmpty()) && (called.contains("Detail") || called.contains("Summary"));
        // Compatibility tests compare flags with a snapshot: they test the schema's stability, not validation.
        boolean compat = t.kind() == TestFunction.Kind.SCHEMA_COMPATIBILITY;
        boolean skipped = code.decl(t).flatMap(fn -> TestCode.skippedUnconditionally(fn.decl())).isPresent();
        return new Profile(t, served, countsCalls, called.stream().anyMatch(n -> RETRY.matcher(n).matches()), slowHandler,
                clientTimeout, timeoutAssertion, runsTerraform, steps, invokes, checksDiagnostics, exercised,
                validates ? inline : Set.of(), compat ? false : called.contains("IsRequired"), !compat && checksSensitive, checksMessage,
                concurrent, called, skipped);
    }

    private static List<Node> all(Node root) {
        List<Node> out = new ArrayList<>();
        Walk.forEach(root, out::add);
        return out;
    }

    /** Calls that serve a status: w.WriteHeader(s), http.Error(w, m, s), httpmock.NewJsonResponse(s, …), …Responder(s, …). */
    private static boolean serves(String callee) {
        return callee.equals("WriteHeader") || callee.equals("Error") || RESPONSE_CONSTRUCTOR.matcher(callee).matches();
    }

    /** Whether a node lies in a function literal taking an http.ResponseWriter or *http.Request (a fake API's handler). */
    private static boolean insideHandler(Node root, Node target) {
        for (Expr.FuncLit f : Walk.collect(root, Expr.FuncLit.class)) {
            boolean handler = false;
            if (f.type().params() != null) {
                for (Field p : f.type().params().fields()) {
                    String type = typeText(p.type());
                    if (type.equals("http.ResponseWriter") || type.equals("*http.Request")) {
                        handler = true;
                    }
                }
            }
            if (handler && Walk.collect(f.body(), Node.class).stream().anyMatch(n -> n == target)) {
                return true;
            }
        }
        return false;
    }

    private static String typeText(Expr t) {
        if (t instanceof Expr.StarExpr s) {
            return "*" + typeText(s.x());
        }
        if (t instanceof Expr.SelectorExpr s && s.x() instanceof Expr.Ident q) {
            return q.name() + "." + s.sel().name();
        }
        return t instanceof Expr.Ident id ? id.name() : "";
    }

    /** Step-like composite literals ({@code resource.TestStep} fields) in the test's code. */
    private static List<Step> steps(TestCode code, List<TestCode.Reached> reach) {
        List<Step> out = new ArrayList<>();
        List<String> fallback = reach.isEmpty() ? List.of() : shortLiterals(reach.get(0).node());
        for (TestCode.Reached r : reach) {
            for (Expr.CompositeLit cl : Walk.collect(r.node(), Expr.CompositeLit.class)) {
                Map<String, Expr> keys = new HashMap<>();
                for (Expr e : cl.elts()) {
                    if (e instanceof Expr.KeyValueExpr kv && kv.key() instanceof Expr.Ident k) {
                        keys.put(k.name(), kv.value());
                    }
                }
                long stepKeys = keys.keySet().stream().filter(STEP_KEYS::contains).count();
                boolean isStep = cl.type() instanceof Expr.SelectorExpr ts && ts.sel().name().equals("TestStep")
                        || stepKeys >= 2 || keys.containsKey("ExpectError") || keys.containsKey("PreConfig");
                if (!isStep || keys.containsKey("Steps")) {
                    continue;
                }
                List<String> expect = new ArrayList<>();
                if (keys.containsKey("ExpectError")) {
                    Expr v = keys.get("ExpectError");
                    for (Expr.BasicLit l : Walk.collect(v, Expr.BasicLit.class)) {
                        if (l.kind() == Expr.LitKind.STRING) {
                            expect.add(l.stringValue());
                        }
                    }
                    if (expect.isEmpty() && !(v instanceof Expr.Ident nil && nil.name().equals("nil"))) {
                        // regexp.MustCompile(tc.want): the patterns are the test's own short literals.
                        expect.addAll(fallback);
                    }
                }
                Set<String> outOfBand = new TreeSet<>();
                for (String k : List.of("PreConfig", "Check")) {
                    if (keys.containsKey(k)) {
                        outOfBand.addAll(namesIn(code, r, keys.get(k)));
                    }
                }
                Expr id = keys.get("ImportStateId");
                out.add(new Step(cl.pos(), keys.containsKey("Config") || keys.containsKey("ConfigDirectory"),
                        TestCode.isTrue(keys.getOrDefault("PlanOnly", new Expr.Ident(null, "false"))),
                        TestCode.isTrue(keys.getOrDefault("ExpectNonEmptyPlan", new Expr.Ident(null, "false")))
                                || keys.containsKey("ConfigPlanChecks") && Walk.collect(keys.get("ConfigPlanChecks"), Expr.CallExpr.class)
                                .stream().anyMatch(c -> TestCode.callee(c).equals("ExpectNonEmptyPlan")),
                        TestCode.isTrue(keys.getOrDefault("ImportState", new Expr.Ident(null, "false"))),
                        id instanceof Expr.BasicLit l && l.kind() == Expr.LitKind.STRING ? l.stringValue() : id == null ? null : "(computed)",
                        expect, outOfBand));
            }
        }
        return out;
    }

    /** Single-line literals of a test's own body: the candidate error patterns a table passes to a helper. */
    private static List<String> shortLiterals(Node body) {
        List<String> out = new ArrayList<>();
        for (Expr.BasicLit l : Walk.collect(body, Expr.BasicLit.class)) {
            if (l.kind() == Expr.LitKind.STRING && !l.stringValue().contains("\n") && l.stringValue().length() <= 160) {
                out.add(l.stringValue());
            }
        }
        return out;
    }

    /** Names called or referenced in an expression and in the test functions it names (two levels). */
    private static Set<String> namesIn(TestCode code, TestCode.Reached in, Expr e) {
        Set<String> out = new LinkedHashSet<>();
        List<Node> work = new ArrayList<>(List.of(e));
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int depth = 0; depth < 3 && !work.isEmpty(); depth++) {
            List<Node> next = new ArrayList<>();
            for (Node n : work) {
                Walk.forEach(n, x -> {
                    if (x instanceof Expr.SelectorExpr s) {
                        out.add(s.sel().name());
                    } else if (x instanceof Expr.CallExpr c && c.fun() instanceof Expr.Ident id) {
                        out.add(id.name());
                        in.pkg().func(id.name()).filter(f -> f.file().isTestFile()).ifPresent(f -> {
                            if (seen.add(f.decl())) {
                                next.add(f.decl());
                            }
                        });
                    }
                });
            }
            work = next;
        }
        return out;
    }

    /** What an expected error's pattern is about. */
    static Set<Validation> classify(String pattern) {
        Set<Validation> out = EnumSet.noneOf(Validation.class);
        String p = pattern.toLowerCase(Locale.ROOT);
        if (REQUIRED_MESSAGE.matcher(p).matches()) {
            out.add(Validation.REQUIRED);
        }
        if (ONE_OF_MESSAGE.matcher(p).matches()) {
            out.add(Validation.ENUM);
        }
        if (RANGE_MESSAGE.matcher(p).matches()) {
            out.add(Validation.RANGE);
        }
        if (p.matches("(?s).*(format|inappropriate value|must match|regular expression|not a valid|must be a valid"
                + "|invalid (port|host|hostname|url|uri|email|ip|cidr|address)|valid (port|email|ip|cidr|address|url|uri|hostname)|65535).*")) {
            out.add(Validation.FORMAT);
        }
        return out;
    }

    /** Validation classes of schema attributes the test names (by string literal) whose validators it runs. */
    private static Set<Validation> attributeClasses(ProviderModel p, List<TestCode.Reached> reach) {
        Set<String> literals = new TreeSet<>();
        TestCode.strings(reach).forEach(l -> literals.add(l.node().stringValue()));
        Set<Validation> out = EnumSet.noneOf(Validation.class);
        for (Resource r : p.resources()) {
            for (Attribute a : r.schema().attributes().values()) {
                if (literals.contains(a.name())) {
                    for (Validator v : a.validators()) {
                        out.addAll(classOf(v.name(), a.name()));
                    }
                }
            }
        }
        return out;
    }

    private static Set<Validation> classOf(String validatorName, String attribute) {
        Set<Validation> out = EnumSet.noneOf(Validation.class);
        String n = validatorName.toLowerCase(Locale.ROOT);
        if (n.contains("oneof") || n.contains("enum")) {
            out.add(Validation.ENUM);
        }
        if (n.contains("between") || n.contains("atleast") || n.contains("atmost") || n.contains("length") || n.contains("range")) {
            out.add(Validation.RANGE);
        }
        if (n.contains("regex") || n.contains("port") || n.contains("host") || n.contains("url") || n.contains("format")
                || attribute != null && FORMATTED_ATTRIBUTE.matcher(attribute).matches()) {
            out.add(Validation.FORMAT);
        }
        return out;
    }

    /** Validators the module defines (a package of its own, not the framework's) that the test calls and then runs. */
    private static Set<Validation> moduleValidatorClasses(ProviderModel p, TestCode code, List<TestCode.Reached> reach) {
        Set<Validation> out = EnumSet.noneOf(Validation.class);
        if (TestCode.calledNames(reach).stream().noneMatch(n -> n.startsWith("Validate"))) {
            return out;
        }
        for (TestCode.Found<Expr.CallExpr> c : TestCode.collect(reach, Expr.CallExpr.class)) {
            Expr.CallExpr call = c.node();
            Optional<GoPackage> pkg = Optional.empty();
            if (call.fun() instanceof Expr.SelectorExpr s && s.x() instanceof Expr.Ident q) {
                pkg = p.module().resolveImport(c.in().file(), q.name()).flatMap(p.module()::packageAt);
            } else if (call.fun() instanceof Expr.Ident id && c.in().pkg().func(id.name()).filter(f -> !f.file().isTestFile()).isPresent()) {
                pkg = Optional.of(c.in().pkg());
            }
            String name = TestCode.callee(call);
            if (pkg.isPresent() && (pkg.get().dir().contains("validat") || name.toLowerCase(Locale.ROOT).contains("validator"))) {
                Optional<Decl.FuncDecl> fn = pkg.get().func(name).map(GoPackage.FuncRef::decl);
                Set<Validation> found = classOf(name, null);
                if (fn.isPresent()) {
                    for (Expr.CallExpr inner : Walk.collect(fn.get(), Expr.CallExpr.class)) {
                        found.addAll(classOf(TestCode.qualifier(inner) + "." + TestCode.callee(inner), null));
                    }
                }
                out.addAll(found);
            }
        }
        return out;
    }

    // ---- reporting -----------------------------------------------------------------------

    /**
     * Passes with the tests that do it as evidence, or fails saying what was looked for and
     * which tests are named for it without doing it.
     */
    static void require(CriterionRun run, String what, Predicate<Profile> does, Pattern namedFor, String expected) {
        List<Profile> all = profiles(run.provider());
        List<Profile> doing = all.stream().filter(p -> !p.alwaysSkipped()).filter(does).toList();
        if (!doing.isEmpty()) {
            run.evidence("tests that " + what + " (" + doing.size() + ")", doing.stream().map(Profile::where).limit(40)
                    .reduce((a, b) -> a + "\n" + b).orElse(""));
            runIfAllowed(run, doing);
            return;
        }
        Findings f = run.findings();
        List<Profile> named = namedFor == null ? List.of() : all.stream().filter(p -> namedFor.matcher(p.test().name()).find()).toList();
        String hint = named.isEmpty() ? "" : "; tests named for it do not: " + named.stream().limit(6)
                .map(p -> p.test().name() + (p.alwaysSkipped() ? " (always skipped)" : "")).toList()
                + (named.size() > 6 ? " and " + (named.size() - 6) + " more" : "");
        f.add(named.isEmpty() ? "internal/provider/" : named.get(0).test().pos().fileAndLine(),
                "expected a test that " + what + " (" + expected + "), found none" + hint);
        f.verify();
    }

    /** With exec consent, the tests found are run (unit tests only; acceptance tests need their own consent). */
    static void runIfAllowed(CriterionRun run, List<Profile> tests) {
        if (!run.audit().config().exec()) {
            return;
        }
        List<Profile> unit = tests.stream().filter(p -> p.test().kind() != TestFunction.Kind.ACCEPTANCE
                && p.test().kind() != TestFunction.Kind.MIGRATION).limit(30).toList();
        if (unit.isEmpty()) {
            return;
        }
        String regex = "^(" + String.join("|", unit.stream().map(p -> p.test().name()).toList()) + ")$";
        GoTestRun.Result result = GoTestRun.runOrSkip(run, false, regex, "./...", Duration.ofMinutes(20));
        Findings f = run.findings();
        for (Profile p : unit) {
            String action = result.actions().get(p.test().name());
            if (!"pass".equals(action)) {
                f.add(p.test().pos(), p.test().name() + ": expected pass, found " + (action == null ? "no result" : action));
            }
        }
        f.verify();
    }

    static boolean serves(Profile p, int status) {
        return p.served().contains(status);
    }
}
