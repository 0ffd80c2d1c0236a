package io.tfaudit.go.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.WritableToken;

/**
 * Applies Go's automatic semicolon rule as real tokens, so the parser never predicts over
 * optional separators. A line's final token is followed by a semicolon when it is an
 * identifier, a basic literal, one of {@code break continue fallthrough return}, or one of
 * {@code ++ -- ) ] }}. A block comment that spans lines counts as a newline, and so does
 * the end of the file.
 *
 * <p>Only default-channel tokens reach the token stream: newlines are dropped once the rule
 * has read them, and comments are kept aside ({@link #comments()}), so the parser never
 * skips over hidden tokens.
 */
public abstract class GoLexerBase extends Lexer {

    private int lastSignificantType = Token.INVALID_TYPE;
    private Token heldBack;
    private final List<Token> comments = new ArrayList<>();

    protected GoLexerBase(CharStream input) {
        super(input);
    }

    @Override
    public Token nextToken() {
        if (heldBack != null) {
            Token token = heldBack;
            heldBack = null;
            return token;
        }
        while (true) {
            Token token = super.nextToken();
            int type = token.getType();
            if (type == GoLexer.WS) {
                continue;
            }
            if (type == GoLexer.NL) {
                if (endsStatement()) {
                    return semicolonAt(token);
                }
                continue;
            }
            if (type == GoLexer.BLOCK_COMMENT || type == GoLexer.LINE_COMMENT) {
                comments.add(token);
                if (type == GoLexer.BLOCK_COMMENT && textKept(token).indexOf('\n') >= 0 && endsStatement()) {
                    return semicolonAt(token);
                }
                continue;
            }
            if (type == Token.EOF) {
                if (endsStatement()) {
                    heldBack = token;
                    return semicolonAt(token);
                }
                return token;
            }
            lastSignificantType = type;
            return token;
        }
    }

    /** A token's text, kept in it: the comments' are asked again, and each asking makes a new String. */
    private static String textKept(Token token) {
        String text = token.getText();
        if (token instanceof WritableToken writable) {
            writable.setText(text);
        }
        return text;
    }

    /** The comments read so far, in source order. */
    public List<Token> comments() {
        return comments;
    }

    @Override
    public void reset() {
        super.reset();
        lastSignificantType = Token.INVALID_TYPE;
        heldBack = null;
        comments.clear();
    }

    private boolean endsStatement() {
        switch (lastSignificantType) {
            case GoLexer.IDENTIFIER:
            case GoLexer.INT_LIT:
            case GoLexer.FLOAT_LIT:
            case GoLexer.IMAGINARY_LIT:
            case GoLexer.RUNE_LIT:
            case GoLexer.RAW_STRING_LIT:
            case GoLexer.INTERPRETED_STRING_LIT:
            case GoLexer.BREAK:
            case GoLexer.CONTINUE:
            case GoLexer.FALLTHROUGH:
            case GoLexer.RETURN:
            case GoLexer.INC:
            case GoLexer.DEC:
            case GoLexer.R_PAREN:
            case GoLexer.R_BRACKET:
            case GoLexer.R_CURLY:
                return true;
            default:
                return false;
        }
    }

    private Token semicolonAt(Token where) {
        lastSignificantType = GoLexer.SEMI;
        int start = where.getStartIndex();
        return _factory.create(_tokenFactorySourcePair, GoLexer.SEMI, "\n", Token.DEFAULT_CHANNEL,
                start, start - 1, where.getLine(), where.getCharPositionInLine());
    }
}
