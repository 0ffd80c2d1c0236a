package io.tfaudit.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a provider checkout as the audit reads them: a directory on disk, or a git
 * revision read from the repository without touching its work tree. Paths are relative,
 * with '/' separators.
 */
public interface SourceFiles {

    /** How to name this tree to a user: {@code /path/to/checkout} or {@code v2.1.18 of /path/to/checkout}. */
    String label();

    /** The directory on disk, when the tree is one (not for a git revision). */
    Optional<Path> directory();

    /** Every regular file (not under .git or node_modules), sorted, with its size; and what could not be listed. */
    Listing list();

    byte[] read(String path) throws IOException;

    /** The file as a stream, for a file too large to hold in memory. */
    default java.io.InputStream open(String path) throws IOException {
        return new java.io.ByteArrayInputStream(read(path));
    }

    /** A problem met while listing: a symbolic link loop, an unreadable folder. */
    record Problem(String path, String message) {}

    record Listing(List<String> paths, Map<String, Long> sizes, List<Problem> problems) {}
}
