package io.tfaudit.cli;

import io.tfaudit.go.load.GoSourceTree;
import io.tfaudit.go.parse.SyntaxError;
import io.tfaudit.source.DirectorySource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code parse DIR...}: reports every syntax error in the Go files under the directories. */
final class ParseCommand {

    private final PrintStream out;
    private final PrintStream err;

    ParseCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        GoSourceTree.Options options = GoSourceTree.Options.defaults();
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--threads")) {
                if (i + 1 >= args.length || !args[i + 1].matches("[1-9][0-9]*")) {
                    err.println("tfaudit parse: --threads takes a positive whole number");
                    return Main.BAD_USAGE;
                }
                options = options.withThreads(Integer.parseInt(args[++i]));
            } else if (a.equals("--include-testdata")) {
                options = options.withTestdata(true);
            } else if (a.startsWith("-")) {
                err.println("tfaudit parse: unknown option " + a);
                return Main.BAD_USAGE;
            } else {
                dirs.add(Path.of(a));
            }
        }
        if (dirs.isEmpty()) {
            err.println("tfaudit parse: name at least one directory");
            return Main.BAD_USAGE;
        }
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                err.println("tfaudit parse: " + d + ": " + (Files.exists(d) ? "not a directory" : "no such directory"));
                return Main.BAD_USAGE;
            }
        }
        long start = System.nanoTime();
        long files = 0;
        long bytes = 0;
        long withErrors = 0;
        for (Path d : dirs) {
            GoSourceTree.Check check = GoSourceTree.check(DirectorySource.of(d), options);
            for (SyntaxError e : check.problems()) {
                out.println(d.resolve(e.file()).normalize() + ":" + e.line() + ":" + e.column() + ": " + e.message());
            }
            files += check.files();
            bytes += check.bytes();
            withErrors += check.filesWithErrors();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.printf("parsed %d files (%d bytes) in %d ms, %d with errors%n", files, bytes, ms, withErrors);
        return withErrors > 0 ? Main.FINDINGS : Main.OK;
    }
}
