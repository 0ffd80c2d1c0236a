package io.tfaudit.go.eval;

import io.tfaudit.go.ast.Expr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Go's predeclared functions, as far as static evaluation needs them. */
final class Builtins {

    private static final Set<String> BASIC_TYPES = Set.of(
            "string", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
            "uint64", "uintptr", "byte", "rune", "float32", "float64", "complex64", "complex128", "any", "error");

    private Builtins() {}

    static boolean isBasicType(String name) {
        return BASIC_TYPES.contains(name);
    }

    static Optional<Value> call(Evaluator ev, String name, Expr.CallExpr c, Evaluator.Frame frame) {
        List<Expr> args = c.args();
        switch (name) {
            case "len": {
                Value v = ev.eval(args.get(0), frame);
                if (v instanceof Value.Str s) {
                    return Optional.of(new Value.Int(BigInteger.valueOf(s.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length), c.pos()));
                }
                if (v instanceof Value.ListValue l) {
                    return Optional.of(new Value.Int(BigInteger.valueOf(l.elements().size()), c.pos()));
                }
                if (v instanceof Value.MapValue m) {
                    return Optional.of(new Value.Int(BigInteger.valueOf(m.entries().size()), c.pos()));
                }
                if (v instanceof Value.Nil) {
                    return Optional.of(new Value.Int(BigInteger.ZERO, c.pos()));
                }
                return Optional.of(new Value.Unknown("len of " + Evaluator.describe(v), c.pos()));
            }
            case "append": {
                Value base = ev.eval(args.get(0), frame);
                List<Value> out = new ArrayList<>();
                if (base instanceof Value.ListValue l) {
                    out.addAll(l.elements());
                } else if (!(base instanceof Value.Nil)) {
                    return Optional.of(new Value.Unknown("append to " + Evaluator.describe(base), c.pos()));
                }
                for (int i = 1; i < args.size(); i++) {
                    Value v = ev.eval(args.get(i), frame);
                    if (c.hasEllipsis() && i == args.size() - 1) {
                        if (v instanceof Value.ListValue spread) {
                            out.addAll(spread.elements());
                        } else if (v instanceof Value.Str s) {
                            out.add(s);
                        } else {
                            return Optional.of(new Value.Unknown("append of " + Evaluator.describe(v) + "...", c.pos()));
                        }
                    } else {
                        out.add(v);
                    }
                }
                return Optional.of(base instanceof Value.ListValue l ? new Value.ListValue(out, l.origin(), l.type())
                        : new Value.ListValue(out, c.pos()));
            }
            case "delete": {
                Value m = ev.eval(args.get(0), frame);
                Value k = ev.eval(args.get(1), frame);
                if (m instanceof Value.MapValue map) {
                    map.entries().remove(Value.keyOf(k));
                }
                return Optional.of(new Value.Nil(c.pos()));
            }
            case "make": {
                Value length = args.size() > 1 ? ev.eval(args.get(1), frame) : null;
                return Optional.of(ev.make(args.get(0), length, frame, c.pos()));
            }
            case "new":
                return Optional.of(ev.zeroValue(args.get(0), frame, c.pos()));
            case "panic":
                return Optional.of(new Value.Unknown("panic", c.pos()));
            case "copy", "print", "println", "close", "clear", "cap", "complex", "real", "imag", "recover", "min", "max":
                return Optional.of(new Value.Unknown("builtin " + name, c.pos()));
            default:
                return Optional.empty();
        }
    }
}
