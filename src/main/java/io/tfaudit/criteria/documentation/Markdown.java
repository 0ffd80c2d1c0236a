package io.tfaudit.criteria.documentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A markdown file read for what documentation criteria ask: its lines (each known to be in
 * the frontmatter, in a fenced code block, or prose), its headings and the sections they
 * open, its fenced code blocks and its links, all with their real line numbers.
 */
public final class Markdown {

    /** One line of the file: 1-based number, text, and where it is. */
    public record Line(int number, String text, boolean frontmatter, boolean code) {
        public boolean prose() {
            return !frontmatter && !code;
        }
    }

    public record Heading(int level, String title, int line) {}

    /** A heading and what follows it up to the next heading of the same or a higher level. */
    public record Section(Heading heading, List<Line> lines) {
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Line l : lines) {
                sb.append(l.text()).append('\n');
            }
            return sb.toString();
        }

        /** The section's text outside code blocks. */
        public String prose() {
            StringBuilder sb = new StringBuilder();
            for (Line l : lines) {
                if (l.prose()) {
                    sb.append(l.text()).append('\n');
                }
            }
            return sb.toString();
        }

        public List<CodeBlock> codeBlocks() {
            return Markdown.codeBlocks(lines);
        }
    }

    /** A fenced code block: its info string ({@code terraform}, {@code shell}), first line of content, content. */
    public record CodeBlock(String info, int line, String text) {}

    public record Link(String text, String target, int line, boolean image) {}

    private static final Pattern LINK = Pattern.compile("(!?)\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[([^\\]]+)\\]:\\s*(\\S+)");

    private final String text;
    private final List<Line> lines;
    private final boolean unclosedFence;
    private final int unclosedFenceLine;

    private Markdown(String text) {
        this.text = text;
        List<Line> out = new ArrayList<>();
        String[] raw = text.replace("\r\n", "\n").split("\n", -1);
        boolean front = raw.length > 0 && raw[0].strip().equals("---");
        boolean code = false;
        String fence = null;
        int fenceLine = 0;
        for (int i = 0; i < raw.length; i++) {
            String l = raw[i];
            if (front) {
                out.add(new Line(i + 1, l, true, false));
                if (i > 0 && (l.strip().equals("---") || l.strip().equals("..."))) {
                    front = false;
                }
                continue;
            }
            String stripped = l.stripLeading();
            if (!code && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                fence = stripped.substring(0, 3);
                fenceLine = i + 1;
                code = true;
                out.add(new Line(i + 1, l, false, true));
                continue;
            }
            if (code && stripped.startsWith(fence) && stripped.substring(3).strip().replace(fence.substring(0, 1), "").isEmpty()) {
                code = false;
                out.add(new Line(i + 1, l, false, true));
                continue;
            }
            out.add(new Line(i + 1, l, false, code));
        }
        this.lines = List.copyOf(out);
        this.unclosedFence = code;
        this.unclosedFenceLine = fenceLine;
    }

    public static Markdown of(String text) {
        return new Markdown(text == null ? "" : text);
    }

    public String text() {
        return text;
    }

    public List<Line> lines() {
        return lines;
    }

    /** The line of a code fence that is never closed, or 0. */
    public int unclosedFenceLine() {
        return unclosedFence ? unclosedFenceLine : 0;
    }

    /** ATX headings ({@code ## Title}) outside code blocks and the frontmatter. */
    public List<Heading> headings() {
        List<Heading> out = new ArrayList<>();
        for (Line l : lines) {
            if (l.prose()) {
                Matcher m = HEADING.matcher(l.text());
                if (m.matches()) {
                    out.add(new Heading(m.group(1).length(), m.group(2).strip(), l.number()));
                }
            }
        }
        return out;
    }

    public List<Section> sections() {
        List<Heading> hs = headings();
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < hs.size(); i++) {
            Heading h = hs.get(i);
            int end = lines.size() + 1;
            for (int j = i + 1; j < hs.size(); j++) {
                if (hs.get(j).level() <= h.level()) {
                    end = hs.get(j).line();
                    break;
                }
            }
            out.add(new Section(h, lines.subList(h.line(), end - 1)));
        }
        return out;
    }

    /** The first section whose heading title (lower case) satisfies the predicate. */
    public Optional<Section> section(Predicate<String> titleLowerCase) {
        return sections().stream().filter(s -> titleLowerCase.test(s.heading().title().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Whether a heading's title (lower case) satisfies the predicate. */
    public boolean hasHeading(Predicate<String> titleLowerCase) {
        return headings().stream().anyMatch(h -> titleLowerCase.test(h.title().toLowerCase(Locale.ROOT)));
    }

    /** The prose lines between the title and the first second-level heading, stripped, headings left out. */
    public List<String> introduction() {
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            if (!l.prose()) {
                continue;
            }
            if (l.text().startsWith("## ")) {
                break;
            }
            String s = l.text().strip();
            if (!s.startsWith("#") && !s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The text outside the frontmatter and code blocks. */
    public String prose() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            if (l.prose()) {
                sb.append(l.text()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The body: everything after the frontmatter. */
    public String body() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            if (!l.frontmatter()) {
                sb.append(l.text()).append('\n');
            }
        }
        return sb.toString();
    }

    public List<CodeBlock> codeBlocks() {
        return codeBlocks(lines);
    }

    static List<CodeBlock> codeBlocks(List<Line> lines) {
        List<CodeBlock> out = new ArrayList<>();
        String info = null;
        int start = 0;
        StringBuilder sb = null;
        for (Line l : lines) {
            if (!l.code()) {
                continue;
            }
            String stripped = l.text().stripLeading();
            boolean fenceLine = stripped.startsWith("```") || stripped.startsWith("~~~");
            if (sb == null && fenceLine) {
                info = stripped.substring(3).strip();
                start = l.number() + 1;
                sb = new StringBuilder();
            } else if (sb != null && fenceLine && stripped.substring(3).strip().isEmpty()) {
                out.add(new CodeBlock(info, start, sb.toString()));
                sb = null;
            } else if (sb != null) {
                sb.append(l.text()).append('\n');
            }
        }
        if (sb != null) {
            out.add(new CodeBlock(info, start, sb.toString()));
        }
        return out;
    }

    /** Inline links and images in prose, and reference definitions ({@code [x]: url}). */
    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        for (Line l : lines) {
            if (!l.prose()) {
                continue;
            }
            Matcher m = LINK.matcher(l.text());
            while (m.find()) {
                out.add(new Link(m.group(2), m.group(3), l.number(), !m.group(1).isEmpty()));
                // an image inside a link's text: [![badge](img)](target)
                Matcher inner = LINK.matcher(m.group(2));
                while (inner.find()) {
                    out.add(new Link(inner.group(2), inner.group(3), l.number(), !inner.group(1).isEmpty()));
                }
            }
            Matcher d = REFERENCE_DEFINITION.matcher(l.text());
            if (d.find()) {
                out.add(new Link(d.group(1), d.group(2), l.number(), false));
            }
        }
        return out;
    }

    /** The first prose line containing the text (case-insensitive), or 0. */
    public int lineOf(String needle) {
        String n = needle.toLowerCase(Locale.ROOT);
        for (Line l : lines) {
            if (!l.frontmatter() && l.text().toLowerCase(Locale.ROOT).contains(n)) {
                return l.number();
            }
        }
        return 0;
    }

    /** The first line (anywhere but the frontmatter) matching the pattern, or 0. */
    public int lineMatching(Pattern p) {
        for (Line l : lines) {
            if (!l.frontmatter() && p.matcher(l.text()).find()) {
                return l.number();
            }
        }
        return 0;
    }
}
