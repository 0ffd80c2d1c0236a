package io.tfaudit.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tfaudit.go.parse.GoFileParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our parser against Go's own: for every file of a tree, the declarations, receivers,
 * imports, struct tags and per-declaration node-kind counts printed by
 * {@code src/test/go/astdump} (go/parser) must equal what our model gives.
 */
class GoParserDifferentialTest {

    private static Path astdump;
    private static Path goSrc;

    @BeforeAll
    static void buildReference() throws IOException {
        String missing = GoToolchain.unavailableReason();
        assumeTrue(missing == null, () -> "skipped: " + missing);
        astdump = GoToolchain.build("astdump");
        goSrc = GoToolchain.goroot().resolve("src");
    }

    @TestFactory
    Stream<DynamicTest> ourModelAgreesWithGoParser() {
        Map<String, Path> trees = new LinkedHashMap<>();
        trees.put("syntax fixtures", Path.of("src/test/resources/go/syntax"));
        trees.put("broken fixtures (first error line)", Path.of("src/test/resources/go/broken"));
        for (String t : List.of("net/http", "go", "encoding", "cmd/compile/internal/ssa")) {
            trees.put("stdlib " + t, goSrc.resolve(t));
        }
        String extra = System.getProperty("differential.extra");
        if (extra != null) {
            for (String dir : extra.split(",")) {
                trees.put(dir, Path.of(dir));
            }
        }
        return trees.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> compareTree(e.getValue())));
    }

    private void compareTree(Path root) throws IOException {
        List<Path> files = GoFiles.under(root);
        assertThat(files).as("Go files under %s", root).isNotEmpty();
        StringBuilder paths = new StringBuilder();
        files.forEach(f -> paths.append(f).append('\n'));
        GoToolchain.Result reference = GoToolchain.run(Path.of("."), paths.toString(), List.of(astdump.toString()));
        assertThat(reference.exit()).as("astdump exit code; output: %s", reference.output()).isZero();
        Map<String, String> expected = splitByFile(reference.output());

        GoFileParser parser = new GoFileParser();
        List<String> mismatches = new ArrayList<>();
        for (Path f : files) {
            String ours = AstSummary.of(f.toString(), parser.parse(f.toString(), Files.readAllBytes(f)));
            String theirs = expected.get(f.toString());
            if (!ours.equals(theirs)) {
                mismatches.add(firstDifference(f, theirs, ours));
            }
        }
        assertThat(mismatches)
                .as("%d of %d files under %s differ from go/parser; first ones:%n%s", mismatches.size(), files.size(),
                        root, String.join("\n", mismatches.subList(0, Math.min(10, mismatches.size()))))
                .isEmpty();
    }

    private static Map<String, String> splitByFile(String dump) {
        Map<String, String> byFile = new LinkedHashMap<>();
        String current = null;
        StringBuilder sb = new StringBuilder();
        for (String line : dump.split("\n", -1)) {
            if (line.startsWith("file ")) {
                if (current != null) {
                    byFile.put(current, sb.toString());
                }
                current = line.substring(5);
                sb.setLength(0);
            }
            if (current != null && !line.isEmpty()) {
                sb.append(line).append('\n');
            }
        }
        if (current != null) {
            byFile.put(current, sb.toString());
        }
        return byFile;
    }

    private static String firstDifference(Path file, String theirs, String ours) {
        if (theirs == null) {
            return file + ": no astdump output";
        }
        String[] a = theirs.split("\n");
        String[] b = ours.split("\n");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return file + ":\n    go/parser: " + x + "\n    tfaudit:   " + y;
            }
        }
        return file + ": differs";
    }
}
