package io.tfaudit.criteria;

import io.tfaudit.audit.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A copy of the embedded sample provider (sound for every criterion) that a test may break:
 * each edit must change something, so a test cannot break nothing.
 */
public final class SampleFixture {

    private final Path root;

    private SampleFixture(Path root) {
        this.root = root;
    }

    public static SampleFixture copyTo(Path dir) {
        try {
            return new SampleFixture(Trees.sampleCopy(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    /** The backend configurations the sample was generated from. */
    public Path backend() {
        return root.resolve("cmd/tfgen/testdata/backend");
    }

    public SampleFixture replace(String path, String from, String to) {
        try {
            Path p = root.resolve(path);
            String before = Files.readString(p);
            if (!before.contains(from)) {
                throw new IllegalArgumentException(path + " does not contain \"" + from + "\"");
            }
            Files.writeString(p, before.replace(from, to));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SampleFixture replaceAll(String path, String regex, String to) {
        try {
            Path p = root.resolve(path);
            String before = Files.readString(p);
            String after = before.replaceAll(regex, to);
            if (after.equals(before)) {
                throw new IllegalArgumentException(path + " has nothing matching " + regex);
            }
            Files.writeString(p, after);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SampleFixture write(String path, String content) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SampleFixture delete(String path) {
        Path p = root.resolve(path);
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
