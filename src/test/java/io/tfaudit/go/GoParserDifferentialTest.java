package io.tfaudit.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tfaudit.go.parse.GoFileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our parser against Go's own: for every file of a tree, the declarations, receivers,
 * imports, struct tags and per-declaration node-kind counts and tree shapes printed by
 * {@code src/test/go/astdump} (go/parser) must equal what our model gives.
 *
 * <p>Go's own test suite ({@code $GOROOT/test}) is compared by verdict: a file go/parser
 * rejects (most "errorcheck" files with syntax errors) must be rejected too, wherever the
 * first error is; a file it accepts must give the same tree. {@code ./mvnw test} runs a fixed
 * part of it ({@link GoTestSuite}); {@code -Ddifferential.goTests=all} runs all of it, and
 * {@code -Ddifferential.extra=DIR,...} adds trees. Every mismatch is listed in
 * {@code target/differential/<tree>.txt}.
 */
class GoParserDifferentialTest {

    private static Path astdump;
    private static Path goroot;

    /** How two summaries must agree. */
    private enum Agreement {
        /** Line for line, the first error's position included. */
        EXACT,
        /** Both reject, or both accept with the same tree. */
        VERDICT
    }

    @BeforeAll
    static void buildReference() throws IOException {
        String missing = GoToolchain.unavailableReason();
        assumeTrue(missing == null, () -> "skipped: " + missing);
        astdump = GoToolchain.build("astdump");
        goroot = GoToolchain.goroot();
    }

    @TestFactory
    Stream<DynamicTest> ourModelAgreesWithGoParser() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(tree("syntax fixtures", GoFiles.under(Path.of("src/test/resources/go/syntax")), Agreement.EXACT, Set.of()));
        tests.add(tree("broken fixtures (first error position)", GoFiles.under(Path.of("src/test/resources/go/broken")),
                Agreement.EXACT, Set.of()));
        for (String t : List.of("net/http", "go", "encoding", "cmd/compile/internal/ssa")) {
            tests.add(tree("stdlib " + t, GoFiles.under(goroot.resolve("src").resolve(t)), Agreement.EXACT, Set.of()));
        }
        Path goTests = goroot.resolve("test");
        if (Files.isDirectory(goTests)) {
            boolean all = "all".equals(System.getProperty("differential.goTests"));
            GoTestSuite suite = GoTestSuite.of(goTests);
            Set<Path> stricter = GoTestSuite.STRICTER_THAN_GO_PARSER.keySet().stream()
                    .map(f -> suite.root().resolve(f)).collect(Collectors.toSet());
            tests.add(tree(all ? "Go test suite, all" : "Go test suite, fixed part", all ? suite.files() : suite.fixedPart(),
                    Agreement.VERDICT, stricter));
        }
        String extra = System.getProperty("differential.extra");
        if (extra != null && !extra.isBlank()) {
            for (String dir : extra.split(",")) {
                tests.add(tree(dir, GoFiles.under(Path.of(dir)), Agreement.VERDICT, Set.of()));
            }
        }
        return tests.stream();
    }

    /** {@code stricter}: files that go/parser accepts and we must reject (see {@link GoTestSuite#STRICTER_THAN_GO_PARSER}). */
    private static DynamicTest tree(String name, List<Path> files, Agreement agreement, Set<Path> stricter) {
        return DynamicTest.dynamicTest(name + " (" + files.size() + " files)", () -> compare(name, files, agreement, stricter));
    }

    private static void compare(String name, List<Path> files, Agreement agreement, Set<Path> stricter) throws IOException {
        assertThat(files).as("Go files of %s", name).isNotEmpty();
        StringBuilder paths = new StringBuilder();
        files.forEach(f -> paths.append(f).append('\n'));
        GoToolchain.Result reference = GoToolchain.run(Path.of("."), paths.toString(), List.of(astdump.toString()));
        assertThat(reference.exit()).as("astdump exit code; output: %s", reference.output()).isZero();
        Map<String, String> expected = splitByFile(reference.output());

        GoFileParser parser = new GoFileParser();
        List<String> mismatches = new ArrayList<>();
        int rejected = 0;
        for (Path f : files) {
            String ours = AstSummary.of(f.toString(), parser.parse(f.toString(), Files.readAllBytes(f)));
            String theirs = expected.get(f.toString());
            if (theirs != null && rejects(theirs)) {
                rejected++;
            }
            boolean agree = stricter.contains(f)
                    ? theirs != null && !rejects(theirs) && rejects(ours)
                    : agreement == Agreement.VERDICT && theirs != null && rejects(theirs) && rejects(ours) || ours.equals(theirs);
            if (!agree) {
                mismatches.add(firstDifference(f, theirs, ours));
            }
        }
        Path report = Path.of("target", "differential", name.replaceAll("[^A-Za-z0-9.-]+", "_") + ".txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.format("%s: %d files, %d rejected by go/parser, %d differ%n%s", name, files.size(),
                rejected, mismatches.size(), String.join("\n", mismatches)), StandardCharsets.UTF_8);
        assertThat(mismatches)
                .as("%d of %d files of %s differ from go/parser (all in %s); first ones:%n%s", mismatches.size(), files.size(),
                        name, report, String.join("\n", mismatches.subList(0, Math.min(10, mismatches.size()))))
                .isEmpty();
    }

    private static boolean rejects(String summary) {
        int secondLine = summary.indexOf('\n') + 1;
        return summary.startsWith("error ", secondLine);
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
