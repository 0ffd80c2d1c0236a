package io.tfaudit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The {@code --results} folder: what an earlier run wrote there is cleared (it would be read
 * back as this run's), and nothing else. The files a run wrote are listed in a marker file of
 * ours, {@value #MARKER}; a folder holding Allure results that no marker lists (another tool's,
 * a Maven run's) is refused rather than cleared or mixed in, and the user's own files stay.
 */
final class ResultsFolder {

    static final String MARKER = ".tfaudit-written";

    private final Path dir;
    private final Set<String> before = new TreeSet<>();

    private ResultsFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Clears what the last run of tfaudit wrote into {@code dir}, and remembers what is left
     * (the user's). Throws when the folder holds results tfaudit did not write.
     */
    static ResultsFolder prepare(Path dir) throws IOException {
        ResultsFolder folder = new ResultsFolder(dir);
        if (!Files.isDirectory(dir)) {
            return folder;
        }
        Path marker = dir.resolve(MARKER);
        if (Files.isRegularFile(marker)) {
            for (String name : Files.readAllLines(marker)) {
                Path f = dir.resolve(name).normalize();
                if (!name.isBlank() && f.getParent() != null && f.getParent().equals(dir.normalize()) && Files.isRegularFile(f)) {
                    Files.delete(f);
                }
            }
            Files.delete(marker);
        }
        List<String> foreign = new ArrayList<>();
        for (String name : folder.names()) {
            folder.before.add(name);
            if (name.endsWith("-result.json") || name.endsWith("-container.json")) {
                foreign.add(name);
            }
        }
        if (!foreign.isEmpty()) {
            throw new IOException(dir + " holds Allure results that tfaudit did not write (" + foreign.size() + ", e.g. "
                    + foreign.get(0) + "): they would be read as this audit's. Give an empty or new folder, or remove them");
        }
        return folder;
    }

    /** Lists in the marker every file this run added, so the next run clears them and only them. */
    void recordWhatThisRunWrote() throws IOException {
        List<String> written = new ArrayList<>();
        for (String name : names()) {
            if (!before.contains(name) && !name.equals(MARKER)) {
                written.add(name);
            }
        }
        Files.write(dir.resolve(MARKER), written);
    }

    /**
     * Runs {@code audit} holding a lock on the results folder (a file in the temporary folder,
     * named after it: nothing is written near a folder the audit may refuse): a second audit
     * writing to the same folder meanwhile is refused, clearly, instead of mixing two runs'
     * results. When no lock can be taken, the audit runs as it would have.
     */
    static int whileLocked(Path dir, java.io.PrintStream err, java.util.function.IntSupplier audit) {
        Path lockFile = lockFile(dir);
        java.nio.channels.FileChannel channel;
        try {
            channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return audit.getAsInt();
        }
        try (channel) {
            java.nio.channels.FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException heldHere) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(lockFile), java.nio.charset.StandardCharsets.UTF_8).strip();
                err.println("tfaudit audit: another audit is writing to " + dir + (holder.isEmpty() ? "" : " (process " + holder + ")")
                        + ": wait for it to end, or give another --results folder");
                return Main.BAD_USAGE;
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            try {
                return audit.getAsInt();
            } finally {
                Files.deleteIfExists(lockFile); // while still held: no temporary file is left behind
                lock.release();
            }
        } catch (IOException e) {
            err.println("tfaudit audit: cannot lock " + lockFile + ": " + e.getMessage());
            return Main.BAD_USAGE;
        }
    }

    /** The lock of a results folder: one per absolute path, in the temporary folder. */
    static Path lockFile(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        String digest;
        try {
            digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(path.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            digest = Integer.toHexString(path.hashCode());
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "tfaudit-results-" + digest + ".lock");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
