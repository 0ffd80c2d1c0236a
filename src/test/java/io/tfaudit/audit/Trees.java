package io.tfaudit.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Fixture trees for tests: a copy of a tree, and a snapshot of one to compare before and after. */
public final class Trees {

    private Trees() {}

    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    /** The embedded sample provider, copied to {@code to} (so that it is audited as any checkout). */
    public static Path sampleCopy(Path to) throws IOException {
        return copy(SampleProvider.directory(), to);
    }

    /**
     * Every file, directory and link under {@code root} (links not followed) with what would
     * show a write: a file's SHA-256 and size, each entry's modification time (a directory's
     * changes when an entry is created or deleted in it, even for a moment).
     */
    public static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                out.put(d.equals(root) ? "./" : root.relativize(d) + "/", "dir modified " + a.lastModifiedTime());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                String what = a.isSymbolicLink() ? "link to " + Files.readSymbolicLink(f)
                        : a.size() + " bytes sha256 " + sha256(f);
                out.put(root.relativize(f).toString(), what + " modified "
                        + Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS));
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    /** What differs between two snapshots, one line per entry: {@code + path}, {@code - path}, {@code ~ path: before -> after}. */
    public static java.util.List<String> changes(Map<String, String> before, Map<String, String> after) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.TreeSet<String> paths = new java.util.TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String p : paths) {
            String a = before.get(p);
            String b = after.get(p);
            if (a == null) {
                out.add("+ " + p + ": " + b);
            } else if (b == null) {
                out.add("- " + p);
            } else if (!a.equals(b)) {
                out.add("~ " + p + ": " + a + " -> " + b);
            }
        }
        return out;
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
