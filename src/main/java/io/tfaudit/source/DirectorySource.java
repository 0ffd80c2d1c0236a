package io.tfaudit.source;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A checkout on disk. Symbolic links are followed; a loop is reported, not followed again. */
public final class DirectorySource implements SourceFiles {

    private final Path root;

    private DirectorySource(Path root) {
        this.root = root;
    }

    public static DirectorySource of(Path root) {
        return new DirectorySource(root);
    }

    @Override
    public String label() {
        return root.toString();
    }

    @Override
    public Optional<Path> directory() {
        return Optional.of(root);
    }

    @Override
    public Listing list() {
        List<String> paths = new ArrayList<>();
        Map<String, Long> sizes = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.equals(".git") || name.equals("node_modules"));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        String rel = relative(file);
                        paths.add(rel);
                        sizes.put(rel, attrs.size());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String why = e instanceof FileSystemLoopException
                            ? "symbolic link loop, not followed"
                            : "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage();
                    problems.add(new Problem(relative(file), why));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new Problem(".", "cannot walk: " + e.getMessage()));
        }
        paths.sort(null);
        return new Listing(List.copyOf(paths), Map.copyOf(sizes), List.copyOf(problems));
    }

    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(root.resolve(path));
    }

    @Override
    public java.io.InputStream open(String path) throws IOException {
        return Files.newInputStream(root.resolve(path));
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
