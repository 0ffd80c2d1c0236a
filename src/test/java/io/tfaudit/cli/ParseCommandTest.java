package io.tfaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tfaudit parse DIR...} through {@link Main#run}: exit codes, error lines and the summary. */
@Timeout(30)
class ParseCommandTest {

    private static final Pattern SUMMARY =
            Pattern.compile("parsed (\\d+) files \\((\\d+) bytes\\) in (\\d+) ms, (\\d+) with errors");
    private static final Pattern ERROR_LINE = Pattern.compile("(.+):(\\d+):(\\d+): (.+)");

    @TempDir
    Path tmp;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        Matcher summary() {
            List<String> lines = outLines();
            assertThat(lines).as("stdout:%n%s%nstderr:%n%s", out, err).isNotEmpty();
            Matcher m = SUMMARY.matcher(lines.get(lines.size() - 1));
            assertThat(m.matches()).as("last line is the summary; stdout:%n%s", out).isTrue();
            return m;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(Path dir, String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static long sizeOf(Path... files) throws IOException {
        long n = 0;
        for (Path f : files) {
            n += Files.size(f);
        }
        return n;
    }

    @Test
    void cleanDirectoryExitsZeroWithTheSummary() throws IOException {
        Path dir = tmp.resolve("clean");
        Path a = write(dir, "a.go", "package p\n\nfunc A() {}\n");
        Path b = write(dir, "sub/b.go", "package sub\n\nvar B = []int{1, 2}\n");
        Path c = write(dir, "sub/deeper/c.go", "package deeper\n\ntype C struct{ N string `json:\"n\"` }\n");
        write(dir, "README.md", "not Go\n");

        Run r = run("parse", dir.toString());

        assertThat(r.exit()).as("%s", r).isEqualTo(Main.OK);
        assertThat(r.outLines()).as("%s", r).hasSize(1);
        Matcher m = r.summary();
        assertThat(m.group(1)).as("files").isEqualTo("3");
        assertThat(Long.parseLong(m.group(2))).as("bytes").isEqualTo(sizeOf(a, b, c));
        assertThat(m.group(4)).as("with errors").isEqualTo("0");
        assertThat(r.out()).startsWith("parsed 3 files (" + sizeOf(a, b, c) + " bytes) in ").endsWith(" ms, 0 with errors\n");
        assertThat(r.err()).as("stderr").isEmpty();
    }

    @Test
    void emptyDirectoryIsClean() {
        Run r = run("parse", tmp.toString());
        assertThat(r.exit()).as("%s", r).isEqualTo(Main.OK);
        assertThat(r.summary().group(1)).isEqualTo("0");
    }

    @Test
    void brokenDirectoryExitsOneWithPathLineColumnMessages() throws IOException {
        Path dir = tmp.resolve("broken");
        write(dir, "good.go", "package p\n\nfunc Good() {}\n");
        Path bad = write(dir, "pkg/bad.go", "package pkg\n\nfunc Bad() {\n\tx :=\n}\n");
        Path bin = write(dir, "pkg/bin.go", "package pkg\nvar x = 1\u0000\n");

        Run r = run("parse", dir.toString());

        assertThat(r.exit()).as("%s", r).isEqualTo(Main.FINDINGS);
        List<String> lines = r.outLines();
        List<String> errors = lines.subList(0, lines.size() - 1);
        assertThat(errors).as("%s", r).isNotEmpty().allSatisfy(l ->
                assertThat(ERROR_LINE.matcher(l).matches()).as("path:line:col: message form of %s", l).isTrue());
        assertThat(errors).as("%s", r).contains(
                bad + ":5:1: unexpected '}'",
                bin + ":2:10: illegal character NUL: not a Go source file");
        assertThat(errors).noneMatch(l -> l.contains("good.go"));
        Matcher m = r.summary();
        assertThat(m.group(1)).as("files").isEqualTo("3");
        assertThat(m.group(4)).as("with errors").isEqualTo("2");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void errorPathsFollowTheDirectoryAsGiven() throws IOException {
        Path dir = tmp.resolve("rel");
        write(dir, "x/y.go", "package x\nfunc (\n");
        // A path with a redundant "." segment is printed normalized.
        Run r = run("parse", dir.resolve(".").toString());
        assertThat(r.exit()).as("%s", r).isEqualTo(Main.FINDINGS);
        assertThat(r.outLines().get(0)).startsWith(dir.resolve("x/y.go") + ":2:");
    }

    @Test
    void severalDirectoriesAreSummedUp() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Path a = write(one, "a.go", "package a\n");
        Path b = write(two, "b.go", "package b\n");
        Path c = write(two, "c/c.go", "package c\n");
        Run r = run("parse", "--threads", "2", one.toString(), two.toString());
        assertThat(r.exit()).as("%s", r).isEqualTo(Main.OK);
        Matcher m = r.summary();
        assertThat(m.group(1)).isEqualTo("3");
        assertThat(Long.parseLong(m.group(2))).isEqualTo(sizeOf(a, b, c));
    }

    @Test
    void includeTestdataOption() throws IOException {
        write(tmp, "a.go", "package a\n");
        write(tmp, "testdata/t.go", "package t\nfunc (\n");
        Run without = run("parse", tmp.toString());
        assertThat(without.exit()).as("%s", without).isEqualTo(Main.OK);
        assertThat(without.summary().group(1)).isEqualTo("1");
        Run with = run("parse", "--include-testdata", tmp.toString());
        assertThat(with.exit()).as("%s", with).isEqualTo(Main.FINDINGS);
        assertThat(with.summary().group(1)).isEqualTo("2");
        assertThat(with.out()).contains(tmp.resolve("testdata/t.go") + ":2:");
    }

    @Test
    void symlinkLoopIsAFinding() throws IOException {
        write(tmp, "a/a.go", "package a\n");
        try {
            Files.createSymbolicLink(tmp.resolve("a/loop"), tmp);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("cannot create symbolic links here: " + e);
        }
        Run r = run("parse", tmp.toString());
        assertThat(r.exit()).as("%s", r).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).contains(tmp.resolve("a/loop") + ":0:0: symbolic link loop, not followed");
    }

    // ----------------------------------------------------------------------------------------
    // Bad usage: exit 2, a message on stderr, nothing on stdout

    private static void assertBadUsage(Run r, String expectedMessage) {
        assertThat(r.exit()).as("%s", r).isEqualTo(Main.BAD_USAGE);
        assertThat(r.err()).as("%s", r).contains(expectedMessage);
        assertThat(r.out()).as("%s", r).isEmpty();
    }

    @Test
    void missingDirectory() {
        Path missing = tmp.resolve("does-not-exist");
        assertBadUsage(run("parse", missing.toString()), "tfaudit parse: " + missing + ": no such directory");
    }

    @Test
    void missingDirectoryAmongGoodOnesStopsBeforeParsing() throws IOException {
        write(tmp, "ok/a.go", "package a\nfunc (\n");
        Path missing = tmp.resolve("nope");
        Run r = run("parse", tmp.resolve("ok").toString(), missing.toString());
        assertBadUsage(r, missing + ": no such directory");
    }

    @Test
    void fileInsteadOfDirectory() throws IOException {
        Path file = write(tmp, "main.go", "package main\n");
        assertBadUsage(run("parse", file.toString()), "tfaudit parse: " + file + ": not a directory");
    }

    @Test
    void noArgumentsAtAll() {
        Run r = run();
        assertBadUsage(r, "usage: java -jar tfaudit.jar <command>");
    }

    @Test
    void parseWithoutDirectories() {
        assertBadUsage(run("parse"), "tfaudit parse: name at least one directory");
        assertBadUsage(run("parse", "--threads", "4"), "tfaudit parse: name at least one directory");
    }

    @Test
    void unknownOption() {
        assertBadUsage(run("parse", "--frobnicate", tmp.toString()), "tfaudit parse: unknown option --frobnicate");
        assertBadUsage(run("parse", tmp.toString(), "-x"), "tfaudit parse: unknown option -x");
    }

    @Test
    void threadsMustBeAPositiveWholeNumber() {
        String message = "tfaudit parse: --threads takes a positive whole number";
        assertBadUsage(run("parse", "--threads", "0", tmp.toString()), message);
        assertBadUsage(run("parse", "--threads", "-1", tmp.toString()), message);
        assertBadUsage(run("parse", "--threads", "two", tmp.toString()), message);
        assertBadUsage(run("parse", "--threads", "1.5", tmp.toString()), message);
        assertBadUsage(run("parse", tmp.toString(), "--threads"), message);
        assertThat(run("parse", "--threads", "1", tmp.toString()).exit()).isEqualTo(Main.OK);
    }

    @Test
    void unknownCommand() {
        assertBadUsage(run("prase", tmp.toString()), "tfaudit: unknown command 'prase'");
    }

    @Test
    void helpGoesToStdoutAndSucceeds() {
        Run r = run("--help");
        assertThat(r.exit()).as("%s", r).isEqualTo(Main.OK);
        assertThat(r.out()).contains("parse [--threads N] [--include-testdata] DIR...");
        assertThat(r.err()).isEmpty();
    }

    /**
     * Out of memory is tfaudit's failure, not a file's: exit 3 with the heap it had and how to
     * raise it, never a syntax error at {@code DIR:0:0} nor exit 1 like "files did not parse".
     */
    @Test
    void outOfMemoryIsExitThreeWithTheHeapToGive() throws Exception {
        java.nio.file.Path goSrc = java.nio.file.Path.of("/usr/lib/go-1.19/src");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(goSrc), "Go's sources (Debian's golang-1.19-src)");
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "parse", goSrc.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(stderr).isEqualTo(Main.INTERNAL_ERROR);
        // The heap it had when the message can be built; else the message made in advance.
        assertThat(stderr).containsPattern("tfaudit: out of memory( \\(Java heap space; heap used \\d+ MB of at most \\d+ MB\\))?: no "
                + "verdict reached\\. Give the JVM more heap: java -Xmx\\d+[mg] -jar tfaudit.jar \\.\\.\\., or JAVA_TOOL_OPTIONS=\"-Xmx\\d+[mg]\" in CI\\.");
        assertThat(stderr).doesNotContain("internal error while loading", "\tat ");
    }
}
