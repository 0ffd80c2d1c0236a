package io.tfaudit.go.ast;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Decoding of Go literals, following the specification's rules for each form. */
final class Literals {

    private Literals() {}

    static String unquoteString(String raw) {
        if (raw.startsWith("`")) {
            return raw.substring(1, raw.length() - 1).replace("\r", "");
        }
        int end = raw.length() - 1;
        int backslash = raw.indexOf('\\', 1);
        if (backslash < 0 || backslash >= end) {
            return raw.substring(1, end); // most literals: no escape, the text is the value
        }
        // Escapes are bytes (\xff need not be UTF-8): the value is built as bytes, runs of text at once.
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int i = 1;
        while (i < end) {
            int next = raw.indexOf('\\', i);
            if (next < 0 || next >= end) {
                next = end;
            }
            if (next > i) {
                byte[] utf8 = raw.substring(i, next).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i = next;
                continue;
            }
            i = escape(raw, i, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static int unquoteRune(String raw) {
        String body = raw.substring(1, raw.length() - 1);
        if (!body.startsWith("\\")) {
            return body.codePointAt(0);
        }
        char c = body.charAt(1);
        if (c == 'u' || c == 'U' || c == 'x') {
            long value = Long.parseLong(body.substring(2), 16);
            return value > Character.MAX_CODE_POINT ? 0xFFFD : (int) value;
        }
        if (c >= '0' && c <= '7') {
            return Integer.parseInt(body.substring(1), 8);
        }
        return simpleEscape(c);
    }

    static BigInteger parseInt(String raw) {
        String s = raw.replace("_", "");
        if (s.length() > 1 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'x') {
                return new BigInteger(s.substring(2), 16);
            }
            if (p == 'b') {
                return new BigInteger(s.substring(2), 2);
            }
            if (p == 'o') {
                return new BigInteger(s.substring(2), 8);
            }
            return new BigInteger(s.substring(1), 8);
        }
        return new BigInteger(s);
    }

    static BigDecimal parseFloat(String raw) {
        String s = raw.replace("_", "");
        if (s.startsWith("0x") || s.startsWith("0X")) {
            return parseHexFloat(s.substring(2));
        }
        return new BigDecimal(s);
    }

    /** Exactly: mantissa × 2^exponent, where each hex digit after the point shifts by 4 bits. */
    private static BigDecimal parseHexFloat(String s) {
        int p = Math.max(s.indexOf('p'), s.indexOf('P'));
        String mantissa = s.substring(0, p);
        int exponent = Integer.parseInt(s.substring(p + 1).replace("+", ""));
        int dot = mantissa.indexOf('.');
        if (dot >= 0) {
            exponent -= 4 * (mantissa.length() - dot - 1);
            mantissa = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        }
        BigInteger m = mantissa.isEmpty() ? BigInteger.ZERO : new BigInteger(mantissa, 16);
        if (exponent >= 0) {
            return new BigDecimal(m.shiftLeft(exponent));
        }
        // m / 2^k = m × 5^k / 10^k, exact in decimal
        int k = -exponent;
        return new BigDecimal(m.multiply(BigInteger.valueOf(5).pow(k)), k).stripTrailingZeros();
    }

    private static int escape(String raw, int i, ByteArrayOutputStream out) {
        char c = raw.charAt(i + 1);
        switch (c) {
            case 'x' -> {
                out.write(Integer.parseInt(raw.substring(i + 2, i + 4), 16));
                return i + 4;
            }
            case 'u', 'U' -> {
                int len = c == 'u' ? 4 : 8;
                long value = Long.parseLong(raw.substring(i + 2, i + 2 + len), 16);
                // Invalid code points are syntax errors (reported by the builder); decode them as U+FFFD.
                int cp = value > Character.MAX_CODE_POINT || value >= 0xD800 && value <= 0xDFFF ? 0xFFFD : (int) value;
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                return i + 2 + len;
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    out.write(Integer.parseInt(raw.substring(i + 1, i + 4), 8));
                    return i + 4;
                }
                out.write(simpleEscape(c));
                return i + 2;
            }
        }
    }

    private static int simpleEscape(char c) {
        return switch (c) {
            case 'a' -> 7;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 11;
            default -> c;
        };
    }
}
