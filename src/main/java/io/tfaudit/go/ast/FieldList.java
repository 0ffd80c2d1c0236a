package io.tfaudit.go.ast;

import java.util.List;

/** A parenthesised or braced list of fields: parameters, results, struct fields, methods. */
public record FieldList(Pos pos, List<Field> fields) implements Node {

    /** How many values the list declares: {@code (a, b int, c string)} has 3. */
    public int arity() {
        int n = 0;
        for (Field f : fields) {
            n += Math.max(1, f.names().size());
        }
        return n;
    }
}
