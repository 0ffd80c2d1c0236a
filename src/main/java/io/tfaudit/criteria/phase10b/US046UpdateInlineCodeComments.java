package io.tfaudit.criteria.phase10b;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.ast.Spec;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The files the PRD names explain their complex logic: some comment of the file explains the
 * named topic, each complex function (cyclomatic complexity at least {@value #COMPLEX}) has a
 * doc comment saying what it does, and each very complex one (at least {@value #VERY_COMPLEX})
 * also comments its steps inside its body. Every exported
 * function, and every exported method of an exported type, has a GoDoc comment.
 */
@UserStory(id = "US-046", title = "Update Inline Code Comments", phase = Phase.PHASE_10B)
public class US046UpdateInlineCodeComments {

    /** From this cyclomatic complexity on, a function's logic is complex enough to need comments. */
    static final int COMPLEX = 8;

    /** From this cyclomatic complexity on, a doc comment is not enough: the body explains its steps too. */
    static final int VERY_COMPLEX = 20;

    @Test
    @DisplayName("Add/update comments in `internal/resource/connector/base.go` explaining reflection logic")
    @Criterion(value = 1, severity = Severity.MINOR)
    void baseGo(CriterionRun run) {
        verifyCommented(run, "internal/resource/connector/base.go", "reflection logic",
                t -> Pattern.compile("(?i)reflect|tfsdk").matcher(t).find());
    }

    @Test
    @DisplayName("Add/update comments in `cmd/tfgen/parser.go` explaining JSON parsing rules")
    @Criterion(value = 2, severity = Severity.MINOR)
    void parserGo(CriterionRun run) {
        verifyCommented(run, "cmd/tfgen/parser.go", "JSON parsing rules",
                t -> Pattern.compile("(?i)\\bjson\\b|user_defined|configuration\\.latest").matcher(t).find());
    }

    @Test
    @DisplayName("Add/update comments in `cmd/tfgen/generator.go` explaining type mapping decisions")
    @Criterion(value = 3, severity = Severity.MINOR)
    void generatorGo(CriterionRun run) {
        verifyCommented(run, "cmd/tfgen/generator.go", "type mapping decisions",
                t -> Pattern.compile("(?i)\\btypes?\\b|\\bint64\\b|\\bbool\\b|\\bcontrol").matcher(t).find()
                        && Pattern.compile("(?i)\\bmap|→|->|\\bbecomes?\\b|\\bas an?\\b").matcher(t).find());
    }

    @Test
    @DisplayName("Add/update comments in `internal/api/client.go` explaining OAuth2 flow")
    @Criterion(value = 4, severity = Severity.MINOR)
    void clientGo(CriterionRun run) {
        verifyCommented(run, "internal/api/client.go", "OAuth2 flow",
                t -> Pattern.compile("(?i)oauth|access token|bearer|client credentials").matcher(t).find());
    }

    @Test
    @DisplayName("Add/update comments in `internal/api/retry.go` explaining retry strategy")
    @Criterion(value = 5, severity = Severity.MINOR)
    void retryGo(CriterionRun run) {
        verifyCommented(run, "internal/api/retry.go", "retry strategy",
                t -> Pattern.compile("(?i)retr(y|ies|ied)").matcher(t).find()
                        && Pattern.compile("(?i)backoff|attempt|5\\d\\d|timeout|transient|wait|delay|jitter|retryable").matcher(t).find());
    }

    /** The file exists, a comment explains the topic, and its complex functions are commented. */
    static void verifyCommented(CriterionRun run, String path, String topic, java.util.function.Predicate<String> explains) {
        Findings f = run.findings();
        Optional<GoFile> file = run.provider().module().tree().file(path);
        if (file.isEmpty()) {
            f.add(path, "expected the file the PRD names, found no such file");
            f.verify();
        }
        GoFile g = file.get();
        if (g.comments().stream().noneMatch(c -> explains.test(c.text()))) {
            f.add(path + ":1", "expected a comment explaining the " + topic + ", found none among its " + g.comments().size()
                    + " comment(s)");
        }
        StringBuilder measured = new StringBuilder();
        List<Decl> decls = g.decls();
        for (int i = 0; i < decls.size(); i++) {
            if (!(decls.get(i) instanceof Decl.FuncDecl fn) || fn.body() == null) {
                continue;
            }
            int complexity = complexity(fn);
            measured.append(name(fn)).append(": ").append(complexity).append('\n');
            if (complexity < COMPLEX) {
                continue;
            }
            if (!hasDoc(fn)) {
                f.add(fn.pos().fileAndLine(), name(fn) + " (cyclomatic complexity " + complexity
                        + ") has no doc comment explaining what it does");
            }
            if (complexity >= VERY_COMPLEX && !commentedInside(g, decls, i)) {
                f.add(fn.pos().fileAndLine(), name(fn) + " (cyclomatic complexity " + complexity
                        + ") has no comment inside its body explaining its logic");
            }
        }
        run.evidence("cyclomatic complexity of " + path, measured.toString());
        f.verify();
    }

    /** Whether a comment lies inside the body of the function declared at decls[i]. */
    private static boolean commentedInside(GoFile g, List<Decl> decls, int i) {
        Decl.FuncDecl fn = (Decl.FuncDecl) decls.get(i);
        int end = i + 1 < decls.size() ? startLine(decls.get(i + 1)) : Integer.MAX_VALUE;
        return g.comments().stream().anyMatch(c -> c.pos().line() > fn.pos().line() && c.pos().line() < end);
    }

    /**
     * FR-33, "Complex logic must have inline comments explaining rationale", by its own words and
     * in every hand-written Go file (not tests, not generated code): a complex function (from
     * {@value #COMPLEX}) is explained by a comment, its doc comment or one in its body; a very
     * complex one (from {@value #VERY_COMPLEX}) by a comment inside its body. No topic is asked
     * (that is each US-046 line's), nor a doc comment where the body explains itself.
     */
    public static void complexLogicCommented(CriterionRun run) {
        Findings f = run.findings();
        int complex = 0;
        for (GoFile g : run.provider().module().tree().files()) {
            if (g.isTestFile() || generated(g)) {
                continue;
            }
            List<Decl> decls = g.decls();
            for (int i = 0; i < decls.size(); i++) {
                if (!(decls.get(i) instanceof Decl.FuncDecl fn) || fn.body() == null) {
                    continue;
                }
                int complexity = complexity(fn);
                if (complexity < COMPLEX) {
                    continue;
                }
                complex++;
                boolean inside = commentedInside(g, decls, i);
                if (complexity >= VERY_COMPLEX && !inside) {
                    f.add(fn.pos().fileAndLine(), name(fn) + " (cyclomatic complexity " + complexity
                            + ") has no comment inside its body explaining its logic");
                } else if (!inside && !hasDoc(fn)) {
                    f.add(fn.pos().fileAndLine(), name(fn) + " (cyclomatic complexity " + complexity
                            + ") has no comment explaining it (neither a doc comment nor one in its body)");
                }
            }
        }
        run.evidence("complex functions", complex + " hand-written function(s) of cyclomatic complexity " + COMPLEX + " or more");
        f.verify();
    }

    private static final Pattern GENERATED = Pattern.compile("^// Code generated .* DO NOT EDIT\\.$");

    private static boolean generated(GoFile g) {
        return g.comments().stream().flatMap(c -> c.comments().stream()).anyMatch(c -> GENERATED.matcher(c).matches());
    }

    private static int startLine(Decl d) {
        return d.doc() != null ? d.doc().pos().line() : d instanceof Decl.FuncDecl fn ? fn.pos().line()
                : ((Decl.GenDecl) d).pos().line();
    }

    static String name(Decl.FuncDecl fn) {
        return fn.isMethod() ? "(" + fn.receiverTypeName() + ")." + fn.name().name() : fn.name().name();
    }

    private static boolean hasDoc(Decl.FuncDecl fn) {
        return fn.doc() != null && !fn.doc().text().isBlank();
    }

    /** 1 + decisions: if, for, range, each non-default case, each select case, each && and ||. */
    static int complexity(Decl.FuncDecl fn) {
        int[] n = {1};
        Walk.forEach(fn.body(), node -> {
            if (node instanceof Stmt.IfStmt || node instanceof Stmt.ForStmt || node instanceof Stmt.RangeStmt) {
                n[0]++;
            } else if (node instanceof Stmt.CaseClause c && !c.isDefault()) {
                n[0]++;
            } else if (node instanceof Stmt.CommClause c && c.comm() != null) {
                n[0]++;
            } else if (node instanceof Expr.BinaryExpr b && (b.op().equals("&&") || b.op().equals("||"))) {
                n[0]++;
            }
        });
        return n[0];
    }

    @Test
    @DisplayName("All exported functions have GoDoc comments")
    @Criterion(value = 6, severity = Severity.MINOR)
    void exportedFunctionsHaveGoDoc(CriterionRun run) {
        Findings f = run.findings();
        int exported = 0;
        for (GoFile g : run.provider().module().tree().files()) {
            if (g.isTestFile()) {
                continue;
            }
            Set<String> exportedTypes = new HashSet<>();
            for (GoFile same : run.provider().module().packageOf(g).files()) {
                for (Spec.TypeSpec t : same.typeSpecs()) {
                    if (t.name().isExported()) {
                        exportedTypes.add(t.name().name());
                    }
                }
            }
            for (Decl.FuncDecl fn : g.funcs()) {
                if (!fn.name().isExported() || fn.isMethod() && !exportedTypes.contains(fn.receiverTypeName())) {
                    continue;
                }
                exported++;
                if (!hasDoc(fn)) {
                    f.add(fn.pos().fileAndLine(), (fn.isMethod() ? "method " : "func ") + name(fn) + " is exported, expected a GoDoc "
                            + "comment (// " + fn.name().name() + " ...), found none");
                }
            }
        }
        run.evidence("exported functions", exported + " exported function(s) and method(s) of exported types, outside tests");
        f.verify();
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 7, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
