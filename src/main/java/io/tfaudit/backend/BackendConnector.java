package io.tfaudit.backend;

import io.tfaudit.provider.Category;
import io.tfaudit.provider.files.FileProblem;
import java.util.List;
import java.util.Optional;

/**
 * One connector's {@code configuration.latest.json}: its category and code (the plugin
 * folder's name), the file relative to the backend root, its display name, whether it is
 * marked {@code coming_soon} and its fields in file order. {@code fileProblem} is set when
 * the file as a whole could not be read (not JSON, no {@code config} array; then there are
 * no fields); {@code fieldProblems} are the entries that tfgen could not decode or use, each
 * with its line, while the other fields are still read.
 */
public record BackendConnector(Category category, String code, String file, String displayName, boolean comingSoon,
                               List<BackendField> fields, FileProblem fileProblem, List<FileProblem> fieldProblems) {

    public boolean isReadable() {
        return fileProblem == null;
    }

    public List<BackendField> userDefinedFields() {
        return fields.stream().filter(BackendField::userDefined).toList();
    }

    /** The field with this API key (the first, when a key is repeated, as tfgen looks it up). */
    public Optional<BackendField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** {@code file:line} of a field, the evidence form of a report. */
    public String where(BackendField f) {
        return file + ":" + f.line();
    }
}
