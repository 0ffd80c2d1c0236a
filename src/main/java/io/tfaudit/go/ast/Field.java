package io.tfaudit.go.ast;

import java.util.List;

/**
 * A struct field, a parameter or result, a type parameter, or an interface element. An
 * embedded field and an unnamed parameter have no names. {@code tag} is the raw literal.
 */
public record Field(Pos pos, CommentGroup doc, List<Expr.Ident> names, Expr type, Expr.BasicLit tag) implements Node {

    public boolean isEmbedded() {
        return names.isEmpty();
    }

    /** The decoded tag value (e.g. {@code tfsdk:"name"}), or "" without a tag. */
    public String tagValue() {
        return tag == null ? "" : tag.stringValue();
    }
}
