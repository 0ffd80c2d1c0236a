package io.tfaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit command: its closing line and exit codes, and its messages on bad input. */
class AuditCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void auditsTheEmbeddedSampleWhenNoProviderIsGiven() {
        int code = run("audit", "--results", dir.resolve("results").toString(), "--select",
                "io.tfaudit.criteria.phase1.US002VerifyLayerSeparation");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err).isZero();
        assertThat(printed).containsPattern("(?m)^\\d+ passed, 0 failed, \\d+ skipped$").contains("tfaudit-sample-provider");
        assertThat(dir.resolve("results")).isDirectoryContaining(p -> p.toString().endsWith("-result.json"));
    }

    @Test
    void exitsOneWhenACriterionFails() throws Exception {
        Path provider = dir.resolve("p");
        Files.createDirectories(provider.resolve("internal/provider"));
        Files.writeString(provider.resolve("go.mod"), "module example.com/x\n");
        Files.writeString(provider.resolve("internal/provider/provider.go"), """
                package provider

                import "context"

                type p struct{}

                func (x *p) Metadata(_ context.Context, _ any, resp *struct{ TypeName string }) { resp.TypeName = "x" }

                func (x *p) Resources(_ context.Context) []func() any { return nil }
                """);
        int code = run("audit", "--provider", provider.toString(), "--results", dir.resolve("r").toString(),
                "--select", "io.tfaudit.criteria.phase1.US002VerifyLayerSeparation");
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^\\d+ passed, [1-9]\\d* failed, \\d+ skipped$");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("FAILED ");
    }

    @Test
    void badInputIsAClearMessageAndExitTwo() throws Exception {
        assertThat(run("audit", "--provider", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such directory").doesNotContain("Exception");
        err.reset();
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        assertThat(run("audit", "--provider", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a directory");
        err.reset();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run("audit", "--provider", empty.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a Terraform provider tfaudit can read");
        err.reset();
        assertThat(run("audit", "--select", "io.tfaudit.criteria.phase9.US999Nothing")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such criteria class");
        err.reset();
        assertThat(run("audit", "--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --bogus");
    }
}
