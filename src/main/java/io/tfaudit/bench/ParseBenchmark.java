package io.tfaudit.bench;

import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.parse.GoFileParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The parser benchmark, counterpart of {@code src/test/go/parsebench}: reads every .go
 * file under the directories (outside testdata, vendor and hidden folders) into memory,
 * then parses all of them into the Go model, pass after pass. Pass 1 of a fresh JVM is the
 * cold figure; the median of the later passes is the warm one.
 *
 * <pre>java -cp target/tfaudit.jar io.tfaudit.bench.ParseBenchmark [-passes N] [-workers W] DIR...</pre>
 */
public final class ParseBenchmark {

    private ParseBenchmark() {}

    public static void main(String[] args) throws Exception {
        int passes = 5;
        int workers = 1;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-passes" -> passes = Integer.parseInt(args[++i]);
                case "-workers" -> workers = Integer.parseInt(args[++i]);
                default -> dirs.add(Path.of(args[i]));
            }
        }
        List<String> names = new ArrayList<>();
        List<byte[]> sources = new ArrayList<>();
        long bytes = 0;
        for (Path d : dirs) {
            for (Path f : goFiles(d)) {
                byte[] b = Files.readAllBytes(f);
                names.add(f.toString());
                sources.add(b);
                bytes += b.length;
            }
        }
        System.err.printf("tfaudit parser: %d files, %d bytes, %d worker(s)%n", names.size(), bytes, workers);
        double[] ms = new double[passes];
        int errors = 0;
        for (int p = 0; p < passes; p++) {
            long t0 = System.nanoTime();
            errors = parseAll(names, sources, workers);
            ms[p] = (System.nanoTime() - t0) / 1e6;
            System.out.println("pass " + (p + 1) + ": " + line(names.size(), bytes, ms[p]));
        }
        System.out.println("cold: " + line(names.size(), bytes, ms[0]));
        if (passes > 1) {
            double[] warm = Arrays.copyOfRange(ms, 1, passes);
            Arrays.sort(warm);
            double median = warm.length % 2 == 1 ? warm[warm.length / 2]
                    : (warm[warm.length / 2 - 1] + warm[warm.length / 2]) / 2;
            System.out.println("median: " + line(names.size(), bytes, median));
        } else {
            System.out.println("median: n/a");
        }
        System.out.println("errors: " + errors);
    }

    private static String line(int files, long bytes, double ms) {
        return String.format("%d files, %d bytes, %.0f ms, %.2f MB/s, %.0f files/s",
                files, bytes, ms, bytes / 1e6 / (ms / 1e3), files / (ms / 1e3));
    }

    private static int parseAll(List<String> names, List<byte[]> sources, int workers) throws Exception {
        GoFileParser parser = new GoFileParser();
        AtomicInteger errors = new AtomicInteger();
        if (workers <= 1) {
            for (int i = 0; i < names.size(); i++) {
                GoFile f = parser.parse(names.get(i), sources.get(i));
                if (f.hasErrors()) {
                    errors.incrementAndGet();
                }
            }
            return errors.get();
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < names.size(); i = next.getAndIncrement()) {
                        if (parser.parse(names.get(i), sources.get(i)).hasErrors()) {
                            errors.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return errors.get();
    }

    private static List<Path> goFiles(Path dir) throws IOException {
        Path root = dir.toRealPath();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".go") && Files.isRegularFile(p))
                    .filter(p -> {
                        for (Path part : root.relativize(p)) {
                            String n = part.toString();
                            if (n.equals("testdata") || n.equals("vendor") || n.startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().toList();
        }
    }
}
