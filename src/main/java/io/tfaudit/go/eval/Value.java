package io.tfaudit.go.eval;

import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.program.GoPackage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the static evaluator knows about a Go value. Constants are exact; composite values
 * (structs, maps, slices) are mutable as in Go; a call into code that is not in the audited
 * module stays symbolic ({@link External}); what cannot be known is {@link Unknown}, with
 * the reason and the place. Every value remembers where it was made ({@code origin}).
 */
public sealed interface Value {

    Pos origin();

    /** A string; {@code type} is its named type when it has one ({@code type Algorithm string}), for its methods. */
    record Str(String value, Pos origin, TypeName type) implements Value {
        public Str(String value, Pos origin) {
            this(value, origin, null);
        }
    }

    record Int(BigInteger value, Pos origin) implements Value {}

    record Float(BigDecimal value, Pos origin) implements Value {}

    record Bool(boolean value, Pos origin) implements Value {}

    record Nil(Pos origin) implements Value {}

    /** Several results of one call: {@code a, err := f()}. */
    record Tuple(List<Value> values, Pos origin) implements Value {}

    /** Something the evaluator cannot know statically, and why. */
    record Unknown(String why, Pos origin) implements Value {}

    /**
     * A reference to, or a call of, a name from a package outside the module, e.g.
     * {@code stringvalidator.OneOf("a", "b")}; {@code args} is null for a plain reference.
     * A call on such a value extends the chain: {@code path.Root("x").AtName("y")}.
     */
    record External(String packagePath, String name, List<Value> args, Pos origin) implements Value {
        public boolean isCall() {
            return args != null;
        }

        /** The package's last path element and the name: {@code stringvalidator.OneOf}. */
        public String shortName() {
            int slash = packagePath.lastIndexOf('/');
            return (slash < 0 ? packagePath : packagePath.substring(slash + 1)) + "." + name;
        }
    }

    /** A named type: its package's import path and its name ("" package for anonymous structs). */
    record TypeName(String packagePath, String name) {
        public static final TypeName ANONYMOUS = new TypeName("", "struct{...}");

        public String shortName() {
            int slash = packagePath.lastIndexOf('/');
            return (slash < 0 ? packagePath : packagePath.substring(slash + 1)) + "." + name;
        }
    }

    /** A struct value; fields not set in its literal are absent (their zero value). */
    final class Struct implements Value {
        private final TypeName type;
        private final Map<String, Value> fields;
        private final Pos origin;

        public Struct(TypeName type, Map<String, Value> fields, Pos origin) {
            this.type = type;
            this.fields = fields;
            this.origin = origin;
        }

        public TypeName type() {
            return type;
        }

        public Map<String, Value> fields() {
            return fields;
        }

        public Value field(String name) {
            return fields.get(name);
        }

        @Override
        public Pos origin() {
            return origin;
        }

        /** Go's assignment of a struct value: a shallow copy. */
        public Struct copy() {
            return new Struct(type, new LinkedHashMap<>(fields), origin);
        }

        @Override
        public String toString() {
            return type.shortName() + fields;
        }
    }

    /**
     * A map; keys are constants (String, BigInteger, Boolean) in insertion order. {@code type}
     * is its named type when it has one ({@code type Registry map[string]F}), for its methods.
     */
    final class MapValue implements Value {
        private final Map<Object, Value> entries = new LinkedHashMap<>();
        private final Pos origin;
        private final TypeName type;

        public MapValue(Pos origin) {
            this(origin, null);
        }

        public MapValue(Pos origin, TypeName type) {
            this.origin = origin;
            this.type = type;
        }

        /** The named type, or null for {@code map[K]V}. */
        public TypeName type() {
            return type;
        }

        public Map<Object, Value> entries() {
            return entries;
        }

        @Override
        public Pos origin() {
            return origin;
        }

        @Override
        public String toString() {
            return "map" + entries;
        }
    }

    /**
     * A slice or array. {@code type} is its named type when it has one
     * ({@code type Options []Option}), so that its methods can be called.
     */
    final class ListValue implements Value {
        private final List<Value> elements;
        private final Pos origin;
        private final TypeName type;

        public ListValue(List<Value> elements, Pos origin) {
            this(elements, origin, null);
        }

        public ListValue(List<Value> elements, Pos origin, TypeName type) {
            this.elements = new ArrayList<>(elements);
            this.origin = origin;
            this.type = type;
        }

        /** The named type, or null for {@code []T}. */
        public TypeName type() {
            return type;
        }

        public List<Value> elements() {
            return elements;
        }

        @Override
        public Pos origin() {
            return origin;
        }

        @Override
        public String toString() {
            return "list" + elements;
        }
    }

    /** A function of the module: a declaration (bound to a receiver for a method value) or a literal with its closure. */
    final class Func implements Value {
        final GoPackage pkg;
        final GoFile file;
        final Decl.FuncDecl decl;
        final Expr.FuncLit literal;
        final Scope closure;
        final Value receiver;

        Func(GoPackage pkg, GoFile file, Decl.FuncDecl decl, Expr.FuncLit literal, Scope closure, Value receiver) {
            this.pkg = pkg;
            this.file = file;
            this.decl = decl;
            this.literal = literal;
            this.closure = closure;
            this.receiver = receiver;
        }

        public Decl.FuncDecl decl() {
            return decl;
        }

        public GoPackage pkg() {
            return pkg;
        }

        public GoFile file() {
            return file;
        }

        /** {@code pkg.Func} or {@code pkg.(Recv).Method} or {@code func literal at file:line}. */
        public String describe() {
            if (decl == null) {
                return "func literal at " + literal.pos().fileAndLine();
            }
            String base = pkg.name() + ".";
            return decl.isMethod() ? base + "(" + decl.receiverTypeName() + ")." + decl.name().name() : base + decl.name().name();
        }

        @Override
        public Pos origin() {
            return decl != null ? decl.pos() : literal.pos();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** A constant's key in a map: strings, integers and booleans compare by value. */
    static Object keyOf(Value v) {
        if (v instanceof Str s) {
            return s.value();
        }
        if (v instanceof Int i) {
            return i.value();
        }
        if (v instanceof Bool b) {
            return b.value();
        }
        return new IdentityKey(v);
    }

    /** A key that is not a constant: equal only to itself. */
    record IdentityKey(Value value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && k.value == value;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(System.identityHashCode(value));
        }
    }

    /** The string of a constant string value, or null. */
    static String stringOf(Value v) {
        return v instanceof Str s ? s.value() : null;
    }
}
