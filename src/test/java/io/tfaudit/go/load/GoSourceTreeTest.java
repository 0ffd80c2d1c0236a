package io.tfaudit.go.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.parse.SyntaxError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Loading a directory of Go files: which files, in what order, and what is reported instead of thrown. */
@Timeout(30)
class GoSourceTreeTest {

    @TempDir
    Path root;

    private Path write(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static String goFile(String pkg, String name) {
        return "package " + pkg + "\n\n// " + name + " doc.\nfunc " + name + "() int { return 1 }\n";
    }

    private static GoSourceTree load(Path dir, int threads) {
        return GoSourceTree.load(dir, GoSourceTree.Options.defaults().withThreads(threads));
    }

    private static List<String> paths(GoSourceTree tree) {
        return tree.files().stream().map(GoFile::path).toList();
    }

    @Test
    void aCheckFindsWhatALoadFindsWithoutKeepingTheModel() throws IOException {
        write("ok/a.go", goFile("ok", "A"));
        write("bad/b.go", "package bad\n\nfunc B( {\n");
        write("bad/c.go", "package bad\n\nvar = 1\n");
        write("big/d.go", "package big\n\n// " + "x".repeat(200) + "\n");
        GoSourceTree.Options options = GoSourceTree.Options.defaults().withThreads(2);
        options = new GoSourceTree.Options(options.includeTestdata(), options.threads(), 100);
        GoSourceTree tree = GoSourceTree.load(io.tfaudit.source.DirectorySource.of(root), options);

        GoSourceTree.Check check = GoSourceTree.check(io.tfaudit.source.DirectorySource.of(root), options);

        assertThat(tree.allProblems()).hasSize(4); // three syntax errors in two files, and a file too large
        assertThat(check.problems()).isEqualTo(tree.allProblems());
        assertThat(check.files()).isEqualTo(tree.files().size() + tree.loadProblems().size()).isEqualTo(4);
        assertThat(check.bytes()).isEqualTo(tree.totalBytes());
        assertThat(check.filesWithErrors()).isEqualTo(tree.filesWithErrors()).isEqualTo(3);
    }

    @Test
    void loadsNestedDirectoriesInParallelSortedWithSlashes() throws IOException {
        List<String> expected = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            for (int f = 0; f < 6; f++) {
                String rel = "pkg" + d + "/sub" + (f % 2) + "/deeper/f" + f + ".go";
                write(rel, goFile("p" + d, "F" + d + "_" + f));
                expected.add(rel);
            }
        }
        write("main.go", goFile("main", "Main"));
        expected.add("main.go");
        write("README.md", "# not Go");
        write("pkg0/notes.go.txt", "not Go either");
        write("pkg0/go.mod", "module example.com/x\n");
        expected.sort(null);

        GoSourceTree tree = load(root, 4);

        assertThat(paths(tree)).as("loaded paths").containsExactlyElementsOf(expected);
        assertThat(paths(tree)).isSorted().allSatisfy(p -> {
            assertThat(p).doesNotContain("\\").doesNotStartWith("/");
            assertThat(Path.of(p).isAbsolute()).isFalse();
        });
        assertThat(tree.loadProblems()).isEmpty();
        assertThat(tree.allProblems()).isEmpty();
        assertThat(tree.filesWithErrors()).isZero();
        assertThat(tree.root()).isEqualTo(root);

        GoFile one = tree.file("pkg3/sub1/deeper/f5.go").orElseThrow();
        assertThat(one.packageNameOrEmpty()).isEqualTo("p3");
        assertThat(one.func("F3_5")).isPresent();
        assertThat(one.func("F3_5").orElseThrow().pos().file()).as("positions name the relative path")
                .isEqualTo("pkg3/sub1/deeper/f5.go");
        assertThat(tree.file("README.md")).isEmpty();

        long bytesOnDisk = 0;
        for (String p : expected) {
            bytesOnDisk += Files.size(root.resolve(p));
        }
        assertThat(tree.totalBytes()).isEqualTo(bytesOnDisk);
    }

    @Test
    void resultDoesNotDependOnTheNumberOfThreads() throws IOException {
        for (int i = 0; i < 40; i++) {
            write("d" + (i % 7) + "/f" + i + ".go", goFile("p", "F" + i) + "\nvar V" + i + " = " + "1 + ".repeat(i) + "1\n");
        }
        write("d3/broken.go", "package p\nfunc (\n");
        GoSourceTree one = load(root, 1);
        GoSourceTree many = load(root, 8);
        assertThat(paths(many)).isEqualTo(paths(one));
        assertThat(many.allProblems()).isEqualTo(one.allProblems());
        for (GoFile f : one.files()) {
            GoFile g = many.file(f.path()).orElseThrow();
            assertThat(g.decls()).as("decls of %s", f.path()).isEqualTo(f.decls());
        }
    }

    @Test
    void skipsVendorTestdataHiddenAndUnderscoreDirectories() throws IOException {
        write("keep.go", goFile("p", "Keep"));
        write("a/keep.go", goFile("a", "Keep"));
        write("vendor/github.com/x/y/v.go", goFile("y", "V"));
        write("a/vendor/v.go", goFile("v", "V"));
        write("testdata/t.go", goFile("t", "T"));
        write("a/testdata/fixtures/t.go", goFile("t", "T"));
        write(".hidden/h.go", goFile("h", "H"));
        write("a/.git/g.go", goFile("g", "G"));
        write("_examples/e.go", goFile("e", "E"));
        write("a/_tmp/e.go", goFile("e", "E"));
        write("node_modules/n/n.go", goFile("n", "N"));
        // Names that only look like skipped ones are loaded.
        write("vendors/v.go", goFile("v", "V"));
        write("mytestdata/t.go", goFile("t", "T"));
        write("a/b_c/x.go", goFile("x", "X"));
        write("a/vendor.go", goFile("a", "Vendor"));

        GoSourceTree tree = load(root, 2);
        assertThat(paths(tree)).containsExactly(
                "a/b_c/x.go", "a/keep.go", "a/vendor.go", "keep.go", "mytestdata/t.go", "vendors/v.go");
        assertThat(tree.loadProblems()).isEmpty();
    }

    @Test
    void testdataIsLoadedWhenAskedFor() throws IOException {
        write("keep.go", goFile("p", "Keep"));
        write("testdata/t.go", goFile("t", "T"));
        write("a/testdata/fixtures/t.go", goFile("t", "T"));
        write("vendor/v.go", goFile("v", "V"));
        write("testdata/.hidden/h.go", goFile("h", "H"));

        GoSourceTree tree = GoSourceTree.load(root, GoSourceTree.Options.defaults().withThreads(2).withTestdata(true));
        assertThat(paths(tree)).containsExactly("a/testdata/fixtures/t.go", "keep.go", "testdata/t.go");
        assertThat(GoSourceTree.Options.defaults().includeTestdata()).as("testdata is off by default").isFalse();
    }

    @Test
    void symlinkLoopIsReportedNotFollowedForever() throws IOException {
        write("a/a.go", goFile("a", "A"));
        write("b/b.go", goFile("b", "B"));
        try {
            Files.createSymbolicLink(root.resolve("a/up"), root);
            Files.createSymbolicLink(root.resolve("b/self"), Path.of("."));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "cannot create symbolic links here: " + e);
        }

        GoSourceTree tree = load(root, 2);

        assertThat(paths(tree)).as("files, each loaded once").containsExactly("a/a.go", "b/b.go");
        assertThat(tree.loadProblems()).extracting(SyntaxError::file).containsExactlyInAnyOrder("a/up", "b/self");
        assertThat(tree.loadProblems()).allSatisfy(p ->
                assertThat(p.message()).as("message of %s", p).contains("symbolic link loop"));
        assertThat(tree.filesWithErrors()).as("a loop counts as a problem").isEqualTo(2);
    }

    @Test
    void symlinkedDirectoryIsFollowed() throws IOException {
        write("real/r.go", goFile("r", "R"));
        try {
            Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "cannot create symbolic links here: " + e);
        }
        GoSourceTree tree = load(root, 2);
        assertThat(paths(tree)).containsExactly("alias/r.go", "real/r.go");
        assertThat(tree.loadProblems()).isEmpty();
    }

    @Test
    void unreadableFileIsReportedAndOthersLoad() throws IOException {
        write("ok.go", goFile("p", "Ok"));
        Path secret = write("secret.go", goFile("p", "Secret"));
        try {
            Files.setPosixFilePermissions(secret, Set.of());
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions on this file system");
        }
        try {
            boolean readable;
            try {
                Files.readAllBytes(secret);
                readable = true;
            } catch (AccessDeniedException e) {
                readable = false;
            }
            // Root reads any file whatever its mode: then there is nothing to test.
            assumeTrue(!readable, "a chmod 000 file is still readable here (running as root?)");

            GoSourceTree tree = load(root, 2);
            assertThat(paths(tree)).containsExactly("ok.go");
            assertThat(tree.loadProblems()).hasSize(1);
            SyntaxError p = tree.loadProblems().get(0);
            assertThat(p.file()).isEqualTo("secret.go");
            assertThat(p.message()).as("message of %s", p).contains("cannot read").contains("AccessDenied");
            assertThat(tree.filesWithErrors()).isEqualTo(1);
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void unreadableDirectoryIsReportedAndOthersLoad() throws IOException {
        write("ok.go", goFile("p", "Ok"));
        write("locked/l.go", goFile("l", "L"));
        Path locked = root.resolve("locked");
        try {
            Files.setPosixFilePermissions(locked, Set.of());
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions on this file system");
        }
        try {
            boolean listable;
            try (var s = Files.list(locked)) {
                listable = s.count() >= 0;
            } catch (AccessDeniedException e) {
                listable = false;
            }
            assumeTrue(!listable, "a chmod 000 directory is still listable here (running as root?)");

            GoSourceTree tree = load(root, 2);
            assertThat(paths(tree)).containsExactly("ok.go");
            assertThat(tree.loadProblems()).extracting(SyntaxError::file).containsExactly("locked");
            assertThat(tree.loadProblems().get(0).message()).contains("cannot read");
        } finally {
            Files.setPosixFilePermissions(locked, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
        }
    }

    @Test
    void fileOverTheSizeLimitIsReportedAndSkipped() throws IOException {
        write("small.go", "package p\n");
        write("big/big.go", "package p\n\nvar Blob = \"" + "x".repeat(500) + "\"\n");
        write("edge.go", "package p\n" + "/" + "/" + "x".repeat(100 - 13) + "\n");
        assertThat(Files.size(root.resolve("edge.go"))).isEqualTo(100);

        GoSourceTree.Options options = new GoSourceTree.Options(false, 2, 100);
        GoSourceTree tree = GoSourceTree.load(root, options);

        assertThat(paths(tree)).as("files at or under 100 bytes").containsExactly("edge.go", "small.go");
        assertThat(tree.loadProblems()).hasSize(1);
        SyntaxError p = tree.loadProblems().get(0);
        long size = Files.size(root.resolve("big/big.go"));
        assertThat(p.file()).isEqualTo("big/big.go");
        assertThat(p.message()).as("message of %s", p).contains("too large").contains(String.valueOf(size)).contains("100");
        assertThat(tree.filesWithErrors()).isEqualTo(1);
        assertThat(tree.totalBytes()).as("skipped file's bytes are not counted")
                .isEqualTo(Files.size(root.resolve("small.go")) + 100);
        assertThat(GoSourceTree.Options.defaults().maxFileBytes()).isEqualTo(GoSourceTree.DEFAULT_MAX_FILE_BYTES);
    }

    @Test
    void syntaxErrorsInOneFileDoNotStopTheOthers() throws IOException {
        write("a/good1.go", goFile("a", "Good1"));
        write("a/bad.go", "package a\n\nfunc Bad() {\n\tx :=\n}\n\nfunc AfterBad() {}\n");
        write("a/binary.go", "package a\u0000\n");
        write("b/good2.go", goFile("b", "Good2"));
        write("c/empty.go", "");

        GoSourceTree tree = load(root, 3);

        assertThat(paths(tree)).containsExactly("a/bad.go", "a/binary.go", "a/good1.go", "b/good2.go", "c/empty.go");
        assertThat(tree.file("a/good1.go").orElseThrow().errors()).isEmpty();
        assertThat(tree.file("b/good2.go").orElseThrow().func("Good2")).isPresent();
        GoFile bad = tree.file("a/bad.go").orElseThrow();
        assertThat(bad.errors()).isNotEmpty();
        assertThat(bad.errors().get(0).toString()).isEqualTo("a/bad.go:5:1: unexpected '}'");
        assertThat(bad.func("AfterBad")).as("declarations after the error in the same file").isPresent();
        assertThat(tree.loadProblems()).isEmpty();
        assertThat(tree.filesWithErrors()).isEqualTo(3);
        assertThat(tree.allProblems()).extracting(SyntaxError::file).containsOnly("a/bad.go", "a/binary.go", "c/empty.go");
    }

    @Test
    void deeplyNestedExpressionLoadsOnTheLoadersLargeStacks() throws IOException {
        write("deep.go", "package p\n\nvar x = " + "(".repeat(2000) + "1" + ")".repeat(2000) + "\n");
        write("ok.go", goFile("p", "Ok"));
        GoSourceTree tree = load(root, 2);
        assertThat(tree.loadProblems()).isEmpty();
        assertThat(paths(tree)).containsExactly("deep.go", "ok.go");
        assertThat(tree.file("deep.go").orElseThrow().errors()).isEmpty();
    }

    @Test
    void absurdlyDeepNestingIsReportedNotThrown() throws IOException {
        write("absurd.go", "package p\n\nvar x = " + "(".repeat(1_000_000) + "1" + ")".repeat(1_000_000) + "\n");
        write("ok.go", goFile("p", "Ok"));
        GoSourceTree tree = load(root, 2);
        assertThat(tree.file("ok.go")).as("the other file loads").isPresent();
        boolean parsed = tree.file("absurd.go").isPresent();
        boolean reported = tree.loadProblems().stream().anyMatch(p -> p.file().equals("absurd.go"));
        assertThat(parsed || reported).as("absurd.go is either parsed or reported; problems: %s", tree.loadProblems()).isTrue();
        if (reported) {
            assertThat(tree.loadProblems().get(0).message()).contains("internal parser error");
        }
    }

    @Test
    void emptyDirectory() {
        GoSourceTree tree = load(root, 2);
        assertThat(tree.files()).isEmpty();
        assertThat(tree.allProblems()).isEmpty();
        assertThat(tree.totalBytes()).isZero();
    }
}
