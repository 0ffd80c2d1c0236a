package io.tfaudit.go.load;

import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.parse.GoFileParser;
import io.tfaudit.go.parse.SyntaxError;
import io.tfaudit.source.DirectorySource;
import io.tfaudit.source.SourceFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
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

    private final SourceFiles source;
    private final List<GoFile> files;
    private final List<SyntaxError> loadProblems;
    private final Map<String, GoFile> byPath;

    private GoSourceTree(SourceFiles source, List<GoFile> files, List<SyntaxError> loadProblems) {
        this.source = source;
        this.files = files;
        this.loadProblems = loadProblems;
        this.byPath = files.stream().collect(Collectors.toMap(GoFile::path, Function.identity()));
    }

    public static GoSourceTree load(Path root) {
        return load(root, Options.defaults());
    }

    /** {@code root} must be a readable directory; callers check that and say so to the user. */
    public static GoSourceTree load(Path root, Options options) {
        return load(DirectorySource.of(root), options);
    }

    /** Loads the Go files of a directory or of a git revision. */
    public static GoSourceTree load(SourceFiles source, Options options) {
        List<SyntaxError> problems = new ArrayList<>();
        List<GoFile> parsed = new ArrayList<>();
        parseAll(source, options, parsed::add, problems);
        parsed.sort(Comparator.comparing(GoFile::path));
        problems.sort(Comparator.comparing(SyntaxError::file).thenComparingInt(SyntaxError::line));
        return new GoSourceTree(source, List.copyOf(parsed), List.copyOf(problems));
    }

    /** What {@link #check} found: the files parsed, their bytes, and every problem in {@link #allProblems()}'s order. */
    public record Check(long files, long bytes, long filesWithErrors, List<SyntaxError> problems) {}

    /**
     * Parses every Go file as {@link #load} does, into the same model, but keeps only its
     * problems: each file's model is dropped once it is built. A syntax check of a large tree
     * then never holds the whole model, and the collector has nothing to copy.
     */
    public static Check check(SourceFiles source, Options options) {
        List<SyntaxError> loadProblems = new ArrayList<>();
        Map<String, List<SyntaxError>> errorsByFile = new java.util.TreeMap<>();
        long[] filesAndBytes = new long[2];
        parseAll(source, options, f -> {
            filesAndBytes[0]++;
            filesAndBytes[1] += f.sizeInBytes();
            if (f.hasErrors()) {
                errorsByFile.put(f.path(), f.errors());
            }
        }, loadProblems);
        loadProblems.sort(Comparator.comparing(SyntaxError::file).thenComparingInt(SyntaxError::line));
        List<SyntaxError> all = new ArrayList<>(loadProblems);
        errorsByFile.values().forEach(all::addAll);
        return new Check(filesAndBytes[0] + loadProblems.size(), filesAndBytes[1], errorsByFile.size() + loadProblems.size(),
                List.copyOf(all));
    }

    /** Lists the Go files of {@code source} and hands each parsed file to {@code sink}, on the calling thread. */
    private static void parseAll(SourceFiles source, Options options, Consumer<GoFile> sink, List<SyntaxError> problems) {
        SourceFiles.Listing listing = source.list();
        for (SourceFiles.Problem p : listing.problems()) {
            if (p.path().endsWith(".go") || isGoDirectory(p.path(), options)) {
                problems.add(new SyntaxError(p.path(), 0, 0, p.message()));
            }
        }
        List<String> paths = new ArrayList<>();
        for (String p : listing.paths()) {
            String name = p.substring(p.lastIndexOf('/') + 1);
            if (p.endsWith(".go") && !name.startsWith("_") && !name.startsWith(".") && isGoDirectory(p, options)) {
                paths.add(p);
            }
        }
        parseAll(source, paths, listing.sizes(), options, sink, problems);
    }

    /** Whether the go tool would look at a file there: not under vendor/, testdata/ (unless asked), hidden or _ folders. */
    private static boolean isGoDirectory(String path, Options options) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            String name = parts[i];
            if (name.equals("vendor") || name.startsWith(".") || name.startsWith("_") || name.equals("node_modules")
                    || !options.includeTestdata() && name.equals("testdata")) {
                return false;
            }
        }
        return true;
    }

    /** The directory loaded, or for a git revision the path of its label. */
    public Path root() {
        return source.directory().orElse(Path.of(source.label()));
    }

    public SourceFiles source() {
        return source;
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

    private static void parseAll(SourceFiles source, List<String> paths, Map<String, Long> sizes, Options options,
                                 Consumer<GoFile> sink, List<SyntaxError> problems) {
        GoFileParser parser = new GoFileParser();
        // Largest first, so that one big file does not finish last on one thread.
        List<String> bySize = new ArrayList<>(paths);
        bySize.sort(Comparator.comparingLong((String p) -> sizes.getOrDefault(p, 0L)).reversed());
        int threads = Math.max(1, Math.min(options.threads(), bySize.size()));
        // Deeply nested expressions recurse deeply in the parser: give it room.
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "go-parse", PARSER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        try {
            // Handed on as they are done, not in the order given: a file parsed while the largest
            // one is still in hand is not kept waiting for it (callers sort).
            java.util.concurrent.CompletionService<Outcome> done = new java.util.concurrent.ExecutorCompletionService<>(pool);
            for (String p : bySize) {
                done.submit(() -> {
                    List<SyntaxError> local = new ArrayList<>();
                    Optional<GoFile> f = parseOne(source, p, sizes.getOrDefault(p, 0L), parser, options, local);
                    return new Outcome(f.orElse(null), local);
                });
            }
            for (int i = 0; i < bySize.size(); i++) {
                Outcome o = done.take().get();
                if (o.file() != null) {
                    sink.accept(o.file());
                }
                problems.addAll(o.problems());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(new SyntaxError(".", 0, 0, "loading interrupted"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VirtualMachineError vm) {
                throw vm; // out of memory is the machine's, not a file's problem: the command says what to do
            }
            problems.add(new SyntaxError(".", 0, 0, "internal error while loading: " + e.getCause()));
        } finally {
            pool.shutdownNow();
        }
    }

    private record Outcome(GoFile file, List<SyntaxError> problems) {}

    private static Optional<GoFile> parseOne(SourceFiles source, String rel, long size, GoFileParser parser, Options options,
                                             List<SyntaxError> problems) {
        try {
            if (size > options.maxFileBytes()) {
                problems.add(new SyntaxError(rel, 0, 0, "file too large to parse (" + size + " bytes, limit "
                        + options.maxFileBytes() + "), skipped"));
                return Optional.empty();
            }
            return Optional.of(parser.parse(rel, source.read(rel)));
        } catch (IOException e) {
            problems.add(new SyntaxError(rel, 0, 0, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(new SyntaxError(rel, 0, 0, "internal parser error, file skipped: " + e));
        }
        return Optional.empty();
    }
}
