package io.tfaudit.audit;

import io.qameta.allure.Allure;
import io.tfaudit.go.ast.Pos;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * The violations of one criterion, collected before anything is reported (soft assertions),
 * each with its place ({@code file:line}, or a resource or file name where there is no line)
 * and what was expected and found. {@link #verify()} fails with all of them, in a stable order:
 * <pre>
 * 'All attributes have both Description and MarkdownDescription' was violated (2 times):
 *   internal/generated/source_x.go:41: attribute port: MarkdownDescription is missing
 *   ...
 * </pre>
 * Long lists are also attached to the report as a markdown table.
 */
public final class Findings {

    /** Lists longer than this are attached as a table as well as written in the message. */
    static final int ATTACH_OVER = 10;

    /** One violation: where, and what (expected and found). */
    public record Finding(String where, String what) {
        @Override
        public String toString() {
            return where + ": " + what;
        }
    }

    private final String rule;
    private final java.util.function.Supplier<Severity> severity;
    private final List<Finding> items = new ArrayList<>();

    public Findings(String rule) {
        this(rule, () -> null);
    }

    /** With the severity the failure message starts with ({@code [critical] ...}), as the report's categories read it. */
    public Findings(String rule, java.util.function.Supplier<Severity> severity) {
        this.rule = rule;
        this.severity = severity;
    }

    public Findings add(Pos where, String what) {
        return add(where == null ? "(unknown place)" : where.fileAndLine(), what);
    }

    public Findings add(String where, String what) {
        items.add(new Finding(where, what));
        return this;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<Finding> items() {
        return List.copyOf(items);
    }

    /** Fails with every finding, or does nothing when there is none. */
    public void verify() {
        if (items.isEmpty()) {
            return;
        }
        List<Finding> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(Finding::where, Findings::compareWhere).thenComparing(Finding::what));
        Severity s = severity.get();
        StringBuilder message = new StringBuilder((s == null ? "" : "[" + s.label() + "] ") + "'" + rule + "' was violated (" + sorted.size()
                + (sorted.size() == 1 ? " time" : " times") + "):");
        for (Finding f : sorted) {
            message.append("\n  ").append(f);
        }
        if (sorted.size() > ATTACH_OVER) {
            StringBuilder table = new StringBuilder("| where | finding |\n|---|---|\n");
            for (Finding f : sorted) {
                table.append("| ").append(escape(f.where())).append(" | ").append(escape(f.what())).append(" |\n");
            }
            Allure.addAttachment("findings (" + sorted.size() + ")", "text/markdown", table.toString(), ".md");
        }
        throw new AssertionFailedError(message.toString());
    }

    /** file:line ordering with numeric lines, so that line 9 comes before line 10. */
    private static int compareWhere(String a, String b) {
        int ca = a.lastIndexOf(':');
        int cb = b.lastIndexOf(':');
        if (ca > 0 && cb > 0 && a.substring(0, ca).equals(b.substring(0, cb))) {
            try {
                return Integer.compare(Integer.parseInt(a.substring(ca + 1)), Integer.parseInt(b.substring(cb + 1)));
            } catch (NumberFormatException notLines) {
                // fall through to text order
            }
        }
        return a.compareTo(b);
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
