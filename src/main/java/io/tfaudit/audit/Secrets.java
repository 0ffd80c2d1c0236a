package io.tfaudit.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in text that is meant to hold none (recorded HTTP cassettes, fixtures),
 * and says where they are and what kind they are without ever repeating them: a secret is
 * reported as its line, its kind and {@link #redact its redacted form} ({@code eyJh…(312
 * chars)}). Detects
 * <ul>
 *   <li>{@code Authorization: Bearer …} and other authorization headers, bearer tokens anywhere;</li>
 *   <li>values of password / secret / client_secret / api_key / token / private key / passphrase /
 *       credential / cookie fields in JSON (also escaped JSON inside a string), YAML, headers
 *       (including go-vcr's {@code Header:\n  - value} lists) and form or query parameters;</li>
 *   <li>AWS access key IDs, GitHub tokens, PEM private keys, JSON Web Tokens, passwords in URLs;</li>
 *   <li>long random strings (Shannon entropy), wherever they are.</li>
 * </ul>
 * {@code REDACTED}, {@code [REDACTED]}, {@code ***}, empty values and obvious placeholders
 * ({@code your-secret-here}, {@code <token>}, {@code ${VAR}}, {@code example}, {@code fake}…)
 * are not secrets.
 */
public final class Secrets {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern DOTTED_NAME = Pattern.compile("[a-z]+(?:[._][a-z]+)+");

    /** One secret: its 1-based line, what kind it is, and the value redacted. The value itself is not kept. */
    public record Secret(int line, String kind, String redacted) {
        @Override
        public String toString() {
            return kind + " " + redacted;
        }
    }

    /** Minimum length and Shannon entropy (bits per character) of a random-looking token. */
    static final int ENTROPY_MIN_LENGTH = 24;
    static final double ENTROPY_MIN_BITS = 4.0;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----(.*?)(?:-----END \\1PRIVATE KEY-----|$)", Pattern.DOTALL);
    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9\\-._~+/]{8,}=*)");
    private static final Pattern AUTH_SCHEME = Pattern.compile(
            "(?i)authorization\\\\?[\"']?\\s*[:=]\\s*(?:\\[\\s*)?\\\\?[\"']?(?:basic|token|apikey|api-key|sso-key|digest)\\s+([^\\s\"'\\\\,\\]]{6,})");
    private static final List<String> AWS_KEY_PREFIXES = List.of("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA");
    private static final Pattern AWS_KEY_ID = Pattern.compile("\\b((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16})\\b");
    private static final Pattern GITHUB_TOKEN = Pattern.compile("\\b((?:gh[pousr]_|github_pat_)[A-Za-z0-9_]{30,})");
    private static final Pattern JWT = Pattern.compile("\\b(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})");
    private static final Pattern URL_PASSWORD = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@'\"]+:([^@\\s/'\"]+)@");
    /** "key": "value", also escaped (\"key\":\"value\") inside a JSON string. */
    private static final Pattern JSON_FIELD = Pattern.compile(
            // Possessive runs: a long value is a few loop turns, not one per character (a StackOverflowError).
            "\\\\?\"([A-Za-z0-9_.\\- ]{1,64})\\\\?\"\\s*:\\s*\\\\?\"((?:[^\"\\\\]++|\\\\[^\"])*+)\\\\?\"");
    /**
     * key=value in a form body or a query string. A value runs on past an {@code &} that does not
     * start the next {@code key=}: {@code password=Tr0ub4dor&3} is one value, not a cut-off one.
     * A key starts a line or follows a separator ({@code ?&|(,;[}, a space or a quote): an
     * accepted-findings entry's key is {@code criterion|resource|item}.
     */
    private static final Pattern FORM_FIELD = Pattern.compile(
            // Possessive, like JSON_FIELD: many short parameters overflowed the stack.
            "(?:^|[?&\\s'\"|(\\[,;])([A-Za-z0-9_.\\-]{1,64})=([^&\\s'\"]++(?:&(?![A-Za-z0-9_.\\-]{1,64}=)[^&\\s'\"]*+)*+)");
    /** YAML, header or dotenv line: key: value, key = value. */
    // A tool quoting a source line (terraform's "  2:   password = ...") puts its line number first.
    private static final Pattern LINE_FIELD = Pattern.compile(
            "^\\s*(?:\\d{1,7}:\\s+)?(?:-\\s+)?[\"']?([A-Za-z0-9_.\\-]{1,64})[\"']?\\s*(?::|=)\\s*(.*?)\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)-\\s+(.*?)\\s*$");
    /** A character of a random-looking token: {@code [A-Za-z0-9+/_=-]}. */
    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '_' || c == '=' || c == '-';
    }

    private static final Pattern SENSITIVE_KEY = Pattern.compile(
            "(?:^|_)(password|passwd|pwd|passphrase|secret|client_secret|secret_key|secret_access_key|api_key|apikey"
                    + "|access_token|refresh_token|auth_token|id_token|session_token|token|private_key|privatekey"
                    + "|credential|credentials|authorization|cookie|set_cookie|signing_key|hmac_secret|sasl_password)$");
    /** Tokens that are not credentials: pagination and protocol fields. */
    private static final Set<String> NOT_SENSITIVE = Set.of("next_token", "page_token", "pagination_token", "continuation_token",
            "sync_token", "cursor_token", "csrf_token_name");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i).*(redacted|masked|placeholder|change_?me|example|dummy|sample|your[-_ ]|not[-_ ]?a[-_ ]?real|fake|xxx|\\*\\*\\*"
                    + "|<[^>]*>|\\$\\{|\\{\\{|%[sv]|\\.\\.\\.|…\\(\\d+ chars\\)).*");
    private static final Set<String> PLACEHOLDER_WORDS = Set.of("secret", "password", "token", "test", "null", "none", "nil",
            "true", "false", "undefined", "changeit", "redact", "hidden", "string", "value", "empty", "omitted");

    private Secrets() {}

    /** Every secret in the text, in order, at most one per value. */
    public static List<Secret> scan(String text) {
        List<Secret> out = new ArrayList<>();
        for (Hit h : hits(text)) {
            out.add(new Secret(h.line, h.kind, redact(text.substring(h.start, h.end))));
        }
        return out;
    }

    /** Characters scanned at once by {@link #scan(Reader)}, and lines carried over into the next chunk. */
    static final int CHUNK_CHARS = 1 << 20;
    static final int CHUNK_OVERLAP_LINES = 16;
    /** A line longer than this is scanned in pieces, each repeating the end of the one before. */
    static final int PIECE_CHARS = 64 * 1024;
    static final int PIECE_OVERLAP = 512;

    /**
     * Every secret in a text read as a stream, however large, holding about a megabyte at a
     * time: chunks of whole lines, each starting with the last lines of the one before so that
     * a secret spanning lines (a header list) is seen whole; a secret is reported on the line it
     * starts, once.
     */
    public static List<Secret> scan(java.io.Reader in) throws java.io.IOException {
        java.util.LinkedHashSet<Secret> out = new java.util.LinkedHashSet<>(); // a piece's repeated end is not a second secret
        List<String> pieces = new ArrayList<>();
        List<Integer> pieceLines = new ArrayList<>();
        long firstPiece = 0; // the stream's index of pieces.get(0)
        long reportedUpTo = -1; // hits in pieces up to this index were reported
        int line = 1;
        StringBuilder current = new StringBuilder();
        long chars = 0;
        java.io.Reader r = in instanceof java.io.BufferedReader ? in : new java.io.BufferedReader(in, 1 << 16);
        boolean end = false;
        while (!end) {
            int c = r.read();
            if (c == -1) {
                end = true;
                pieces.add(current.toString());
                pieceLines.add(line);
            } else if (c == '\n') {
                pieces.add(current.toString());
                pieceLines.add(line++);
                chars += current.length() + 1;
                current.setLength(0);
            } else {
                current.append((char) c);
                if (current.length() >= PIECE_CHARS) {
                    pieces.add(current.toString());
                    pieceLines.add(line);
                    chars += current.length();
                    current.delete(0, current.length() - PIECE_OVERLAP);
                }
            }
            if (end || chars >= CHUNK_CHARS) {
                int keep = end ? 0 : Math.min(CHUNK_OVERLAP_LINES, pieces.size() - 1);
                long lastToReport = firstPiece + pieces.size() - keep - 1;
                for (Secret hit : scan(String.join("\n", pieces))) {
                    long piece = firstPiece + hit.line() - 1;
                    if (piece > reportedUpTo && piece <= lastToReport) {
                        out.add(new Secret(pieceLines.get(hit.line() - 1), hit.kind(), hit.redacted()));
                    }
                }
                reportedUpTo = lastToReport;
                firstPiece += pieces.size() - keep;
                pieces = new ArrayList<>(pieces.subList(pieces.size() - keep, pieces.size()));
                pieceLines = new ArrayList<>(pieceLines.subList(pieceLines.size() - keep, pieceLines.size()));
                chars = pieces.stream().mapToLong(String::length).sum();
            }
        }
        return List.copyOf(out);
    }

    /** The text with every secret replaced by its redacted form, for messages that quote a file. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        List<Hit> hits = hits(text);
        StringBuilder sb = new StringBuilder(text);
        for (int i = hits.size() - 1; i >= 0; i--) {
            Hit h = hits.get(i);
            sb.replace(h.start, h.end, redact(text.substring(h.start, h.end)));
        }
        return sb.toString();
    }

    /**
     * A value shown without being revealed: its first characters (4 for values of 16 or more,
     * a quarter of shorter ones) and its length: {@code eyJh…(312 chars)}.
     */
    public static String redact(String value) {
        int n = value.length();
        int shown = n >= 16 ? 4 : n / 4;
        return value.substring(0, shown) + "…(" + n + " chars)";
    }

    /** Whether a value is a stand-in rather than a credential: REDACTED, ***, your-token-here, ${VAR}, … */
    public static boolean isPlaceholder(String value) {
        String v = unquote(value.strip());
        if (v.isEmpty() || v.length() < 3) {
            return true;
        }
        if (v.chars().distinct().count() <= 2) {
            return true; // ****, xxxx, ----, 0000
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_WORDS.contains(lower) || NUMBER.matcher(lower).matches()) {
            return true;
        }
        if (v.startsWith("$")) {
            return true; // $VAR, ${VAR}: a reference to where the value comes from
        }
        if (DOTTED_NAME.matcher(v).matches()) {
            return true; // a name (slot.name, database.password): an API key's name, not its value
        }
        return PLACEHOLDER.matcher(v).matches();
    }

    /** Shannon entropy of the string, in bits per character. */
    public static double entropy(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        Map<Character, Integer> counts = new HashMap<>();
        for (char c : s.toCharArray()) {
            counts.merge(c, 1, Integer::sum);
        }
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / s.length();
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h;
    }

    /** Whether a field or header name holds a credential: database.password, client_secret, X-Api-Key, Authorization. */
    public static boolean isSensitiveKey(String key) {
        String k = underscored(key);
        if (k.startsWith("x_")) {
            k = k.substring(2);
        }
        return !NOT_SENSITIVE.contains(k) && SENSITIVE_KEY.matcher(k).find();
    }

    // ---- finding -------------------------------------------------------------------------

    private record Hit(int start, int end, int line, String kind) {}

    private static List<Hit> hits(String text) {
        int[] lineStarts = lineStarts(text);
        List<Hit> found = new ArrayList<>();
        // Most specific first: a value already found is not reported again by a later rule.
        // Each rule runs only where its literal part occurs: most text has none, and the
        // patterns cost a scan per position (the redaction of results was 40% of an audit's CPU).
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = PEM.matcher(text.contains("PRIVATE KEY-----") ? text : "");
        while (m.find()) {
            String body = m.group(2).replace("\\n", "").replace("\\r", "").strip();
            if (body.length() >= 16 && !isPlaceholder(body)) {
                add(found, lineStarts, m.start(2), m.end(2), "private key (" + (m.group(1).isEmpty() ? "PEM" : m.group(1).strip() + " PEM") + ")");
            }
        }
        if (lower.contains("bearer")) {
            addGroup(found, lineStarts, BEARER.matcher(text), 1, "bearer token");
        }
        if (lower.contains("authorization")) {
            addGroup(found, lineStarts, AUTH_SCHEME.matcher(text), 1, "authorization header credentials");
        }
        if (text.contains("eyJ")) {
            addGroup(found, lineStarts, JWT.matcher(text), 1, "JSON Web Token");
        }
        if (AWS_KEY_PREFIXES.stream().anyMatch(text::contains)) {
            addGroup(found, lineStarts, AWS_KEY_ID.matcher(text), 1, "AWS access key ID");
        }
        if ((text.contains("gh") || text.contains("github_pat_")) && text.indexOf('_') >= 0) {
            addGroup(found, lineStarts, GITHUB_TOKEN.matcher(text), 1, "GitHub token");
        }
        if (text.contains("://") && text.indexOf('@') >= 0) {
            addGroup(found, lineStarts, URL_PASSWORD.matcher(text), 1, "password in URL");
        }
        m = JSON_FIELD.matcher(text.indexOf('"') >= 0 && text.indexOf(':') >= 0 ? text : "");
        while (m.find()) {
            keyed(found, lineStarts, m.group(1), m.start(2), m.end(2), text);
        }
        m = FORM_FIELD.matcher(text.indexOf('=') >= 0 ? text : "");
        while (m.find()) {
            keyed(found, lineStarts, m.group(1), m.start(2), m.end(2), text);
        }
        lineFields(text, lineStarts, found);
        // Every maximal run of at least ENTROPY_MIN_LENGTH token characters, in one pass.
        for (int i = 0, n = text.length(); i < n; ) {
            if (!isTokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isTokenChar(text.charAt(i))) {
                i++;
            }
            if (i - start < ENTROPY_MIN_LENGTH) {
                continue;
            }
            String t = text.substring(start, i);
            if (looksRandom(t) && !isPlaceholder(t)) {
                add(found, lineStarts, start, i, "high-entropy string (" + String.format(Locale.ROOT, "%.1f", entropy(t)) + " bits/char)");
            }
        }
        found.sort(Comparator.comparingInt(Hit::start));
        return found;
    }

    /** YAML, header and dotenv lines, and go-vcr header lists (a sensitive key with an empty value, then "- value" items). */
    private static void lineFields(String text, int[] lineStarts, List<Hit> found) {
        String pendingKey = null;
        int pendingIndent = -1;
        for (int i = 0; i < lineStarts.length; i++) {
            int start = lineStarts[i];
            int end = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length();
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (pendingKey != null && item.matches() && item.group(1).length() >= pendingIndent) {
                String v = item.group(2);
                keyed(found, lineStarts, pendingKey, start + item.start(2), start + item.start(2) + v.length(), text);
                continue;
            }
            pendingKey = null;
            Matcher f = LINE_FIELD.matcher(line);
            if (f.matches()) {
                String v = f.group(2);
                if (v.isEmpty() && isSensitiveKey(f.group(1))) {
                    pendingKey = f.group(1);
                    pendingIndent = line.length() - line.stripLeading().length();
                } else if (!v.isEmpty()) {
                    keyed(found, lineStarts, f.group(1), start + f.start(2), start + f.start(2) + v.length(), text);
                }
            }
        }
    }

    /** A value under a key: reported when the key is sensitive and the value is not a placeholder. */
    private static void keyed(List<Hit> found, int[] lineStarts, String key, int start, int end, String text) {
        if (!isSensitiveKey(key) || start >= end) {
            return;
        }
        // A value redacted before ("Tr0…(15 chars)"), which a form field's value ends at the space of.
        if (ALREADY_REDACTED.matcher(text).region(start, Math.min(text.length(), end + 16)).lookingAt()) {
            return;
        }
        String raw = text.substring(start, end);
        String trimmed = raw.strip();
        // "key": "value", on a line of JSON or YAML flow: the comma ends the value
        String v = unquote(trimmed.endsWith(",") ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed);
        if (v.startsWith("{") || v.startsWith("[") || v.startsWith("|") || v.startsWith(">") || isPlaceholder(v)) {
            return;
        }
        int offset = raw.indexOf(v);
        int s = offset < 0 ? start : start + offset;
        int e = offset < 0 ? end : s + v.length();
        add(found, lineStarts, s, e, kindOf(key));
    }

    /** The key in lower case, each run of '.', '-' and white space one '_': {@code X-Api-Key} is {@code x_api_key}. */
    private static String underscored(String key) {
        StringBuilder k = new StringBuilder(key.length());
        boolean inRun = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.' || c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r') {
                if (!inRun) {
                    k.append('_');
                }
                inRun = true;
            } else {
                k.append(c);
                inRun = false;
            }
        }
        return k.toString().toLowerCase(Locale.ROOT);
    }

    private static String kindOf(String key) {
        String k = underscored(key);
        if (k.contains("client_secret")) {
            return "client secret (" + key + ")";
        }
        if (k.contains("pass") || k.endsWith("pwd")) {
            return "password (" + key + ")";
        }
        if (k.contains("api_key") || k.contains("apikey")) {
            return "API key (" + key + ")";
        }
        if (k.contains("private_key") || k.contains("privatekey")) {
            return "private key (" + key + ")";
        }
        if (k.contains("authorization")) {
            return "authorization header";
        }
        if (k.contains("cookie")) {
            return "cookie (" + key + ")";
        }
        if (k.contains("token")) {
            return "token (" + key + ")";
        }
        if (k.contains("credential")) {
            return "credentials (" + key + ")";
        }
        return "secret (" + key + ")";
    }

    /** Long, mixed letters and digits, high entropy; not hex (IDs, hashes), not a UUID, not a path of words. */
    static boolean looksRandom(String t) {
        int end = t.length();
        while (end > 0 && t.charAt(end - 1) == '=') {
            end--;
        }
        String core = t.substring(0, end);
        if (core.length() < ENTROPY_MIN_LENGTH || core.chars().allMatch(c -> c == '-' || Character.digit(c, 16) >= 0 && c < 128)) {
            return false;
        }
        boolean upper = core.chars().anyMatch(Character::isUpperCase);
        boolean lower = core.chars().anyMatch(Character::isLowerCase);
        boolean digit = core.chars().anyMatch(Character::isDigit);
        return upper && lower && digit && entropy(core) >= ENTROPY_MIN_BITS && !looksLikeAName(core);
    }

    private static final Pattern ALREADY_REDACTED = Pattern.compile("[\"']?[^\\s…]{0,4}…\\(\\d+ chars\\)");

    private static final Pattern NAME_PART = Pattern.compile("[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+");

    /**
     * A name made of words ({@code TestDataSource_withAuthorizationRequestHeader_200}): every
     * word of three letters or more but one, at most two numbers. Random tokens split into
     * fragments of a letter or two between digits.
     */
    static boolean looksLikeAName(String t) {
        if (t.indexOf('+') >= 0 || t.indexOf('/') >= 0 || t.indexOf('=') >= 0) {
            return false;
        }
        Matcher m = NAME_PART.matcher(t);
        int words = 0;
        int shortWords = 0;
        int numbers = 0;
        int letters = 0;
        while (m.find()) {
            String part = m.group();
            if (Character.isDigit(part.charAt(0))) {
                numbers++;
            } else {
                words++;
                letters += part.length();
                if (part.length() < 3) {
                    shortWords++;
                }
            }
        }
        return words >= 2 && shortWords <= 1 && numbers <= 2 && letters >= 4 * words;
    }

    private static void addGroup(List<Hit> found, int[] lineStarts, Matcher m, int group, String kind) {
        while (m.find()) {
            String v = m.group(group);
            if (!isPlaceholder(v)) {
                add(found, lineStarts, m.start(group), m.end(group), kind);
            }
        }
    }

    private static void add(List<Hit> found, int[] lineStarts, int start, int end, String kind) {
        for (Hit h : found) {
            if (start < h.end && h.start < end) {
                return; // already reported by a more specific rule
            }
        }
        found.add(new Hit(start, end, lineOf(lineStarts, start), kind));
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }
}
