package io.tfaudit.audit;

import io.tfaudit.api.Severity;
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
public final class Findings implements io.tfaudit.api.Findings {

    /** Lists longer than this are attached as a table as well as written in the message. */
    static final int ATTACH_OVER = 10;

    /**
     * One violation: where, and what (expected and found), found while judging {@code resource}
     * (null outside per-resource criteria). Its identity ({@link #key()}) is the place and the
     * defect without the resource it was found for, so that one line of shared code that 49
     * resources run is one finding, however many criteria and resources meet it.
     */
    public record Finding(String where, String what, String resource, boolean generated) {

        public Finding(String where, String what, String resource) {
            this(where, what, resource, false);
        }

        public Finding(String where, String what) {
            this(where, what, null);
        }

        @Override
        public String toString() {
            return shown(where) + ": " + what;
        }

        /**
         * What is wrong, without the resource it was found for when the text starts with it
         * ({@code streamkap_x: Read runs without ...}, {@code streamkap_x.port: ...} keeps {@code port: ...}).
         */
        public String defect() {
            if (resource == null || resource.isEmpty()) {
                return what;
            }
            String r = resource.startsWith("data.") ? resource.substring(5) : resource;
            for (String prefix : new String[] {"data." + r, r}) {
                if (what.startsWith(prefix + ": ")) {
                    return what.substring(prefix.length() + 2);
                }
                if (what.startsWith(prefix + ".")) {
                    return what.substring(prefix.length() + 1);
                }
            }
            return what;
        }

        /** The defect's first line, short: how the finding is named in lists and groups. */
        public String title() {
            String first = defect().lines().findFirst().orElse("").strip();
            return first.length() <= TITLE ? first : first.substring(0, TITLE - 1) + "…";
        }

        /**
         * The finding's identity: its place and its defect, whichever criterion or resource met it.
         * In generated code the place is the generator: the same defect in several generated
         * files is one finding, fixed once in the generator or its input.
         */
        public String key() {
            return generated ? hash("generated code\n" + RESOURCE_PREFIX.matcher(defect()).replaceFirst(""))
                    : hash(where + "\n" + defect());
        }
    }

    /** {@code streamkap_source_x.} before an attribute: which generated resource it is, not what is wrong. */
    private static final java.util.regex.Pattern RESOURCE_PREFIX = java.util.regex.Pattern.compile("^(data\\.)?[a-z][a-z0-9]*_[a-z0-9_]+\\.(?=[a-z])");

    /**
     * A place as a line of text shows it: a newline, tab or other control character in a file
     * name written as an escape ({@code docs/a\nb.md}), so that the place stays on its line.
     */
    public static String shown(String where) {
        if (where == null || where.chars().noneMatch(Character::isISOControl)) {
            return where;
        }
        StringBuilder sb = new StringBuilder();
        where.chars().forEach(c -> sb.append(switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c);
        }));
        return sb.toString();
    }

    /** The file of a place: {@code internal/x.go} of {@code internal/x.go:41}; the place itself when it names no line. */
    public static String fileOf(String where) {
        if (where == null) {
            return null;
        }
        int colon = where.lastIndexOf(':');
        return colon > 0 && where.substring(colon + 1).chars().allMatch(Character::isDigit) && colon < where.length() - 1
                ? where.substring(0, colon) : where;
    }

    /** The line of a place, or 0. */
    public static int lineOf(String where) {
        if (where == null) {
            return 0;
        }
        int colon = where.lastIndexOf(':');
        String tail = colon < 0 ? "" : where.substring(colon + 1);
        return !tail.isEmpty() && tail.length() < 9 && tail.chars().allMatch(Character::isDigit) ? Integer.parseInt(tail) : 0;
    }

    /** How a result begins whose every finding the team accepted (skipped, not passed). */
    static final String BASELINED = "baselined: ";

    /** A finding's title is cut to this many characters; the whole text stays in the detail. */
    static final int TITLE = 160;

    /** A finding of another criterion that a requirement restates, with that criterion's id and the kind it had there. */
    record Restated(String criterion, Finding finding, FindingKind kind, String note, String shownResource) {}

    private final String rule;
    private final java.util.function.Supplier<Severity> severity;
    private final List<Finding> items = new ArrayList<>();
    private final List<Restated> restated = new ArrayList<>();
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
        items.add(new Finding(where, what, run == null ? null : run.currentResource(), run != null && inGeneratedFile(where)));
        return this;
    }

    private boolean inGeneratedFile(String where) {
        String file = fileOf(where);
        try {
            return file.endsWith(".go") && run.audit().isGenerated(file);
        } catch (RuntimeException unreadableProvider) {
            return false; // its place then names the finding, as for hand-written code
        }
    }

    /**
     * A finding of another criterion that this one restates (it fails because that one
     * does): shown with this result, counted once, where it was found.
     */
    public Findings restate(String criterion, Finding finding) {
        return restate(criterion, finding, (String) null);
    }

    /** As {@link #restate(String, Finding)}, with a note on why it is restated here ({@code blocker}, {@code tracked by no issue}). */
    public Findings restate(String criterion, Finding finding, String note) {
        restated.add(new Restated(criterion, finding, run == null ? FindingKind.OTHER : run.kind(), note, finding.resource()));
        return this;
    }

    /** A finding of a result of another criterion, shown with that result's resource (or test) name. */
    Findings restate(String criterion, Finding finding, FindingKind kind, String shownResource) {
        restated.add(new Restated(criterion, finding, kind, null, shownResource != null ? shownResource : finding.resource()));
        return this;
    }

    public boolean isEmpty() {
        return items.isEmpty() && restated.isEmpty();
    }

    /** Whether it holds findings of its own criterion, not only restated ones. */
    boolean hasOwn() {
        return !items.isEmpty();
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
        if (isEmpty()) {
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
                failing.add(new Finding(f.where(), f.what() + " (its acceptance expired on " + entry.get().expires() + ")", f.resource(),
                        f.generated()));
            } else {
                failing.add(f);
            }
        }
        if (failing.isEmpty() && restated.isEmpty()) {
            throw Skip.because(BASELINED + accepted.size() + " accepted finding(s):\n  "
                    + String.join("\n  ", accepted));
        }
        List<Finding> sorted = new ArrayList<>(failing);
        sorted.sort(Comparator.comparing(Finding::where, Findings::compareWhere).thenComparing(Finding::what));
        List<Restated> restatedSorted = new ArrayList<>(restated);
        restatedSorted.sort(Comparator.comparing((Restated r) -> r.finding().where(), Findings::compareWhere)
                .thenComparing(Restated::criterion).thenComparing(r -> r.finding().what()));
        Severity s = severity.get();
        FindingKind kind = run == null ? FindingKind.OTHER : run.kind();
        int count = sorted.size() + restatedSorted.size();
        StringBuilder detail = new StringBuilder((s == null ? "" : "[" + s.label() + "] ") + "'" + rule + "' was violated (" + count
                + (count == 1 ? " time" : " times") + "):");
        for (Finding f : sorted) {
            detail.append("\n  ").append(f);
        }
        for (Restated r : restatedSorted) {
            detail.append("\n  ").append(shown(r.finding().where())).append(": [").append(r.criterion())
                    .append(r.shownResource() == null ? "" : " " + r.shownResource())
                    .append(r.note() == null ? "" : ", " + r.note()).append("] ").append(r.finding().what());
        }
        if (!accepted.isEmpty()) {
            detail.append("\n(").append(accepted.size()).append(" more accepted in ")
                    .append(run.audit().acceptedFindings().file()).append(")");
        }
        String message = (s == null ? "" : "[" + s.label() + "] ") + headline(kind, sorted, restatedSorted);
        if (run != null) {
            List<Finding> recorded = new ArrayList<>(sorted);
            restatedSorted.forEach(r -> recorded.add(r.finding()));
            run.failedWith(recorded);
            if (!run.quiet()) {
                List<Finding> places = new ArrayList<>(recorded);
                links(run.audit().codeLinks(), places);
                Allure.addAttachment(ATTACHMENT, "application/json", json(run.id(), kind, sorted, restatedSorted), ".json");
            }
        }
        if (count > ATTACH_OVER && (run == null || !run.quiet())) {
            StringBuilder table = new StringBuilder("| where | finding |\n|---|---|\n");
            for (Finding f : sorted) {
                table.append("| ").append(escape(f.where())).append(" | ").append(escape(f.what())).append(" |\n");
            }
            for (Restated r : restatedSorted) {
                table.append("| ").append(escape(r.finding().where())).append(" | [").append(r.criterion()).append("] ")
                        .append(escape(r.finding().what())).append(" |\n");
            }
            Allure.addAttachment("findings (" + count + ")", "text/markdown", table.toString(), ".md");
        }
        throw run == null ? new FindingsFailure(message, detail.toString())
                : new FindingsFailure(EntryPoint.speak(run.audit().withoutMachinePaths(message)),
                        EntryPoint.speak(run.audit().withoutMachinePaths(detail.toString())));
    }

    /** The name of the attachment that lists a failed result's findings for the machine outputs. */
    public static final String ATTACHMENT = "findings.json";

    /**
     * The failure's first line: the same for every result that one defect fails, so that the
     * report groups them (a finding's kind and title and place; a restatement names what it restates).
     */
    private String headline(FindingKind kind, List<Finding> own, List<Restated> restatedOnes) {
        if (!own.isEmpty()) {
            java.util.Set<FindingKind> kinds = new java.util.TreeSet<>();
            own.forEach(f -> kinds.add(kind.refine(f.what())));
            FindingKind k = kinds.size() == 1 ? kinds.iterator().next() : kind;
            return k.label() + ": " + (own.size() == 1 ? own.get(0).title() + " (" + place(own.get(0)) + ")"
                    : rule + " (several findings)");
        }
        java.util.Set<String> criteria = new java.util.TreeSet<>();
        restatedOnes.forEach(r -> criteria.add(r.criterion()));
        Restated first = restatedOnes.get(0);
        return FindingKind.RESTATEMENT.label() + ": " + String.join(", ", criteria) + " — "
                + (restatedOnes.size() == 1 ? first.finding().title() + " (" + place(first.finding()) + ")"
                        : "several findings");
    }

    /** Where a headline says a finding is: the same for every generated file it is in, so that they group as one. */
    private static String place(Finding f) {
        return f.generated() ? "generated code: fix the generator or its input" : shown(f.where());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String json(String criterion, FindingKind kind, List<Finding> own, List<Restated> restatedOnes) {
        var array = JSON.createArrayNode();
        for (Finding f : own) {
            entry(array.addObject(), criterion, kind.refine(f.what()), f).put("restated", false);
        }
        for (Restated r : restatedOnes) {
            entry(array.addObject(), r.criterion(), r.kind().refine(r.finding().what()), r.finding()).put("restated", true);
        }
        return array.toString();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode entry(com.fasterxml.jackson.databind.node.ObjectNode n,
                                                                          String criterion, FindingKind kind, Finding f) {
        n.put("key", f.key());
        n.put("kind", kind.name());
        n.put("criterion", criterion);
        n.put("where", f.where());
        n.put("resource", f.resource());
        n.put("title", f.title());
        n.put("what", f.what());
        if (f.generated()) {
            n.put("generated", true);
        }
        return n;
    }

    private static String hash(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
                links.of(f.where()).ifPresent(url -> Allure.link(shown(f.where()), url));
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
