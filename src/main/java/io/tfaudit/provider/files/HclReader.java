package io.tfaudit.provider.files;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Terraform configuration with hcl4j, then locates each block and attribute in the
 * text (hcl4j keeps no positions) and classifies each value as written (hcl4j evaluates
 * references into strings, which would hide them).
 */
final class HclReader {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9_.eE+-]*");

    private static final Object STDOUT_LOCK = new Object();
    private static final Pattern ERROR_LINE = Pattern.compile("(?i)line[: ]+(\\d+)");

    private HclReader() {}

    static HclFile read(String path, String text) {
        FileProblem structural = structureProblem(path, text);
        if (structural != null) {
            return new HclFile(path, List.of(), structural);
        }
        Map<String, Object> parsed;
        try {
            parsed = parseQuietly(text);
        } catch (Exception | StackOverflowError | LinkageError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            Matcher m = ERROR_LINE.matcher(msg);
            int line = m.find() ? Integer.parseInt(m.group(1)) : 0;
            return new HclFile(path, List.of(), new FileProblem(path, line, "not valid HCL: " + firstLine(msg)));
        }
        String[] lines = text.split("\n", -1);
        List<HclFile.Block> blocks = new ArrayList<>();
        for (String kind : List.of("resource", "data", "ephemeral")) {
            if (parsed.get(kind) instanceof Map<?, ?> byType) {
                byType.forEach((type, byName) -> {
                    if (byName instanceof Map<?, ?> names) {
                        names.forEach((name, body) -> {
                            int line = findLine(lines, 0, Pattern.compile("^\\s*" + kind + "\\s+\"" + Pattern.quote(String.valueOf(type))
                                    + "\"\\s+\"" + Pattern.quote(String.valueOf(name)) + "\""));
                            blocks.add(block(kind, List.of(String.valueOf(type), String.valueOf(name)), line, body, lines));
                        });
                    }
                });
            }
        }
        // Blocks with one label; terraform validate rejects one declared twice in a folder.
        for (String kind : List.of("provider", "variable", "output", "module")) {
            if (parsed.get(kind) instanceof Map<?, ?> byName) {
                byName.forEach((name, body) -> {
                    int line = findLine(lines, 0, Pattern.compile("^\\s*" + kind + "\\s+\"" + Pattern.quote(String.valueOf(name)) + "\""));
                    for (Object item : body instanceof List<?> list ? list : List.of(body)) {
                        blocks.add(block(kind, List.of(String.valueOf(name)), line, item, lines));
                    }
                });
            }
        }
        // Blocks without a label (terraform, locals): hcl4j gives one body, or a list of them.
        for (String kind : List.of("terraform", "locals")) {
            Object body = parsed.get(kind);
            if (body != null) {
                int line = findLine(lines, 0, Pattern.compile("^\\s*" + kind + "\\s*\\{"));
                for (Object item : body instanceof List<?> list ? list : List.of(body)) {
                    blocks.add(block(kind, List.of(), line, item, lines));
                }
            }
        }
        blocks.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new HclFile(path, List.copyOf(blocks), null);
    }

    /**
     * hcl4j accepts some broken files (an unclosed block, an attribute without a value), so
     * the structure is checked first: brackets balance outside strings, comments and
     * heredocs, and every {@code name =} has a value.
     */
    static FileProblem structureProblem(String path, String text) {
        java.util.Deque<int[]> open = new java.util.ArrayDeque<>(); // {char, line}
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        String heredocEnd = null;
        boolean inBlockComment = false;
        for (int n = 0; n < lines.length; n++) {
            String l = lines[n];
            int lineNo = n + 1;
            if (heredocEnd != null) {
                if (l.strip().equals(heredocEnd)) {
                    heredocEnd = null;
                }
                continue;
            }
            boolean inString = false;
            int templateDepth = 0;
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (inBlockComment) {
                    if (c == '*' && i + 1 < l.length() && l.charAt(i + 1) == '/') {
                        inBlockComment = false;
                        i++;
                    }
                    continue;
                }
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '$' && i + 1 < l.length() && l.charAt(i + 1) == '{') {
                        templateDepth++;
                        i++;
                    } else if (c == '}' && templateDepth > 0) {
                        templateDepth--;
                    } else if (c == '"' && templateDepth == 0) {
                        inString = false;
                    }
                    continue;
                }
                if (c == '"') {
                    inString = true;
                } else if (c == '#' || c == '/' && i + 1 < l.length() && l.charAt(i + 1) == '/') {
                    break;
                } else if (c == '/' && i + 1 < l.length() && l.charAt(i + 1) == '*') {
                    inBlockComment = true;
                    i++;
                } else if (c == '<' && l.startsWith("<<", i)) {
                    String marker = l.substring(i + 2).replaceFirst("^-", "").strip();
                    if (marker.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        heredocEnd = marker;
                        break;
                    }
                } else if (c == '{' || c == '[' || c == '(') {
                    open.push(new int[] {c, lineNo});
                } else if (c == '}' || c == ']' || c == ')') {
                    char expected = c == '}' ? '{' : c == ']' ? '[' : '(';
                    if (open.isEmpty() || open.peek()[0] != expected) {
                        return new FileProblem(path, lineNo, "not valid HCL: unexpected '" + c + "'");
                    }
                    open.pop();
                } else if (c == '=' && (i + 1 >= l.length() || l.charAt(i + 1) != '=' && l.charAt(i + 1) != '>')
                        && (i == 0 || "!<>=".indexOf(l.charAt(i - 1)) < 0)) {
                    String rest = l.substring(i + 1).strip();
                    if (rest.isEmpty() || rest.startsWith("#") || rest.startsWith("//") || rest.startsWith("}")) {
                        return new FileProblem(path, lineNo, "not valid HCL: '=' without a value");
                    }
                }
            }
            if (inString) {
                return new FileProblem(path, lineNo, "not valid HCL: string not terminated");
            }
        }
        if (heredocEnd != null) {
            return new FileProblem(path, lines.length, "not valid HCL: heredoc not terminated by " + heredocEnd);
        }
        if (!open.isEmpty()) {
            int[] unclosed = open.peek();
            return new FileProblem(path, unclosed[1], "not valid HCL: '" + (char) unclosed[0] + "' is never closed");
        }
        return null;
    }

    /** hcl4j prints some evaluation traces to standard output; they must not reach ours. */
    private static Map<String, Object> parseQuietly(String text) throws Exception {
        synchronized (STDOUT_LOCK) {
            PrintStream original = System.out;
            System.setOut(new PrintStream(new ByteArrayOutputStream()));
            try {
                return new ParseOnly().parse(text, false);
            } finally {
                System.setOut(original);
            }
        }
    }

    /**
     * hcl4j with its evaluation switched off where it could act: a {@code data} block is not
     * looked up (hcl4j's {@code http} lookup sends the request) and no function is called
     * (functions may read files). Both yield nothing; the blocks and attributes are read as
     * written (see {@link #block}), so nothing is lost: a data block stands for its own arguments.
     */
    private static final class ParseOnly extends HCLParser {
        ParseOnly() {
            dataLookupRegistry.clear();
            functionRegistry.clear();
        }

        @Override
        protected Map<String, Object> evaluateDataLookup(String type, String name, Map<String, Object> properties) {
            return properties == null ? new LinkedHashMap<>() : new LinkedHashMap<>(properties); // the block as written
        }

        @Override
        protected Object evaluateFunctionCall(String name, com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Function function) {
            return null;
        }

        @Override
        protected Object evaluateFunctionCall(String name, com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Function function,
                                              Map<String, Object> context) {
            return null;
        }
    }

    private static HclFile.Block block(String kind, List<String> labels, int line, Object body, String[] lines) {
        Map<String, HclFile.AttributeValue> attributes = new LinkedHashMap<>();
        List<HclFile.Block> nested = new ArrayList<>();
        if (body instanceof Map<?, ?> map) {
            int end = blockEnd(lines, line);
            map.forEach((k, v) -> {
                String name = String.valueOf(k);
                // At a line's start, or after the brace of a block written on one line.
                Pattern assignment = Pattern.compile("(^\\s*|\\{\\s*)\"?" + Pattern.quote(name) + "\"?\\s*=(?![=>])");
                int attrLine = findLine(lines, line - 1, assignment, end);
                if (attrLine > 0) {
                    String text = lines[attrLine - 1];
                    Matcher at = assignment.matcher(text);
                    String raw = withoutComment(at.find() ? text.substring(at.end()) : "").strip();
                    if (attrLine == end && line == end && raw.endsWith("}")) {
                        raw = raw.substring(0, raw.length() - 1).strip(); // the one-line block's own brace
                    }
                    attributes.put(name, new HclFile.AttributeValue(name, kindOf(raw), raw, attrLine));
                } else {
                    int blockLine = findLine(lines, line, Pattern.compile("^\\s*" + Pattern.quote(name) + "\\s*\\{"), end);
                    for (Object item : v instanceof List<?> list ? list : List.of(v)) {
                        nested.add(block(name, List.of(), blockLine, item, lines));
                    }
                }
            });
        }
        return new HclFile.Block(kind, labels, line, attributes, nested);
    }

    /** The text before a {@code #} or {@code //} comment that is not inside a string. */
    static String withoutComment(String s) {
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && (c == '#' || c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/')) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** What a value is as written: its first characters tell a literal from an expression. */
    static HclFile.ValueKind kindOf(String raw) {
        String v = withoutComment(raw).strip();
        if (v.startsWith("\"")) {
            return v.contains("${") ? HclFile.ValueKind.EXPRESSION : HclFile.ValueKind.STRING;
        }
        if (v.startsWith("<<")) {
            return HclFile.ValueKind.STRING;
        }
        if (NUMBER.matcher(v).matches()) {
            return HclFile.ValueKind.NUMBER;
        }
        if (v.equals("true") || v.equals("false")) {
            return HclFile.ValueKind.BOOL;
        }
        if (v.equals("null")) {
            return HclFile.ValueKind.NULL;
        }
        if (v.startsWith("[")) {
            return HclFile.ValueKind.LIST;
        }
        if (v.startsWith("{")) {
            return HclFile.ValueKind.MAP;
        }
        return HclFile.ValueKind.EXPRESSION;
    }

    private static int findLine(String[] lines, int afterLine, Pattern p) {
        return findLine(lines, afterLine, p, lines.length);
    }

    /** The 1-based line after {@code afterLine} (and not after {@code lastLine}) matching {@code p}, or 0. */
    private static int findLine(String[] lines, int afterLine, Pattern p, int lastLine) {
        for (int i = Math.max(0, afterLine); i < Math.min(lines.length, lastLine); i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The line of the brace closing the block opened on {@code startLine}, counting braces outside strings. */
    private static int blockEnd(String[] lines, int startLine) {
        if (startLine <= 0) {
            return lines.length;
        }
        int depth = 0;
        boolean opened = false;
        for (int i = startLine - 1; i < lines.length; i++) {
            boolean inString = false;
            String l = lines[i];
            for (int c = 0; c < l.length(); c++) {
                char ch = l.charAt(c);
                if (ch == '"' && (c == 0 || l.charAt(c - 1) != '\\')) {
                    inString = !inString;
                } else if (!inString && ch == '#') {
                    break;
                } else if (!inString && ch == '{') {
                    depth++;
                    opened = true;
                } else if (!inString && ch == '}') {
                    depth--;
                    if (opened && depth == 0) {
                        return i + 1;
                    }
                }
            }
        }
        return lines.length;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
