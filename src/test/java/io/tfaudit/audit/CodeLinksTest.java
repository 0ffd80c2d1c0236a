package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finding's file:line opens the provider's repository at the audited commit on known hosts, else a relative path. */
class CodeLinksTest {

    @TempDir
    Path dir;

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void knownHostsOpenTheFileAtTheCommitAndLine() {
        assertThat(CodeLinks.forRemote("git@github.com:acme/terraform-provider-x.git", COMMIT).of("internal/api/client.go:42"))
                .contains("https://github.com/acme/terraform-provider-x/blob/" + COMMIT + "/internal/api/client.go#L42");
        assertThat(CodeLinks.forRemote("https://github.com/acme/terraform-provider-x", COMMIT).of("docs/index.md"))
                .contains("https://github.com/acme/terraform-provider-x/blob/" + COMMIT + "/docs/index.md");
        assertThat(CodeLinks.forRemote("https://gitlab.com/group/sub/provider.git", COMMIT).of("main.go:3"))
                .contains("https://gitlab.com/group/sub/provider/-/blob/" + COMMIT + "/main.go#L3");
        assertThat(CodeLinks.forRemote("ssh://git@bitbucket.org/team/provider.git", COMMIT).of("main.go:3"))
                .contains("https://bitbucket.org/team/provider/src/" + COMMIT + "/main.go#lines-3");
    }

    @Test
    void otherwiseARelativePathAndNothingForPlacesThatAreNotFiles() {
        assertThat(CodeLinks.forRemote("https://git.example.internal/acme/provider.git", COMMIT).of("internal/x.go:9")).contains("internal/x.go");
        assertThat(CodeLinks.forRemote(null, null).of("internal/x.go:9")).contains("internal/x.go");
        assertThat(CodeLinks.relative().of("streamkap_source_x")).isEmpty();
        assertThat(CodeLinks.relative().of("US-009.2 streamkap_x")).isEmpty();
        assertThat(CodeLinks.relative().of("/etc/passwd:1")).as("absolute: outside the checkout").isEmpty();
    }

    @Test
    void readsTheOriginAndHeadOfTheCheckout() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            Files.writeString(dir.resolve("main.go"), "package main\n");
            git.add().addFilepattern("main.go").call();
            String head = git.commit().setMessage("first").setAuthor("a", "a@example.com").setCommitter("a", "a@example.com")
                    .setSign(false).call().getName();
            var config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", "git@github.com:acme/provider.git");
            config.save();
            assertThat(CodeLinks.of(dir).of("main.go:1")).contains("https://github.com/acme/provider/blob/" + head + "/main.go#L1");
        }
        assertThat(CodeLinks.of(dir.resolve("not-a-checkout")).of("main.go:1")).contains("main.go");
    }

    @Test
    void aFileNotAtTheCommitLinksToItsNearestFolderThatIs() {
        CodeLinks links = CodeLinks.forRemote("https://github.com/acme/p", COMMIT,
                java.util.Set.of("docs/", "docs/index.md", "internal/", "internal/api/", "internal/api/client.go"));
        assertThat(links.of("internal/api/client.go:42")).contains("https://github.com/acme/p/blob/" + COMMIT + "/internal/api/client.go#L42");
        assertThat(links.of("docs/TESTING.md")).contains("https://github.com/acme/p/tree/" + COMMIT + "/docs");
        assertThat(links.of("docs/audits/report.md")).contains("https://github.com/acme/p/tree/" + COMMIT + "/docs");
        assertThat(links.of(".env.example")).contains("https://github.com/acme/p/tree/" + COMMIT + "/");
    }

    @Test
    void anOddFileNameIsPercentEncodedSoThatItsHashOrSpaceStaysInThePath() {
        CodeLinks links = CodeLinks.forRemote("https://github.com/acme/p", COMMIT);
        assertThat(links.of("docs/a #1%.md:7")).contains("https://github.com/acme/p/blob/" + COMMIT + "/docs/a%20%231%25.md#L7");
        assertThat(links.of("with space.go:3")).contains("https://github.com/acme/p/blob/" + COMMIT + "/with%20space.go#L3");
        assertThat(links.of("docs/new\nline.md")).contains("https://github.com/acme/p/blob/" + COMMIT + "/docs/new%0Aline.md");
        assertThat(CodeLinks.relative().of("docs/ünï.md:1")).contains("docs/%C3%BCn%C3%AF.md");
    }
}
