package io.tfaudit.go.ast;

import java.util.List;

/** Statements, shaped as in {@code go/ast}. Optional parts are {@code null}. */
public sealed interface Stmt extends Node {

    record BadStmt(Pos pos) implements Stmt {}

    record DeclStmt(Pos pos, Decl.GenDecl decl) implements Stmt {}

    /** An explicit {@code ;}, or the implicit statement of a label that labels nothing. */
    record EmptyStmt(Pos pos, boolean implicit) implements Stmt {}

    record LabeledStmt(Pos pos, Expr.Ident label, Stmt stmt) implements Stmt {}

    record ExprStmt(Pos pos, Expr x) implements Stmt {}

    record SendStmt(Pos pos, Expr chan, Expr value) implements Stmt {}

    /** {@code x++} or {@code x--}. */
    record IncDecStmt(Pos pos, Expr x, String op) implements Stmt {}

    /**
     * {@code lhs op rhs} where op is {@code =}, {@code :=} or an operator-assignment. An
     * index assignment such as {@code s.Attributes["x"] = v} has an {@link Expr.IndexExpr} on the left.
     */
    record AssignStmt(Pos pos, List<Expr> lhs, String op, List<Expr> rhs) implements Stmt {
        public boolean isDefine() {
            return ":=".equals(op);
        }
    }

    record GoStmt(Pos pos, Expr call) implements Stmt {}

    record DeferStmt(Pos pos, Expr call) implements Stmt {}

    record ReturnStmt(Pos pos, List<Expr> results) implements Stmt {}

    /** {@code break}, {@code continue}, {@code goto} or {@code fallthrough}, with its label if any. */
    record BranchStmt(Pos pos, String keyword, Expr.Ident label) implements Stmt {}

    record BlockStmt(Pos pos, List<Stmt> list) implements Stmt {}

    /** {@code els} is an {@link IfStmt} or a {@link BlockStmt}. */
    record IfStmt(Pos pos, Stmt init, Expr cond, BlockStmt body, Stmt els) implements Stmt {}

    /** A case of an expression or type switch; {@code list} is empty for {@code default}. */
    record CaseClause(Pos pos, boolean isDefault, List<Expr> list, List<Stmt> body) implements Stmt {}

    /** {@code body} holds {@link CaseClause}s. */
    record SwitchStmt(Pos pos, Stmt init, Expr tag, BlockStmt body) implements Stmt {}

    /** {@code assign} is {@code x := y.(type)} (an AssignStmt) or {@code y.(type)} (an ExprStmt). */
    record TypeSwitchStmt(Pos pos, Stmt init, Stmt assign, BlockStmt body) implements Stmt {}

    /** A case of a select; {@code comm} is null for {@code default}. */
    record CommClause(Pos pos, Stmt comm, List<Stmt> body) implements Stmt {}

    record SelectStmt(Pos pos, BlockStmt body) implements Stmt {}

    record ForStmt(Pos pos, Stmt init, Expr cond, Stmt post, BlockStmt body) implements Stmt {}

    /** {@code for key, value op range x}; {@code op} is null when there are no variables. */
    record RangeStmt(Pos pos, Expr key, Expr value, String op, Expr x, BlockStmt body) implements Stmt {}
}
