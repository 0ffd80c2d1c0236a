package io.tfaudit.go.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a Go file as the lexer should see it: decoded from UTF-8, its leading byte
 * order mark removed. What Go itself rejects (invalid UTF-8, NUL bytes) is reported as an
 * error at its position instead of failing the load.
 */
public record SourceText(String text, List<SyntaxError> problems, boolean binary) {

    private static final char BOM = '\uFEFF';

    public static SourceText decode(String file, byte[] bytes) {
        List<SyntaxError> problems = new ArrayList<>();
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            int[] lineCol = lineAndColumn(bytes, nul);
            problems.add(new SyntaxError(file, lineCol[0], lineCol[1], "illegal character NUL: not a Go source file"));
            return new SourceText("", List.copyOf(problems), true);
        }
        String text;
        try {
            text = strictDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int[] lineCol = lineAndColumn(bytes, bad);
            problems.add(new SyntaxError(file, lineCol[0], lineCol[1], "illegal UTF-8 encoding"));
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        return new SourceText(text, List.copyOf(problems), false);
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** Line and column (both from 1, column in bytes as Go counts it) of a byte offset. */
    private static int[] lineAndColumn(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }
}
