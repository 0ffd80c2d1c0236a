package io.tfaudit.go.eval;

import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Field;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.program.GoModule;
import io.tfaudit.go.program.GoPackage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates Go code of a module statically, far enough to answer what a provider declares:
 * which constructors {@code Resources()} returns, what {@code Metadata} and {@code Schema}
 * write into their responses, what a field-mapping map holds. It runs straight-line code,
 * {@code range} over known values, branches whose condition is a known constant, calls into
 * the module (functions, methods, interface dispatch on the dynamic type, closures), and
 * keeps calls out of the module symbolic. It never guesses: what it cannot know is an
 * {@link Value.Unknown} saying why. Loops and recursion are bounded by a step budget.
 */
public final class Evaluator {

    private static final int MAX_DEPTH = 64;
    private static final long DEFAULT_STEP_BUDGET = 2_000_000;
    /**
     * Steps a question may take per Go file of the module, above the default: one question
     * ({@code Resources()} of a provider whose registry holds every resource) may have to run
     * the code of most of the module (awscc: 1.26 million steps for 1,443 resources in 8,087
     * files), so the bound grows with the code there is, never with how it loops.
     */
    private static final long STEPS_PER_FILE = 500;

    private final GoModule module;
    private final Map<String, Value> packageValues = new HashMap<>();
    private final Map<String, Boolean> inProgress = new HashMap<>();
    private long steps;
    private int callDepth;
    private final long stepBudget;

    public Evaluator(GoModule module) {
        this(module, Math.max(DEFAULT_STEP_BUDGET, STEPS_PER_FILE * module.tree().files().size()));
    }

    public Evaluator(GoModule module, long stepBudget) {
        this.module = module;
        this.stepBudget = stepBudget;
    }

    public GoModule module() {
        return module;
    }

    // ------------------------------------------------------------------------------------
    // Entry points

    /** The value of a function of a package: {@code Value.Func}, callable with {@link #call}. */
    public Optional<Value.Func> function(GoPackage pkg, String name) {
        return pkg.func(name).map(f -> new Value.Func(pkg, f.file(), f.decl(), null, null, null));
    }

    /** The value of a package-level var or const, evaluated once. */
    public Value packageValue(GoPackage pkg, String name) {
        String key = pkg.importPath() + "." + name;
        Value cached = packageValues.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<GoPackage.ValueDecl> decl = pkg.value(name);
        if (decl.isEmpty()) {
            return new Value.Unknown("no package-level value " + name + " in " + pkg.importPath(), null);
        }
        if (inProgress.putIfAbsent(key, true) != null) {
            return new Value.Unknown("initialisation cycle at " + name, decl.get().spec().pos());
        }
        try {
            Expr init = decl.get().value();
            Value v;
            if (init == null) {
                v = zeroValue(decl.get().spec().type(), new Frame(pkg, decl.get().file(), null), decl.get().spec().pos());
            } else {
                Frame frame = new Frame(pkg, decl.get().file(), null);
                v = eval(init, frame);
                if (v instanceof Value.Tuple t) {
                    v = decl.get().index() < t.values().size() ? t.values().get(decl.get().index()) : unknown("missing result", init);
                }
                if (decl.get().spec().type() != null) {
                    NamedType named = namedType(decl.get().spec().type(), frame);
                    v = named == null ? v : retyped(v, named.name);
                }
            }
            packageValues.put(key, v);
            return v;
        } finally {
            inProgress.remove(key);
        }
    }

    /**
     * Initialises the module's packages that {@code roots} import, directly or not, as Go does
     * before {@code main} runs: a package after the packages it imports (among those ready,
     * the first by import path), and within a package its package-level variables, then its
     * {@code init} functions in the order of its files. So a registry that {@code init}
     * functions fill is known afterwards. Returns what could not be followed to its end.
     */
    public List<Value.Unknown> initialise(List<GoPackage> roots, java.util.Set<GoPackage> initialised) {
        List<Value.Unknown> problems = new ArrayList<>();
        List<GoPackage> order = PackageOrder.of(module, roots);
        java.util.Set<GoPackage> reached = importClosure(module, roots);
        if (order.size() < reached.size()) {
            List<String> stuck = reached.stream().filter(p -> !order.contains(p)).map(GoPackage::importPath).sorted().toList();
            problems.add(new Value.Unknown("packages in an import cycle (not valid Go) are not initialised: "
                    + String.join(", ", stuck), null));
        }
        for (GoPackage pkg : order) {
            initialised.add(pkg);
            List<GoFile> files = pkg.files().stream().filter(f -> !f.isTestFile())
                    .sorted(java.util.Comparator.comparing(GoFile::path)).toList();
            for (GoFile f : files) {
                for (Decl d : f.decls()) {
                    if (d instanceof Decl.GenDecl g && g.keyword() == Decl.Keyword.VAR) {
                        initialiseVars(pkg, f, g);
                    }
                }
            }
            for (GoFile f : files) {
                for (Decl.FuncDecl fn : f.funcs()) {
                    if (!fn.isMethod() && fn.name().name().equals("init") && fn.body() != null) {
                        Value result = call(new Value.Func(pkg, f, fn, null, null, null), List.of(), fn.pos());
                        if (result instanceof Value.Unknown u) {
                            problems.add(new Value.Unknown("init function of " + pkg.importPath() + " not followed to its end: "
                                    + u.why(), fn.pos()));
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** The module's packages that {@code roots} import, directly or not, {@code roots} included. */
    public static java.util.Set<GoPackage> importClosure(GoModule module, List<GoPackage> roots) {
        return PackageOrder.importsOf(module, roots).keySet();
    }

    /** A package's {@code var} declaration: named values once each; blank ones ({@code var _ = f()}) for their effects. */
    private void initialiseVars(GoPackage pkg, GoFile file, Decl.GenDecl g) {
        for (var spec : g.specs()) {
            var vs = (io.tfaudit.go.ast.Spec.ValueSpec) spec;
            for (int i = 0; i < vs.names().size(); i++) {
                steps = 0;
                String name = vs.names().get(i).name();
                if (!name.equals("_")) {
                    packageValue(pkg, name);
                } else if (i < vs.values().size()) {
                    eval(vs.values().get(i), new Frame(pkg, file, null));
                }
            }
        }
    }

    /** Go's assignment to a package-level variable: its initialiser has run first (or runs now, for its effects). */
    private void setPackageValue(GoPackage pkg, String name, Value v) {
        packageValue(pkg, name);
        packageValues.put(pkg.importPath() + "." + name, v);
    }

    /** The module package that a name stands for where it is written, unless a variable hides it. */
    private Optional<GoPackage> packageNamed(Expr x, Frame frame) {
        if (x instanceof Expr.Ident id && frame.scope.lookup(id.name()) == null && frame.pkg.value(id.name()).isEmpty()) {
            return module.resolveImport(frame.file, id.name()).flatMap(module::packageAt);
        }
        return Optional.empty();
    }

    /** An expression's value in package scope (constants, package values, calls), as written in {@code file}. */
    public Value valueIn(GoPackage pkg, GoFile file, Expr e) {
        return eval(e, new Frame(pkg, file, null));
    }

    /** Calls a function value with arguments; a method value carries its receiver. */
    public Value call(Value fn, List<Value> args, Pos at) {
        if (!(fn instanceof Value.Func f)) {
            if (fn instanceof Value.External e) {
                return new Value.External(e.packagePath(), e.name(), args, at);
            }
            return new Value.Unknown("call of " + describe(fn), at);
        }
        if (callDepth >= MAX_DEPTH) {
            return new Value.Unknown("call depth over " + MAX_DEPTH + " at " + f.describe(), at);
        }
        if (callDepth == 0 && inProgress.isEmpty()) {
            steps = 0; // each question asked from outside (a constructor, a Schema method, an init) has its own budget
        }
        callDepth++;
        try {
            return invoke(f, args, at);
        } finally {
            callDepth--;
        }
    }

    private Value invoke(Value.Func f, List<Value> args, Pos at) {
        Frame frame = new Frame(f.pkg, f.file, f.closure);
        Expr.FuncType type = f.decl != null ? f.decl.type() : f.literal.type();
        Stmt.BlockStmt body = f.decl != null ? f.decl.body() : f.literal.body();
        if (body == null) {
            return new Value.Unknown(f.describe() + " has no Go body", at);
        }
        if (f.decl != null && f.decl.recv() != null && !f.decl.recv().fields().isEmpty()) {
            Field r = f.decl.recv().fields().get(0);
            if (!r.names().isEmpty()) {
                frame.scope.define(r.names().get(0).name(), f.receiver == null ? new Value.Nil(at) : f.receiver);
            }
        }
        bindParameters(type, args, frame, at);
        List<String> namedResults = new ArrayList<>();
        if (type.results() != null) {
            for (Field r : type.results().fields()) {
                for (Expr.Ident n : r.names()) {
                    frame.scope.define(n.name(), zeroValue(r.type(), frame, n.pos()));
                    namedResults.add(n.name());
                }
            }
        }
        frame.function = f;
        Flow flow = execBlock(body.list(), frame);
        if (flow instanceof Flow.Return ret) {
            if (ret.value != null) {
                return ret.value;
            }
            return resultsOf(namedResults, frame, at);
        }
        if (flow instanceof Flow.Stop stop) {
            return new Value.Unknown(stop.why, at);
        }
        return resultsOf(namedResults, frame, at);
    }

    /** Calls the method {@code name} on a value of a module type (pointer receivers included). */
    public Optional<Value> callMethod(Value receiver, String name, List<Value> args, Pos at) {
        return methodValue(receiver, name).map(m -> call(m, args, at));
    }

    // ------------------------------------------------------------------------------------
    // Statements

    /** How a statement list ended. */
    private sealed interface Flow {
        record Normal() implements Flow {}

        record Return(Value value) implements Flow {}

        record Break() implements Flow {}

        record Continue() implements Flow {}

        /** The budget ran out or something made going on meaningless. */
        record Stop(String why) implements Flow {}
    }

    private static final Flow NORMAL = new Flow.Normal();

    private Flow execBlock(List<Stmt> list, Frame outer) {
        Frame frame = outer.child();
        for (Stmt s : list) {
            Flow f = exec(s, frame);
            if (!(f instanceof Flow.Normal)) {
                return f;
            }
        }
        return NORMAL;
    }

    private Flow exec(Stmt s, Frame frame) {
        if (++steps > stepBudget) {
            return new Flow.Stop("evaluation step budget (" + stepBudget + ") exhausted at " + s.pos().fileAndLine());
        }
        if (s instanceof Stmt.AssignStmt a) {
            assign(a, frame);
        } else if (s instanceof Stmt.ExprStmt e) {
            eval(e.x(), frame);
        } else if (s instanceof Stmt.ReturnStmt r) {
            return returnOf(r, frame);
        } else if (s instanceof Stmt.BlockStmt b) {
            return execBlock(b.list(), frame);
        } else if (s instanceof Stmt.RangeStmt r) {
            return range(r, frame);
        } else if (s instanceof Stmt.IfStmt i) {
            return ifStmt(i, frame);
        } else if (s instanceof Stmt.DeclStmt d) {
            declare(d.decl(), frame);
        } else if (s instanceof Stmt.SwitchStmt sw) {
            return switchStmt(sw, frame);
        } else if (s instanceof Stmt.LabeledStmt l) {
            return exec(l.stmt(), frame);
        } else if (s instanceof Stmt.BranchStmt b) {
            if (b.keyword().equals("break") && b.label() == null) {
                return new Flow.Break();
            }
            if (b.keyword().equals("continue") && b.label() == null) {
                return new Flow.Continue();
            }
        } else if (s instanceof Stmt.IncDecStmt inc && inc.x() instanceof Expr.Ident id) {
            Value v = eval(id, frame);
            if (v instanceof Value.Int n) {
                frame.scope.assign(id.name(), new Value.Int(inc.op().equals("++") ? n.value().add(BigInteger.ONE)
                        : n.value().subtract(BigInteger.ONE), n.origin()));
            }
        }
        // for loops with conditions, select, go, defer, send: no effect that the audit reads.
        return NORMAL;
    }

    private Flow returnOf(Stmt.ReturnStmt r, Frame frame) {
        if (r.results().isEmpty()) {
            return new Flow.Return(null);
        }
        if (r.results().size() == 1) {
            return new Flow.Return(eval(r.results().get(0), frame));
        }
        List<Value> vs = new ArrayList<>();
        for (Expr e : r.results()) {
            vs.add(eval(e, frame));
        }
        return new Flow.Return(new Value.Tuple(List.copyOf(vs), r.pos()));
    }

    private Value resultsOf(List<String> named, Frame frame, Pos at) {
        if (named.isEmpty()) {
            return new Value.Nil(at);
        }
        if (named.size() == 1) {
            return frame.scope.lookup(named.get(0));
        }
        List<Value> vs = new ArrayList<>();
        for (String n : named) {
            vs.add(frame.scope.lookup(n));
        }
        return new Value.Tuple(List.copyOf(vs), at);
    }

    private void assign(Stmt.AssignStmt a, Frame frame) {
        List<Value> rhs = new ArrayList<>();
        if (a.rhs().size() == 1 && a.lhs().size() == 2 && a.rhs().get(0) instanceof Expr.IndexExpr ix) {
            rhs.addAll(commaOk(ix, frame));
        } else if (a.rhs().size() == 1 && a.lhs().size() > 1) {
            Value v = eval(a.rhs().get(0), frame);
            if (v instanceof Value.Tuple t) {
                rhs.addAll(t.values());
            } else {
                rhs.add(v);
            }
        } else {
            for (Expr e : a.rhs()) {
                rhs.add(eval(e, frame));
            }
        }
        for (int i = 0; i < a.lhs().size(); i++) {
            Value v = i < rhs.size() ? rhs.get(i) : new Value.Unknown("comma-ok form", a.pos());
            if (!a.op().equals("=") && !a.op().equals(":=")) {
                v = binary(a.op().substring(0, a.op().length() - 1), eval(a.lhs().get(i), frame), v, a.pos());
            }
            store(a.lhs().get(i), copyIfStruct(v), a.op().equals(":="), frame);
        }
    }

    /** {@code v, ok := m[k]}: the entry and whether it is there, when the map is known. */
    private List<Value> commaOk(Expr.IndexExpr ix, Frame frame) {
        Value base = eval(ix.x(), frame);
        Value key = eval(ix.index(), frame);
        if (base instanceof Value.MapValue m && !(Value.keyOf(key) instanceof Value.IdentityKey)) {
            Value v = m.entries().get(Value.keyOf(key));
            return List.of(v != null ? v : new Value.Nil(ix.pos()), new Value.Bool(v != null, ix.pos()));
        }
        if (base instanceof Value.Nil) {
            return List.of(new Value.Nil(ix.pos()), new Value.Bool(false, ix.pos()));
        }
        return List.of(new Value.Unknown("index of " + describe(base), ix.pos()),
                new Value.Unknown("comma-ok form on " + describe(base), ix.pos()));
    }

    private static Value copyIfStruct(Value v) {
        return v instanceof Value.Struct s ? s.copy() : v;
    }

    private void store(Expr target, Value v, boolean define, Frame frame) {
        if (target instanceof Expr.Ident id) {
            if (define) {
                frame.scope.define(id.name(), v);
            } else if (!frame.scope.assign(id.name(), v)) {
                if (frame.pkg.value(id.name()).filter(d -> !d.isConst()).isPresent()) {
                    setPackageValue(frame.pkg, id.name(), v);
                } else {
                    frame.scope.define(id.name(), v);
                }
            }
        } else if (target instanceof Expr.SelectorExpr sel) {
            Optional<GoPackage> other = packageNamed(sel.x(), frame);
            if (other.isPresent()) {
                if (other.get().value(sel.sel().name()).filter(d -> !d.isConst()).isPresent()) {
                    setPackageValue(other.get(), sel.sel().name(), v);
                }
                return;
            }
            Value base = eval(sel.x(), frame);
            if (base instanceof Value.Struct st) {
                st.fields().put(sel.sel().name(), v);
            }
        } else if (target instanceof Expr.IndexExpr ix) {
            Value base = eval(ix.x(), frame);
            Value key = eval(ix.index(), frame);
            if (base instanceof Value.MapValue m) {
                m.entries().put(Value.keyOf(key), v);
            } else if (base instanceof Value.ListValue l && key instanceof Value.Int n && n.value().intValue() < l.elements().size()) {
                l.elements().set(n.value().intValue(), v);
            }
        } else if (target instanceof Expr.StarExpr star) {
            store(star.x(), v, define, frame);
        } else if (target instanceof Expr.ParenExpr p) {
            store(p.x(), v, define, frame);
        }
    }

    private void declare(Decl.GenDecl d, Frame frame) {
        if (d.keyword() != Decl.Keyword.VAR && d.keyword() != Decl.Keyword.CONST) {
            return;
        }
        for (var spec : d.specs()) {
            var vs = (io.tfaudit.go.ast.Spec.ValueSpec) spec;
            for (int i = 0; i < vs.names().size(); i++) {
                Value v = i < vs.values().size() ? copyIfStruct(eval(vs.values().get(i), frame))
                        : zeroValue(vs.type(), frame, vs.pos());
                frame.scope.define(vs.names().get(i).name(), v);
            }
        }
    }

    private Flow range(Stmt.RangeStmt r, Frame outer) {
        Value x = eval(r.x(), outer);
        List<Value[]> pairs = new ArrayList<>();
        if (x instanceof Value.ListValue l) {
            for (int i = 0; i < l.elements().size(); i++) {
                pairs.add(new Value[] {new Value.Int(BigInteger.valueOf(i), r.pos()), l.elements().get(i)});
            }
        } else if (x instanceof Value.MapValue m) {
            for (var e : m.entries().entrySet()) {
                pairs.add(new Value[] {keyValue(e.getKey(), r.pos()), e.getValue()});
            }
        } else if (x instanceof Value.Int n && n.value().bitLength() < 20) {
            for (int i = 0; i < n.value().intValue(); i++) {
                pairs.add(new Value[] {new Value.Int(BigInteger.valueOf(i), r.pos()), null});
            }
        } else if (x instanceof Value.Int n) {
            // More iterations than any step budget allows: say so rather than skip the loop.
            return new Flow.Stop("range over " + n.value() + " at " + r.pos().fileAndLine() + " is beyond the step budget");
        } else {
            return NORMAL;
        }
        for (Value[] kv : pairs) {
            Frame frame = outer.child();
            if (r.key() != null) {
                store(r.key(), kv[0], ":=".equals(r.op()), frame);
            }
            if (r.value() != null && kv[1] != null) {
                store(r.value(), copyIfStruct(kv[1]), ":=".equals(r.op()), frame);
            }
            Flow f = execBlock(r.body().list(), frame);
            if (f instanceof Flow.Break) {
                break;
            }
            if (f instanceof Flow.Return || f instanceof Flow.Stop) {
                return f;
            }
        }
        return NORMAL;
    }

    private static Value keyValue(Object key, Pos at) {
        if (key instanceof String s) {
            return new Value.Str(s, at);
        }
        if (key instanceof BigInteger i) {
            return new Value.Int(i, at);
        }
        if (key instanceof Boolean b) {
            return new Value.Bool(b, at);
        }
        return ((Value.IdentityKey) key).value();
    }

    private Flow ifStmt(Stmt.IfStmt i, Frame outer) {
        Frame frame = outer.child();
        if (i.init() != null) {
            exec(i.init(), frame);
        }
        Value c = eval(i.cond(), frame);
        if (c instanceof Value.Bool b) {
            if (b.value()) {
                return execBlock(i.body().list(), frame);
            }
            return i.els() == null ? NORMAL : exec(i.els(), frame);
        }
        // Unknown condition: neither branch is taken; the evidence says where if it matters.
        return NORMAL;
    }

    private Flow switchStmt(Stmt.SwitchStmt sw, Frame outer) {
        Frame frame = outer.child();
        if (sw.init() != null) {
            exec(sw.init(), frame);
        }
        Value tag = sw.tag() == null ? new Value.Bool(true, sw.pos()) : eval(sw.tag(), frame);
        Object tagKey = Value.keyOf(tag);
        if (tagKey instanceof Value.IdentityKey) {
            return NORMAL;
        }
        Stmt.CaseClause fallback = null;
        for (Stmt s : sw.body().list()) {
            Stmt.CaseClause cc = (Stmt.CaseClause) s;
            if (cc.isDefault()) {
                fallback = cc;
                continue;
            }
            for (Expr e : cc.list()) {
                Object k = Value.keyOf(eval(e, frame));
                if (k instanceof Value.IdentityKey) {
                    return NORMAL;
                }
                if (k.equals(tagKey)) {
                    return breakless(execBlock(cc.body(), frame));
                }
            }
        }
        return fallback == null ? NORMAL : breakless(execBlock(fallback.body(), frame));
    }

    private static Flow breakless(Flow f) {
        return f instanceof Flow.Break ? NORMAL : f;
    }

    // ------------------------------------------------------------------------------------
    // Expressions

    public Value eval(Expr e, Frame frame) {
        steps++;
        if (e instanceof Expr.BasicLit lit) {
            return literal(lit);
        }
        if (e instanceof Expr.Ident id) {
            return ident(id, frame);
        }
        if (e instanceof Expr.CompositeLit c) {
            return composite(c, c.type(), frame);
        }
        if (e instanceof Expr.SelectorExpr s) {
            return selector(s, frame);
        }
        if (e instanceof Expr.CallExpr c) {
            return callExpr(c, frame);
        }
        if (e instanceof Expr.BinaryExpr b) {
            return binary(b.op(), eval(b.x(), frame), eval(b.y(), frame), b.pos());
        }
        if (e instanceof Expr.UnaryExpr u) {
            return unary(u, frame);
        }
        if (e instanceof Expr.ParenExpr p) {
            return eval(p.x(), frame);
        }
        if (e instanceof Expr.StarExpr s) {
            return eval(s.x(), frame);
        }
        if (e instanceof Expr.IndexExpr ix) {
            return index(ix, frame);
        }
        if (e instanceof Expr.IndexListExpr il) {
            return eval(il.x(), frame);
        }
        if (e instanceof Expr.TypeAssertExpr ta) {
            return eval(ta.x(), frame);
        }
        if (e instanceof Expr.FuncLit fl) {
            return new Value.Func(frame.pkg, frame.file, null, fl, frame.scope, null);
        }
        if (e instanceof Expr.KeyValueExpr kv) {
            return eval(kv.value(), frame);
        }
        return new Value.Unknown("expression of kind " + e.getClass().getSimpleName() + " is not evaluated", e.pos());
    }

    private static Value literal(Expr.BasicLit lit) {
        try {
            return switch (lit.kind()) {
                case STRING -> new Value.Str(lit.stringValue(), lit.pos());
                case INT -> new Value.Int((BigInteger) lit.value(), lit.pos());
                case FLOAT -> new Value.Float((java.math.BigDecimal) lit.value(), lit.pos());
                case CHAR -> new Value.Int(BigInteger.valueOf((Integer) lit.value()), lit.pos());
                case IMAG -> new Value.Unknown("imaginary literal", lit.pos());
            };
        } catch (RuntimeException malformed) {
            return new Value.Unknown("malformed literal " + lit.raw(), lit.pos());
        }
    }

    private Value ident(Expr.Ident id, Frame frame) {
        Value local = frame.scope.lookup(id.name());
        if (local != null) {
            return local;
        }
        switch (id.name()) {
            case "nil":
                return new Value.Nil(id.pos());
            case "true":
                return new Value.Bool(true, id.pos());
            case "false":
                return new Value.Bool(false, id.pos());
            default:
                break;
        }
        if (frame.pkg.value(id.name()).isPresent()) {
            return packageValue(frame.pkg, id.name());
        }
        Optional<GoPackage.FuncRef> fn = frame.pkg.func(id.name());
        if (fn.isPresent()) {
            return new Value.Func(frame.pkg, fn.get().file(), fn.get().decl(), null, null, null);
        }
        return new Value.Unknown("name " + id.name() + " is not known statically", id.pos());
    }

    private Value selector(Expr.SelectorExpr s, Frame frame) {
        String name = s.sel().name();
        if (s.x() instanceof Expr.Ident pkgName && frame.scope.lookup(pkgName.name()) == null
                && frame.pkg.value(pkgName.name()).isEmpty()) {
            Optional<String> path = module.resolveImport(frame.file, pkgName.name());
            if (path.isPresent()) {
                Optional<GoPackage> inModule = module.packageAt(path.get());
                if (inModule.isEmpty()) {
                    return new Value.External(path.get(), name, null, s.pos());
                }
                GoPackage pkg = inModule.get();
                if (pkg.value(name).isPresent()) {
                    return packageValue(pkg, name);
                }
                return pkg.func(name)
                        .<Value>map(f -> new Value.Func(pkg, f.file(), f.decl(), null, null, null))
                        .orElse(new Value.Unknown(path.get() + "." + name + " not found in the module", s.pos()));
            }
        }
        Value base = eval(s.x(), frame);
        if (base instanceof Value.Struct st) {
            Value field = fieldOf(st, name);
            if (field != null) {
                return field;
            }
            Optional<Value> method = methodValue(st, name);
            if (method.isPresent()) {
                return method.get();
            }
            return zeroFieldValue(st, name, s.pos());
        }
        if (base instanceof Value.External ext) {
            return new Value.External(ext.packagePath(), chain(ext) + "." + name, null, s.pos());
        }
        Optional<Value> method = methodValue(base, name);
        if (method.isPresent()) {
            return method.get();
        }
        return new Value.Unknown("selector ." + name + " on " + describe(base), s.pos());
    }

    private static String chain(Value.External e) {
        if (!e.isCall()) {
            return e.name();
        }
        return e.name() + "(…)";
    }

    /** A field of a struct, looking through embedded structs (stored under their type's name). */
    private static Value fieldOf(Value.Struct st, String name) {
        Value direct = st.field(name);
        if (direct != null) {
            return direct;
        }
        for (Value v : st.fields().values()) {
            if (v instanceof Value.Struct embedded && isEmbeddedField(st, embedded)) {
                Value inner = fieldOf(embedded, name);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** An unset field of a struct of the module reads as its type's zero value. */
    private Value zeroFieldValue(Value.Struct st, String name, Pos at) {
        Optional<GoPackage> pkg = module.packageAt(st.type().packagePath());
        if (pkg.isPresent()) {
            Optional<GoPackage.TypeRef> t = pkg.get().type(st.type().name());
            if (t.isPresent() && t.get().spec().type() instanceof Expr.StructType stt) {
                for (Field f : stt.fields().fields()) {
                    boolean match = f.names().isEmpty() ? baseTypeName(f.type()).equals(name)
                            : f.names().stream().anyMatch(n -> n.name().equals(name));
                    if (match) {
                        Expr type = f.type() instanceof Expr.StarExpr star ? star.x() : f.type();
                        Value zero = zeroValue(type, new Frame(pkg.get(), t.get().file(), null), at);
                        st.fields().put(name, zero);
                        return zero;
                    }
                }
            }
        }
        if (pkg.isEmpty()) {
            // A framework response struct: an unset field stays open for the code to fill.
            return new Value.Nil(at);
        }
        return new Value.Unknown("no field or method " + name + " on " + st.type().shortName(), at);
    }

    /** The method {@code name} of a value of a module type, bound to it (promoted methods included). */
    public Optional<Value.Func> method(Value receiver, String name) {
        return methodValue(receiver, name).map(Value.Func.class::cast);
    }

    private Optional<Value> methodValue(Value receiver, String name) {
        Value.TypeName collectionType = receiver instanceof Value.ListValue l ? l.type()
                : receiver instanceof Value.MapValue m ? m.type() : receiver instanceof Value.Str str ? str.type() : null;
        if (collectionType != null) {
            return module.packageAt(collectionType.packagePath())
                    .flatMap(p -> p.method(collectionType.name(), name)
                            .map(m -> new Value.Func(p, m.file(), m.decl(), null, null, receiver)));
        }
        if (!(receiver instanceof Value.Struct st)) {
            return Optional.empty();
        }
        Optional<GoPackage> pkg = module.packageAt(st.type().packagePath());
        if (pkg.isEmpty()) {
            return Optional.empty();
        }
        Optional<GoPackage.FuncRef> m = pkg.get().method(st.type().name(), name);
        if (m.isPresent()) {
            return Optional.of(new Value.Func(pkg.get(), m.get().file(), m.get().decl(), null, null, st));
        }
        // Promoted methods: through each embedded field, set in the literal or not.
        Optional<GoPackage.TypeRef> decl = pkg.get().type(st.type().name());
        if (decl.isPresent() && decl.get().spec().type() instanceof Expr.StructType stt) {
            for (Field f : stt.fields().fields()) {
                if (f.names().isEmpty()) {
                    Value embedded = st.field(baseTypeName(f.type()));
                    if (embedded == null) {
                        embedded = zeroFieldValue(st, baseTypeName(f.type()), st.origin());
                    }
                    Optional<Value> promoted = methodValue(embedded, name);
                    if (promoted.isPresent()) {
                        return promoted;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isEmbeddedField(Value.Struct outer, Value.Struct inner) {
        return outer.fields().get(inner.type().name()) == inner;
    }

    private Value index(Expr.IndexExpr ix, Frame frame) {
        Value base = eval(ix.x(), frame);
        if (base instanceof Value.Func) {
            return base; // a generic function instantiated with type arguments
        }
        Value key = eval(ix.index(), frame);
        if (base instanceof Value.MapValue m) {
            Value v = m.entries().get(Value.keyOf(key));
            return v != null ? v : new Value.Unknown("map has no key " + describe(key), ix.pos());
        }
        if (base instanceof Value.ListValue l && key instanceof Value.Int n) {
            int i = n.value().intValue();
            return i >= 0 && i < l.elements().size() ? l.elements().get(i) : new Value.Unknown("index out of range", ix.pos());
        }
        return new Value.Unknown("index of " + describe(base), ix.pos());
    }

    private Value unary(Expr.UnaryExpr u, Frame frame) {
        Value x = eval(u.x(), frame);
        switch (u.op()) {
            case "&":
                return x;
            case "!":
                return x instanceof Value.Bool b ? new Value.Bool(!b.value(), u.pos()) : unknownOp(u.op(), x, u.pos());
            case "-":
                if (x instanceof Value.Int n) {
                    return new Value.Int(n.value().negate(), u.pos());
                }
                if (x instanceof Value.Float f) {
                    return new Value.Float(f.value().negate(), u.pos());
                }
                return unknownOp(u.op(), x, u.pos());
            case "+":
                return x;
            default:
                return unknownOp(u.op(), x, u.pos());
        }
    }

    private static Value unknownOp(String op, Value x, Pos at) {
        return new Value.Unknown("operator " + op + " on " + describe(x), at);
    }

    private Value binary(String op, Value x, Value y, Pos at) {
        if (x instanceof Value.Str a && y instanceof Value.Str b) {
            return switch (op) {
                case "+" -> new Value.Str(a.value() + b.value(), at);
                case "==" -> new Value.Bool(a.value().equals(b.value()), at);
                case "!=" -> new Value.Bool(!a.value().equals(b.value()), at);
                default -> new Value.Unknown("operator " + op + " on strings", at);
            };
        }
        if (x instanceof Value.Int a && y instanceof Value.Int b) {
            BigInteger p = a.value();
            BigInteger q = b.value();
            return switch (op) {
                case "+" -> new Value.Int(p.add(q), at);
                case "-" -> new Value.Int(p.subtract(q), at);
                case "*" -> new Value.Int(p.multiply(q), at);
                case "/" -> q.signum() == 0 ? new Value.Unknown("division by zero", at) : new Value.Int(p.divide(q), at);
                case "%" -> q.signum() == 0 ? new Value.Unknown("division by zero", at) : new Value.Int(p.remainder(q), at);
                case "<<" -> new Value.Int(p.shiftLeft(q.intValue()), at);
                case ">>" -> new Value.Int(p.shiftRight(q.intValue()), at);
                case "|" -> new Value.Int(p.or(q), at);
                case "&" -> new Value.Int(p.and(q), at);
                case "==" -> new Value.Bool(p.equals(q), at);
                case "!=" -> new Value.Bool(!p.equals(q), at);
                case "<" -> new Value.Bool(p.compareTo(q) < 0, at);
                case "<=" -> new Value.Bool(p.compareTo(q) <= 0, at);
                case ">" -> new Value.Bool(p.compareTo(q) > 0, at);
                case ">=" -> new Value.Bool(p.compareTo(q) >= 0, at);
                default -> new Value.Unknown("operator " + op + " on integers", at);
            };
        }
        if (x instanceof Value.Bool a && y instanceof Value.Bool b) {
            return switch (op) {
                case "&&" -> new Value.Bool(a.value() && b.value(), at);
                case "||" -> new Value.Bool(a.value() || b.value(), at);
                case "==" -> new Value.Bool(a.value() == b.value(), at);
                case "!=" -> new Value.Bool(a.value() != b.value(), at);
                default -> new Value.Unknown("operator " + op + " on booleans", at);
            };
        }
        if ((op.equals("==") || op.equals("!=")) && (x instanceof Value.Nil || y instanceof Value.Nil)) {
            Boolean equal = equalsNil(x instanceof Value.Nil ? y : x);
            if (equal != null) {
                return new Value.Bool(op.equals("==") == equal, at);
            }
        }
        if (op.equals("&&") && x instanceof Value.Bool a && !a.value()) {
            return x;
        }
        if (op.equals("||") && x instanceof Value.Bool a && a.value()) {
            return x;
        }
        return new Value.Unknown("operator " + op + " on " + describe(x) + " and " + describe(y), at);
    }

    /**
     * Whether a value compares equal to nil, when that is known: a made or written map, a
     * function and a constant are not nil. A struct may stand for a nil pointer and a slice
     * for a nil slice, so those stay unknown.
     */
    private static Boolean equalsNil(Value v) {
        if (v instanceof Value.Nil) {
            return true;
        }
        if (v instanceof Value.MapValue || v instanceof Value.Func || v instanceof Value.Str || v instanceof Value.Int
                || v instanceof Value.Bool || v instanceof Value.Float) {
            return false;
        }
        return null;
    }

    private Value callExpr(Expr.CallExpr c, Frame frame) {
        Expr fun = c.fun();
        while (fun instanceof Expr.ParenExpr p) {
            fun = p.x();
        }
        if (fun instanceof Expr.Ident id && frame.scope.lookup(id.name()) == null && frame.pkg.func(id.name()).isEmpty()
                && frame.pkg.value(id.name()).isEmpty()) {
            Optional<Value> builtin = Builtins.call(this, id.name(), c, frame);
            if (builtin.isPresent()) {
                return builtin.get();
            }
        }
        if (isConversion(fun, frame)) {
            if (c.args().isEmpty()) {
                return new Value.Unknown("empty conversion", c.pos());
            }
            Value v = eval(c.args().get(0), frame);
            NamedType named = namedType(fun, frame);
            return named == null ? v : retyped(v, named.name);
        }
        Value f = eval(fun, frame);
        List<Value> args = new ArrayList<>(c.args().size());
        for (Expr a : c.args()) {
            args.add(eval(a, frame));
        }
        if (c.hasEllipsis() && !args.isEmpty() && args.get(args.size() - 1) instanceof Value.ListValue spread) {
            args.remove(args.size() - 1);
            args.addAll(spread.elements());
        }
        if (f instanceof Value.External ext) {
            Optional<Value> known = Stdlib.call(ext, args, c.pos());
            return known.orElseGet(() -> new Value.External(ext.packagePath(), ext.isCall() ? chain(ext) : ext.name(),
                    List.copyOf(args), c.pos()));
        }
        return call(f, args, c.pos());
    }

    /** {@code string(x)}, {@code []byte(x)}, {@code T(x)} for a type T of the module. */
    private boolean isConversion(Expr fun, Frame frame) {
        if (fun instanceof Expr.ArrayType || fun instanceof Expr.MapType || fun instanceof Expr.StarExpr
                || fun instanceof Expr.InterfaceType || fun instanceof Expr.FuncType || fun instanceof Expr.ChanType) {
            return true;
        }
        if (fun instanceof Expr.Ident id) {
            if (frame.scope.lookup(id.name()) != null) {
                return false;
            }
            return Builtins.isBasicType(id.name()) || frame.pkg.type(id.name()).isPresent();
        }
        if (fun instanceof Expr.SelectorExpr sel) {
            return packageNamed(sel.x(), frame).flatMap(p -> p.type(sel.sel().name())).isPresent();
        }
        return false;
    }

    /** A named type of the module, its declaration, and the frame its underlying type is read in. */
    private record NamedType(Value.TypeName name, GoPackage.TypeRef decl, Frame frame) {}

    /** The module type that a type expression names ({@code T}, {@code pkg.T}, {@code T[int]}), or null. */
    private NamedType namedType(Expr type, Frame frame) {
        Expr t = type;
        while (t instanceof Expr.ParenExpr p) {
            t = p.x();
        }
        if (t instanceof Expr.IndexExpr ix) {
            t = ix.x();
        }
        if (t instanceof Expr.Ident id) {
            Optional<GoPackage.TypeRef> decl = frame.pkg.type(id.name());
            return decl.map(d -> new NamedType(new Value.TypeName(frame.pkg.importPath(), id.name()), d,
                    new Frame(frame.pkg, d.file(), null))).orElse(null);
        }
        if (t instanceof Expr.SelectorExpr sel) {
            Optional<GoPackage> pkg = packageNamed(sel.x(), frame);
            if (pkg.isPresent()) {
                Optional<GoPackage.TypeRef> decl = pkg.get().type(sel.sel().name());
                return decl.map(d -> new NamedType(new Value.TypeName(pkg.get().importPath(), sel.sel().name()), d,
                        new Frame(pkg.get(), d.file(), null))).orElse(null);
            }
        }
        return null;
    }

    /** A slice or map value given a named type (a conversion, a literal or the zero value of that type). */
    private static Value retyped(Value v, Value.TypeName name) {
        if (v instanceof Value.Str str) {
            return new Value.Str(str.value(), str.origin(), name);
        }
        if (v instanceof Value.ListValue l) {
            return new Value.ListValue(l.elements(), l.origin(), name);
        }
        if (v instanceof Value.MapValue m) {
            Value.MapValue typed = new Value.MapValue(m.origin(), name);
            typed.entries().putAll(m.entries());
            return typed;
        }
        return v;
    }

    /** {@code make(T)} or {@code make(T, n)} for a map or slice type, named or not: a slice holds n zero values. */
    Value make(Expr type, Value length, Frame frame, Pos at) {
        Value.TypeName name = null;
        Expr underlying = type;
        Frame typeFrame = frame;
        NamedType named = namedType(type, frame);
        if (named != null) {
            name = named.name;
            underlying = named.decl.spec().type();
            typeFrame = named.frame;
        }
        if (underlying instanceof Expr.MapType) {
            return new Value.MapValue(at, name);
        }
        if (underlying instanceof Expr.ArrayType slice) {
            List<Value> elements = new ArrayList<>();
            if (length instanceof Value.Int n && n.value().signum() > 0) {
                if (n.value().bitLength() > 20) {
                    return new Value.Unknown("make of a slice of " + n.value() + " elements", at);
                }
                for (int i = 0; i < n.value().intValue(); i++) {
                    elements.add(zeroValue(slice.elt(), typeFrame, at));
                }
            } else if (length != null && !(length instanceof Value.Int)) {
                return new Value.Unknown("make of a slice of " + describe(length) + " elements", at);
            }
            return new Value.ListValue(elements, at, name);
        }
        return new Value.Unknown("make of " + type.getClass().getSimpleName(), at);
    }

    // ------------------------------------------------------------------------------------
    // Composite literals and zero values

    Value composite(Expr.CompositeLit c, Expr type, Frame frame) {
        Expr t = type;
        while (t instanceof Expr.ParenExpr p) {
            t = p.x();
        }
        if (t instanceof Expr.StarExpr star) {
            t = star.x();
        }
        if (t instanceof Expr.MapType mt) {
            Value.MapValue m = new Value.MapValue(c.pos());
            for (Expr el : c.elts()) {
                if (el instanceof Expr.KeyValueExpr kv) {
                    Value key = kv.key() instanceof Expr.CompositeLit kc ? composite(kc, mt.key(), frame) : eval(kv.key(), frame);
                    m.entries().put(Value.keyOf(key), element(kv.value(), mt.value(), frame));
                }
            }
            return m;
        }
        if (t instanceof Expr.ArrayType at) {
            List<Value> elems = new ArrayList<>(c.elts().size());
            for (Expr el : c.elts()) {
                elems.add(element(el instanceof Expr.KeyValueExpr kv ? kv.value() : el, at.elt(), frame));
            }
            return new Value.ListValue(elems, c.pos());
        }
        if (t instanceof Expr.StructType st) {
            return struct(Value.TypeName.ANONYMOUS, fieldNames(st), c, frame);
        }
        if (t instanceof Expr.IndexExpr ix) {
            t = ix.x(); // a generic type instantiated: its arguments do not matter here
        }
        if (t instanceof Expr.Ident id) {
            Optional<GoPackage.TypeRef> decl = frame.pkg.type(id.name());
            if (decl.isPresent()) {
                return namedComposite(new Value.TypeName(frame.pkg.importPath(), id.name()), decl.get(), c, frame);
            }
            return struct(new Value.TypeName("", id.name()), List.of(), c, frame);
        }
        if (t instanceof Expr.SelectorExpr sel && sel.x() instanceof Expr.Ident pkgName) {
            Optional<String> path = module.resolveImport(frame.file, pkgName.name());
            if (path.isPresent()) {
                Optional<GoPackage> inModule = module.packageAt(path.get());
                if (inModule.isPresent()) {
                    Optional<GoPackage.TypeRef> decl = inModule.get().type(sel.sel().name());
                    if (decl.isPresent()) {
                        Value.TypeName tn = new Value.TypeName(path.get(), sel.sel().name());
                        return namedComposite(tn, decl.get(), c, new Frame(inModule.get(), decl.get().file(), null)
                                .withValuesFrom(frame));
                    }
                }
                return struct(new Value.TypeName(path.get(), sel.sel().name()), List.of(), c, frame);
            }
        }
        if (t == null) {
            return new Value.Unknown("composite literal without a known type", c.pos());
        }
        return new Value.Unknown("composite literal of type " + t.getClass().getSimpleName(), c.pos());
    }

    /** A literal of a named type of the module: its underlying type decides the shape. */
    private Value namedComposite(Value.TypeName name, GoPackage.TypeRef decl, Expr.CompositeLit c, Frame frame) {
        Expr underlying = decl.spec().type();
        if (underlying instanceof Expr.StructType st) {
            return struct(name, fieldNames(st), c, frame);
        }
        if (underlying instanceof Expr.MapType || underlying instanceof Expr.ArrayType) {
            return retyped(composite(c, underlying, frame), name);
        }
        return struct(name, List.of(), c, frame);
    }

    private Value.Struct struct(Value.TypeName type, List<String> positional, Expr.CompositeLit c, Frame frame) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (int i = 0; i < c.elts().size(); i++) {
            Expr el = c.elts().get(i);
            if (el instanceof Expr.KeyValueExpr kv && kv.key() instanceof Expr.Ident key) {
                fields.put(key.name(), eval(kv.value(), frame.valuesFrame()));
            } else if (i < positional.size()) {
                fields.put(positional.get(i), eval(el, frame.valuesFrame()));
            } else {
                fields.put("#" + i, eval(el, frame.valuesFrame()));
            }
        }
        return new Value.Struct(type, fields, c.pos());
    }

    /** The field names of a struct type in order; an embedded field is named by its type. */
    private static List<String> fieldNames(Expr.StructType st) {
        List<String> names = new ArrayList<>();
        for (Field f : st.fields().fields()) {
            if (f.names().isEmpty()) {
                names.add(baseTypeName(f.type()));
            } else {
                f.names().forEach(n -> names.add(n.name()));
            }
        }
        return names;
    }

    private static String baseTypeName(Expr t) {
        if (t instanceof Expr.StarExpr s) {
            return baseTypeName(s.x());
        }
        if (t instanceof Expr.SelectorExpr s) {
            return s.sel().name();
        }
        if (t instanceof Expr.Ident id) {
            return id.name();
        }
        if (t instanceof Expr.IndexExpr ix) {
            return baseTypeName(ix.x());
        }
        return "?";
    }

    /** An element whose type may be elided: {@code []T{{...}}} or {@code map[K]T{"k": {...}}}. */
    private Value element(Expr el, Expr elementType, Frame frame) {
        if (el instanceof Expr.CompositeLit lit && lit.type() == null) {
            return composite(lit, elementType, frame);
        }
        return eval(el, frame);
    }

    Value zeroValue(Expr type, Frame frame, Pos at) {
        if (type instanceof Expr.MapType) {
            return new Value.Nil(at);
        }
        if (type instanceof Expr.ArrayType) {
            return new Value.ListValue(List.of(), at);
        }
        if (type instanceof Expr.Ident id) {
            switch (id.name()) {
                case "string":
                    return new Value.Str("", at);
                case "bool":
                    return new Value.Bool(false, at);
                case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "byte", "rune":
                    return new Value.Int(BigInteger.ZERO, at);
                default:
                    break;
            }
        }
        NamedType named = namedType(type, frame);
        if (named != null) {
            Expr underlying = named.decl.spec().type();
            if (underlying instanceof Expr.StructType) {
                return new Value.Struct(named.name, new LinkedHashMap<>(), at);
            }
            if (underlying instanceof Expr.ArrayType) {
                return new Value.ListValue(List.of(), at, named.name);
            }
            return zeroValue(underlying, named.frame, at);
        }
        if (type instanceof Expr.SelectorExpr sel && sel.x() instanceof Expr.Ident pkgName) {
            Optional<String> path = module.resolveImport(frame.file, pkgName.name());
            if (path.isPresent() && module.packageAt(path.get()).isEmpty()) {
                return new Value.Struct(new Value.TypeName(path.get(), sel.sel().name()), new LinkedHashMap<>(), at);
            }
        }
        return new Value.Nil(at);
    }

    private void bindParameters(Expr.FuncType type, List<Value> args, Frame frame, Pos at) {
        int i = 0;
        List<Field> params = type.params().fields();
        for (int p = 0; p < params.size(); p++) {
            Field f = params.get(p);
            boolean variadic = f.type() instanceof Expr.Ellipsis && p == params.size() - 1;
            if (f.names().isEmpty()) {
                i++;
                continue;
            }
            for (Expr.Ident n : f.names()) {
                Value v;
                if (variadic) {
                    v = new Value.ListValue(i < args.size() ? args.subList(i, args.size()) : List.of(), at);
                    i = args.size();
                } else {
                    v = i < args.size() ? args.get(i) : new Value.Unknown("missing argument " + n.name(), at);
                    i++;
                }
                frame.scope.define(n.name(), v);
            }
        }
    }

    static String describe(Value v) {
        if (v instanceof Value.Unknown u) {
            return "an unknown value (" + u.why() + ")";
        }
        if (v instanceof Value.External e) {
            return e.shortName() + (e.isCall() ? "(…)" : "");
        }
        if (v instanceof Value.Struct s) {
            return "a " + s.type().shortName();
        }
        return v == null ? "nothing" : v.getClass().getSimpleName().toLowerCase();
    }

    Value unknown(String why, Expr at) {
        return new Value.Unknown(why, at.pos());
    }

    /** Where code runs: its package and file (for import names) and its local variables. */
    public static final class Frame {
        final GoPackage pkg;
        final GoFile file;
        final Scope scope;
        Value.Func function;
        private Frame valuesFrom;

        Frame(GoPackage pkg, GoFile file, Scope parent) {
            this.pkg = pkg;
            this.file = file;
            this.scope = new Scope(parent);
        }

        Frame child() {
            Frame f = new Frame(pkg, file, scope);
            f.function = function;
            f.valuesFrom = valuesFrom;
            return f;
        }

        /** A literal of another package's type still evaluates its elements where it is written. */
        Frame withValuesFrom(Frame site) {
            this.valuesFrom = site;
            return this;
        }

        Frame valuesFrame() {
            return valuesFrom != null ? valuesFrom : this;
        }
    }
}
