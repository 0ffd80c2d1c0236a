package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.cli.MainAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit writes nothing into the audited tree: every file and directory (the git
 * repository's too) has the same content and modification time after a whole audit as
 * before, with consent to run tools as well as without.
 */
class NoWritesTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private void audit(Path provider, String... options) {
        // The PRD plan, whose tool runs (go build, go test) are what must write nothing.
        List<String> args = new ArrayList<>(List.of("audit", "--plan", "prd", "--provider", provider.toString(), "--results",
                dir.resolve("out/allure-results").toString(), "--fail-on", "none"));
        args.addAll(List.of(options));
        int code = MainAccess.run(args.toArray(String[]::new), printed);
        String shown = printed.toString(StandardCharsets.UTF_8);
        assertThat(code).as(shown).isZero();
        assertThat(shown).containsPattern("(?m)^[1-9]\\d* passed, \\d+ failed, [1-9]\\d* skipped$");
    }

    /**
     * The sample provider as a git checkout whose tag v2.1.18 is the baseline read from git,
     * audited whole with the backend, without consent and then with it (go build, go test
     * and go generate in a temporary copy are tried; they fail here for want of the
     * framework's modules, which changes nothing to what is checked).
     */
    @Test
    void aWholeAuditOfAGitCheckoutWithTheBackendWithAndWithoutConsent() throws Exception {
        Path provider = Trees.sampleCopy(dir.resolve("provider"));
        try (Git git = Git.init().setDirectory(provider.toFile()).setInitialBranch("develop").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("tfaudit test", "test@example.com");
            git.commit().setMessage("sample").setAuthor(who).setCommitter(who).setSign(false).call();
            git.tag().setName("v2.1.18").setAnnotated(false).call();
        }
        Path backend = Trees.copy(provider.resolve("cmd/tfgen/testdata/backend"), dir.resolve("backend"));
        Map<String, String> before = Trees.snapshot(provider);

        audit(provider, "--inventory", provider.resolve("inventory.txt").toString(), "--backend", backend.toString());
        assertThat(Trees.changes(before, Trees.snapshot(provider))).as("changes after an audit without consent").isEmpty();

        audit(provider, "--inventory", provider.resolve("inventory.txt").toString(), "--backend", backend.toString(), "--exec");
        assertThat(Trees.changes(before, Trees.snapshot(provider))).as("changes after an audit with --exec").isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("the baseline was read from git").doesNotContain("no baseline");
    }

    /**
     * A provider that is one main package, built for real: {@code go build ./...} alone
     * would write its executable into the tree.
     */
    @Test
    void aBuildOfAModuleThatIsOneMainPackage() throws Exception {
        Assumptions.assumeTrue(ToolRunsTest.goWorks(), "needs the go command on PATH (CI installs Debian's golang-go)");
        Path provider = Files.createDirectories(dir.resolve("oneprovider"));
        Files.writeString(provider.resolve("go.mod"), "module example.com/oneprovider\n\ngo 1.19\n");
        Files.writeString(provider.resolve("main.go"), """
                package main

                import "context"

                // MetadataResponse stands in for the framework's: this module needs nothing but Go.
                type MetadataResponse struct{ TypeName string }

                type oneProvider struct{}

                func (p *oneProvider) Metadata(_ context.Context, _ any, resp *MetadataResponse) { resp.TypeName = "one" }

                func (p *oneProvider) Resources(_ context.Context) []func() any { return []func() any{NewGadget} }

                type gadget struct{}

                // NewGadget makes the provider's one resource.
                func NewGadget() any { return &gadget{} }

                func (g *gadget) Metadata(_ context.Context, _ any, resp *MetadataResponse) { resp.TypeName = "one_gadget" }

                func main() {}
                """);
        Map<String, String> before = Trees.snapshot(provider);

        audit(provider, "--exec");

        assertThat(Trees.changes(before, Trees.snapshot(provider))).as("changes after an audit with --exec").isEmpty();
        ResultFiles results = ResultFiles.read(dir.resolve("out/allure-results"));
        assertThat(results.single(ToolRunsTest.TYPECHECK).status()).as("go build ran and passed").isEqualTo("passed");
    }
}
