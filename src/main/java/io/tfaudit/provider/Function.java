package io.tfaudit.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

import io.tfaudit.go.ast.Pos;
import java.util.List;

/**
 * A provider-defined function as its {@code Metadata} and {@code Definition} declare it:
 * name (null when not resolved), texts, parameters, the variadic parameter (or null) and
 * the return type. {@code constructor} names the registered function.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Function(
        String name,
        String summary,
        String description,
        String markdownDescription,
        String deprecationMessage,
        List<Parameter> parameters,
        Parameter variadicParameter,
        TfType returnType,
        String constructor,
        Pos pos,
        List<Unresolved> unresolved) {

    /** One parameter: its name, texts, whether null is allowed, its type. */
    public record Parameter(String name, String description, String markdownDescription, boolean allowNull, TfType type,
                            Pos pos) {}
}
