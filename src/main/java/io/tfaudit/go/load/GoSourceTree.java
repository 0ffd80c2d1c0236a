package io.tfaudit.go.load;

import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.parse.GoFileParser;
import io.tfaudit.go.parse.SyntaxError;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every Go file under a directory, parsed in parallel. Loading never throws for what it
 * finds: an unreadable file, a symlink loop, a file too large or a syntax error each
 * becomes a {@link SyntaxError} while the other files load. Paths in the model are
 * relative to the root, with '/' separators.
 */
public final class GoSourceTree {

    /** Files larger than this are reported, not parsed: generated blobs are not provider code. */
    public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;

    /** How to load: whether {@code testdata/} folders count, how many threads, the size limit. */
    public record Options(boolean includeTestdata, int threads, long maxFileBytes) {
        public static Options defaults() {
            return new Options(false, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_FILE_BYTES);
        }

        public Options withThreads(int n) {
            return new Options(includeTestdata, n, maxFileBytes);
        }

        public Options withTestdata(boolean include) {
            return new Options(include, threads, maxFileBytes);
        }
    }

    private static final long PARSER_STACK_BYTES = 64L * 1024 * 1024;

    private final Path root;
    private final List<GoFile> files;
    private final List<SyntaxError> loadProblems;
    private final Map<String, GoFile> byPath;

    private GoSourceTree(Path root, List<GoFile> files, List<SyntaxError> loadProblems) {
        this.root = root;
        this.files = files;
        this.loadProblems = loadProblems;
        this.byPath = files.stream().collect(Collectors.toMap(GoFile::path, Function.identity()));
    }

    public static GoSourceTree load(Path root) {
        return load(root, Options.defaults());
    }

    /** {@code root} must be a readable directory; callers check that and say so to the user. */
    public static GoSourceTree load(Path root, Options options) {
        List<SyntaxError> problems = new ArrayList<>();
        List<Path> paths = find(root, options, problems);
        List<GoFile> parsed = parseAll(root, paths, options, problems);
        parsed.sort(Comparator.comparing(GoFile::path));
        problems.sort(Comparator.comparing(SyntaxError::file).thenComparingInt(SyntaxError::line));
        return new GoSourceTree(root, List.copyOf(parsed), List.copyOf(problems));
    }

    public Path root() {
        return root;
    }

    /** Parsed files sorted by path; files with syntax errors included, with what could be read. */
    public List<GoFile> files() {
        return files;
    }

    public Optional<GoFile> file(String relativePath) {
        return Optional.ofNullable(byPath.get(relativePath));
    }

    /** Files that could not be read at all: I/O errors, loops, size limit. */
    public List<SyntaxError> loadProblems() {
        return loadProblems;
    }

    /** Every problem: load problems first, then each file's syntax errors. */
    public List<SyntaxError> allProblems() {
        List<SyntaxError> all = new ArrayList<>(loadProblems);
        files.forEach(f -> all.addAll(f.errors()));
        return all;
    }

    public long totalBytes() {
        return files.stream().mapToLong(GoFile::sizeInBytes).sum();
    }

    public long filesWithErrors() {
        return files.stream().filter(GoFile::hasErrors).count() + loadProblems.size();
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static List<Path> find(Path root, Options options, List<SyntaxError> problems) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = dir.getFileName().toString();
                    boolean skip = name.equals("vendor") || name.startsWith(".") || name.startsWith("_")
                            || name.equals("node_modules") || !options.includeTestdata() && name.equals("testdata");
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".go")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String why = e instanceof FileSystemLoopException
                            ? "symbolic link loop, not followed"
                            : "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage();
                    problems.add(new SyntaxError(relative(root, file), 0, 0, why));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new SyntaxError(".", 0, 0, "cannot walk: " + e.getMessage()));
        }
        return found;
    }

    private static List<GoFile> parseAll(Path root, List<Path> paths, Options options, List<SyntaxError> problems) {
        GoFileParser parser = new GoFileParser();
        // Largest first, so that one big file does not finish last on one thread.
        List<Path> bySize = new ArrayList<>(paths);
        bySize.sort(Comparator.comparingLong(GoSourceTree::sizeOrZero).reversed());
        int threads = Math.max(1, Math.min(options.threads(), bySize.size()));
        List<GoFile> out = new ArrayList<>(paths.size());
        // Deeply nested expressions recurse deeply in the parser: give it room.
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "go-parse", PARSER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path p : bySize) {
                futures.add(pool.submit(() -> {
                    List<SyntaxError> local = new ArrayList<>();
                    Optional<GoFile> f = parseOne(root, p, parser, options, local);
                    return new Outcome(f.orElse(null), local);
                }));
            }
            for (Future<Outcome> f : futures) {
                Outcome o = f.get();
                if (o.file() != null) {
                    out.add(o.file());
                }
                problems.addAll(o.problems());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(new SyntaxError(".", 0, 0, "loading interrupted"));
        } catch (ExecutionException e) {
            problems.add(new SyntaxError(".", 0, 0, "internal error while loading: " + e.getCause()));
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private record Outcome(GoFile file, List<SyntaxError> problems) {}

    private static Optional<GoFile> parseOne(Path root, Path p, GoFileParser parser, Options options,
                                             List<SyntaxError> problems) {
        String rel = relative(root, p);
        try {
            long size = Files.size(p);
            if (size > options.maxFileBytes()) {
                problems.add(new SyntaxError(rel, 0, 0, "file too large to parse (" + size + " bytes, limit "
                        + options.maxFileBytes() + "), skipped"));
                return Optional.empty();
            }
            return Optional.of(parser.parse(rel, Files.readAllBytes(p)));
        } catch (IOException e) {
            problems.add(new SyntaxError(rel, 0, 0, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(new SyntaxError(rel, 0, 0, "internal parser error, file skipped: " + e));
        }
        return Optional.empty();
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
