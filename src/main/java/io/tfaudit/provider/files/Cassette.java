package io.tfaudit.provider.files;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * A recorded HTTP interaction file (VCR cassette, YAML): its category folder (sources,
 * destinations, ...), how many interactions it holds, and its text for secret scanning. A
 * cassette too large to parse has no text and a {@link #problem()}; {@link #open()} still reads
 * it, as a stream, so that it is scanned for secrets whatever its size.
 */
public record Cassette(String path, String category, int interactions, String text, FileProblem problem, Content content) {

    /** Where a cassette's text is read from, each time anew. */
    @FunctionalInterface
    public interface Content {
        Reader open() throws IOException;
    }

    public Cassette(String path, String category, int interactions, String text, FileProblem problem) {
        this(path, category, interactions, text, problem, () -> new StringReader(text == null ? "" : text));
    }

    /** The cassette's text as a stream: all of it, however large. */
    public Reader open() throws IOException {
        return content.open();
    }
}
