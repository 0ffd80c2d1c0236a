package io.tfaudit.criteria.phase9;

import io.tfaudit.provider.Category;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the AI-agent description conventions look like in text: {@code Valid values: `a`, `b`.},
 * {@code Defaults to `x`.}, a security note, and {@code Manages a {DisplayName} {type} connector.}
 */
final class DescriptionText {

    static final Pattern VALID_VALUES = Pattern.compile("(?i)valid values:\\s*");
    static final Pattern DEFAULTS_TO = Pattern.compile("(?i)defaults to\\s+");
    static final Pattern SECURITY_NOTE = Pattern.compile("(?i)\\b(security|sensitive)\\b");
    private static final Pattern BACKTICKED = Pattern.compile("\\G`([^`]*)`(\\s*(?:,\\s*(?:and\\s+|or\\s+)?|and\\s+|or\\s+))?");
    static final Pattern PLAIN_PATTERN = Pattern.compile("^Manages (a|an) (.+?) (source|destination|transform) connector\\b");
    static final Pattern MARKDOWN_PATTERN = Pattern.compile("^Manages (a|an) \\*\\*(.+?)(?: (source|destination|transform) connector)?\\*\\*");

    private DescriptionText() {}

    /** The values a description lists after "Valid values:", or empty when it does not say it. */
    static Optional<List<String>> listedValues(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher m = VALID_VALUES.matcher(description);
        if (!m.find()) {
            return Optional.empty();
        }
        String rest = description.substring(m.end());
        List<String> out = new ArrayList<>();
        if (rest.startsWith("`")) {
            Matcher t = BACKTICKED.matcher(rest);
            while (t.find()) {
                out.add(unquote(t.group(1)));
                if (t.group(2) == null) {
                    break;
                }
            }
            return Optional.of(out);
        }
        int end = sentenceEnd(rest);
        String list = rest.substring(0, end);
        for (String part : list.split(",")) {
            // "`0` (continue from last position)": a value may carry a note in parentheses
            String v = part.strip().replaceFirst("^(and|or)\\s+", "").replaceFirst("\\s*\\([^)]*\\)$", "");
            if (!v.isEmpty()) {
                out.add(unquote(v));
            }
        }
        return Optional.of(out);
    }

    /** Where the sentence starting here ends: a period followed by white space or the end, or a line break. */
    private static int sentenceEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (c == '.' && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)))) {
                return i;
            }
        }
        return s.length();
    }

    private static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** A static default as the description should write it. */
    static String defaultText(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /**
     * Whether the default is a literal scalar: a string only when the default's expression
     * quotes it (an expression that could not be decoded is kept as its text, unquoted).
     */
    static boolean isScalar(Object value, String expression) {
        if (value instanceof String s) {
            return expression != null && expression.contains("\"" + s + "\"");
        }
        return value instanceof BigInteger || value instanceof Boolean || value instanceof Number;
    }

    /** How the PRD's pattern writes this default. */
    static String expectedDefault(Object value) {
        String v = defaultText(value);
        return v.isEmpty() ? "Defaults to `\"\"`." : "Defaults to `" + v + "`.";
    }

    /**
     * Whether the description says "Defaults to" with this value: {@code `x`} (or {@code `"x"`});
     * the plain description may also write {@code "x"}, the value quoted as Go's {@code %q}
     * writes it (backslashes and quotes escaped), or the bare value. An empty string may be
     * written {@code `""`} or "an empty string".
     */
    static boolean documentsDefault(String description, Object value, boolean markdown) {
        if (description == null) {
            return false;
        }
        String v = defaultText(value);
        Matcher m = DEFAULTS_TO.matcher(description);
        while (m.find()) {
            String rest = description.substring(m.end());
            List<String> forms = new ArrayList<>(List.of("`" + v + "`", "`\"" + v + "\"`"));
            if (!markdown) {
                forms.add("\"" + v + "\"");
                forms.add(goQuoted(v)); // fmt's %q, as a generator writes it: a quoted literal of the same value
            }
            if (v.isEmpty()) {
                forms.addAll(List.of("an empty string", "empty string", "empty"));
            }
            for (String form : forms) {
                if (rest.startsWith(form)) {
                    return true;
                }
            }
            if (!markdown && !v.isEmpty() && rest.startsWith(v)
                    && (rest.length() == v.length() || ".,; )\n".indexOf(rest.charAt(v.length())) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern DEFAULT_WORD = Pattern.compile("(?i)\\bdefault");

    /**
     * Whether the description includes the default in any words (SM-6's "include defaults"):
     * the PRD's pattern, or the word "default" with the value (an empty string: "empty"), as in
     * "Empty for default cluster."; a non-scalar default only needs the word.
     */
    static boolean mentionsDefault(String description, Object value, boolean scalar, boolean markdown) {
        if (description == null || !DEFAULT_WORD.matcher(description).find()) {
            return false;
        }
        if (!scalar || documentsDefault(description, value, markdown)) {
            return true;
        }
        String v = defaultText(value);
        Pattern said = v.isEmpty() ? Pattern.compile("(?i)\\bempty\\b")
                : Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(v) + "(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE);
        return said.matcher(description).find();
    }

    /** What follows "Defaults to" (up to the end of its sentence), or null when the description does not say it. */
    /** The value as Go's {@code %q} writes it (strconv.Quote, for printable text). */
    static String goQuoted(String v) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static String statedDefault(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = DEFAULTS_TO.matcher(description);
        if (!m.find()) {
            return null;
        }
        String rest = description.substring(m.end());
        String said = rest.substring(0, sentenceEnd(rest)).strip();
        return said.length() > 60 ? said.substring(0, 57) + "..." : said;
    }

    /** "source", "destination", "transform". */
    static String categoryWord(Category c) {
        return c == null ? "" : c.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The article a display name takes, or null when it cannot be told from the spelling (an
     * initialism such as {@code S3} or {@code SQL}, or a word starting with u or h).
     */
    static String articleFor(String display) {
        String first = display.strip().split("[\\s/]+")[0];
        if (first.isEmpty()) {
            return null;
        }
        if (first.length() >= 2 && first.equals(first.toUpperCase(Locale.ROOT))) {
            return null; // an initialism: "an S3", "a GCS" depend on how it is spoken
        }
        char c = Character.toLowerCase(first.charAt(0));
        if ("aeio".indexOf(c) >= 0) {
            return "an";
        }
        if (c == 'u' || c == 'h' || !Character.isLetter(c)) {
            return null;
        }
        return "a";
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "(none)";
        }
        String one = s.replace("\n", "\\n");
        return one.length() > 100 ? one.substring(0, 97) + "..." : one;
    }
}
