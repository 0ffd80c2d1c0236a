package io.tfaudit.go;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

final class GoFiles {

    private GoFiles() {}

    /** The .go files under {@code root}, outside testdata folders, sorted. */
    static List<Path> under(Path root) throws IOException {
        Path real = root.toRealPath();
        try (Stream<Path> s = Files.walk(real)) {
            return s.filter(p -> p.toString().endsWith(".go") && Files.isRegularFile(p))
                    .filter(p -> !real.relativize(p).toString().contains("testdata"))
                    .sorted().toList();
        }
    }
}
