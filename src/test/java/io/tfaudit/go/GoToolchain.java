package io.tfaudit.go;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code go} command on PATH, for tests that compare with Go's own parser. */
final class GoToolchain {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private GoToolchain() {}

    /** Why Go is unusable here, or null when it is usable. */
    static String unavailableReason() {
        try {
            Result r = run(Path.of("."), null, List.of("go", "version"));
            return r.exit == 0 ? null : "`go version` exited " + r.exit + ": " + r.output;
        } catch (IOException e) {
            return "no `go` command on PATH (install Debian's golang-go): " + e.getMessage();
        }
    }

    static Path goroot() throws IOException {
        return Path.of(run(Path.of("."), null, List.of("go", "env", "GOROOT")).output.strip());
    }

    /** Builds the Go program in {@code src/test/go/<name>} into {@code target/go-bin/<name>}. */
    static Path build(String name) throws IOException {
        Path out = TARGET.resolve("go-bin").resolve(name);
        Files.createDirectories(out.getParent());
        Result r = run(Path.of("src/test/go", name), null, List.of("go", "build", "-o", out.toString(), "."));
        if (r.exit != 0) {
            throw new IOException("go build of " + name + " failed: " + r.output);
        }
        return out;
    }

    record Result(int exit, String output) {}

    static Result run(Path dir, String stdin, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GOCACHE", TARGET.resolve("go-cache").toString());
        env.put("GOPATH", TARGET.resolve("go-path").toString());
        env.put("GOFLAGS", "-mod=mod");
        env.put("GOTOOLCHAIN", "local");
        env.put("GO111MODULE", "on");
        Process p = pb.start();
        Thread feeder = null;
        if (stdin != null) {
            feeder = new Thread(() -> {
                try (var w = p.getOutputStream()) {
                    w.write(stdin.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process ended early; its exit code tells why
                }
            });
            feeder.start();
        } else {
            p.getOutputStream().close();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            if (feeder != null) {
                feeder.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(p.exitValue(), output);
    }
}
