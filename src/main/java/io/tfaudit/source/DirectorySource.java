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
import java.util.Set;

/**
 * A checkout on disk. Only regular files are listed and read. Symbolic links are followed
 * within the tree; a link that leaves it (to {@code /proc/kmsg}, to another checkout), a FIFO,
 * a socket or a device, a folder on a pseudo file system ({@code /proc}, {@code /sys},
 * {@code /dev}) and a loop are reported, never opened: reading them could block forever.
 */
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

    /** File systems that hold no checkout's files, whose "files" may block or never end when read. */
    private static final Set<String> PSEUDO_FILE_SYSTEMS = Set.of("proc", "sysfs", "devtmpfs", "devpts", "debugfs", "tracefs",
            "securityfs", "cgroup", "cgroup2", "pstore", "bpf", "configfs", "fusectl", "mqueue", "hugetlbfs", "autofs",
            "binfmt_misc", "efivarfs", "rpc_pipefs", "nsfs");

    @Override
    public Listing list() {
        List<String> paths = new ArrayList<>();
        Map<String, Long> sizes = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        Path realRoot = realPath(root);
        Object rootDevice = device(root);
        Map<Object, String> fileSystemTypes = new HashMap<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (name.equals(".git") || name.equals("node_modules")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    String outside = leavesTheTree(dir, realRoot);
                    if (outside != null) {
                        problems.add(new Problem(relative(dir), "symbolic link leaving the tree (to " + outside + "), not followed"));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Object device = device(attrs);
                    if (device != null && !device.equals(rootDevice)) {
                        String type = fileSystemTypes.computeIfAbsent(device, d -> fileSystemType(dir));
                        if (PSEUDO_FILE_SYSTEMS.contains(type)) {
                            problems.add(new Problem(relative(dir), "a " + type + " file system, not a checkout's files: not read"));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = relative(file);
                    String outside = leavesTheTree(file, realRoot);
                    if (outside != null) {
                        problems.add(new Problem(rel, "symbolic link leaving the tree (to " + outside + "), not read"));
                    } else if (attrs.isRegularFile()) {
                        paths.add(rel);
                        sizes.put(rel, attrs.size());
                    } else {
                        problems.add(new Problem(rel, (attrs.isSymbolicLink() ? "symbolic link to nothing"
                                : "not a regular file (a FIFO, socket or device)") + ", not read"));
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
        return Files.readAllBytes(regularFile(path));
    }

    @Override
    public java.io.InputStream open(String path) throws IOException {
        return Files.newInputStream(regularFile(path));
    }

    /** The file, when it is (still) a regular file of the tree: a FIFO put in its place since the listing is not opened. */
    private Path regularFile(String path) throws IOException {
        Path file = root.resolve(path);
        if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()) {
            throw new IOException("not a regular file, not read");
        }
        Path real = file.toRealPath();
        if (!real.startsWith(realPath(root))) {
            throw new IOException("symbolic link leaving the tree (to " + real + "), not read");
        }
        return file;
    }

    /**
     * Where a symbolic link really leads when that is outside the tree, else null. Only links
     * are resolved: the walk reaches any other path through folders already found inside.
     */
    private static String leavesTheTree(Path p, Path realRoot) {
        if (!Files.isSymbolicLink(p)) {
            return null;
        }
        try {
            Path real = p.toRealPath();
            return real.startsWith(realRoot) ? null : real.toString();
        } catch (IOException e) {
            return null; // a dangling link: reported as such by its attributes
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** The device a file is on, from its file key ({@code (dev=803,ino=12)} on Unix), or null where there is none. */
    private static Object device(BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        if (key == null) {
            return null;
        }
        String k = key.toString();
        int dev = k.indexOf("dev=");
        return dev < 0 ? null : k.substring(dev + 4, Math.max(dev + 4, k.indexOf(',', dev) < 0 ? k.length() : k.indexOf(',', dev)));
    }

    private static Object device(Path p) {
        try {
            return device(Files.readAttributes(p, BasicFileAttributes.class));
        } catch (IOException e) {
            return null;
        }
    }

    private static String fileSystemType(Path dir) {
        try {
            return Files.getFileStore(dir).type();
        } catch (IOException e) {
            return "";
        }
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
