package io.tfaudit.go.ast;

import java.util.List;

/** One specification of a {@link Decl.GenDecl}. */
public sealed interface Spec extends Node {

    CommentGroup doc();

    /** {@code name} is the alias ({@code _}, {@code .} or an identifier), or null. */
    record ImportSpec(Pos pos, CommentGroup doc, Expr.Ident name, Expr.BasicLit path) implements Spec {
        public String importPath() {
            return path.stringValue();
        }
    }

    /** A const or var spec; {@code type} may be null and {@code values} empty. */
    record ValueSpec(Pos pos, CommentGroup doc, List<Expr.Ident> names, Expr type, List<Expr> values) implements Spec {}

    /** {@code type Name[P any] = T}; {@code typeParams} may be null, {@code alias} marks {@code =}. */
    record TypeSpec(Pos pos, CommentGroup doc, Expr.Ident name, FieldList typeParams, boolean alias, Expr type)
            implements Spec {}
}
