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
    private final CriterionRun run;

    public Findings(String rule) {
        this(rule, () -> null, null);
    }

    /**
     * With the severity the failure message starts with ({@code [critical] ...}), as the
     * report's categories read it, and the run whose accepted findings apply.
     */
    Findings(String rule, java.util.function.Supplier<Severity> severity, CriterionRun run) {
        this.rule = rule;
        this.severity = severity;
        this.run = run;
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

    /**
     * Fails with every finding, or does nothing when there is none. Findings the team has
     * accepted ({@link AcceptedFindings}) do not fail: they are reported, and when nothing
     * else is left the result is skipped as baselined. An expired entry accepts nothing.
     */
    public void verify() {
        if (items.isEmpty()) {
            return;
        }
        List<Finding> failing = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        java.time.LocalDate today = java.time.LocalDate.now();
        for (Finding f : items) {
            var entry = run == null ? java.util.Optional.<AcceptedFindings.Entry>empty()
                    : run.audit().acceptedFindings().entryFor(run.id(), run.currentResource(), f);
            if (entry.isPresent() && !entry.get().expiredOn(today)) {
                run.audit().entryUsed(entry.get());
                accepted.add(f + " (accepted: " + entry.get().reason() + (entry.get().owner() == null ? "" : ", owner "
                        + entry.get().owner()) + (entry.get().expires() == null ? "" : ", until " + entry.get().expires()) + ")");
                if (!run.quiet()) {
                    io.qameta.allure.Allure.label("baselined", entry.get().key());
                }
            } else if (entry.isPresent()) {
                run.audit().entryUsed(entry.get());
                failing.add(new Finding(f.where(), f.what() + " (its acceptance expired on " + entry.get().expires() + ")"));
            } else {
                failing.add(f);
            }
        }
        if (failing.isEmpty()) {
            org.junit.jupiter.api.Assumptions.abort("baselined: " + accepted.size() + " accepted finding(s):\n  "
                    + String.join("\n  ", accepted));
        }
        List<Finding> sorted = new ArrayList<>(failing);
        sorted.sort(Comparator.comparing(Finding::where, Findings::compareWhere).thenComparing(Finding::what));
        Severity s = severity.get();
        StringBuilder message = new StringBuilder((s == null ? "" : "[" + s.label() + "] ") + "'" + rule + "' was violated (" + sorted.size()
                + (sorted.size() == 1 ? " time" : " times") + "):");
        for (Finding f : sorted) {
            message.append("\n  ").append(f);
        }
        if (!accepted.isEmpty()) {
            message.append("\n(").append(accepted.size()).append(" more accepted in ")
                    .append(run.audit().acceptedFindings().file()).append(")");
        }
        if (run != null) {
            run.failedWith(sorted);
            if (!run.quiet()) {
                links(run.audit().codeLinks(), sorted);
            }
        }
        if (sorted.size() > ATTACH_OVER && (run == null || !run.quiet())) {
            StringBuilder table = new StringBuilder("| where | finding |\n|---|---|\n");
            for (Finding f : sorted) {
                table.append("| ").append(escape(f.where())).append(" | ").append(escape(f.what())).append(" |\n");
            }
            Allure.addAttachment("findings (" + sorted.size() + ")", "text/markdown", table.toString(), ".md");
        }
        throw new AssertionFailedError(message.toString());
    }

    /** Links shown with the result: each place that names a file opens there (the first ones; long lists are attached). */
    static final int LINKS = 20;

    private static void links(CodeLinks links, List<Finding> findings) {
        java.util.Set<String> done = new java.util.HashSet<>();
        for (Finding f : findings) {
            if (done.size() >= LINKS) {
                break;
            }
            if (done.add(f.where())) {
                links.of(f.where()).ifPresent(url -> Allure.link(f.where(), url));
            }
        }
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
