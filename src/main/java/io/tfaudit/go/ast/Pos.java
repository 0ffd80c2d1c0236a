package io.tfaudit.go.ast;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Where a node starts: the file as the loader named it, the line and the column (both from 1;
 * columns count Unicode code points).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Pos(String file, int line, int column) {

    /** {@code file:line:col}, the form editors and CI annotations understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }

    /** {@code file:line}, the usual form of evidence in a report. */
    public String fileAndLine() {
        return file + ":" + line;
    }
}
