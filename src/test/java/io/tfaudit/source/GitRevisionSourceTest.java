package io.tfaudit.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.ProviderReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline revision is read from git's objects, whatever the work tree holds now. */
class GitRevisionSourceTest {

    @TempDir
    Path repo;

    private static final String PROVIDER = """
            package main

            import (
            \t"context"

            \t"github.com/hashicorp/terraform-plugin-framework/provider"
            \t"github.com/hashicorp/terraform-plugin-framework/resource"
            \t"github.com/hashicorp/terraform-plugin-framework/resource/schema"
            )

            type p struct{}

            func (x *p) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
            \tresp.TypeName = "acme"
            }

            func (x *p) Resources(_ context.Context) []func() resource.Resource {
            \treturn []func() resource.Resource{NewThing}
            }

            type thing struct{}

            func NewThing() resource.Resource { return &thing{} }

            func (t *thing) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
            \tresp.TypeName = req.ProviderTypeName + "_thing"
            }

            func (t *thing) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
            \tresp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
            \t\t%s
            \t}}
            }
            """;

    @Test
    void readsATagWithoutTouchingTheWorkTree() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            Files.writeString(repo.resolve("go.mod"), "module example.com/acme\n");
            Files.writeString(repo.resolve("main.go"), PROVIDER.formatted("\"port\": schema.Int64Attribute{Optional: true},"));
            git.add().addFilepattern(".").call();
            git.commit().setMessage("v1").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
            git.tag().setName("v1.0.0").call();
        }
        Files.writeString(repo.resolve("main.go"), PROVIDER.formatted("\"port\": schema.Int64Attribute{Required: true},"));

        try (GitRevisionSource baseline = GitRevisionSource.open(repo, "v1.0.0")) {
            assertThat(baseline.list().paths()).containsExactly("go.mod", "main.go");
            assertThat(new String(baseline.read("main.go"), StandardCharsets.UTF_8)).contains("Optional: true");
            ProviderModel old = ProviderReader.read(baseline);
            assertThat(old.resource("acme_thing").orElseThrow().schema().attributes().get("port").optional()).isTrue();
            assertThat(baseline.label()).startsWith("v1.0.0 of ");
            assertThat(baseline.commit()).hasSize(40);
        }
        ProviderModel now = ProviderReader.read(repo);
        assertThat(now.resource("acme_thing").orElseThrow().schema().attributes().get("port").required()).isTrue();
        assertThat(Files.readString(repo.resolve("main.go"))).contains("Required: true");
    }

    @Test
    void aMissingRevisionOrRepositoryIsAClearError(@TempDir Path notARepo) throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            Files.writeString(repo.resolve("a.txt"), "x");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        assertThatThrownBy(() -> GitRevisionSource.open(repo, "v9.9.9"))
                .isInstanceOf(IOException.class).hasMessageContaining("no revision 'v9.9.9'");
        assertThatThrownBy(() -> GitRevisionSource.open(notARepo, "main"))
                .isInstanceOf(IOException.class).hasMessageContaining("is not a git repository");
    }
}
