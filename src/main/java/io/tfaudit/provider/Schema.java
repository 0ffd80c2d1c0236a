package io.tfaudit.provider;

import io.tfaudit.go.ast.Pos;
import java.util.Map;

/** A resource's or data source's effective schema: attributes and blocks by name, sorted. */
public record Schema(
        String description,
        String markdownDescription,
        String deprecationMessage,
        Map<String, Attribute> attributes,
        Map<String, Block> blocks,
        Pos pos) {

    /** A nested block ({@code timeouts}, list/set/single nested blocks). */
    public record Block(String name, String nesting, Map<String, Attribute> attributes, Map<String, Block> blocks,
                        String description, Pos pos) {}
}
