package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tfaudit.cli.MainAccess;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audited repository's code runs only with consent; with it, {@code go build} and
 * {@code go test -json} really run on small standard-library-only modules, and their results
 * (pass, fail, a hang killed with its whole process tree) are the criteria's results, with
 * the output as evidence. US-009 is the story audited: its first criterion runs
 * {@code go test -run TestSchemaBackwardsCompatibility}, its last one {@code go build ./...}.
 */
class ToolRunsTest {

    static final String STORY = "io.tfaudit.criteria.phase3.US009RunSchemaCompatibilityTests";
    static final String TEST_RUN = "US-009.1";
    static final String TYPECHECK = "US-009.6";

    @TempDir
    Path dir;

    /**
     * A provider the static reading understands and Go builds with its standard library alone:
     * the framework's types are stood in for by the fixture's own.
     */
    static Path tinyProvider(Path root, String extraProviderCode, String testFile) throws IOException {
        Files.createDirectories(root.resolve("internal/provider"));
        Files.writeString(root.resolve("go.mod"), "module example.com/tinyprovider\n\ngo 1.19\n");
        Files.writeString(root.resolve("internal/provider/provider.go"), """
                package provider

                import "context"

                // MetadataResponse stands in for the framework's: this module needs nothing but Go.
                type MetadataResponse struct{ TypeName string }

                type tinyProvider struct{}

                func (p *tinyProvider) Metadata(_ context.Context, _ any, resp *MetadataResponse) { resp.TypeName = "tiny" }

                func (p *tinyProvider) Resources(_ context.Context) []func() any { return []func() any{NewWidget} }

                type widget struct{}

                // NewWidget makes the provider's one resource.
                func NewWidget() any { return &widget{} }

                func (w *widget) Metadata(_ context.Context, _ any, resp *MetadataResponse) { resp.TypeName = "tiny_widget" }
                """ + extraProviderCode);
        Files.writeString(root.resolve("internal/provider/compat_test.go"), testFile);
        return root;
    }

    /** A Go string literal of a path (raw, so that nothing in it is an escape). */
    static String goPath(Path p) {
        return "`" + p.toAbsolutePath() + "`";
    }

    /** A test that passes and leaves a trace outside the audited tree when it runs. */
    static String passingTest(Path marker) {
        return """
                package provider

                import (
                \t"os"
                \t"testing"
                )

                func TestSchemaBackwardsCompatibility(t *testing.T) {
                \tif err := os.WriteFile(%s, []byte("the provider's test ran"), 0o644); err != nil {
                \t\tt.Fatal(err)
                \t}
                \tt.Log("tiny_widget keeps every attribute")
                }
                """.formatted(goPath(marker));
    }

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    ResultFiles audit(Path provider, String... options) {
        List<String> args = new ArrayList<>(List.of("audit", "--provider", provider.toString(), "--results",
                dir.resolve("out/allure-results").toString(), "--select", STORY, "--fail-on", "none"));
        args.addAll(List.of(options));
        int code = MainAccess.run(args.toArray(String[]::new), printed);
        assertThat(code).as(printed()).isZero();
        assertThat(printed()).containsPattern("(?m)^\\d+ passed, \\d+ failed, \\d+ skipped$");
        return ResultFiles.read(dir.resolve("out/allure-results"));
    }

    String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class WithoutConsent {

        @Test
        void theProvidersTestsAndBuildDoNotRunAndTheirCriteriaAreSkippedWithTheCommand() throws IOException {
            Path marker = dir.resolve("marker.txt");
            Path provider = tinyProvider(dir.resolve("tiny"), "", passingTest(marker));

            ResultFiles results = audit(provider);

            assertThat(marker).as("written by the provider's test if it ran").doesNotExist();
            ResultFiles.Result run = results.single(TEST_RUN);
            assertThat(run.status()).isEqualTo("skipped");
            // The command line names its own options.
            assertThat(run.message()).contains("running the provider's Go tests needs consent (--exec)",
                    "To run it: go test -v -timeout 20m -run 'TestSchemaBackwardsCompatibility' ./internal/provider/...");
            ResultFiles.Result build = results.single(TYPECHECK);
            assertThat(build.status()).isEqualTo("skipped");
            assertThat(build.message()).contains("every Go file parses, but `go build ./...` did not run",
                    "needs consent (--exec)", "cd . && go build ./...");
            // The checkout's place on this machine is not in the report.
            assertThat(build.message()).doesNotContain(provider.toString());
        }
    }

    /**
     * The whole audit, every criterion, in a fresh JVM whose PATH starts with stand-ins for
     * {@code go}, {@code terraform} and {@code gh} that log each call: without consent, the only calls are
     * the report's tool versions, outside the audited tree; with it, the build and the tests
     * run in the audited tree (so the stand-ins would have shown any other run). Needs no Go.
     */
    @Nested
    @DisabledOnOs(OS.WINDOWS)
    class ToolsOnPathAreStoodInFor {

        @Test
        void withoutConsentNoToolRunsOnTheAuditedTreeInAWholeAuditAndWithItTheyDo() throws IOException {
            Path calls = dir.resolve("calls.txt");
            Path stubs = Files.createDirectories(dir.resolve("stubs"));
            for (String tool : List.of("go", "terraform", "gh")) {
                Path stub = Files.writeString(stubs.resolve(tool), "#!/bin/sh\necho \"" + tool + " $* (in $PWD)\" >> '" + calls + "'\n");
                stub.toFile().setExecutable(true);
            }
            Path provider = Trees.sampleCopy(dir.resolve("provider"));
            Path cwd = Files.createDirectories(dir.resolve("cwd"));
            List<String> common = List.of("audit", "--provider", provider.toString(), "--inventory", provider.resolve("inventory.txt").toString(),
                    "--backend", provider.resolve("cmd/tfgen/testdata/backend").toString(), "--fail-on", "none");

            String whole = auditInAFreshJvm(stubs, cwd, common, "--results", dir.resolve("whole/allure-results").toString());

            assertThat(whole).containsPattern("(?m)^[1-9]\\d* passed, \\d+ failed, [1-9]\\d* skipped$");
            // terraform fmt -check is the one read-only run on the audited tree that needs no consent: it writes nothing, runs no provider code
            assertThat(Files.exists(calls) ? Files.readAllLines(calls) : List.<String>of()).as("calls of go, terraform and gh")
                    .allMatch(c -> c.matches("(go|terraform) version \\(in " + java.util.regex.Pattern.quote(cwd.toString()) + "\\)")
                            || c.equals("terraform fmt -check -recursive -no-color examples/ (in " + provider + ")"));

            Files.deleteIfExists(calls);
            String consented = auditInAFreshJvm(stubs, cwd, common, "--results", dir.resolve("consented/allure-results").toString(),
                    "--exec", "--select", STORY);

            assertThat(consented).containsPattern("(?m)^\\d+ passed, \\d+ failed, \\d+ skipped$");
            assertThat(Files.readAllLines(calls)).as("calls of go and terraform")
                    .contains("go build -mod=readonly -o /dev/null ./... (in " + provider + ")")
                    .anyMatch(c -> c.startsWith("go test -mod=readonly -count=1 -json -run TestSchemaBackwardsCompatibility ")
                            && c.endsWith("(in " + provider + ")"));

            // US-014 builds the generated layer: read-only too, as every other tool run.
            Files.deleteIfExists(calls);
            auditInAFreshJvm(stubs, cwd, common, "--results", dir.resolve("generated/allure-results").toString(),
                    "--exec", "--select", "io.tfaudit.criteria.phase4.US014RunRegenerationTest");
            assertThat(Files.readAllLines(calls)).as("calls of go")
                    .contains("go build -mod=readonly ./internal/generated/... (in " + provider + ")")
                    .filteredOn(c -> c.endsWith("(in " + provider + ")") && (c.startsWith("go build") || c.startsWith("go test")))
                    .allMatch(c -> c.contains(" -mod=readonly "));
        }

        private String auditInAFreshJvm(Path stubs, Path cwd, List<String> common, String... more) throws IOException {
            String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> argv = new ArrayList<>(List.of(javaCommand, "-cp", System.getProperty("java.class.path"), "io.tfaudit.cli.Main"));
            argv.addAll(common);
            argv.addAll(List.of(more));
            ExternalCommand.Result r = ExternalCommand.run(cwd, argv, Duration.ofMinutes(5),
                    Map.of("PATH", stubs + File.pathSeparator + System.getenv("PATH")));
            assertThat(r.succeeded()).as(r.output()).isTrue();
            return r.output();
        }
    }

    @Nested
    class WithConsent {

        @BeforeEach
        void goIsHere() {
            Assumptions.assumeTrue(goWorks(), "needs the go command on PATH (CI installs Debian's golang-go)");
        }

        @Test
        void aBuildAndATestRunThatPass() throws IOException {
            Path marker = dir.resolve("marker.txt");
            Path provider = tinyProvider(dir.resolve("tiny"), "", passingTest(marker));

            ResultFiles results = audit(provider, "--exec");

            assertThat(marker).as("the provider's test ran").hasContent("the provider's test ran");
            ResultFiles.Result run = results.single(TEST_RUN);
            assertThat(run.status()).as(run.message()).isEqualTo("passed");
            assertThat(run.attachments().get("go test output"))
                    .contains("go test -mod=readonly -count=1 -json -run TestSchemaBackwardsCompatibility -timeout 20m ./internal/provider/...",
                            "exit 0", "tiny_widget keeps every attribute", "--- PASS: TestSchemaBackwardsCompatibility");
            assertThat(results.single(TYPECHECK).status()).as(results.single(TYPECHECK).message()).isEqualTo("passed");
        }

        @Test
        void aGoTooOldForTheModuleJudgesNothingItsCriteriaAreSkippedWithWhy() throws IOException {
            Path marker = dir.resolve("marker.txt");
            Path provider = tinyProvider(dir.resolve("tiny"), "", passingTest(marker));
            // A go.mod written for a Go far newer than any installed: Go's refusal is about the machine.
            Files.writeString(provider.resolve("go.mod"), "module example.com/tinyprovider\n\ngo 1.99.0\n");

            ResultFiles results = audit(provider, "--exec");

            for (String criterion : List.of(TEST_RUN, TYPECHECK)) {
                ResultFiles.Result r = results.single(criterion);
                assertThat(r.status()).as(r.message()).isEqualTo("skipped");
                assertThat(r.message()).contains("on this machine", "1.99.0", "with the Go go.mod asks for");
            }
        }

        @Test
        void aFailingTestFailsItsCriterionWithTheTestsOutputAsEvidence() throws IOException {
            Path provider = tinyProvider(dir.resolve("tiny"), "", """
                    package provider

                    import "testing"

                    func TestSchemaBackwardsCompatibility(t *testing.T) {
                    \tt.Fatalf("attribute %q was removed from tiny_widget", "colour")
                    }
                    """);

            ResultFiles results = audit(provider, "--exec");

            ResultFiles.Result run = results.single(TEST_RUN);
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.message()).contains("[critical]",
                    "internal/provider/compat_test.go:5: TestSchemaBackwardsCompatibility: expected pass, found fail");
            assertThat(run.attachments().get("go test output")).contains("exit 1", "attribute \"colour\" was removed from tiny_widget",
                    "--- FAIL: TestSchemaBackwardsCompatibility");
            assertThat(results.single(TYPECHECK).status()).as("the build itself passes").isEqualTo("passed");
        }

        @Test
        void aBuildThatFailsFailsTypecheckWithTheCompilersMessage() throws IOException {
            Path provider = tinyProvider(dir.resolve("tiny"), "\nvar defaultColour = colourSchema.Default\n",
                    passingTest(dir.resolve("marker.txt")));

            ResultFiles results = audit(provider, "--exec");

            ResultFiles.Result build = results.single(TYPECHECK);
            assertThat(build.status()).isEqualTo("failed");
            assertThat(build.message()).contains("[blocker] 'Typecheck passes' was violated: `go build -mod=readonly -o /dev/null ./...` exited 2",
                    "internal/provider/provider.go:21", "undefined: colourSchema");
            ResultFiles.Result run = results.single(TEST_RUN);
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.message()).contains("TestSchemaBackwardsCompatibility: expected pass, found no result");
            assertThat(run.attachments().get("go test output")).contains("undefined: colourSchema");
        }

        /**
         * The test binary hangs where Go's own {@code -timeout} does not reach (in TestMain,
         * before the tests start, as one waiting for a server would): the audit's timeout
         * kills {@code go test} and the test binary it started, and reports what was written.
         */
        @Test
        void aHangingRunIsKilledWithItsWholeProcessTreeAndItsOutputSoFarIsReported() throws IOException {
            Path pids = dir.resolve("pids.txt");
            Path provider = tinyProvider(dir.resolve("tiny"), "", """
                    package provider

                    import (
                    \t"fmt"
                    \t"os"
                    \t"testing"
                    \t"time"
                    )

                    func TestMain(m *testing.M) {
                    \tos.WriteFile(%s, []byte(fmt.Sprintf("%%d %%d", os.Getpid(), os.Getppid())), 0o644)
                    \tfmt.Println("waiting for a test server that never answers")
                    \ttime.Sleep(24 * time.Hour)
                    \tos.Exit(m.Run())
                    }

                    func TestSchemaBackwardsCompatibility(t *testing.T) {}
                    """.formatted(goPath(pids)));
            // Compiled once beforehand (into the build cache), so that the short timeout is spent
            // running the tests, not compiling the standard library on a fresh machine.
            ExternalCommand.Result warm = ExternalCommand.run(provider, List.of("go", "test", "-c", "-o",
                    dir.resolve("warm.test").toString(), "./internal/provider"), Duration.ofMinutes(10));
            assertThat(warm.succeeded()).as(warm.output()).isTrue();

            ResultFiles results = audit(provider, "--exec", "--exec-timeout", "5s");

            ResultFiles.Result run = results.single(TEST_RUN);
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.message()).contains("./internal/provider/...: `go test -mod=readonly -count=1 -json -run TestSchemaBackwardsCompatibility -timeout 5s",
                    "did not finish within 10s (timeout 5s): it and every process it started were killed",
                    "Its output until then:", "waiting for a test server that never answers");
            assertThat(run.attachments().get("go test output")).contains("(killed after 10s: no exit code)",
                    "waiting for a test server that never answers");
            String[] ids = Files.readString(pids).strip().split(" ");
            long testBinary = Long.parseLong(ids[0]);
            long goCommand = Long.parseLong(ids[1]);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    Map.of("test binary " + testBinary, ProcessTrees.running(testBinary), "go test " + goCommand, ProcessTrees.running(goCommand)))
                    .as("still running").doesNotContainValue(true));
        }
    }

    static boolean goWorks() {
        if (ExternalCommand.onPath("go").isEmpty()) {
            return false;
        }
        try {
            return ExternalCommand.run(Path.of("."), List.of("go", "version"), Duration.ofMinutes(1)).succeeded();
        } catch (IOException e) {
            return false;
        }
    }
}
