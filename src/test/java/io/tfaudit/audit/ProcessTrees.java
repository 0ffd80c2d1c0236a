package io.tfaudit.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a process is still running, for tests that show a process tree was killed. */
public final class ProcessTrees {

    private ProcessTrees() {}

    /**
     * True while the process exists and is not a zombie: a killed process whose parent was
     * killed too waits as a zombie until whatever adopted it reaps it, and in a container
     * that may be never; a zombie runs nothing.
     */
    public static boolean running(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            try {
                String s = Files.readString(stat);
                // pid (comm) state ...: the state follows the last ')' (comm may hold spaces and parentheses).
                return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException | RuntimeException noProcFs) {
                return !Files.isDirectory(Path.of("/proc")) || Files.exists(stat);
            }
        }
        return false;
    }

    /** The process id a fixture wrote into a file. */
    public static long pidIn(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).strip());
    }
}
