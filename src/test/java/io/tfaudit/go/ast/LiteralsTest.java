package io.tfaudit.go.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfaudit.go.parse.GoFileParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoding of Go literals ({@link Expr.BasicLit#value()}, {@link Expr.BasicLit#stringValue()}).
 * Every literal is lexed and parsed from a tiny Go file, so the lexer's token boundaries and
 * kinds are tested together with {@link Literals}.
 */
class LiteralsTest {

    private static final GoFileParser PARSER = new GoFileParser();

    /** Parses {@code package p; var x = <literal>} and returns the literal, failing on any syntax error. */
    static Expr.BasicLit lit(String literal) {
        String source = "package p\nvar x = " + literal + "\n";
        GoFile f = PARSER.parse("lit.go", source.getBytes(StandardCharsets.UTF_8));
        assertThat(f.errors()).as("syntax errors for literal %s", literal).isEmpty();
        Spec.ValueSpec spec = f.varSpecs().get(0);
        assertThat(spec.values()).as("values of var x = %s", literal).hasSize(1);
        assertThat(spec.values().get(0)).as("var x = %s should be a single BasicLit, got %s", literal, spec.values().get(0))
                .isInstanceOf(Expr.BasicLit.class);
        return (Expr.BasicLit) spec.values().get(0);
    }

    /** Code points as hex, so that a failing assertion shows invisible characters. */
    static String codePoints(String s) {
        return s.codePoints().mapToObj(c -> String.format("U+%04X", c)).collect(Collectors.joining(" "));
    }

    static void assertString(String literal, String expected) {
        Expr.BasicLit l = lit(literal);
        assertThat(l.kind()).as("kind of %s", literal).isEqualTo(Expr.LitKind.STRING);
        assertThat(l.raw()).as("raw text keeps the literal as written").isEqualTo(literal);
        String value = l.stringValue();
        assertThat(codePoints(value)).as("decoded %s", literal).isEqualTo(codePoints(expected));
        assertThat(l.value()).as("value() of %s agrees with stringValue()", literal).isEqualTo(value);
    }

    @Nested
    class InterpretedStrings {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "\"\\a\"  | 7",
            "\"\\b\"  | 8",
            "\"\\f\"  | 12",
            "\"\\n\"  | 10",
            "\"\\r\"  | 13",
            "\"\\t\"  | 9",
            "\"\\v\"  | 11",
            "\"\\\\\" | 92",
            "\"\\\"\" | 34",
        })
        void singleCharacterEscape(String literal, int codePoint) {
            assertString(literal, new String(Character.toChars(codePoint)));
        }

        @Test
        void everySimpleEscapeInOneString() {
            assertString("\"<\\a\\b\\f\\n\\r\\t\\v\\\\\\\">\"", "<\u0007\b\f\n\r\t\u000b\\\">");
        }

        @Test
        void hexEscape() {
            assertString("\"\\x41\\x62\"", "Ab");
        }

        @Test
        void octalEscape() {
            assertString("\"\\101\\142\\060\"", "Ab0");
        }

        @Test
        void littleUEscape() {
            assertString("\"\\u00e9\\u20AC\"", "é€");
        }

        @Test
        void bigUEscapeOutsideTheBasicPlane() {
            assertString("\"\\U0001F600\"", "\uD83D\uDE00");
            assertThat(lit("\"\\U0001F600\"").stringValue().codePointAt(0)).isEqualTo(0x1F600);
        }

        @Test
        void hexByteEscapesFormUtf8Sequences() {
            assertString("\"\\xc3\\xa9\"", "é");
            assertString("\"caf\\xc3\\xa9\"", "café");
            assertString("\"\\xe2\\x82\\xac\"", "€");
            assertString("\"\\xf0\\x9f\\x98\\x80\"", "\uD83D\uDE00");
        }

        @Test
        void octalByteEscapesFormUtf8Sequences() {
            assertString("\"\\303\\251\"", "é");
        }

        @Test
        void mixedEscapesAndPlainText() {
            assertString("\"a\\x41\\101\\u00e9\\U0001F600\\n\\\"z\\\"\"", "aAAé\uD83D\uDE00\n\"z\"");
        }

        @Test
        void nonAsciiSourceCharactersPassThrough() {
            assertString("\"héllo wörld \uD83D\uDE00 日本\"", "héllo wörld \uD83D\uDE00 日本");
        }

        @Test
        void emptyString() {
            assertString("\"\"", "");
        }

        @Test
        void singleQuoteNeedsNoEscapeInAString() {
            assertString("\"it's\"", "it's");
        }

        /**
         * A Go string can hold bytes that are not UTF-8; a Java String cannot. The model decodes
         * such bytes as U+FFFD instead of failing.
         */
        @Test
        void invalidUtf8BytesDecodeToReplacementCharacter() {
            Expr.BasicLit l = lit("\"a\\xffb\"");
            assertThatCode(l::stringValue).doesNotThrowAnyException();
            assertThat(codePoints(l.stringValue())).isEqualTo(codePoints("a\uFFFDb"));
        }

        /** Go's scanner rejects these; ours lexes them and the model then fails or silently mangles them. */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"\\U00110000\"", "\"\\ud800\"", "\"\\'\"", "'\\\"'", "'\\U00110000'"})
        void escapesGoRejectsAreSyntaxErrors(String literal) {
            String source = "package p\nvar x = " + literal + "\n";
            GoFile f = PARSER.parse("lit.go", source.getBytes(StandardCharsets.UTF_8));
            // go/scanner: "escape sequence is invalid Unicode code point" / "unknown escape sequence" at 2:11
            assertThat(f.errors()).as("errors for %s (go/parser reports one at 2:11)", literal).isNotEmpty();
            assertThat(f.errors().get(0).line()).isEqualTo(2);
            assertThat(f.errors().get(0).column()).isEqualTo(11);
        }

        @Test
        void stringValueOfANonStringFails() {
            Expr.BasicLit l = lit("42");
            assertThatThrownBy(l::stringValue).isInstanceOf(IllegalStateException.class).hasMessageContaining("42");
        }
    }

    @Nested
    class RawStrings {

        @Test
        void backslashesAreNotEscapes() {
            assertString("`a\\nb\\x41\\u00e9\\\\`", "a\\nb\\x41\\u00e9\\\\");
        }

        @Test
        void newlinesAreKept() {
            assertString("`line1\nline2\n`", "line1\nline2\n");
        }

        @Test
        void carriageReturnsAreRemoved() {
            Expr.BasicLit l = lit("`a\r\nb\rc`");
            assertThat(l.raw()).as("raw text keeps the \\r").contains("\r");
            assertThat(codePoints(l.stringValue())).isEqualTo(codePoints("a\nbc"));
        }

        @Test
        void doubleQuotesAndNonAscii() {
            assertString("`json:\"name,omitempty\" é`", "json:\"name,omitempty\" é");
        }

        @Test
        void emptyRawString() {
            assertString("``", "");
        }

        @Test
        void rawStringSpanningLinesDoesNotConfuseLaterPositions() {
            String source = "package p\nvar x = `a\nb\nc`\nvar y = 1\n";
            GoFile f = PARSER.parse("raw.go", source.getBytes(StandardCharsets.UTF_8));
            assertThat(f.errors()).isEmpty();
            Spec.ValueSpec y = f.varSpecs().get(1);
            assertThat(y.names().get(0).name()).isEqualTo("y");
            assertThat(y.pos().line()).as("line of y after a 3-line raw string").isEqualTo(5);
        }
    }

    @Nested
    class Runes {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "'a'          | 97",
            "'é'          | 233",
            "'日'         | 26085",
            "'\uD83D\uDE00' | 128512",
            "'\"'         | 34",
            "'\\a'        | 7",
            "'\\b'        | 8",
            "'\\f'        | 12",
            "'\\n'        | 10",
            "'\\r'        | 13",
            "'\\t'        | 9",
            "'\\v'        | 11",
            "'\\\\'       | 92",
            "'\\''        | 39",
            "'\\x41'      | 65",
            "'\\xff'      | 255",
            "'\\101'      | 65",
            "'\\377'      | 255",
            "'\\000'      | 0",
            "'\\u00e9'    | 233",
            "'\\u12AB'    | 4779",
            "'\\U0001F600' | 128512",
        })
        void runeValue(String literal, int expected) {
            Expr.BasicLit l = lit(literal);
            assertThat(l.kind()).as("kind of %s", literal).isEqualTo(Expr.LitKind.CHAR);
            assertThat(l.value()).as("code point of %s", literal).isEqualTo(expected);
        }

        @Test
        void runeIsNotAString() {
            assertThatThrownBy(() -> lit("'a'").stringValue()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Integers {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', value = {
            "0                 | 0",
            "7                 | 7",
            "42                | 42",
            "1_000_000         | 1000000",
            "0b1010            | 10",
            "0B1111_0000       | 240",
            "0b_1              | 1",
            "0o17              | 15",
            "0O7_7             | 63",
            "0o_10             | 8",
            "0777              | 511",
            "0_777             | 511",
            "00                | 0",
            "0x1F              | 31",
            "0XdeadBEEF        | 3735928559",
            "0x_FF_FF          | 65535",
            "9223372036854775808 | 9223372036854775808",
            "0xFFFFFFFFFFFFFFFFFFFF | 1208925819614629174706175",
            "123456789012345678901234567890 | 123456789012345678901234567890",
        })
        void intValue(String literal, String expected) {
            Expr.BasicLit l = lit(literal);
            assertThat(l.kind()).as("kind of %s", literal).isEqualTo(Expr.LitKind.INT);
            assertThat(l.value()).as("value of %s", literal).isEqualTo(new BigInteger(expected));
        }

        @Test
        void negativeNumberIsAUnaryExpressionOverALiteral() {
            GoFile f = PARSER.parse("neg.go", "package p\nvar x = -0x10\n".getBytes(StandardCharsets.UTF_8));
            Expr v = f.varSpecs().get(0).values().get(0);
            assertThat(v).isInstanceOf(Expr.UnaryExpr.class);
            Expr.UnaryExpr u = (Expr.UnaryExpr) v;
            assertThat(u.op()).isEqualTo("-");
            assertThat(((Expr.BasicLit) u.x()).value()).isEqualTo(BigInteger.valueOf(16));
        }
    }

    @Nested
    class Floats {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', value = {
            "1.        | 1",
            "1.5       | 1.5",
            ".5        | 0.5",
            "0.        | 0",
            "1e3       | 1000",
            "1E3       | 1000",
            "1.e3      | 1000",
            "1.5e+2    | 150",
            "2.5E-3    | 0.0025",
            ".25e1     | 2.5",
            "1_000.000_5 | 1000.0005",
            "09.5      | 9.5",
            "1e1000    | 1e1000",
            "0x1p-2    | 0.25",
            "0x1.8p1   | 3",
            "0X1P4     | 16",
            "0x.8p1    | 1",
            "0x1.p1    | 2",
            "0xA.8p0   | 10.5",
            "0x_1p10   | 1024",
            "0x1P+3    | 8",
        })
        void floatValue(String literal, String expected) {
            Expr.BasicLit l = lit(literal);
            assertThat(l.kind()).as("kind of %s", literal).isEqualTo(Expr.LitKind.FLOAT);
            assertThat(l.value()).as("value of %s", literal).isInstanceOf(BigDecimal.class);
            assertThat((BigDecimal) l.value()).as("value of %s", literal).isEqualByComparingTo(new BigDecimal(expected));
        }

        /** Go constants are exact; 1 + 2^-64 needs more than a double's 53 bits. */
        @Test
        void hexFloatIsExact() {
            BigDecimal expected = BigDecimal.ONE.add(BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(64))));
            assertThat((BigDecimal) lit("0x1.0000000000000001p0").value()).isEqualByComparingTo(expected);
        }

        /** {@code const huge = 0x1p2000} is valid Go (an untyped constant); decimal {@code 1e1000} decodes fine. */
        @Test
        void hexFloatBeyondDoubleRange() {
            Expr.BasicLit l = lit("0x1p2000");
            assertThatCode(l::value).doesNotThrowAnyException();
            assertThat((BigDecimal) l.value()).isEqualByComparingTo(new BigDecimal(BigInteger.TWO.pow(2000)));
        }
    }

    @Nested
    class Imaginary {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1i", "0i", "0.5i", "1e3i", ".5i", "0x1p-2i", "0777i", "1_0i", "0b101i", "0o7i", "0xFi"})
        void imaginaryValueIsItsRawText(String literal) {
            Expr.BasicLit l = lit(literal);
            assertThat(l.kind()).as("kind of %s", literal).isEqualTo(Expr.LitKind.IMAG);
            assertThat(l.value()).isEqualTo(literal);
        }
    }

    @Test
    void literalKindsAndPositionsInOneDeclaration() {
        String source = "package p\n\nvar xs = []any{1, 2.0, 3i, 'x', \"s\", `r`}\n";
        GoFile f = PARSER.parse("kinds.go", source.getBytes(StandardCharsets.UTF_8));
        assertThat(f.errors()).isEmpty();
        List<Expr.BasicLit> lits = Walk.collect(f.decls().get(0), Expr.BasicLit.class);
        assertThat(lits).extracting(Expr.BasicLit::kind).containsExactly(
                Expr.LitKind.INT, Expr.LitKind.FLOAT, Expr.LitKind.IMAG, Expr.LitKind.CHAR,
                Expr.LitKind.STRING, Expr.LitKind.STRING);
        assertThat(lits).extracting(Expr.BasicLit::raw).containsExactly("1", "2.0", "3i", "'x'", "\"s\"", "`r`");
        assertThat(lits).extracting(l -> l.pos().toString()).containsExactly(
                "kinds.go:3:16", "kinds.go:3:19", "kinds.go:3:24", "kinds.go:3:28", "kinds.go:3:33", "kinds.go:3:38");
    }

    @Test
    void adjacentTokensAreSplitWhereGoSplitsThem() {
        // Go lexes 1..5 as the floats "1." and ".5": two operands in a row, a syntax error, not one literal.
        GoFile bad = PARSER.parse("split.go", "package p\nvar x = 1..5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.errors()).as("1..5 is not one literal").isNotEmpty();
        // 1.e3 is one float; 1 .String is an int and a selector.
        assertThat(lit("1.e3").kind()).isEqualTo(Expr.LitKind.FLOAT);
        GoFile sel = PARSER.parse("sel.go", "package p\nvar x = 1 .String\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sel.errors()).isEmpty();
        assertThat(sel.varSpecs().get(0).values().get(0)).isInstanceOf(Expr.SelectorExpr.class);
    }
}
