package io.tfaudit.go.ast;

import java.util.List;

/** Top-level declarations (and, for GenDecl, declarations inside functions). */
public sealed interface Decl extends Node {

    CommentGroup doc();

    /** {@code import}, {@code const}, {@code type} or {@code var}, single or grouped in parentheses. */
    record GenDecl(Pos pos, CommentGroup doc, Keyword keyword, boolean grouped, List<Spec> specs) implements Decl {}

    enum Keyword { IMPORT, CONST, TYPE, VAR }

    /** A function, or a method when {@code recv} is present; {@code body} is null for an external function. */
    record FuncDecl(Pos pos, CommentGroup doc, FieldList recv, Expr.Ident name, Expr.FuncType type, Stmt.BlockStmt body)
            implements Decl {

        public boolean isMethod() {
            return recv != null;
        }

        /** The receiver's base type name ({@code T} for {@code *T} or {@code T[K]}), or null for a function. */
        public String receiverTypeName() {
            if (recv == null || recv.fields().isEmpty()) {
                return null;
            }
            Expr t = recv.fields().get(0).type();
            while (true) {
                if (t instanceof Expr.StarExpr s) {
                    t = s.x();
                } else if (t instanceof Expr.ParenExpr p) {
                    t = p.x();
                } else if (t instanceof Expr.IndexExpr i) {
                    t = i.x();
                } else if (t instanceof Expr.IndexListExpr i) {
                    t = i.x();
                } else {
                    break;
                }
            }
            return t instanceof Expr.Ident id ? id.name() : null;
        }
    }
}
