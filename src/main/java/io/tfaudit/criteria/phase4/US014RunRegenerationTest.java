package io.tfaudit.criteria.phase4;

import io.qameta.allure.Allure;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.ExternalCommand;
import io.tfaudit.audit.Findings;
import io.tfaudit.audit.GoToolchain;
import io.tfaudit.audit.GoTestRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Field;
import io.tfaudit.go.ast.FieldList;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Spec;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.parse.SyntaxError;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Regenerating gives the committed files back. Statically: a go:generate directive runs the
 * generator with the backend from STREAMKAP_BACKEND_PATH, the generated files carry the
 * "Code generated" marker, parse, and import exactly what they use. With consent, Go and a
 * backend checkout: the generator runs on a copy of the checkout and the copy's
 * internal/generated is compared with the committed one; {@code go build} compiles them.
 */
@UserStory(id = "US-014", title = "Run Regeneration Test", phase = Phase.PHASE_4)
public class US014RunRegenerationTest {

    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    @Test
    @DisplayName("Run: `STREAMKAP_BACKEND_PATH=/path/to/backend go generate ./...`")
    @Criterion(value = 1, severity = Severity.CRITICAL)
    void runGoGenerate(CriterionRun run) {
        Findings f = run.findings();
        GeneratedLayer gen = GeneratedLayer.of(run.provider());
        Optional<GeneratedLayer.Directive> d = gen.tfgenDirective();
        if (d.isEmpty()) {
            f.add(GeneratedLayer.DIR, "expected a //go:generate directive that runs tfgen, found none ("
                    + gen.directives().size() + " other directives): go generate does not regenerate the schemas");
        } else {
            String command = d.get().command();
            if (!command.contains("STREAMKAP_BACKEND_PATH")) {
                f.add(d.get().where(), "the directive does not take the backend from STREAMKAP_BACKEND_PATH: " + command);
            }
            runTarget(command).ifPresent(target -> {
                String dir = resolve(d.get().dir(), target);
                boolean exists = run.provider().module().tree().files().stream().anyMatch(g -> g.path().startsWith(dir + "/")
                        && g.path().indexOf('/', dir.length() + 1) < 0);
                if (!exists) {
                    f.add(d.get().where(), "the directive runs " + target + " (" + dir + "), which holds no Go package");
                }
            });
        }
        f.verify();
        Regeneration.Outcome o = regeneration(run);
        if (!o.command().succeeded()) {
            f.add(d.get().where(), String.join(" ", o.argv()) + " "
                    + (o.command().timedOut() ? "timed out after " + GoTestRun.goDuration(run.audit().config().toolTimeout(Regeneration.TIMEOUT)) : "exited " + o.command().exitCode())
                    + ":\n" + tail(o.command().output(), 30));
        }
        f.verify();
    }

    @Test
    @DisplayName("Run: `git diff internal/generated/`")
    @Criterion(value = 2, severity = Severity.CRITICAL)
    void diffTheGeneratedFiles(CriterionRun run) {
        Findings f = run.findings();
        if (GeneratedLayer.of(run.provider()).files().isEmpty()) {
            f.add(GeneratedLayer.DIR, "expected generated Go files, found none");
            f.verify();
        }
        Regeneration.Outcome o = regeneration(run);
        if (!o.command().succeeded()) {
            run.skip("the regeneration failed (see criterion 1), so there is nothing to compare", Regeneration.COMMAND);
        }
        if (!o.diff().isEmpty()) {
            Allure.addAttachment("git diff internal/generated/", "text/plain", o.diff(), ".diff");
        }
        for (Regeneration.Change c : o.of(Regeneration.Kind.ADDED)) {
            f.add(c.where(), "the generator produces this file, but it is not committed");
        }
        for (Regeneration.Change c : o.of(Regeneration.Kind.REMOVED)) {
            f.add(c.where(), "committed, but the generator no longer produces it (a stale file, or a connector the backend dropped)");
        }
        f.verify();
    }

    @Test
    @DisplayName("No changes (or only whitespace/formatting differences)")
    @Criterion(value = 3, severity = Severity.CRITICAL)
    void noChanges(CriterionRun run) {
        Findings f = run.findings();
        for (GoFile g : GeneratedLayer.of(run.provider()).files()) {
            if (GeneratedLayer.declaresSomething(g) && !g.isGenerated()) {
                f.add(g.path() + ":1", "expected the \"// Code generated ... DO NOT EDIT.\" line before the package clause, "
                        + "found none: hand-written code in the generated folder is lost or kept by accident at regeneration");
            }
        }
        f.verify();
        Regeneration.Outcome o = regeneration(run);
        if (!o.command().succeeded()) {
            run.skip("the regeneration failed (see criterion 1), so there is nothing to compare", Regeneration.COMMAND);
        }
        for (Regeneration.Change c : o.of(Regeneration.Kind.CHANGED)) {
            f.add(c.where(), "differs after regeneration: committed `" + c.committed() + "`, regenerated `" + c.regenerated() + "`");
        }
        if (!f.isEmpty()) {
            Allure.addAttachment("git diff internal/generated/", "text/plain", o.diff(), ".diff");
        }
        f.verify();
    }

    @Test
    @DisplayName("All generated files compile without errors")
    @Criterion(value = 4, severity = Severity.BLOCKER)
    void generatedFilesCompile(CriterionRun run) {
        Findings f = run.findings();
        GeneratedLayer gen = GeneratedLayer.of(run.provider());
        if (gen.files().isEmpty()) {
            f.add(GeneratedLayer.DIR, "expected generated Go files, found none");
        }
        for (SyntaxError e : run.provider().module().tree().allProblems()) {
            if (e.file() != null && e.file().startsWith(GeneratedLayer.DIR)) {
                f.add(e.file() + ":" + e.line(), "Go syntax error: " + e.message());
            }
        }
        for (GoFile g : gen.files()) {
            checkImports(g, f);
        }
        f.verify();
        String command = "go build ./" + GeneratedLayer.DIR + "...";
        if (!run.audit().config().exec()) {
            run.skip("every generated file parses and imports what it uses; compiling them needs consent (-Dexec=true)",
                    "cd " + run.audit().providerDir() + " && " + command);
        }
        if (ExternalCommand.onPath("go").isEmpty()) {
            run.skip("every generated file parses and imports what it uses; compiling them needs `go` on PATH", command);
        }
        try {
            ExternalCommand.Result r = ExternalCommand.run(run.audit().providerDir(), List.of("go", "build", GoTestRun.moduleMode(run.audit().providerDir()), "./" + GeneratedLayer.DIR + "..."),
                    run.audit().config().toolTimeout(BUILD_TIMEOUT));
            GoToolchain.unusableFor(r).ifPresent(why -> run.skip("every generated file parses and imports what it uses; "
                    + "compiling them could not be judged on this machine: " + why, command));
            if (!r.succeeded()) {
                f.add(GeneratedLayer.DIR, command + " " + (r.timedOut() ? "timed out" : "exited " + r.exitCode()) + ":\n" + tail(r.output(), 40));
            }
        } catch (IOException e) {
            run.skip("go build could not start: " + e.getMessage(), command);
        }
        f.verify();
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 5, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }

    // ------------------------------------------------------------------------------------

    /** The regeneration's outcome; skips the criterion, with the PRD's command, when it could not run. */
    private static Regeneration.Outcome regeneration(CriterionRun run) {
        Regeneration.Outcome o = Regeneration.of(run);
        if (o.notRun() != null) {
            run.skip(o.notRun(), Regeneration.COMMAND);
        }
        return o;
    }

    /** The package a {@code go run X ...} command runs. */
    static Optional<String> runTarget(String command) {
        String[] words = command.trim().split("\\s+");
        for (int i = 0; i + 2 < words.length; i++) {
            if (words[i].equals("go") && words[i + 1].equals("run")) {
                for (int j = i + 2; j < words.length; j++) {
                    if (!words[j].startsWith("-")) {
                        return words[j].startsWith(".") ? Optional.of(words[j]) : Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A relative package path from a directive's folder, as a module path ("internal/generated" + "../../cmd/tfgen"). */
    static String resolve(String dir, String relative) {
        List<String> parts = new ArrayList<>(dir.isEmpty() ? List.of() : List.of(dir.split("/")));
        for (String p : relative.split("/")) {
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!p.equals(".") && !p.isEmpty()) {
                parts.add(p);
            }
        }
        String out = String.join("/", parts);
        return out.endsWith(".go") && out.contains("/") ? out.substring(0, out.lastIndexOf('/')) : out;
    }

    /** Go refuses an unused import and a package name that is not imported: both are checked here. */
    static void checkImports(GoFile g, Findings f) {
        Map<String, Spec.ImportSpec> imported = new LinkedHashMap<>();
        for (Spec.ImportSpec i : g.imports()) {
            String name = i.name() != null ? i.name().name() : lastElement(i.importPath());
            if (!name.equals("_") && !name.equals(".")) {
                imported.put(name, i);
            }
        }
        Set<String> declared = declaredNames(g);
        Set<String> qualifiers = new HashSet<>();
        Map<String, Expr.SelectorExpr> firstUse = new LinkedHashMap<>();
        for (Decl d : g.decls()) {
            if (d instanceof Decl.GenDecl gd && gd.keyword() == Decl.Keyword.IMPORT) {
                continue;
            }
            for (Expr.SelectorExpr s : Walk.collect(d, Expr.SelectorExpr.class)) {
                if (s.x() instanceof Expr.Ident id && !declared.contains(id.name())) {
                    qualifiers.add(id.name());
                    firstUse.putIfAbsent(id.name(), s);
                }
            }
        }
        imported.forEach((name, spec) -> {
            if (!qualifiers.contains(name)) {
                f.add(spec.pos(), "\"" + spec.importPath() + "\" imported and not used: the file does not compile");
            }
        });
        firstUse.forEach((name, s) -> {
            if (!imported.containsKey(name) && Character.isLowerCase(name.charAt(0))) {
                f.add(s.pos(), "undefined: " + name + " (" + name + "." + s.sel().name() + " without an import): the file does not compile");
            }
        });
    }

    private static Set<String> declaredNames(GoFile g) {
        Set<String> out = new HashSet<>();
        for (Decl d : g.decls()) {
            if (d instanceof Decl.FuncDecl fn) {
                out.add(fn.name().name());
            }
            Walk.forEach(d, n -> {
                if (n instanceof Spec.ValueSpec v) {
                    v.names().forEach(id -> out.add(id.name()));
                } else if (n instanceof Spec.TypeSpec t) {
                    out.add(t.name().name());
                } else if (n instanceof FieldList fl) {
                    for (Field field : fl.fields()) {
                        field.names().forEach(id -> out.add(id.name()));
                    }
                } else if (n instanceof Stmt.AssignStmt a && a.op().equals(":=")) {
                    a.lhs().forEach(e -> {
                        if (e instanceof Expr.Ident id) {
                            out.add(id.name());
                        }
                    });
                } else if (n instanceof Stmt.RangeStmt r) {
                    for (Expr e : new Expr[] {r.key(), r.value()}) {
                        if (e instanceof Expr.Ident id) {
                            out.add(id.name());
                        }
                    }
                }
            });
        }
        return out;
    }

    private static String lastElement(String path) {
        String[] parts = path.split("/");
        String last = parts[parts.length - 1];
        if (last.matches("v[0-9]+") && parts.length > 1) {
            last = parts[parts.length - 2];
        }
        return last.replace("-", "_").replaceFirst("^go_", "");
    }

    private static String tail(String output, int lines) {
        String[] all = output.split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
