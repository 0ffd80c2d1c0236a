package io.tfaudit.go.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.go.ast.GoFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the grammar accepts but go/parser (and the compiler) rejects is an error of the file,
 * reported where go/parser reports it. The Go test suite's errorcheck files cover the same
 * ground in {@code GoParserDifferentialTest} when Go is installed; these run without it.
 */
class GoParserRejectsTest {

    private static GoFile parse(String body) {
        String text = "package p\n\nfunc f() {\n" + body + "\n}\n";
        return new GoFileParser().parse("p.go", text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            for i, j, k = range s {}                     | 4:11 | expected at most 2 expressions
            switch x {\\ncase 0:\\n\\tL:\\ncase 1:\\n}    | 7:1  | expected statement, found 'case'
            switch t := x.(type) {\\ncase 0:\\n}         | 5:6  | expected type
            (x) := 0                                     | 4:1  | expected identifier on left side of :=
            a.b := 0                                     | 4:1  | expected identifier on left side of :=
            for a.b := range s {}                        | 4:5  | expected identifier on left side of :=
            _ = [...]byte("foo")                         | 4:6  | expected array length, found '...'
            _ = func()                                   | 4:5  | expected expression
            _ = interface{ I }                           | 4:5  | expected expression
            ([]int)                                      | 4:1  | expected expression
            _ = (struct{}){}                             | 4:6  | cannot parenthesize type in composite literal
            _ = f(){}                                    | 4:8  | unexpected {
            _ = -[]int                                   | 4:6  | expected expression
            """)
    void rejected(String body, String place, String message) {
        GoFile f = parse(body.replace("\\n", "\n").replace("\\t", "\t"));
        assertThat(f.errors()).as("errors of:%n%s", body).isNotEmpty();
        SyntaxError first = f.errors().get(0);
        assertThat(first.line() + ":" + first.column()).isEqualTo(place);
        assertThat(first.message()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            import ""                       | 3:8
            import "a b"                    | 3:8
            import "fmt\\x00"               | 3:8
            import `a\\nb`                  | 3:8
            import "a;b"                    | 3:8
            """)
    void invalidImportPaths(String spec, String place) {
        String text = "package p\n\n" + spec.replace("\\n", "\n") + "\n";
        GoFile f = new GoFileParser().parse("p.go", text.getBytes(StandardCharsets.UTF_8));
        assertThat(f.errors()).as("errors of %s", spec).isNotEmpty();
        assertThat(f.errors().get(0).line() + ":" + f.errors().get(0).column()).isEqualTo(place);
        assertThat(f.errors().get(0).message()).startsWith("invalid import path");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            L:
            switch x {\\ncase 0:\\n\\tL: ;\\ncase 1:\\n}
            switch x {\\ncase 0:\\n\\tL:\\n}
            for i, j = range s {}
            _ = make([]int, 3)
            _ = new(struct{})
            _ = [...]byte{1, 2}
            _ = (*T).m
            _ = f[[]int](x)
            _ = (<-chan int)(nil)
            _ = T{}
            _ = pkg.T[int]{}
            """)
    void accepted(String body) {
        assertThat(parse(body.replace("\\n", "\n").replace("\\t", "\t")).errors()).as("errors of:%n%s", body).isEmpty();
    }
}
