package io.tfaudit.go.parse;

import io.tfaudit.go.ast.CommentGroup;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.syntax.GoLexer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * The comments of a file, grouped as go/ast groups them (adjacent lines, nothing else in
 * between), and the rule that makes a group a doc comment: it ends on the line just before
 * the declaration and does not trail code on its first line.
 */
final class Comments {

    private final List<CommentGroup> all;
    private final Map<Integer, CommentGroup> leadingByEndLine;

    private Comments(List<CommentGroup> all, Map<Integer, CommentGroup> leadingByEndLine) {
        this.all = all;
        this.leadingByEndLine = leadingByEndLine;
    }

    /** {@code code}: the file's tokens in order; {@code commentTokens}: its comments in order. */
    static Comments of(String file, List<Token> code, List<Token> commentTokens) {
        List<CommentGroup> all = new ArrayList<>();
        Map<Integer, CommentGroup> leading = new HashMap<>();
        int codeIndex = 0;
        int lastCodeLine = -1;
        int lastCodeEnd = -1;
        List<String> texts = new ArrayList<>();
        Token first = null;
        int endLine = -1;
        int groupEnd = -1;
        boolean trailing = false;
        for (Token c : commentTokens) {
            // Advance over the code before this comment, remembering where it last was.
            while (codeIndex < code.size() && code.get(codeIndex).getStartIndex() < c.getStartIndex()) {
                Token t = code.get(codeIndex++);
                if (t.getType() != Token.EOF && !isImplicitSemicolon(t)) {
                    // Of code, only a raw string spans lines; a token's text is a new String each time asked.
                    lastCodeLine = t.getLine() + (t.getType() == GoLexer.RAW_STRING_LIT ? newlines(t.getText()) : 0);
                    lastCodeEnd = t.getStartIndex();
                }
            }
            int line = c.getLine();
            boolean codeBetween = lastCodeEnd > groupEnd;
            // A comment trailing code is a group of its own line, as go/parser's line comments are.
            boolean afterTrailing = trailing && line > endLine;
            if (first != null && (codeBetween || line > endLine + 1 || afterTrailing)) {
                close(file, first, endLine, texts, trailing, all, leading);
                first = null;
            }
            if (first == null) {
                first = c;
                texts = new ArrayList<>();
                trailing = line == lastCodeLine;
            }
            String text = c.getText();
            texts.add(text);
            endLine = line + newlines(text);
            groupEnd = c.getStartIndex();
        }
        if (first != null) {
            close(file, first, endLine, texts, trailing, all, leading);
        }
        return new Comments(List.copyOf(all), leading);
    }

    private static boolean isImplicitSemicolon(Token t) {
        return t.getType() == GoLexer.SEMI && "\n".equals(t.getText());
    }

    private static void close(String file, Token first, int endLine, List<String> texts, boolean trailing,
                              List<CommentGroup> all, Map<Integer, CommentGroup> leading) {
        CommentGroup g = new CommentGroup(new Pos(file, first.getLine(), first.getCharPositionInLine() + 1),
                endLine, List.copyOf(texts));
        all.add(g);
        if (!trailing) {
            leading.put(endLine, g);
        }
    }

    private static int newlines(String text) {
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }

    /** The doc comment of the node starting at {@code start}, or null. */
    CommentGroup docFor(Token start) {
        return leadingByEndLine.get(start.getLine() - 1);
    }

    List<CommentGroup> all() {
        return all;
    }
}
