package io.tfaudit.provider.files;

import java.util.Map;

/**
 * A schema snapshot (JSON) kept for backward-compatibility tests: the resource it is for
 * (its file name without a version suffix, e.g. {@code source_postgresql}) and the flags
 * of each attribute it records.
 */
public record Snapshot(String path, String resourceName, String version, Map<String, Flags> attributes,
                       FileProblem problem) {

    public record Flags(boolean required, boolean optional, boolean computed, boolean sensitive) {}
}
