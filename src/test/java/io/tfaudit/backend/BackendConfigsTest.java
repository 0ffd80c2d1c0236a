package io.tfaudit.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.provider.Category;
import io.tfaudit.provider.files.FileProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the backend's configuration.latest.json files: the model, and problems with their lines instead of exceptions. */
class BackendConfigsTest {

    static final Path SAMPLE_BACKEND = Path.of("src/main/resources/sample-provider/cmd/tfgen/testdata/backend");

    @TempDir
    Path dir;

    @Test
    void readsTheSampleBackend() {
        BackendConfigs b = BackendConfigs.read(SAMPLE_BACKEND);
        assertThat(b.allProblems()).isEmpty();
        assertThat(b.connectors()).extracting(c -> c.category().label() + " " + c.code()).containsExactly(
                "source mysql", "source postgresql", "source webhook", "destination s3", "destination snowflake",
                "transform map_filter", "transform rollup");
        BackendConnector pg = b.connector(Category.SOURCE, "postgresql").orElseThrow();
        assertThat(pg.file()).isEqualTo("app/sources/plugins/postgresql/configuration.latest.json");
        assertThat(pg.displayName()).isEqualTo("PostgreSQL");
        assertThat(pg.fields()).hasSize(26);
        assertThat(pg.userDefinedFields()).hasSize(24);

        BackendField host = pg.fields().get(0);
        assertThat(host.name()).isEqualTo("database.hostname.user.defined");
        assertThat(host.line()).isEqualTo(4);
        assertThat(pg.where(host)).isEqualTo("app/sources/plugins/postgresql/configuration.latest.json:4");
        assertThat(host.required()).isTrue();
        BackendField resolved = pg.field("database.hostname").orElseThrow();
        assertThat(resolved.userDefined()).isFalse();
        assertThat(resolved.dynamic()).isTrue();
        assertThat(resolved.functionName()).isEqualTo("resolve_tunnel_host");
        assertThat(pg.field("database.password").orElseThrow().sensitive()).isTrue();
        assertThat(pg.field("database.port.user.defined").orElseThrow().defaultValue()).isEqualTo("5432");
        BackendField ssl = pg.field("database.sslmode").orElseThrow();
        assertThat(ssl.control()).isEqualTo("one-select");
        assertThat(ssl.rawValues()).containsExactly("disable", "require", "verify-ca", "verify-full");
        BackendField slider = pg.field("snapshot.parallelism").orElseThrow();
        assertThat(List.of(slider.min(), slider.max(), slider.step())).containsExactly(1.0, 8.0, 1.0);
        assertThat(slider.defaultValue()).isEqualTo(2L);
        assertThat(pg.field("heartbeat.enabled").orElseThrow().defaultValue()).isEqualTo(false);
        assertThat(pg.field("slot.name").orElseThrow().setOnce()).isTrue();
        assertThat(pg.field("ssh.host").orElseThrow().conditions())
                .containsExactly(new BackendField.Condition("EQ", "ssh.enabled", true));
    }

    @Test
    void selectOptionsAreStringsAsTfgenWritesThem() {
        BackendConnector c = parse("""
                {"config": [
                  {"name": "a", "user_defined": true, "value": {"control": "one-select",
                   "raw_values": [" x ", true, 1, 1.5, {"value": "array", "label": "Native array"}, {"value": false}]}}
                ]}""");
        assertThat(c.fieldProblems()).isEmpty();
        assertThat(c.fields().get(0).rawValues()).containsExactly("x", "true", "1", "1.5", "array", "false");
    }

    @Test
    void invalidJsonIsAProblemAtItsLine() {
        BackendConnector c = parse("{\n  \"config\": [\n    {\"name\": \"a\",}\n  ]\n}\n");
        assertThat(c.isReadable()).isFalse();
        assertThat(c.fields()).isEmpty();
        assertThat(c.fileProblem().line()).isEqualTo(3);
        assertThat(c.fileProblem().message()).startsWith("not valid JSON: ");
    }

    @Test
    void theFileMustBeOneObjectWithAConfigArray() {
        assertThat(parse("[]").fileProblem().message()).isEqualTo("expected a JSON object, found an array");
        assertThat(parse("{\"display_name\": \"X\"}").fileProblem().message()).isEqualTo("expected a \"config\" array of fields, found none");
        assertThat(parse("{\"config\": {}}").fileProblem().message()).isEqualTo("\"config\": expected an array of fields, found an object");
        assertThat(parse("{\"config\": []}\n{}").fileProblem()).isEqualTo(new FileProblem("f.json", 2,
                "unexpected content after the top-level object"));
        assertThat(parse("").fileProblem().message()).isEqualTo("expected a JSON object, found nothing");
    }

    @Test
    void entriesGoWouldRejectAreProblemsAndTheOtherFieldsAreKept() {
        BackendConnector c = parse("""
                {"config": [
                  {"name": "ok", "user_defined": true, "value": {"control": "string"}},
                  {"name": "bad", "user_defined": "true", "required": 1, "value": {"control": 3, "min": "1", "raw_values": "a"}},
                  "text",
                  {"user_defined": true, "value": {"control": "string"}},
                  {"name": "sel", "value": {"raw_values": [{"label": "no value"}]}, "conditions": [1]},
                  {"name": "ok", "user_defined": true}
                ]}""");
        assertThat(c.isReadable()).isTrue();
        assertThat(c.fields()).extracting(BackendField::name).containsExactly("ok", "bad", "", "sel", "ok");
        assertThat(c.fieldProblems()).extracting(FileProblem::toString).containsExactly(
                "f.json:3: field bad: \"user_defined\": expected a boolean, found a string (\"true\") (Go's encoding/json rejects it)",
                "f.json:3: field bad: \"required\": expected a boolean, found a number (1) (Go's encoding/json rejects it)",
                "f.json:3: field bad: value: \"control\": expected a string, found a number (3) (Go's encoding/json rejects it)",
                "f.json:3: field bad: \"min\": expected a number, found a string (\"1\") (Go's encoding/json rejects it)",
                "f.json:3: field bad: \"raw_values\": expected an array, found a string (\"a\") (Go's encoding/json rejects it)",
                "f.json:4: config entry: expected an object, found a string (\"text\")",
                "f.json:5: config entry without a \"name\" (its API key)",
                "f.json:6: field sel: raw_values entry {\"label\":\"no value\"}: expected a string, number, boolean or an object "
                        + "with a \"value\", found no \"value\"",
                "f.json:6: field sel: condition: expected an object, found a number (1)",
                "f.json:7: field ok is declared more than once");
        assertThat(c.field("ok").orElseThrow().line()).isEqualTo(2);
    }

    @Test
    void aMissingOrEmptyTreeIsAProblemNotAnException() throws Exception {
        BackendConfigs missing = BackendConfigs.read(dir.resolve("absent"));
        assertThat(missing.connectors()).isEmpty();
        assertThat(missing.problems()).extracting(FileProblem::message).containsExactly("no such directory");
        BackendConfigs empty = BackendConfigs.read(dir);
        assertThat(empty.problems()).extracting(FileProblem::message).singleElement().asString()
                .startsWith("expected connector configurations at app/{sources,destinations,transforms}/plugins/<code>/");

        Path file = dir.resolve("app/transforms/plugins/x/configuration.latest.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "\uFEFF{\"config\": [{\"name\": \"a\", \"user_defined\": true}]}");
        Files.createDirectories(dir.resolve("app/transforms/plugins/no_config_here"));
        BackendConfigs one = BackendConfigs.read(dir);
        assertThat(one.allProblems()).isEmpty();
        assertThat(one.connectors()).singleElement().satisfies(c -> {
            assertThat(c.category()).isEqualTo(Category.TRANSFORM);
            assertThat(c.code()).isEqualTo("x");
            assertThat(c.userDefinedFields()).hasSize(1);
        });
    }

    private static BackendConnector parse(String text) {
        return BackendConfigs.parse(Category.SOURCE, "x", "f.json", text);
    }
}
