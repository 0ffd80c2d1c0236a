package io.tfaudit.go.ast;

import java.util.List;

/**
 * Expressions, types included: in Go source a type in expression position is an expression
 * ({@code T(x)}, {@code []T{}}, {@code (*T).m}), so, as in {@code go/ast}, types are nodes of
 * this same family. Optional parts are {@code null}.
 */
public sealed interface Expr extends Node {

    /** What could not be read; its position is where reading failed. */
    record BadExpr(Pos pos) implements Expr {}

    record Ident(Pos pos, String name) implements Expr {
        public boolean isBlank() {
            return "_".equals(name);
        }

        public boolean isExported() {
            return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0));
        }
    }

    /** {@code ...T} of a variadic parameter, or the length of {@code [...]T}; {@code elt} may be null. */
    record Ellipsis(Pos pos, Expr elt) implements Expr {}

    /** A literal as written ({@code raw}); the decoding accessors give its value. */
    record BasicLit(Pos pos, LitKind kind, String raw) implements Expr {

        /** The value of a string literal (interpreted or raw). */
        public String stringValue() {
            if (kind != LitKind.STRING) {
                throw new IllegalStateException("not a string literal: " + raw);
            }
            return Literals.unquoteString(raw);
        }

        /** The value of a literal as a Java object: String, Integer (rune code point), BigInteger, BigDecimal, or the raw text of an imaginary literal. */
        public Object value() {
            return switch (kind) {
                case STRING -> Literals.unquoteString(raw);
                case CHAR -> Literals.unquoteRune(raw);
                case INT -> Literals.parseInt(raw);
                case FLOAT -> Literals.parseFloat(raw);
                case IMAG -> raw;
            };
        }
    }

    enum LitKind { INT, FLOAT, IMAG, CHAR, STRING }

    /** {@code T{elts}}; {@code type} is null where it is elided ({@code []T{{1}, {2}}}). */
    record CompositeLit(Pos pos, Expr type, List<Expr> elts) implements Expr {}

    record FuncLit(Pos pos, FuncType type, Stmt.BlockStmt body) implements Expr {}

    record ParenExpr(Pos pos, Expr x) implements Expr {}

    record SelectorExpr(Pos pos, Expr x, Ident sel) implements Expr {}

    record IndexExpr(Pos pos, Expr x, Expr index) implements Expr {}

    /** {@code x[A, B]}: an instantiation with several type arguments. */
    record IndexListExpr(Pos pos, Expr x, List<Expr> indices) implements Expr {}

    record SliceExpr(Pos pos, Expr x, Expr low, Expr high, Expr max, boolean slice3) implements Expr {}

    /** {@code x.(T)}; {@code type} is null for the {@code x.(type)} of a type switch. */
    record TypeAssertExpr(Pos pos, Expr x, Expr type) implements Expr {}

    /** A call or a conversion; {@code hasEllipsis} for {@code f(xs...)}. */
    record CallExpr(Pos pos, Expr fun, List<Expr> args, boolean hasEllipsis) implements Expr {}

    /** {@code *x}: a dereference or a pointer type. */
    record StarExpr(Pos pos, Expr x) implements Expr {}

    /** {@code op x} for op in {@code + - ! ^ & <- ~}. */
    record UnaryExpr(Pos pos, String op, Expr x) implements Expr {}

    record BinaryExpr(Pos pos, Expr x, String op, Expr y) implements Expr {}

    record KeyValueExpr(Pos pos, Expr key, Expr value) implements Expr {}

    /** {@code [len]elt}; {@code len} is null for a slice and an {@link Ellipsis} for {@code [...]T}. */
    record ArrayType(Pos pos, Expr len, Expr elt) implements Expr {}

    record StructType(Pos pos, FieldList fields) implements Expr {}

    /** A signature; {@code typeParams} and {@code results} may be null. */
    record FuncType(Pos pos, FieldList typeParams, FieldList params, FieldList results) implements Expr {}

    record InterfaceType(Pos pos, FieldList methods) implements Expr {}

    record MapType(Pos pos, Expr key, Expr value) implements Expr {}

    record ChanType(Pos pos, ChanDir dir, Expr value) implements Expr {}

    enum ChanDir { BOTH, SEND, RECV }
}
