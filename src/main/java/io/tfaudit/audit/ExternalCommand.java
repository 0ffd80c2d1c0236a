package io.tfaudit.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool on the audited repository (only with the user's consent, checked by callers):
 * with a timeout, killing the whole process tree when it expires, output captured.
 */
public final class ExternalCommand {

    /** How a run ended: exit code (or null on timeout) and the combined output. */
    public record Result(Integer exitCode, String output, Duration took) {
        public boolean succeeded() {
            return exitCode != null && exitCode == 0;
        }

        public boolean timedOut() {
            return exitCode == null;
        }
    }

    private ExternalCommand() {}

    /** The tool's path when it is on PATH. */
    public static Optional<Path> onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static Result run(Path dir, List<String> command, Duration timeout) throws IOException {
        return run(dir, command, timeout, java.util.Map.of());
    }

    public static Result run(Path dir, List<String> command, Duration timeout, java.util.Map<String, String> env)
            throws IOException {
        Path log = Files.createTempFile("tfaudit-command", ".log");
        try {
            long start = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean finished;
            try {
                finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new Result(finished ? p.exitValue() : null, output, took);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
