package io.tfaudit.criteria.phase4;

import io.tfaudit.audit.Audit;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.ExternalCommand;
import io.tfaudit.audit.GoToolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The regeneration the PRD asks for, done once per audit and only with consent, Go and a
 * backend checkout: the provider is copied to a temporary folder, the generator's
 * {@code go:generate} directive runs there ({@code go generate -run tfgen ./...}, so that
 * the other directives, which fetch tools, do not run) after the copy's generated files
 * (those marked "Code generated") are deleted, and the copy's {@code internal/generated} is
 * compared with the audited one. The audited checkout is never written to.
 */
final class Regeneration {

    static final String COMMAND = "STREAMKAP_BACKEND_PATH=/path/to/backend go generate ./... && git diff internal/generated/";
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Map<Audit, Outcome> RUNS = Collections.synchronizedMap(new IdentityHashMap<>());

    enum Kind { ADDED, REMOVED, CHANGED, WHITESPACE }

    /** One difference: file (relative to the checkout), kind, first differing line, both versions of that line. */
    record Change(String file, Kind kind, int line, String committed, String regenerated) {
        String where() {
            return line > 0 ? file + ":" + line : file;
        }
    }

    /** Why it did not run (null when it did), the command's result, the differences and a diff to attach. */
    record Outcome(String notRun, List<String> argv, ExternalCommand.Result command, List<Change> changes, String diff) {
        List<Change> of(Kind... kinds) {
            List<Kind> wanted = List.of(kinds);
            return changes.stream().filter(c -> wanted.contains(c.kind())).toList();
        }
    }

    private Regeneration() {}

    static Outcome of(CriterionRun run) {
        synchronized (RUNS) {
            return RUNS.computeIfAbsent(run.audit(), a -> regenerate(run));
        }
    }

    private static Outcome regenerate(CriterionRun run) {
        Optional<GeneratedLayer.Directive> directive = GeneratedLayer.of(run.provider()).tfgenDirective();
        if (directive.isEmpty()) {
            return notRun("no go:generate directive runs tfgen");
        }
        if (!run.audit().config().exec()) {
            return notRun("running go generate on the audited repository needs consent (-Dexec=true)");
        }
        Optional<BackendCheckout> backend = BackendCheckout.of(run);
        if (backend.isEmpty()) {
            return notRun("the generator reads the backend: " + BackendCheckout.unavailable(run));
        }
        if (ExternalCommand.onPath("go").isEmpty()) {
            return notRun("no `go` command on PATH");
        }
        Path copy = null;
        List<String> argv = List.of("go", "generate", "-run", "tfgen", "./...");
        try {
            copy = Files.createTempDirectory("tfaudit-regenerate");
            copyTree(run.audit().providerDir(), copy);
            removeGenerated(copy.resolve(GeneratedLayer.DIR));
            ExternalCommand.Result r = ExternalCommand.run(copy, argv, run.audit().config().toolTimeout(TIMEOUT),
                    Map.of("STREAMKAP_BACKEND_PATH", backend.get().root().toString()));
            Optional<String> machine = GoToolchain.unusableFor(r);
            if (machine.isPresent()) {
                return notRun("go generate could not run on this machine: " + machine.get());
            }
            if (!r.succeeded()) {
                return new Outcome(null, argv, r, List.of(), "");
            }
            StringBuilder diff = new StringBuilder();
            List<Change> changes = compare(run.audit().providerDir(), copy, diff);
            return new Outcome(null, argv, r, changes, diff.toString());
        } catch (IOException e) {
            return notRun("the regeneration could not run: " + e.getMessage());
        } finally {
            if (copy != null) {
                deleteTree(copy);
            }
        }
    }

    private static Outcome notRun(String why) {
        return new Outcome(why, List.of(), null, List.of(), "");
    }

    /** Compares internal/generated of the checkout and of the regenerated copy. */
    static List<Change> compare(Path committedRoot, Path regeneratedRoot, StringBuilder diff) throws IOException {
        Path a = committedRoot.resolve(GeneratedLayer.DIR);
        Path b = regeneratedRoot.resolve(GeneratedLayer.DIR);
        TreeSet<String> names = new TreeSet<>(files(a));
        names.addAll(files(b));
        List<Change> out = new ArrayList<>();
        for (String name : names) {
            String file = GeneratedLayer.DIR + name;
            boolean inA = Files.isRegularFile(a.resolve(name));
            boolean inB = Files.isRegularFile(b.resolve(name));
            if (!inB) {
                out.add(new Change(file, Kind.REMOVED, 0, null, null));
                diff.append("--- ").append(file).append(" (committed, not produced by the generator)\n");
                continue;
            }
            if (!inA) {
                out.add(new Change(file, Kind.ADDED, 0, null, null));
                diff.append("+++ ").append(file).append(" (produced by the generator, not committed)\n");
                continue;
            }
            String x = Files.readString(a.resolve(name), StandardCharsets.UTF_8);
            String y = Files.readString(b.resolve(name), StandardCharsets.UTF_8);
            if (x.equals(y)) {
                continue;
            }
            boolean whitespaceOnly = x.replaceAll("\\s+", "").equals(y.replaceAll("\\s+", ""));
            List<String> xl = x.lines().toList();
            List<String> yl = y.lines().toList();
            int line = 0;
            while (line < xl.size() && line < yl.size() && xl.get(line).equals(yl.get(line))) {
                line++;
            }
            out.add(new Change(file, whitespaceOnly ? Kind.WHITESPACE : Kind.CHANGED, line + 1,
                    line < xl.size() ? xl.get(line) : null, line < yl.size() ? yl.get(line) : null));
            diff.append(unifiedDiff(file, xl, yl));
        }
        return out;
    }

    private static List<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** The lines removed ({@code -N: }, committed line N) and added ({@code +N: }, regenerated line N), by longest common subsequence. */
    static String unifiedDiff(String file, List<String> a, List<String> b) {
        StringBuilder sb = new StringBuilder("--- a/" + file + "\n+++ b/" + file + "\n");
        if ((long) a.size() * b.size() > 25_000_000L) {
            return sb.append("(files too large to diff here: ").append(a.size()).append(" and ").append(b.size()).append(" lines)\n").toString();
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                sb.append("+").append(j + 1).append(": ").append(b.get(j)).append('\n');
                j++;
            } else {
                sb.append("-").append(i + 1).append(": ").append(a.get(i)).append('\n');
                i++;
            }
        }
        return sb.toString();
    }

    /**
     * Deletes the copy's generated files (those with the "Code generated" line), so that the
     * regeneration shows which files the generator still writes: a committed file it no
     * longer writes is then missing from the copy instead of silently kept.
     */
    private static void removeGenerated(Path dir) throws IOException {
        for (String name : files(dir)) {
            Path p = dir.resolve(name);
            if (name.endsWith(".go") && hasMarker(Files.readString(p, StandardCharsets.UTF_8))) {
                Files.delete(p);
            }
        }
    }

    static boolean hasMarker(String goSource) {
        for (String line : goSource.lines().toList()) {
            if (line.startsWith("package ")) {
                return false;
            }
            if (GeneratedLayer.MARKER.matcher(line.strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && dir.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover in the temporary folder is harmless
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }
}
