package io.tfaudit.go.eval;

import java.util.HashMap;
import java.util.Map;

/** Local variables of a block, chained to the enclosing block's. */
final class Scope {

    private final Scope parent;
    private final Map<String, Value> vars = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    void define(String name, Value v) {
        if (!"_".equals(name)) {
            vars.put(name, v);
        }
    }

    /** Assigns to the innermost variable of that name; false when there is none. */
    boolean assign(String name, Value v) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.vars.containsKey(name)) {
                s.vars.put(name, v);
                return true;
            }
        }
        return false;
    }

    /** The variable's value, or null when no enclosing block declares it. */
    Value lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Value v = s.vars.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
