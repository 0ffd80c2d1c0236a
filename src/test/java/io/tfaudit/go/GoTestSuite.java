package io.tfaudit.go;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Go files of Go's own test suite ({@code $GOROOT/test}): programs the compiler must
 * accept, and "errorcheck" files, many of which it must reject.
 */
/** {@code root}: test/ as a real path, the one {@link GoFiles#under} gives its files under. */
record GoTestSuite(Path root, List<Path> files) {

    /**
     * Files (relative to test/) where tfaudit rejects what go/parser 1.19 accepts, with the
     * reason: only there may the verdicts differ, and only that way round.
     */
    static final Map<String, String> STRICTER_THAN_GO_PARSER = Map.of(
            "fixedbugs/bug299.go", "parenthesized embedded fields ((T), (*T), *(T)): go/parser 1.19 accepts them (its"
                    + " own TODO says so), the spec's grammar and the compiler do not");

    /** Every file whose first line is {@code // errorcheck} is in the fixed part; of the others, one in this many. */
    static final int OTHERS_SAMPLED_ONE_IN = 4;

    static GoTestSuite of(Path testDir) throws IOException {
        return new GoTestSuite(testDir.toRealPath(), GoFiles.under(testDir));
    }

    /**
     * What {@code ./mvnw test} compares: every errorcheck file (the reject fixtures) and every
     * fourth of the others in path order, the same files on every run.
     */
    List<Path> fixedPart() throws IOException {
        // A fixed sample keeps `./mvnw test` short; -Ddifferential.goTests=all compares every file.
        List<Path> part = new ArrayList<>();
        int others = 0;
        for (Path f : files) {
            if (isErrorcheck(f) || others++ % OTHERS_SAMPLED_ONE_IN == 0) {
                part.add(f);
            }
        }
        return part;
    }

    static boolean isErrorcheck(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8);
        return head.startsWith("// errorcheck");
    }
}
