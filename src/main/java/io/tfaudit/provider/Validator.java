package io.tfaudit.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

import io.tfaudit.go.ast.Pos;
import java.util.ArrayList;
import java.util.List;

/**
 * A validator call as written, e.g. {@code stringvalidator.OneOf("a", "b")} or
 * {@code int64validator.Between(1, 65535)}: its qualified name and its decoded arguments
 * (strings, BigIntegers, booleans, nested calls as their {@code describe()} text, attribute
 * paths as their names).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Validator(String name, List<Object> arguments, Pos pos) {

    public boolean isOneOf() {
        return name.endsWith(".OneOf") || name.endsWith(".OneOfCaseInsensitive");
    }

    public List<String> stringArguments() {
        List<String> out = new ArrayList<>();
        for (Object a : arguments) {
            if (a instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name + arguments;
    }
}
