package io.tfaudit.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

import io.tfaudit.go.ast.Pos;
import java.util.List;
import java.util.Map;

/**
 * One attribute of a resource's effective schema, read from the Go source. {@code kind} is
 * the framework's attribute type without its suffix ({@code String}, {@code Int64},
 * {@code ListNested}, ...). {@code defaultValue} is the decoded static default, or null when
 * there is none or it is not static ({@code defaultExpression} then says what it is).
 * {@code type} is its value type, to any depth ({@code ["list",["object",{...}]]}), or null
 * for a nested attribute, whose {@code nested} attributes say it. {@code pos} is where the
 * attribute's literal is written.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Attribute(
        String name,
        String kind,
        boolean required,
        boolean optional,
        boolean computed,
        boolean sensitive,
        boolean writeOnly,
        String description,
        String markdownDescription,
        String deprecationMessage,
        Object defaultValue,
        String defaultExpression,
        List<Validator> validators,
        List<String> planModifiers,
        String elementType,
        String customType,
        Map<String, Attribute> nested,
        TfType type,
        Pos pos) {

    public boolean isDeprecated() {
        return deprecationMessage != null && !deprecationMessage.isEmpty();
    }

    public boolean hasDefault() {
        return defaultExpression != null;
    }

    public boolean isNested() {
        return kind.endsWith("Nested");
    }

    /** The values of a OneOf validator, or an empty list. */
    public List<String> oneOfValues() {
        for (Validator v : validators) {
            if (v.isOneOf()) {
                return v.stringArguments();
            }
        }
        return List.of();
    }
}
