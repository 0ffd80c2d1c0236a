package io.tfaudit.go.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Applies Go's automatic semicolon rule as real tokens, so the parser never predicts over
 * optional separators. A line's final token is followed by a semicolon when it is an
 * identifier, a basic literal, one of {@code break continue fallthrough return}, or one of
 * {@code ++ -- ) ] }}. A block comment that spans lines counts as a newline, and so does
 * the end of the file.
 */
public abstract class GoLexerBase extends Lexer {

    private int lastSignificantType = Token.INVALID_TYPE;
    private Token heldBack;

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
        Token token = super.nextToken();
        int type = token.getType();
        if (type == GoLexer.NL) {
            return endsStatement() ? semicolonAt(token) : token;
        }
        if (type == Token.EOF || type == GoLexer.BLOCK_COMMENT && token.getText().indexOf('\n') >= 0) {
            if (endsStatement()) {
                heldBack = token;
                return semicolonAt(token);
            }
            return token;
        }
        if (token.getChannel() == Token.DEFAULT_CHANNEL) {
            lastSignificantType = type;
        }
        return token;
    }

    @Override
    public void reset() {
        super.reset();
        lastSignificantType = Token.INVALID_TYPE;
        heldBack = null;
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
