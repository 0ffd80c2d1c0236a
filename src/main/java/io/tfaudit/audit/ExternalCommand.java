package io.tfaudit.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool on the audited repository (only with the user's consent, checked by callers):
 * with a timeout, killing the whole process tree when it expires, output captured.
 *
 * <p>Standard output and standard error go to one temporary file outside the audited tree,
 * never to a pipe, so a tool that writes a lot never blocks on a full pipe however long
 * nobody reads; standard input is empty. What the tool wrote is read back after it ended
 * or was killed, so a run that times out still shows the output it wrote until then. The
 * output kept in memory is bounded ({@link #MAX_OUTPUT_BYTES}: its beginning and its end);
 * bytes that are not UTF-8 are shown as U+FFFD.
 */
public final class ExternalCommand {

    /** The most output kept from one run; beyond it, the beginning and the end are kept. */
    static final int MAX_OUTPUT_BYTES = 1 << 20;

    private static final int HEAD_BYTES = 64 * 1024;

    /** How long a killed process may take to be gone before the run returns anyway. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    /** How a run ended: exit code (or null on timeout) and the combined output. */
    public record Result(Integer exitCode, String output, Duration took) {
        public boolean succeeded() {
            return exitCode != null && exitCode == 0;
        }

        public boolean timedOut() {
            return exitCode == null;
        }
    }

    /** How Go, gh and most tools say a host could not be reached (a regex alternation). */
    public static final String NETWORK_FAILURE = "dial tcp|no such host|i/o timeout|TLS handshake timeout|connection refused";

    private ExternalCommand() {}

    /** Whether the environment variable is set to something other than blanks (a credential, a token). */
    public static boolean environmentHas(String name) {
        String v = System.getenv(name);
        return v != null && !v.isBlank();
    }

    /** The tool's path when it is on PATH. */
    public static Optional<Path> onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static Result run(Path dir, List<String> command, Duration timeout) throws IOException {
        return run(dir, command, timeout, Map.of());
    }

    public static Result run(Path dir, List<String> command, Duration timeout, Map<String, String> env) throws IOException {
        return run(dir, command, timeout, env, Set.of());
    }

    /**
     * Runs {@code command} in {@code dir} with {@code env} added to this process's environment
     * and the variables named in {@code unset} removed from it. When {@code timeout} expires,
     * the process and every process it started are killed, and the result has no exit code.
     */
    public static Result run(Path dir, List<String> command, Duration timeout, Map<String, String> env, Set<String> unset)
            throws IOException {
        Path log = Files.createTempFile("tfaudit-command", ".log");
        try {
            long start = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            pb.environment().keySet().removeAll(unset);
            // git run by a tool (the go command asks `git status` for its version stamp) must not
            // refresh the audited checkout's .git/index, as git status otherwise may.
            pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
            pb.environment().putAll(env);
            // Every process of the run inherits this mark, also one that left the tree (setsid and a double fork).
            String mark = java.util.UUID.randomUUID().toString();
            pb.environment().put(RUN_MARK, mark);
            Process p = pb.start();
            boolean finished;
            try {
                finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                killTree(p);
                killMarked(mark);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new Result(finished ? p.exitValue() : null, readOutput(log), took);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * Kills a process and all its descendants. Children are killed before their parents, so
     * that no process is orphaned (and so escapes the tree) while the others are killed; the
     * tree is looked at again until it is empty, in case a process started another meanwhile.
     */
    static void killTree(Process root) {
        Map<Long, ProcessHandle> seen = new LinkedHashMap<>();
        for (int pass = 0; pass < 20; pass++) {
            List<ProcessHandle> alive = root.descendants().filter(ProcessHandle::isAlive).toList();
            if (alive.isEmpty()) {
                break;
            }
            alive.forEach(h -> seen.put(h.pid(), h));
            for (ProcessHandle h : deepestFirst(root.pid(), alive)) {
                h.destroyForcibly();
            }
        }
        root.destroyForcibly();
        try {
            root.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A process started between two looks and orphaned by its parent's kill is no longer
        // the root's descendant; it is still killed if an earlier look saw it.
        seen.values().stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The environment variable that marks every process of one run. */
    static final String RUN_MARK = "TFAUDIT_RUN";

    /**
     * Kills every process still carrying the run's mark in its environment ({@code /proc/PID/environ}
     * on Linux): those that detached from the tree (a new session, re-parented to init) too.
     */
    static void killMarked(String mark) {
        byte[] wanted = (RUN_MARK + "=" + mark).getBytes(StandardCharsets.UTF_8);
        for (int pass = 0; pass < 5; pass++) {
            List<ProcessHandle> marked = ProcessHandle.allProcesses().filter(h -> carries(h.pid(), wanted)).toList();
            if (marked.isEmpty()) {
                return;
            }
            marked.forEach(ProcessHandle::destroyForcibly);
        }
    }

    static boolean carries(long pid, byte[] entry) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        } catch (IOException | RuntimeException gone) {
            return false;
        }
        outer:
        for (int start = 0; start + entry.length <= environ.length; start++) {
            if (start > 0 && environ[start - 1] != 0) {
                continue;
            }
            for (int i = 0; i < entry.length; i++) {
                if (environ[start + i] != entry[i]) {
                    continue outer;
                }
            }
            if (start + entry.length == environ.length || environ[start + entry.length] == 0) {
                return true;
            }
        }
        return false;
    }

    private static List<ProcessHandle> deepestFirst(long rootPid, Collection<ProcessHandle> handles) {
        Map<Long, Integer> depth = new LinkedHashMap<>();
        for (ProcessHandle h : handles) {
            int d = 0;
            Optional<ProcessHandle> parent = h.parent();
            while (parent.isPresent() && parent.get().pid() != rootPid && d < 64) {
                d++;
                parent = parent.get().parent();
            }
            depth.put(h.pid(), d);
        }
        List<ProcessHandle> out = new ArrayList<>(handles);
        out.sort(Comparator.comparing((ProcessHandle h) -> depth.get(h.pid())).reversed());
        return out;
    }

    /** The output, bounded: all of it when small, else its beginning and its end. Never throws on bad bytes. */
    static String readOutput(Path log) throws IOException {
        long size = Files.size(log);
        if (size <= MAX_OUTPUT_BYTES) {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        }
        byte[] head = new byte[HEAD_BYTES];
        byte[] tail = new byte[MAX_OUTPUT_BYTES - HEAD_BYTES];
        try (InputStream in = Files.newInputStream(log)) {
            in.readNBytes(head, 0, head.length);
            in.skipNBytes(size - head.length - tail.length);
            in.readNBytes(tail, 0, tail.length);
        }
        return new String(head, StandardCharsets.UTF_8) + "\n… (" + (size - head.length - tail.length)
                + " bytes of output left out) …\n" + new String(tail, StandardCharsets.UTF_8);
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
