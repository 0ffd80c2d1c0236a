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

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
