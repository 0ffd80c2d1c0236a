package io.tfaudit.provider;

import io.tfaudit.go.ast.Expr;

/** A type expression as Go source would show it, for evidence: {@code types.String}, {@code []*T}. */
final class TypeText {

    private TypeText() {}

    static String of(Expr t) {
        if (t instanceof Expr.Ident id) {
            return id.name();
        }
        if (t instanceof Expr.SelectorExpr s) {
            return of(s.x()) + "." + s.sel().name();
        }
        if (t instanceof Expr.StarExpr s) {
            return "*" + of(s.x());
        }
        if (t instanceof Expr.ArrayType a) {
            return "[" + (a.len() == null ? "" : a.len() instanceof Expr.Ellipsis ? "..." : "N") + "]" + of(a.elt());
        }
        if (t instanceof Expr.MapType m) {
            return "map[" + of(m.key()) + "]" + of(m.value());
        }
        if (t instanceof Expr.IndexExpr ix) {
            return of(ix.x()) + "[" + of(ix.index()) + "]";
        }
        if (t instanceof Expr.StructType) {
            return "struct{…}";
        }
        if (t instanceof Expr.InterfaceType) {
            return "interface{…}";
        }
        if (t instanceof Expr.FuncType) {
            return "func(…)";
        }
        return "?";
    }
}
