package io.tfaudit.provider.files;

/** A file of the provider that could not be read as what it should be, and where. */
public record FileProblem(String path, int line, String message) {
    @Override
    public String toString() {
        return path + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
