package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** How a tool run ends: its exit code and output, or on timeout its whole process tree killed. */
@DisabledOnOs(OS.WINDOWS)
class ExternalCommandTest {

    @TempDir
    Path dir;

    @Test
    void aRunThatOutlivesItsTimeoutIsKilledWithEveryProcessItStarted() throws Exception {
        // sh starts a child shell, which starts a sleep: three generations, each still running.
        String script = "(sleep 600 & echo $! > grandchild.pid; wait) & echo $! > child.pid; "
                + "while [ ! -s grandchild.pid ]; do :; done; echo 'both started'; wait";

        ExternalCommand.Result r = ExternalCommand.run(dir, List.of("sh", "-c", script), Duration.ofSeconds(2));

        assertThat(r.timedOut()).as(r.output()).isTrue();
        assertThat(r.succeeded()).isFalse();
        assertThat(r.output()).as("the output written before the kill is kept").contains("both started");
        long child = ProcessTrees.pidIn(dir.resolve("child.pid"));
        long grandchild = ProcessTrees.pidIn(dir.resolve("grandchild.pid"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ProcessTrees.running(child) || ProcessTrees.running(grandchild))
                .as("child %d or grandchild %d still running", child, grandchild).isFalse());
    }

    /** A daemon the run starts in a session of its own (setsid, then re-parented to init) is killed too. */
    @Test
    void aProcessThatLeftTheTreeIsKilledToo() throws Exception {
        Assumptions.assumeTrue(ExternalCommand.onPath("setsid").isPresent() && Files.isDirectory(Path.of("/proc/self")), "setsid and /proc");
        // The subshell starts the sleep and ends at once: the sleep, in a new session, is re-parented to init.
        String script = "setsid sh -c '(sleep 600 & echo $! > daemon.pid) &'; sleep 600";
        ExternalCommand.Result r = ExternalCommand.run(dir, List.of("sh", "-c", script), Duration.ofSeconds(3));
        assertThat(r.timedOut()).isTrue();
        long daemon = ProcessTrees.pidIn(dir.resolve("daemon.pid"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !ProcessTrees.running(daemon)); // SIGKILL sent, delivered soon after
        byte[] mark = (ExternalCommand.RUN_MARK + "=").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ProcessHandle.allProcesses().filter(h -> h.pid() != ProcessHandle.current().pid())
                .filter(h -> environHas(h.pid(), mark)).filter(h -> startedIn(h.pid(), dir))
                .filter(h -> ProcessTrees.running(h.pid())).map(ProcessHandle::pid).toList())
                .as("processes of the run still running").isEmpty();
    }

    /** Whether the process works in that folder: this test's run, not another audit on the same machine. */
    private static boolean startedIn(long pid, Path folder) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).startsWith(folder.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean environHas(long pid, byte[] prefix) {
        try {
            byte[] env = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            return new String(env, java.nio.charset.StandardCharsets.ISO_8859_1).contains(new String(prefix, java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Test
    void exitCodeAndOutputOfARunThatEnds() throws Exception {
        ExternalCommand.Result r = ExternalCommand.run(dir, List.of("sh", "-c", "echo out; echo err >&2; exit 3"), Duration.ofMinutes(1));

        assertThat(r.timedOut()).isFalse();
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.output()).contains("out", "err");
    }

    @Test
    void muchOutputNeverBlocksAndIsKeptBounded() throws Exception {
        // 8 MiB: far more than a pipe holds, and more than the output kept.
        ExternalCommand.Result r = ExternalCommand.run(dir, List.of("sh", "-c",
                "echo first line; head -c 8388608 /dev/zero | tr '\\0' x; echo; echo last line"), Duration.ofMinutes(5));

        assertThat(r.succeeded()).isTrue();
        assertThat(r.output()).startsWith("first line").endsWith("last line\n").contains("bytes of output left out");
        assertThat(r.output().length()).isLessThanOrEqualTo(ExternalCommand.MAX_OUTPUT_BYTES + 200);
    }

    @Test
    void bytesThatAreNotUtf8AreShownNotThrown() throws Exception {
        ExternalCommand.Result r = ExternalCommand.run(dir, List.of("sh", "-c", "printf 'caf\\351 \\377\\376 ok\\n'"), Duration.ofMinutes(1));

        assertThat(r.succeeded()).isTrue();
        assertThat(r.output()).startsWith("caf\uFFFD").endsWith(" ok\n");
    }

    @Test
    void environmentIsAddedToAndVariablesNamedUnsetAreRemoved() throws Exception {
        Assumptions.assumeTrue(System.getenv("HOME") != null, "HOME is set");
        ExternalCommand.Result r = ExternalCommand.run(dir, List.of("sh", "-c", "echo \"added=$ADDED removed=${HOME:-gone}\""),
                Duration.ofMinutes(1), Map.of("ADDED", "yes"), Set.of("HOME"));

        assertThat(r.output()).isEqualTo("added=yes removed=gone\n");
    }
}
