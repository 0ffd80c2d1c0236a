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

    static Comments of(String file, List<Token> tokens) {
        List<CommentGroup> all = new ArrayList<>();
        Map<Integer, CommentGroup> leading = new HashMap<>();
        int lastCodeLine = -1;
        List<String> texts = new ArrayList<>();
        Token first = null;
        int endLine = -1;
        boolean trailing = false;
        boolean codeSinceGroup = false;
        for (Token t : tokens) {
            if (t.getChannel() == GoLexer.COMMENTS) {
                int line = t.getLine();
                if (first != null && (codeSinceGroup || line > endLine + 1)) {
                    close(file, first, endLine, texts, trailing, all, leading);
                    first = null;
                }
                if (first == null) {
                    first = t;
                    texts = new ArrayList<>();
                    trailing = line == lastCodeLine;
                    codeSinceGroup = false;
                }
                texts.add(t.getText());
                endLine = line + newlines(t.getText());
            } else if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF
                    && !(t.getType() == GoLexer.SEMI && "\n".equals(t.getText()))) {
                lastCodeLine = t.getLine();
                codeSinceGroup = true;
            }
        }
        if (first != null) {
            close(file, first, endLine, texts, trailing, all, leading);
        }
        return new Comments(List.copyOf(all), leading);
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
