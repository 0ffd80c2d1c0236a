package io.tfaudit.provider.files;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Terraform configuration file (an example): its {@code resource} and {@code data}
 * blocks with their attributes. Each attribute keeps its line and what its value is as
 * written: a literal (string, number, bool, list, map) or an expression (a reference, a
 * function call, an interpolation), so that examples can be checked against a schema.
 */
public record HclFile(String path, List<Block> blocks, FileProblem problem) {

    public enum ValueKind { STRING, NUMBER, BOOL, LIST, MAP, NULL, EXPRESSION }

    public record AttributeValue(String name, ValueKind kind, String text, int line) {}

    /** {@code kind} is "resource", "data", "provider", "variable", ...; labels as written. */
    public record Block(String kind, List<String> labels, int line, Map<String, AttributeValue> attributes,
                        List<Block> blocks) {
        public String typeName() {
            return labels.isEmpty() ? "" : labels.get(0);
        }
    }

    public boolean parsed() {
        return problem == null;
    }

    public List<Block> resources() {
        return blocks.stream().filter(b -> b.kind().equals("resource")).toList();
    }

    public List<Block> dataSources() {
        return blocks.stream().filter(b -> b.kind().equals("data")).toList();
    }

    public Optional<Block> resource(String typeName) {
        return resources().stream().filter(b -> b.typeName().equals(typeName)).findFirst();
    }
}
