package io.tfaudit.go.eval;

import io.tfaudit.go.ast.Pos;
import java.util.List;
import java.util.Optional;

/**
 * The few standard-library functions whose result a provider's declarations depend on
 * (string building, map copying), computed on constant arguments.
 */
final class Stdlib {

    private Stdlib() {}

    static Optional<Value> call(Value.External fn, List<Value> args, Pos at) {
        String key = fn.packagePath() + "." + fn.name();
        switch (key) {
            case "fmt.Sprintf":
                return sprintf(args, at);
            case "strings.ToLower":
                return str(args, 0).map(s -> new Value.Str(s.toLowerCase(java.util.Locale.ROOT), at));
            case "strings.ToUpper":
                return str(args, 0).map(s -> new Value.Str(s.toUpperCase(java.util.Locale.ROOT), at));
            case "strings.TrimSpace":
                return str(args, 0).map(s -> new Value.Str(s.strip(), at));
            case "strings.ReplaceAll":
                if (str(args, 0).isPresent() && str(args, 1).isPresent() && str(args, 2).isPresent()) {
                    return Optional.of(new Value.Str(str(args, 0).get().replace(str(args, 1).get(), str(args, 2).get()), at));
                }
                return Optional.empty();
            case "strings.TrimPrefix":
                if (str(args, 0).isPresent() && str(args, 1).isPresent()) {
                    String s = str(args, 0).get();
                    String p = str(args, 1).get();
                    return Optional.of(new Value.Str(s.startsWith(p) ? s.substring(p.length()) : s, at));
                }
                return Optional.empty();
            case "strings.TrimSuffix":
                if (str(args, 0).isPresent() && str(args, 1).isPresent()) {
                    String s = str(args, 0).get();
                    String p = str(args, 1).get();
                    return Optional.of(new Value.Str(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s, at));
                }
                return Optional.empty();
            case "strings.Join":
                if (!args.isEmpty() && args.get(0) instanceof Value.ListValue l && str(args, 1).isPresent()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < l.elements().size(); i++) {
                        if (!(l.elements().get(i) instanceof Value.Str s)) {
                            return Optional.empty();
                        }
                        sb.append(i == 0 ? "" : str(args, 1).get()).append(s.value());
                    }
                    return Optional.of(new Value.Str(sb.toString(), at));
                }
                return Optional.empty();
            case "maps.Copy":
                if (args.size() == 2 && args.get(0) instanceof Value.MapValue dst && args.get(1) instanceof Value.MapValue src) {
                    dst.entries().putAll(src.entries());
                    return Optional.of(new Value.Nil(at));
                }
                return Optional.empty();
            case "maps.Clone":
                if (args.size() == 1 && args.get(0) instanceof Value.MapValue src) {
                    Value.MapValue copy = new Value.MapValue(at);
                    copy.entries().putAll(src.entries());
                    return Optional.of(copy);
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> str(List<Value> args, int i) {
        return i < args.size() && args.get(i) instanceof Value.Str s ? Optional.of(s.value()) : Optional.empty();
    }

    /** %s %d %v %q and %% with constant arguments; anything else stays unknown. */
    private static Optional<Value> sprintf(List<Value> args, Pos at) {
        Optional<String> format = str(args, 0);
        if (format.isEmpty()) {
            return Optional.empty();
        }
        String f = format.get();
        StringBuilder out = new StringBuilder();
        int arg = 1;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%' || i + 1 >= f.length()) {
                out.append(c);
                continue;
            }
            char verb = f.charAt(++i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (arg >= args.size()) {
                return Optional.empty();
            }
            Value v = args.get(arg++);
            String text;
            if (v instanceof Value.Str s) {
                text = s.value();
            } else if (v instanceof Value.Int n) {
                text = n.value().toString();
            } else if (v instanceof Value.Bool b) {
                text = Boolean.toString(b.value());
            } else {
                return Optional.empty();
            }
            switch (verb) {
                case 's', 'v', 'd' -> out.append(text);
                case 'q' -> out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Value.Str(out.toString(), at));
    }
}
