package io.tfaudit.go.parse;

/** One problem found while reading a Go file, located for a report. */
public record SyntaxError(String file, int line, int column, String message) {

    /** {@code path:line:col: message}, columns counted from 1 as Go tools print them. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
