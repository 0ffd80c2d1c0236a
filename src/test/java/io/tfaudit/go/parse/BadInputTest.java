package io.tfaudit.go.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.DeepStack;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Walk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link GoFileParser#parse} never throws, and reports what is wrong with a position: empty,
 * binary, mis-encoded, huge, deeply nested and broken files.
 */
class BadInputTest {

    private static final GoFileParser PARSER = new GoFileParser();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Path BROKEN = Path.of("src/test/resources/go/broken");

    private static GoFile parse(String path, byte[] bytes) {
        return PARSER.parse(path, bytes);
    }

    private static GoFile parse(String path, String text) {
        return parse(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Every error names the file and a real place (line and column from 1) and says something. */
    private static void assertErrorsArePlaced(GoFile f, String path) {
        assertThat(f.errors()).as("errors of %s", path).isNotEmpty();
        assertThat(f.errors()).as("errors of %s", path).allSatisfy(e -> {
            assertThat(e.file()).isEqualTo(path);
            assertThat(e.line()).as("line of %s", e).isPositive();
            assertThat(e.column()).as("column of %s", e).isPositive();
            assertThat(e.message()).as("message of %s", e).isNotBlank();
            assertThat(e.toString()).startsWith(path + ":" + e.line() + ":" + e.column() + ": ");
        });
    }

    private static String firstError(GoFile f) {
        return f.errors().isEmpty() ? "none" : f.errors().get(0).line() + ":" + f.errors().get(0).column();
    }

    // ----------------------------------------------------------------------------------------
    // Empty, BOM, encoding

    @Test
    void emptyFile() {
        GoFile f = parse("empty.go", new byte[0]);
        assertErrorsArePlaced(f, "empty.go");
        // go/parser: 1:1: expected 'package', found 'EOF'
        assertThat(firstError(f)).as("first error of %s", f.errors()).isEqualTo("1:1");
        assertThat(f.packageName()).isNull();
        assertThat(f.packageNameOrEmpty()).isEmpty();
        assertThat(f.decls()).isEmpty();
        assertThat(f.sizeInBytes()).isZero();
    }

    @Test
    void onlyAByteOrderMark() {
        GoFile f = parse("bom.go", BOM);
        assertErrorsArePlaced(f, "bom.go");
        assertThat(firstError(f)).as("first error of %s", f.errors()).isEqualTo("1:1");
        assertThat(f.packageName()).isNull();
        assertThat(f.sizeInBytes()).isEqualTo(3);
    }

    @Test
    void byteOrderMarkBeforeAValidFile() {
        byte[] body = "package p\n\n// X doc.\nvar X = \"é\"\n".getBytes(StandardCharsets.UTF_8);
        GoFile f = parse("bom_valid.go", concat(BOM, body));
        assertThat(f.errors()).as("errors of a valid file after a BOM").isEmpty();
        assertThat(f.packageNameOrEmpty()).isEqualTo("p");
        assertThat(f.varSpecs()).hasSize(1);
        assertThat(((Expr.BasicLit) f.varSpecs().get(0).values().get(0)).stringValue()).isEqualTo("é");
        assertThat(((Decl.GenDecl) f.decls().get(0)).doc().text()).isEqualTo("X doc.");
        assertThat(f.varSpecs().get(0).pos().line()).isEqualTo(4);
        assertThat(f.sizeInBytes()).as("size counts the BOM").isEqualTo(body.length + 3L);
    }

    @Test
    void byteOrderMarkInsideTheFile() {
        byte[] bytes = concat("package p\nvar x = 1\n".getBytes(StandardCharsets.UTF_8), BOM);
        GoFile f = parse("bom_inside.go", bytes);
        assertErrorsArePlaced(f, "bom_inside.go");
        // go/parser: 3:1: illegal byte order mark
        assertThat(firstError(f)).as("first error of %s", f.errors()).isEqualTo("3:1");
        assertThat(f.varSpecs()).as("the declaration before it is kept").hasSize(1);
    }

    @Test
    void invalidUtf8() {
        byte[] bytes = concat("package p\nvar s = \"a".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF},
                "b\"\nvar t = 2\n".getBytes(StandardCharsets.UTF_8));
        GoFile f = parse("latin.go", bytes);
        assertErrorsArePlaced(f, "latin.go");
        // go/parser: 2:11: illegal UTF-8 encoding (the column counts bytes)
        assertThat(f.errors().get(0).toString()).isEqualTo("latin.go:2:11: illegal UTF-8 encoding");
        assertThat(f.varSpecs()).as("declarations are still read").hasSize(2);
    }

    @Test
    void invalidUtf8AfterMultiByteCharactersIsPlacedInBytes() {
        byte[] bytes = concat("package p\n// ééé ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
                "\n".getBytes(StandardCharsets.UTF_8));
        GoFile f = parse("bytes.go", bytes);
        // "// ééé " is 10 bytes: the bad sequence starts at byte column 11.
        assertThat(f.errors().get(0).toString()).isEqualTo("bytes.go:2:11: illegal UTF-8 encoding");
    }

    @Test
    void nulByteMarksABinaryFile() {
        GoFile f = parse("nul.go", "package p\nvar x = 1\u0000\n");
        assertErrorsArePlaced(f, "nul.go");
        // go/parser: 2:10: illegal character NUL
        assertThat(firstError(f)).isEqualTo("2:10");
        assertThat(f.errors().get(0).message()).contains("NUL");
        assertThat(f.decls()).as("a binary file is not read further").isEmpty();
    }

    @Test
    void randomBinaryBytes() {
        byte[] bytes = new byte[64 * 1024];
        new Random(20240601L).nextBytes(bytes);
        GoFile f = parse("random.bin.go", bytes);
        assertErrorsArePlaced(f, "random.bin.go");
        assertThat(f.decls()).isEmpty();
        assertThat(f.sizeInBytes()).isEqualTo(bytes.length);
    }

    /** Random bytes without NUL go through decoding, lexing and error recovery. */
    @Test
    void randomBytesWithoutNul() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = new byte[1 + random.nextInt(3000)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (1 + random.nextInt(255));
            }
            String path = "random" + round + ".go";
            GoFile f = parse(path, bytes);
            assertErrorsArePlaced(f, path);
            assertThat(f.errors().size()).as("errors of %s are capped", path)
                    .isLessThanOrEqualTo(GoFileParser.MAX_ERRORS_PER_FILE + 1);
        }
    }

    /** Seeded sequences of Go tokens: every shape of broken declaration the recovery can meet. */
    @Test
    void randomTokenSoup() {
        String[] tokens = {"package", "p", "func", "(", ")", "{", "}", "[", "]", "x", "int", "struct", "interface",
            "map", "chan", "<-", "*", "&", ":=", "=", ",", ";", "\n", "\n", "return", "if", "else", "for", "range",
            "switch", "case", "default", ":", "type", "var", "const", "import", "\"s\"", "`r`", "1", "2.5", "'c'",
            "+", "||", "...", ".", "go", "defer", "select", "~", "|", "any", "[T any]", "// c\n", "/* c */", "_"};
        Random random = new Random(11);
        for (int round = 0; round < 1000; round++) {
            StringBuilder sb = new StringBuilder(round % 2 == 0 ? "package p\n" : "");
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(tokens[random.nextInt(tokens.length)]).append(' ');
            }
            String source = sb.toString();
            GoFile f = parse("soup.go", source);
            for (Decl d : f.decls()) {
                Walk.forEach(d, node -> assertThat(node.pos()).as("position of a node in %s", source).isNotNull());
            }
            for (SyntaxError e : f.errors()) {
                assertThat(e.line()).as("%s in %s", e, source).isPositive();
                assertThat(e.column()).as("%s in %s", e, source).isPositive();
            }
        }
    }

    /** Every prefix of a valid file: what an editor saves mid-typing. */
    @Test
    void everyTruncationOfAValidFile() {
        String full = """
                package p

                import "fmt"

                // T doc.
                type T[K comparable] struct {
                \tName string `json:"name"`
                \tm    map[K][]int
                }

                func (t *T[K]) Do(xs ...int) (n int, err error) {
                \tfor i, x := range xs {
                \t\tswitch {
                \t\tcase x > 0 && i%2 == 0:
                \t\t\tt.m[*new(K)] = append(t.m[*new(K)], x)
                \t\tdefault:
                \t\t\treturn 0, fmt.Errorf("bad %d: %s", x, "é")
                \t\t}
                \t}
                \treturn len(xs), nil
                }
                """;
        byte[] bytes = full.getBytes(StandardCharsets.UTF_8);
        assertThat(parse("full.go", bytes).errors()).as("the whole file is valid").isEmpty();
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] prefix = java.util.Arrays.copyOf(bytes, cut);
            GoFile f = parse("cut.go", prefix);
            assertThat(f.sizeInBytes()).isEqualTo(cut);
            for (SyntaxError e : f.errors()) {
                assertThat(e.line()).as("%s for the first %d bytes", e, cut).isPositive();
                assertThat(e.column()).as("%s for the first %d bytes", e, cut).isPositive();
            }
        }
    }

    @Test
    void unterminatedBlockComment() {
        GoFile f = parse("comment.go", "package p\n/* never closed");
        assertErrorsArePlaced(f, "comment.go");
        // go/parser: 2:1: comment not terminated
        assertThat(firstError(f)).isEqualTo("2:1");
    }

    // ----------------------------------------------------------------------------------------
    // Size and depth

    @Test
    @Timeout(60)
    void fiveMegabyteGeneratedFile() {
        StringBuilder sb = new StringBuilder(5 * 1024 * 1024 + 512);
        sb.append("package big\n\n");
        // Generated code is mostly long literals (schemas, descriptions) around little structure.
        String description = "Manages a generated thing. ".repeat(6);
        int n = 0;
        while (sb.length() < 5 * 1024 * 1024) {
            sb.append("// F").append(n).append(" is generated.\n")
                    .append("func F").append(n).append("(a, b int) string {\n")
                    .append("\tif a > b {\n\t\treturn \"").append(description).append("\"\n\t}\n")
                    .append("\treturn fmt.Sprint(b*2 + a, \"").append(n).append("\")\n}\n\n");
            n++;
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThanOrEqualTo(5 * 1024 * 1024);
        int expectedFuncs = n;

        long start = System.nanoTime();
        GoFile f = parse("big.go", bytes);
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(f.errors()).as("errors in the generated file").isEmpty();
        assertThat(f.funcs()).as("functions read in %d ms", ms).hasSize(expectedFuncs);
        assertThat(f.sizeInBytes()).isEqualTo(bytes.length);
        Decl.FuncDecl last = f.funcs().get(expectedFuncs - 1);
        assertThat(last.name().name()).isEqualTo("F" + (expectedFuncs - 1));
        assertThat(last.doc().text()).isEqualTo("F" + (expectedFuncs - 1) + " is generated.");
        assertThat(last.pos().line()).as("line of the last function").isEqualTo(3 + 8 * (expectedFuncs - 1) + 1);
    }

    private static String nestedParens(int depth) {
        return "package p\n\nvar x = " + "(".repeat(depth) + "1" + ")".repeat(depth) + "\n\nvar y = 2\n";
    }

    /** Runs a parse on a thread of its own, returning what it threw, if anything, instead of throwing. */
    private static Throwable parseOnThread(long stackBytes, String source, AtomicReference<GoFile> result)
            throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(parse("deep.go", source));
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "deep-parse", stackBytes);
        t.start();
        t.join(60_000);
        assertThat(t.isAlive()).as("parse of a deeply nested expression finished").isFalse();
        return thrown.get();
    }

    /**
     * On a thread with the JVM's default stack size (what a library caller has), 2000 nested
     * parentheses overflow the stack inside ANTLR's recursive descent. go/parser accepts them.
     */
    @Test
    void deeplyNestedExpressionOnADefaultStack() throws InterruptedException {
        AtomicReference<GoFile> result = new AtomicReference<>();
        Throwable thrown = parseOnThread(0, nestedParens(2000), result);
        assertThat(thrown).as("what parse threw for 2000 nested parentheses").isNull();
        assertThat(result.get().errors()).isEmpty();
    }

    /** GoSourceTree parses on 64 MB stacks; there, deep nesting is fine. */
    @Test
    void deeplyNestedExpressionOnALargeStack() throws InterruptedException {
        AtomicReference<GoFile> result = new AtomicReference<>();
        Throwable thrown = parseOnThread(64L * 1024 * 1024, nestedParens(2000), result);
        assertThat(thrown).as("what parse threw for 2000 nested parentheses on a 64 MB stack").isNull();
        GoFile f = result.get();
        assertThat(f.errors()).isEmpty();
        assertThat(f.varSpecs()).hasSize(2);
        // Walking it recurses as deeply: on a deep stack, as the audit does.
        assertThat(DeepStack.call("walk", () -> Walk.collect(f.varSpecs().get(0), Expr.ParenExpr.class))).hasSize(2000);
    }

    @Test
    void deeplyNestedExpressionDoesNotCrashTheCaller() {
        // Whatever happens inside, the test JVM survives and the parse ends.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            AtomicReference<GoFile> result = new AtomicReference<>();
            Throwable thrown = parseOnThread(0, nestedParens(2000), result);
            assertThat(thrown == null ? result.get() : thrown).isNotNull();
        });
    }

    // ----------------------------------------------------------------------------------------
    // Syntax errors

    @Test
    void syntaxErrorInOneFunctionKeepsTheOtherDeclarations() {
        String source = """
                package p

                func a() int { return 1 }

                func b() {
                \tx :=
                }

                type T struct{ A int }

                func c() {}
                """;
        GoFile f = parse("partial.go", source);
        assertErrorsArePlaced(f, "partial.go");
        // go/parser: 7:1: expected operand, found '}'
        assertThat(f.errors().get(0).toString()).isEqualTo("partial.go:7:1: unexpected '}'");
        List<String> names = new ArrayList<>();
        for (Decl d : f.decls()) {
            names.add(d instanceof Decl.FuncDecl fn ? fn.name().name()
                    : ((io.tfaudit.go.ast.Spec.TypeSpec) ((Decl.GenDecl) d).specs().get(0)).name().name());
        }
        assertThat(names).as("declarations read around the error").contains("a", "T", "c");
        assertThat(f.func("a").orElseThrow().body().list()).hasSize(1);
        assertThat(f.packageNameOrEmpty()).isEqualTo("p");
    }

    @Test
    void syntaxErrorInTheMiddleOfALine() {
        GoFile f = parse("mid.go", "package p\n\nfunc a() {}\n\nfunc b() { x := }\n\nfunc c() {}\n\ntype T int\n");
        // go/parser: 5:17: expected operand, found '}'
        assertThat(firstError(f)).isEqualTo("5:17");
        assertThat(f.func("a")).isPresent();
        assertThat(f.func("c")).isPresent();
        assertThat(f.typeSpecs()).extracting(t -> t.name().name()).containsExactly("T");
    }

    /** SyntaxError promises columns "as Go tools print them", which count bytes. */
    @Test
    void syntaxErrorColumnAfterMultiByteCharacters() {
        GoFile f = parse("col.go", "package p\nvar s = \"é\" )\n");
        assertThat(firstError(f)).as("first of %s", f.errors()).isEqualTo("2:14");
    }

    static Stream<Arguments> brokenFixtures() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(BROKEN.resolve("EXPECTED.txt"))) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            out.add(Arguments.of(parts[0], parts[1]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} first error at {1}")
    @MethodSource("brokenFixtures")
    void brokenFixtureFirstError(String file, String expected) throws IOException {
        byte[] bytes = Files.readAllBytes(BROKEN.resolve(file));
        GoFile f = parse(file, bytes);
        assertErrorsArePlaced(f, file);
        assertThat(firstError(f)).as("first error of %s: %s", file, f.errors()).isEqualTo(expected);
        assertThat(f.packageNameOrEmpty()).as("package of %s", file).isIn("broken", "");
    }

    @Test
    void everyBrokenFixtureHasAnExpectation() throws IOException {
        List<String> listed = brokenFixtures().map(a -> (String) a.get()[0]).toList();
        List<String> onDisk;
        try (Stream<Path> s = Files.list(BROKEN)) {
            onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".go")).sorted().toList();
        }
        assertThat(onDisk).isNotEmpty();
        assertThat(listed).as("EXPECTED.txt entries").containsExactlyInAnyOrderElementsOf(onDisk);
    }

    @Test
    void brokenFixturesKeepWhatPrecedesTheError() throws IOException {
        GoFile f = parse("non_utf8_ident.go", Files.readAllBytes(BROKEN.resolve("non_utf8_ident.go")));
        assertThat(f.varSpecs()).as("var decl with a bad byte is still read").hasSize(1);
        GoFile g = parse("func_no_name.go", Files.readAllBytes(BROKEN.resolve("func_no_name.go")));
        assertThat(g.func("ok")).as("func ok() after the nameless func").isPresent();
    }
}
