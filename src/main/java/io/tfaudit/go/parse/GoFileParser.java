package io.tfaudit.go.parse;

import io.tfaudit.go.ast.DeepStack;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.syntax.GoLexer;
import io.tfaudit.go.syntax.GoParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import java.nio.ByteBuffer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses one Go file into the Go model ({@link GoFile}). The ANTLR parse runs in two stages: SLL prediction that bails at the
 * first error (enough for all valid Go, and fast), then full LL with error recovery only
 * when the first stage failed, so that errors are reported where Go reports them.
 * Instances hold no state; the ANTLR prediction cache is shared by all threads.
 */
public final class GoFileParser {

    /** At most this many errors are kept per file: a binary or garbled file stops early. */
    static final int MAX_ERRORS_PER_FILE = 10;

    /** The parse tree, its tokens (comments on their own channel) and what went wrong. */
    record Result(GoParser.SourceFileContext tree, CommonTokenStream tokens, List<Token> comments,
                  List<SyntaxError> errors) {}

    /**
     * Never throws for bad input: decoding problems, syntax errors and declarations that
     * could not be read are reported in the returned file's {@code errors}.
     */
    public GoFile parse(String path, byte[] bytes) {
        try {
            return parseHere(path, bytes);
        } catch (StackOverflowError deep) {
            return parseOnLargeStack(path, bytes);
        }
    }

    /** Deep nesting recurses deeply in ANTLR's recursive descent: retry on a thread with room for it. */
    private GoFile parseOnLargeStack(String path, byte[] bytes) {
        return DeepStack.call("go-parse-deep", () -> {
            try {
                return parseHere(path, bytes);
            } catch (StackOverflowError stillTooDeep) {
                return new AstBuilder(path, Comments.of(path, List.of(), List.of()),
                        new ArrayList<>(List.of(new SyntaxError(path, 1, 1, "nesting too deep to parse"))), List.of())
                        .buildFile(null, bytes.length, true);
            }
        });
    }

    private GoFile parseHere(String path, byte[] bytes) {
        if (isAscii(bytes)) {
            return parseAscii(path, bytes);
        }
        SourceText source = SourceText.decode(path, bytes);
        List<SyntaxError> problems = new ArrayList<>(source.problems());
        if (source.binary()) {
            return new AstBuilder(path, Comments.of(path, List.of(), List.of()), problems, List.of())
                    .buildFile(null, bytes.length, true);
        }
        Result result = parseTree(path, CharStreams.fromString(source.text(), path));
        for (SyntaxError e : result.errors()) {
            boolean samePlace = problems.stream().anyMatch(p -> p.line() == e.line() && p.column() == e.column());
            if (!samePlace) {
                problems.add(e);
            }
        }
        List<Token> tokens = result.tokens().getTokens();
        Comments comments = Comments.of(path, tokens, result.comments());
        boolean tolerant = !problems.isEmpty();
        GoFile file = new AstBuilder(path, comments, problems, tokens).buildFile(result.tree(), bytes.length, tolerant);
        int decodingProblems = source.problems().size();
        if (file.errors().size() == decodingProblems) {
            return file;
        }
        // Decoding problems are located in bytes already; the parser's and builder's in code points.
        List<SyntaxError> errors = new ArrayList<>(file.errors().subList(0, decodingProblems));
        LineIndex lines = new LineIndex(source.text());
        for (SyntaxError e : file.errors().subList(decodingProblems, file.errors().size())) {
            errors.add(new SyntaxError(e.file(), e.line(), lines.byteColumn(e.line(), e.column()), e.message()));
        }
        return new GoFile(file.path(), file.sizeInBytes(), file.doc(), file.packageName(), file.imports(), file.decls(),
                file.comments(), List.copyOf(errors));
    }

    /**
     * Most Go files are ASCII: the lexer reads their bytes as they are, without decoding them
     * into a String first, and their columns in code points are columns in bytes.
     */
    private GoFile parseAscii(String path, byte[] bytes) {
        Result result = parseTree(path, CodePointCharStream.fromBuffer(CodePointBuffer.withBytes(ByteBuffer.wrap(bytes)), path));
        List<Token> tokens = result.tokens().getTokens();
        Comments comments = Comments.of(path, tokens, result.comments());
        List<SyntaxError> problems = new ArrayList<>(result.errors());
        return new AstBuilder(path, comments, problems, tokens).buildFile(result.tree(), bytes.length, !problems.isEmpty());
    }

    /** No byte of a multi-byte UTF-8 sequence, no NUL (a binary file), so no byte order mark either. */
    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Go counts columns in bytes: the code-point column of a line, as a byte column. */
    static final class LineIndex {
        private final String text;
        private final List<Integer> starts = new ArrayList<>();

        LineIndex(String text) {
            this.text = text;
            starts.add(0);
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                starts.add(i + 1);
            }
        }

        int byteColumn(int line, int codePointColumn) {
            if (line < 1 || line > starts.size() || codePointColumn < 1) {
                return codePointColumn;
            }
            int start = starts.get(line - 1);
            int end = line < starts.size() ? starts.get(line) : text.length();
            String lineText = text.substring(start, end);
            int cps = Math.min(codePointColumn - 1, lineText.codePointCount(0, lineText.length()));
            String before = lineText.substring(0, lineText.offsetByCodePoints(0, cps));
            return before.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1 + (codePointColumn - 1 - cps);
        }
    }

    Result parseTree(String file, CharStream chars) {
        GoLexer lexer = new GoLexer(chars);
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();

        GoParser parser = new GoParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return new Result(parser.sourceFile(), tokens, lexer.comments(), List.of());
        } catch (ParseCancellationException firstStageFailed) {
            String text = chars.size() == 0 ? "" : chars.getText(Interval.of(0, chars.size() - 1));
            return parseWithRecovery(file, text, tokens, lexer.comments(), parser);
        }
    }

    private Result parseWithRecovery(String file, String text, CommonTokenStream tokens, List<Token> comments,
                                     GoParser parser) {
        ErrorCollector errors = new ErrorCollector(file, text);
        tokens.seek(0);
        parser.reset();
        parser.addErrorListener(errors);
        parser.setErrorHandler(new DefaultErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        GoParser.SourceFileContext tree;
        try {
            tree = parser.sourceFile();
        } catch (TooManyErrors stop) {
            tree = null;
        }
        return new Result(tree, tokens, comments, List.copyOf(errors.errors));
    }

    private static final class TooManyErrors extends RuntimeException {
        TooManyErrors() {
            super(null, null, false, false);
        }
    }

    private static final class ErrorCollector extends BaseErrorListener {
        private final String file;
        private final String text;
        private final List<SyntaxError> errors = new ArrayList<>();

        ErrorCollector(String file, String text) {
            this.file = file;
            this.text = text;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column,
                                String message, RecognitionException e) {
            SyntaxError error = offending instanceof Token t && t.getType() == Token.EOF
                    ? atEndOfFile()
                    : new SyntaxError(file, line, column + 1, describe(offending, message));
            // One message per place: recovery often reports the same token twice.
            for (SyntaxError seen : errors) {
                if (seen.line() == error.line() && seen.column() == error.column()) {
                    return;
                }
            }
            errors.add(error);
            if (errors.size() >= MAX_ERRORS_PER_FILE) {
                throw new TooManyErrors();
            }
        }

        /** As Go reports it: a final newline does not start a line, so the end is on the last line. */
        private SyntaxError atEndOfFile() {
            int end = text.length();
            int lastLineStart = text.lastIndexOf('\n', end - 2) + 1;
            int line = 1;
            for (int i = 0; i < lastLineStart; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            String lastLine = text.substring(lastLineStart);
            int column = lastLine.codePointCount(0, lastLine.length()) + 1; // in code points, as the others
            return new SyntaxError(file, line, column, "unexpected end of file");
        }

        private static String describe(Object offending, String antlrMessage) {
            if (offending instanceof Token token) {
                if (token.getType() == GoLexer.ILLEGAL) {
                    return switch (token.getText()) {
                        case "'" -> "rune literal not terminated or not valid";
                        case "\"" -> "string literal not terminated or not valid";
                        case "`" -> "raw string literal not terminated";
                        default -> "illegal character " + quote(token.getText());
                    };
                }
                if (token.getType() == Token.EOF) {
                    return "unexpected end of file";
                }
                if (token.getType() == GoLexer.SEMI && "\n".equals(token.getText())) {
                    return "unexpected newline";
                }
                return "unexpected " + quote(token.getText());
            }
            return antlrMessage;
        }

        private static String quote(String text) {
            StringBuilder sb = new StringBuilder("'");
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    sb.append(String.format("\\x%02x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.append('\'').toString();
        }
    }
}
