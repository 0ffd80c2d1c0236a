package io.tfaudit.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

import io.tfaudit.go.ast.Pos;
import java.util.Map;

/**
 * A resource's or data source's effective schema: attributes and blocks by name, sorted.
 * {@code descriptionPos} and {@code markdownDescriptionPos} are where those values are
 * written, when known. {@code version} is the schema's {@code Version} (0 when not set), or
 * null when it is not a constant.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Schema(
        Long version,
        String description,
        String markdownDescription,
        String deprecationMessage,
        Map<String, Attribute> attributes,
        Map<String, Block> blocks,
        Pos pos,
        Pos descriptionPos,
        Pos markdownDescriptionPos) {

    public Schema(String description, String markdownDescription, String deprecationMessage,
                  Map<String, Attribute> attributes, Map<String, Block> blocks, Pos pos) {
        this(0L, description, markdownDescription, deprecationMessage, attributes, blocks, pos, null, null);
    }

    /** Where the Description is written, else the schema. */
    public Pos descriptionAt() {
        return descriptionPos != null ? descriptionPos : pos;
    }

    /** Where the MarkdownDescription is written, else the schema. */
    public Pos markdownDescriptionAt() {
        return markdownDescriptionPos != null ? markdownDescriptionPos : pos;
    }

    /** A nested block ({@code timeouts}, list/set/single nested blocks). */
    public record Block(String name, String nesting, Map<String, Attribute> attributes, Map<String, Block> blocks,
                        String description, Pos pos) {}
}
