package io.tfaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.audit.ResultFiles;
import io.tfaudit.audit.Trees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit on bad input, one case at least per kind, each through the command line: the
 * audit says which file and what is wrong with it, and audits the rest (other files, other
 * resources) as usual, ending with its {@code N passed, N failed, N skipped} line and exit
 * code 0 or 1; a provider path it cannot use is exit code 2 with a message and no stack trace.
 *
 * <p>Most cases break one file of a copy of the embedded sample provider (audited with its own
 * inventory) and run only the criteria that read that kind of file ({@code --select}). Cases
 * tested elsewhere are not repeated: a missing, non-directory or empty provider path and an
 * unknown option ({@link AuditCommandTest}), a Go syntax error, a malformed HCL example.
 */
class BadInputCatalogueTest {

    @TempDir
    Path dir;

    /** One audit's exit code, what it printed, and its results read back. */
    record Run(int code, String out, String err, ResultFiles results) {

        ResultFiles.Result result(String criterion, String resource) {
            return results.of(criterion).stream().filter(r -> resource.equals(r.resource())).findFirst()
                    .orElseThrow(() -> new AssertionError("no result of " + criterion + " for " + resource + " in " + results.of(criterion)));
        }

        /** Every result of the criterion but those named passed: the rest was audited. */
        void othersPassed(String criterion, int atLeast, String... except) {
            List<ResultFiles.Result> others = results.of(criterion).stream()
                    .filter(r -> !java.util.Arrays.asList(except).contains(r.resource())).toList();
            assertThat(others).as("the other results of " + criterion).hasSizeGreaterThanOrEqualTo(atLeast)
                    .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo("passed"));
        }

        /** Each of these criteria (not per resource) passed. */
        void passed(String... criteria) {
            for (String c : criteria) {
                assertThat(results.single(c).status()).as(results.single(c).toString()).isEqualTo("passed");
            }
        }
    }

    private Run audit(Path provider, String select, String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "--provider", provider.toString(), "--results",
                dir.resolve("out/allure-results").toString(), "--select", select));
        if (Files.isRegularFile(provider.resolve("inventory.txt"))) {
            args.addAll(List.of("--inventory", provider.resolve("inventory.txt").toString()));
        }
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).as("no stack trace").doesNotContain("\tat ", "Exception in thread", "Caused by:");
        if (code == Main.BAD_USAGE) {
            return new Run(code, printed, errors, null);
        }
        assertThat(printed).as(errors).containsPattern("(?m)^\\d+ passed, \\d+ failed, \\d+ skipped$");
        return new Run(code, printed, errors, ResultFiles.read(dir.resolve("out/allure-results")));
    }

    private Path sample() throws IOException {
        return Trees.sampleCopy(dir.resolve("provider"));
    }

    /** US-002 (layer separation): its "Typecheck passes" reads every Go file; its second criterion audits each source connector. */
    private static final String GO_FILES = "io.tfaudit.criteria.phase1.US002VerifyLayerSeparation";
    private static final String TYPECHECK = "US-002.6";
    private static final String PER_CONNECTOR = "US-002.2";

    /** Exit 1 (a blocker), the typecheck finding, and every connector audited and passed. */
    private static void goFileFinding(Run run, String finding) {
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        ResultFiles.Result typecheck = run.results().single(TYPECHECK);
        assertThat(typecheck.status()).isEqualTo("failed");
        assertThat(typecheck.message()).contains(finding);
        assertThat(run.out()).contains("(10 resources, 2 data sources)");
        run.othersPassed(PER_CONNECTOR, 7);
    }

    /** Exit 0: the file parsed, so only `go build` (not run without consent) is left, and every connector passed. */
    private static void goFilesAllParse(Run run) {
        assertThat(run.code()).as(run.err()).isZero();
        ResultFiles.Result typecheck = run.results().single(TYPECHECK);
        assertThat(typecheck.status()).as(typecheck.message()).isEqualTo("skipped");
        assertThat(typecheck.message()).contains("every Go file parses");
        assertThat(run.out()).contains("(10 resources, 2 data sources)");
        run.othersPassed(PER_CONNECTOR, 7);
    }

    // ---------------------------------------------------------------- Go source files

    @Nested
    @DisplayName("a Go file that is not UTF-8")
    class NotUtf8 {
        @Test
        void isAFindingAtItsLineAndTheRestIsAudited() throws IOException {
            Path p = sample();
            Files.write(p.resolve("internal/helper/latin1.go"),
                    "package helper\n\n// Caf\u00e9 au lait, written in Latin-1.\nconst greeting = \"hello\"\n".getBytes(StandardCharsets.ISO_8859_1));

            goFileFinding(audit(p, GO_FILES), "internal/helper/latin1.go:3: Go syntax error: illegal UTF-8 encoding");
        }
    }

    @Nested
    @DisplayName("a Go file with a syntax error")
    class SyntaxError {
        @Test
        void isAFindingWithItsPositionAndTheRestIsAudited() throws IOException {
            Path p = sample();
            Files.writeString(p.resolve("internal/helper/broken.go"), "package helper\n\nfunc {\n");

            goFileFinding(audit(p, GO_FILES), "internal/helper/broken.go:3: Go syntax error");
        }
    }

    @Nested
    @DisplayName("a Go file that starts with a UTF-8 byte order mark")
    class ByteOrderMark {
        @Test
        void parsesAsGoDoes() throws IOException {
            Path p = sample();
            Path provider = p.resolve("internal/provider/provider.go");
            byte[] code = Files.readAllBytes(provider);
            byte[] withBom = new byte[code.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(code, 0, withBom, 3, code.length);
            Files.write(provider, withBom);

            goFilesAllParse(audit(p, GO_FILES));
        }
    }

    @Nested
    @DisplayName("a binary file named .go")
    class BinaryWithGoSuffix {
        @Test
        void isAFindingAndTheRestIsAudited() throws IOException {
            Path p = sample();
            byte[] blob = new byte[4096];
            new Random(7).nextBytes(blob);
            blob[10] = 0;
            Files.write(p.resolve("internal/helper/blob.go"), blob);

            goFileFinding(audit(p, GO_FILES), "internal/helper/blob.go:1: Go syntax error: illegal character NUL: not a Go source file");
        }
    }

    @Nested
    @DisplayName("an empty .go file")
    class EmptyGoFile {
        @Test
        void isAFindingAndTheRestIsAudited() throws IOException {
            Path p = sample();
            Files.write(p.resolve("internal/helper/empty.go"), new byte[0]);

            goFileFinding(audit(p, GO_FILES), "internal/helper/empty.go:1: Go syntax error: unexpected end of file");
        }
    }

    @Nested
    @DisplayName("a very large Go file (a few MB)")
    class VeryLargeGoFile {
        @Test
        void parses() throws IOException {
            Path p = sample();
            StringBuilder go = new StringBuilder("package helper\n\n// Code generated for tfaudit's size test. DO NOT EDIT.\n\nvar countries = map[string]int{\n");
            for (int i = 0; go.length() < 4_000_000; i++) {
                go.append("\t\"region-").append(i).append("-with-a-long-name-for-its-size\": ").append(i).append(",\n");
            }
            go.append("}\n");
            Files.writeString(p.resolve("internal/helper/regions_table.go"), go);

            goFilesAllParse(audit(p, GO_FILES));
        }
    }

    /**
     * A folder, file or revision the user named that is not there would quietly change the
     * audit: the built-in inventory instead of theirs, no baseline, no backend.
     */
    @Nested
    @DisplayName("a named baseline, backend, inventory or revision that is not there")
    class NamedInputsThatAreNotThere {

        private String refused(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> argv = new ArrayList<>(List.of("audit", "--results", dir.resolve("out/allure-results").toString()));
            argv.addAll(List.of(args));
            int code = Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.BAD_USAGE);
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("passed");
            return err.toString(StandardCharsets.UTF_8);
        }

        @Test
        void aMissingFolderOrFileIsExitTwoNamingIt() throws IOException {
            Path missing = dir.resolve("missing");
            assertThat(refused("--baseline-path", missing.toString()))
                    .isEqualTo("tfaudit audit: baseline.path (--baseline-path) " + missing + ": no such directory\n");
            assertThat(refused("--backend", missing.toString())).contains("--backend", missing + ": no such directory");
            assertThat(refused("--inventory", missing.toString()))
                    .isEqualTo("tfaudit audit: inventory (--inventory) " + missing + ": no such file\n");
        }

        @Test
        void aMalformedInventoryIsExitTwoWithItsLines() throws IOException {
            Path inventory = Files.writeString(dir.resolve("inventory.txt"), "source acme_source_postgresql\nacme_pipeline\n");
            assertThat(refused("--inventory", inventory.toString())).isEqualTo("tfaudit audit: inventory (--inventory) " + inventory
                    + ":2: expected '<source|destination|transform|other|data-source> <type name>', found 'acme_pipeline'\n");
        }

        @Test
        void aRevisionTheRepositoryDoesNotHaveIsExitTwo() throws Exception {
            Path p = sample();
            try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(p.toFile()).call()) {
                git.add().addFilepattern(".").call();
                git.commit().setMessage("the sample").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
            }
            assertThat(refused("--provider", p.toString(), "--baseline-ref", "v9.9.9"))
                    .startsWith("tfaudit audit: baseline.ref (--baseline-ref) v9.9.9: no revision 'v9.9.9' in the git repository at " + p);
        }
    }

    @Nested
    @DisplayName("a results folder that cannot be written")
    class UnwritableResultsFolder {
        @Test
        void isExitTwoWithTheReasonBeforeAnythingRuns() throws IOException {
            Path notAFolder = Files.writeString(dir.resolve("results.txt"), "a file, not a folder");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code = Main.run(new String[] {"audit", "--results", notAFolder.resolve("allure-results").toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).isEqualTo(Main.BAD_USAGE);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("tfaudit audit: cannot write results: "
                    + notAFolder.resolve("allure-results") + ": Not a directory\n");
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("passed");
        }
    }

    @Nested
    @DisplayName("deeply nested Go code (3,000 parentheses, a sum of 20,000 terms)")
    class DeeplyNestedGoCode {
        @Test
        void isReadAndAuditedLikeAnyOther() throws IOException {
            Path p = sample();
            String sum = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> "\"part" + i + "\"")
                    .collect(java.util.stream.Collectors.joining(" +\n\t"));
            Files.writeString(p.resolve("internal/provider/nesting.go"), "package provider\n\nvar nested = "
                    + "(".repeat(3000) + "1" + ")".repeat(3000) + "\n\nvar joined = " + sum + "\n");

            goFilesAllParse(audit(p, GO_FILES));
        }
    }

    @Nested
    @DisplayName("a symbolic link loop in the tree")
    @DisabledOnOs(OS.WINDOWS)
    class SymlinkLoop {
        @Test
        void isNotedNotFollowedAndTheRestIsAudited() throws IOException {
            Path p = sample();
            Files.createSymbolicLink(p.resolve("internal/helper/loop"), Path.of(".."));

            // Go does not follow links to folders either: noted, not a typecheck failure.
            Run run = audit(p, GO_FILES);
            goFilesAllParse(run);
            assertThat(run.results().single(TYPECHECK).message()).contains("1 symbolic link loop(s) not followed: [internal/helper/loop]");
        }
    }

    @Nested
    @DisplayName("special files and symbolic links leaving the tree")
    @DisabledOnOs(OS.WINDOWS)
    class SpecialFiles {
        @Test
        void areReportedNeverOpenedAndTheAuditEnds() throws Exception {
            Path p = sample();
            Path outside = Files.createDirectories(dir.resolve("elsewhere"));
            Files.writeString(outside.resolve("other.go"), "package other\n");
            Files.createSymbolicLink(p.resolve("internal/helper/kernel.log"), Path.of("/proc/kmsg"));
            Files.createSymbolicLink(p.resolve("internal/helper/null.go"), Path.of("/dev/null"));
            Files.createSymbolicLink(p.resolve("internal/other"), outside);
            Path fifo = p.resolve("internal/helper/pipe.go");
            assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
            Path socket = p.resolve("internal/helper/socket.go");
            try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                server.bind(java.net.UnixDomainSocketAddress.of(socket));
                // Each of them, opened, blocks or reads what is not the checkout's: the guard only ends a hang.
                Run run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(3),
                        () -> audit(p, GO_FILES));
                assertThat(run.code()).as(run.err()).isEqualTo(1);
                assertThat(run.results().single(TYPECHECK).message()).contains(
                        "internal/helper/kernel.log: not read: symbolic link leaving the tree (to /proc/kmsg), not read",
                        "internal/helper/null.go: not read: symbolic link leaving the tree (to /dev/null), not read",
                        "internal/other: not read: symbolic link leaving the tree (to " + outside.toRealPath() + "), not followed",
                        "internal/helper/pipe.go: not read: not a regular file (a FIFO, socket or device), not read",
                        "internal/helper/socket.go: not read: not a regular file (a FIFO, socket or device), not read");
                run.othersPassed(PER_CONNECTOR, 7);
            }
        }

        @Test
        void theRootOfTheFileSystemIsRefusedBeforeAnythingIsRead() {
            Run run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(3),
                    () -> audit(Path.of("/"), GO_FILES));
            assertThat(run.code()).isEqualTo(Main.BAD_USAGE);
            assertThat(run.err()).isEqualTo("tfaudit audit: / is not a Terraform provider tfaudit can read: no go.mod at its root\n");
        }
    }

    @Nested
    @DisplayName("a Go file that cannot be read")
    @DisabledOnOs(OS.WINDOWS)
    class UnreadableFile {
        @Test
        void isAFindingAndTheRestIsAudited() throws IOException {
            Path p = sample();
            Path hidden = Files.writeString(p.resolve("internal/helper/hidden.go"), "package helper\n\nconst hidden = 1\n");
            Files.setPosixFilePermissions(hidden, Set.<PosixFilePermission>of());
            Assumptions.assumeFalse(Files.isReadable(hidden), "the file stays readable (running as root, who reads anything)");

            goFileFinding(audit(p, GO_FILES), "internal/helper/hidden.go: not read: cannot read: AccessDeniedException");
        }
    }

    // ---------------------------------------------------------------- the provider itself

    @Nested
    @DisplayName("a Go module that is not a Terraform provider")
    class NotAProvider {
        @Test
        void isExitTwoWithTheReason() throws IOException {
            Path p = Files.createDirectories(dir.resolve("tool"));
            Files.writeString(p.resolve("go.mod"), "module example.com/tool\n\ngo 1.19\n");
            Files.writeString(p.resolve("main.go"), "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"not a provider\") }\n");

            Run run = audit(p, GO_FILES);

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("tfaudit audit: " + p + " is not a Terraform provider tfaudit can read: "
                    + "no provider type found: no Go type has both Metadata and Resources methods\n");
        }
    }

    @Nested
    @DisplayName("an --exec-timeout that is not a duration")
    class NotADuration {
        @Test
        void isExitTwoWithTheValue() throws IOException {
            Run run = audit(sample(), GO_FILES, "--exec-timeout", "soon");

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("tfaudit audit: exec.timeout: 'soon' is not a positive duration "
                    + "(write it as 90s, 10m, 1h30m or PT10M)\n");
        }
    }

    /**
     * {@code Resources()} built in ways a provider may use: a helper of another package
     * appending from a loop over a map is followed; resources registered by init functions
     * (not run by the static reading) are said to be unknown, where each inventory resource
     * is reported missing and on standard error, not silently left out.
     */
    @Nested
    @DisplayName("Resources() built in an unusual way")
    class UnusualResources {

        private Path provider(String imports, String resources, String registry, String inventory) throws IOException {
            Path p = Files.createDirectories(dir.resolve("odd"));
            Files.writeString(p.resolve("go.mod"), "module example.com/odd\n\ngo 1.19\n");
            Files.writeString(p.resolve("inventory.txt"), inventory);
            Files.createDirectories(p.resolve("internal/provider"));
            Files.writeString(p.resolve("internal/provider/provider.go"), """
                    package provider

                    import (
                    \t"context"

                    \t"github.com/hashicorp/terraform-plugin-framework/provider"
                    \t"github.com/hashicorp/terraform-plugin-framework/resource"

                    \t"example.com/odd/internal/registry"
                    %s)

                    type oddProvider struct{}

                    func (p *oddProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
                    \tresp.TypeName = "odd"
                    }

                    """.formatted(imports) + resources);
            Files.createDirectories(p.resolve("internal/registry"));
            Files.writeString(p.resolve("internal/registry/registry.go"), registry);
            Files.createDirectories(p.resolve("internal/gadget"));
            Files.writeString(p.resolve("internal/gadget/gadget.go"), """
                    package gadget

                    import (
                    \t"context"

                    \t"github.com/hashicorp/terraform-plugin-framework/resource"
                    )

                    type gadget struct{ kind string }

                    func NewLampResource() resource.Resource  { return &gadget{"lamp"} }
                    func NewClockResource() resource.Resource { return &gadget{"clock"} }

                    func (g *gadget) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
                    \tresp.TypeName = req.ProviderTypeName + "_" + g.kind
                    }
                    """);
            return p;
        }

        @Test
        void aHelperOfAnotherPackageAppendingFromAMapIsFollowed() throws IOException {
            Path p = provider("\t\"example.com/odd/internal/gadget\"\n", """
                    var byKind = map[string]func() resource.Resource{"lamp": gadget.NewLampResource, "clock": gadget.NewClockResource}

                    func (p *oddProvider) Resources(_ context.Context) []func() resource.Resource {
                    \treturn registry.Append(nil, byKind)
                    }
                    """, """
                    package registry

                    import "github.com/hashicorp/terraform-plugin-framework/resource"

                    // Append adds the constructors of a map to a list.
                    func Append(list []func() resource.Resource, m map[string]func() resource.Resource) []func() resource.Resource {
                    \tfor _, f := range m {
                    \t\tlist = append(list, f)
                    \t}
                    \treturn list
                    }
                    """, "other odd_clock\nother odd_lamp\n");

            Run run = audit(p, "io.tfaudit.criteria.phase9.US028TestTerraformMcpServerCompatibility");

            assertThat(run.out()).contains("(2 resources, 0 data sources)");
            assertThat(run.err()).doesNotContain("not resolved statically");
            assertThat(run.results().of("US-028.2")).extracting(ResultFiles.Result::resource).containsExactlyInAnyOrder("odd_clock", "odd_lamp");
            assertThat(run.results().of("US-028.2")).allSatisfy(r -> assertThat(r.message()).doesNotContain("does not register"));
        }

        @Test
        void resourcesRegisteredByInitFunctionsAreSaidToBeUnknown() throws IOException {
            Path p = provider("", """
                    func (p *oddProvider) Resources(_ context.Context) []func() resource.Resource {
                    \treturn registry.All()
                    }
                    """, """
                    package registry

                    import "github.com/hashicorp/terraform-plugin-framework/resource"

                    var all []func() resource.Resource

                    // Register is called from the init functions of the resources' packages.
                    func Register(f func() resource.Resource) { all = append(all, f) }

                    func All() []func() resource.Resource { return all }
                    """, "other odd_lamp\n");
            Files.writeString(p.resolve("internal/gadget/register.go"), """
                    package gadget

                    import "example.com/odd/internal/registry"

                    func init() {
                    \tregistry.Register(NewLampResource)
                    \tregistry.Register(NewClockResource)
                    }
                    """);

            Run run = audit(p, "io.tfaudit.criteria.phase9.US028TestTerraformMcpServerCompatibility");

            // gadget is imported by nothing the provider's package imports: Go would not run its init either.
            String unknown = "internal/provider/provider.go:18: Resources() could not be enumerated: read statically it returns an "
                    + "empty list (from internal/registry/registry.go:5), but the module has init functions that Go does not run "
                    + "before it, in packages the provider's main does not import (internal/gadget/register.go:5)";
            assertThat(run.err()).contains("tfaudit audit: not resolved statically: " + unknown);
            assertThat(run.out()).contains("(0 resources, 0 data sources)");
            ResultFiles.Result lamp = run.result("US-028.2", "odd_lamp");
            assertThat(lamp.status()).isEqualTo("failed");
            assertThat(lamp.message()).contains("odd_lamp is in the inventory", "but the provider does not register it", unknown);
        }
    }

    // ---------------------------------------------------------------- the provider's other files

    @Nested
    @DisplayName("a malformed cmd/tfgen/overrides.json")
    class MalformedOverrides {
        @Test
        void isAFindingAndTheRestOfPhase4IsAudited() throws IOException {
            Path p = sample();
            Path overrides = p.resolve("cmd/tfgen/overrides.json");
            Files.writeString(overrides, Files.readString(overrides).replaceFirst("\\}", ""));

            Run run = audit(p, "io.tfaudit.criteria.phase4");

            assertThat(run.code()).isEqualTo(1);
            ResultFiles.Result loaded = run.results().single("US-012.1");
            assertThat(loaded.status()).isEqualTo("failed");
            assertThat(loaded.message()).contains("cmd/tfgen/overrides.json: does not parse: cmd/tfgen/overrides.json:9: not valid JSON: "
                    + "Unexpected character ('{' (code 123)): was expecting double-quote to start field name");
            assertThat(run.out()).contains("(10 resources, 2 data sources)");
            // The generator and the deprecation system are audited as usual.
            run.passed("US-011.1", "US-011.2", "US-011.3", "US-011.4", "US-011.5", "US-011.6", "US-011.7", "US-011.8",
                    "US-013.1", "US-013.2", "US-013.3", "US-013.4");
        }
    }

    @Nested
    @DisplayName("a malformed schema snapshot")
    class MalformedSnapshot {
        @Test
        void isAFindingOfItsResourceAndTheOtherSnapshotsAreChecked() throws IOException {
            Path p = sample();
            Files.writeString(p.resolve("internal/provider/testdata/schemas/topic.json"), """
                    {
                      "version": "3.0.0-beta.1",
                      "attributes": {
                        "id": {"type": "string", "computed": true},
                        "partition_count": {"type": "number" "required": true}
                      }
                    }
                    """);

            Run run = audit(p, "io.tfaudit.criteria.phase3.US009RunSchemaCompatibilityTests");

            assertThat(run.code()).isEqualTo(1);
            ResultFiles.Result topic = run.result("US-009.2", "streamkap_topic");
            assertThat(topic.status()).isEqualTo("failed");
            assertThat(topic.message()).contains("internal/provider/testdata/schemas/topic.json:5: not valid JSON: Unexpected character");
            run.othersPassed("US-009.2", 9, "streamkap_topic");
        }
    }

    @Nested
    @DisplayName("a malformed VCR cassette")
    class MalformedCassette {
        @Test
        void isAFindingOfItsResourceAndTheOtherCassettesAreChecked() throws IOException {
            Path p = sample();
            Files.writeString(p.resolve("internal/provider/testdata/cassettes/sources/source_webhook.yaml"), """
                    ---
                    version: 2
                    interactions:
                        - id: 0
                          request: {method: POST, url: "https://api.streamkap.com/sources"
                          response:
                            code: 201
                    """);

            Run run = audit(p, "io.tfaudit.criteria.phase12.US034RecordVcrCassettesForSourceConnectorTests");

            ResultFiles.Result webhook = run.result("US-034.1", "streamkap_source_webhook");
            assertThat(webhook.status()).isEqualTo("failed");
            assertThat(webhook.message()).contains("internal/provider/testdata/cassettes/sources/source_webhook.yaml:",
                    "streamkap_source_webhook: the cassette does not parse: not valid YAML");
            run.othersPassed("US-034.1", 2, "streamkap_source_webhook");
        }
    }

    @Nested
    @DisplayName("malformed frontmatter in a docs page")
    class MalformedFrontmatter {
        @Test
        void isAFindingAtItsLineAndTheOtherPagesAreChecked() throws IOException {
            Path p = sample();
            Path page = p.resolve("docs/resources/topic.md");
            Files.writeString(page, Files.readString(page).replaceFirst("subcategory: \"Other\"", "subcategory: [Kafka topics"));

            Run run = audit(p, "io.tfaudit.criteria.phase10b.US045CreateMissingResourceDocumentation");

            assertThat(run.code()).as("a minor finding, under the default gate").isZero();
            ResultFiles.Result valid = run.results().single("US-045.6");
            assertThat(valid.status()).isEqualTo("failed");
            assertThat(valid.message()).contains("(1 time)", "docs/resources/topic.md:4: frontmatter is not valid YAML");
            run.othersPassed("US-045.5", 10);
        }
    }

    @Nested
    @DisplayName("a malformed accepted-findings file (tfaudit-baseline.json)")
    class MalformedBaselineFile {
        @Test
        void isIgnoredWithItsLineAndTheAuditRunsWithoutIt() throws IOException {
            Path p = sample();
            Files.writeString(p.resolve("tfaudit-baseline.json"), """
                    {
                      "entries": [
                        {"criterion": "US-002.1", "item": "x", "reason": "known"
                      ]
                    }
                    """);

            Run run = audit(p, GO_FILES);

            assertThat(run.err()).contains("tfaudit audit: accepted findings ignored: " + p.resolve("tfaudit-baseline.json")
                    + ":4: not valid JSON: Unexpected close marker ']': expected '}'\n");
            assertThat(run.code()).isZero();
            run.othersPassed(PER_CONNECTOR, 7);
        }
    }

    @Nested
    @DisplayName("a backend whose configuration.latest.json is malformed")
    class MalformedBackendConfiguration {
        @Test
        void isAFindingOfThatConnectorAndTheOthersAreCompared() throws IOException {
            Path p = sample();
            Path backend = Trees.copy(p.resolve("cmd/tfgen/testdata/backend"), dir.resolve("backend"));
            Path mysql = backend.resolve("app/sources/plugins/mysql/configuration.latest.json");
            Files.writeString(mysql, Files.readString(mysql).replaceFirst("\"user_defined\": true", "\"user_defined\": tru"));

            Run run = audit(p, "io.tfaudit.criteria.phase5", "--backend", backend.toString());

            ResultFiles.Result parses = run.results().single("US-015.1");
            assertThat(parses.status()).isEqualTo("failed");
            assertThat(parses.message()).contains("app/sources/plugins/mysql/configuration.latest.json:7: source mysql: not valid JSON: "
                    + "Unrecognized token 'tru'");
            ResultFiles.Result mysqlMappings = run.result("US-016.1", "streamkap_source_mysql");
            assertThat(mysqlMappings.status()).isEqualTo("failed");
            assertThat(mysqlMappings.message()).contains("app/sources/plugins/mysql/configuration.latest.json:7");
            run.othersPassed("US-016.1", 2, "streamkap_source_mysql");
        }
    }

    @Nested
    @DisplayName("an HCL example that does not parse")
    class MalformedHcl {
        @Test
        void isAFindingAtItsLineAndTheOtherExamplesAreChecked() throws IOException {
            Path p = sample();
            Path basic = p.resolve("examples/resources/streamkap_topic/basic.tf");
            Files.writeString(basic, Files.readString(basic) + "\nresource \"streamkap_topic\" \"broken\" {\n  name = \n");

            Run run = audit(p, "io.tfaudit.criteria.phase9.US027VerifyExampleFiles");
            assertThat(run.code()).as("normal findings: below the default gate").isZero();
            ResultFiles.Result parse = run.results().single("US-027.4");
            assertThat(parse.status()).isEqualTo("failed");
            assertThat(parse.message()).contains("examples/resources/streamkap_topic/basic.tf:9: not valid HCL: '=' without a value");
            run.othersPassed("US-027.2", 9, "streamkap_topic");
        }
    }
}
