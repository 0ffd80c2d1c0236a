package io.tfaudit.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.parse.GoFileParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every .go file of the Go standard library outside testdata/ parses without a syntax error. */
class StandardLibraryParseTest {

    @Test
    void everyStandardLibraryFileParsesWithoutErrors() throws IOException {
        Path src = standardLibrary();
        List<Path> files = GoFiles.under(src);
        assertThat(files).as("Go files under %s", src).hasSizeGreaterThan(4000);
        GoFileParser parser = new GoFileParser();
        List<String> failures = files.parallelStream()
                .map(f -> parser.parse(src.relativize(f).toString(), read(f)))
                .filter(GoFile::hasErrors)
                .map(f -> f.errors().get(0).toString())
                .sorted()
                .toList();
        assertThat(failures).as("files of %s with syntax errors", src).isEmpty();
    }

    private static Path standardLibrary() throws IOException {
        Path src;
        if (GoToolchain.unavailableReason() == null) {
            src = GoToolchain.goroot().resolve("src");
        } else {
            src = Path.of("/usr/lib/go-1.19/src");
        }
        assumeTrue(Files.isDirectory(src.resolve("net/http")),
                () -> "skipped: no Go standard library sources at " + src + " (apt-get install golang-1.19-src)");
        return src;
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
