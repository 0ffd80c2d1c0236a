package io.tfaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfaudit.backend.MiniBackend;
import io.tfaudit.criteria.MiniProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The align command: its report as markdown and JSON, and its exit codes. */
class AlignCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAlignedProviderExitsZeroWithItsTable() {
        Path provider = MiniProvider.sound().writeTo(dir.resolve("p"));
        Path backend = MiniBackend.sound().writeTo(dir.resolve("b"));
        assertThat(run("align", "--provider", provider.toString(), "--backend", backend.toString())).as(err.toString()).isZero();
        assertThat(printed()).startsWith("# Backend alignment").contains("- 3 connector resources, 3 compared, 3 aligned",
                "| acme_source_postgresql | postgresql | " + MiniBackend.POSTGRESQL + " | 9/9 (100%) | 0 | 0 | 0 | 0 | 0 | 0 |");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("3 connector resources, 3 aligned");
    }

    @Test
    void differencesExitOneAndAreListedPerConnector() throws Exception {
        Path provider = MiniProvider.sound().writeTo(dir.resolve("p"));
        Path backend = MiniBackend.sound().add(MiniBackend.POSTGRESQL, MiniBackend.string("slot.name"))
                .remove(MiniBackend.SNOWFLAKE, "api.create_schema_auto").without(MiniBackend.FILTER)
                .add(MiniBackend.SNOWFLAKE, MiniBackend.field("secret", true, "{\"control\": \"password\"}"))
                .writeTo(dir.resolve("b"));
        assertThat(run("align", "--provider", provider.toString(), "--backend", backend.toString())).isEqualTo(1);
        assertThat(printed()).contains("## acme_source_postgresql", "- **missing** `slot.name` (" + MiniBackend.POSTGRESQL + ":13)",
                "- **extra** `create_schema_auto` → `api.create_schema_auto` (internal/generated/destination_snowflake.go:",
                "## acme_transform_filter", "Not compared: no backend configuration for connector code filter");

        assertThat(run("align", "--json", "--provider", provider.toString(), "--backend", backend.toString())).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(printed());
        assertThat(json.path("aligned").asBoolean()).isFalse();
        JsonNode pg = json.path("connectors").get(1);
        assertThat(pg.path("resource").asText()).isEqualTo("acme_source_postgresql");
        assertThat(pg.path("coverage_percent").asInt()).isEqualTo(90);
        assertThat(pg.path("missing").get(0).path("api_key").asText()).isEqualTo("slot.name");
        assertThat(json.path("connectors").get(2).path("compared").asBoolean()).isFalse();
    }

    @Test
    void badArgumentsExitTwo() throws Exception {
        Path provider = MiniProvider.sound().writeTo(dir.resolve("p"));
        assertThat(run("align", "--provider", provider.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--backend is required", "usage: java -jar tfaudit.jar align");
        assertThat(run("align", "--provider", provider.toString(), "--backend", dir.resolve("none").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such directory");
        assertThat(run("align", "--provider", provider.toString(), "--backend")).isEqualTo(2);
        assertThat(run("align", "--verbose")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --verbose");
        Path empty = dir.resolve("empty");
        java.nio.file.Files.createDirectories(empty);
        assertThat(run("align", "--provider", empty.toString(), "--backend", empty.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not look like a Terraform provider");
    }
}
