package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.cli.MainAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distinct secret planted in every kind of file the audit reads, well-formed and malformed
 * (Go, JSON, YAML, HCL, dotenv, cassette, docs, backend configuration, tool output), and the
 * audit run on it from the command line: no output file, and neither standard output nor
 * standard error, holds any of them, nor any part of one beyond the few first characters a
 * redacted value shows ({@code AKIA…(20 chars)}).
 */
class PlantedSecretsTest {

    @TempDir
    Path dir;

    /** Secret → where it is planted. Each is one Secrets recognises (a key, a scheme, or a random-looking token). */
    private final Map<String, String> planted = new LinkedHashMap<>();

    private String plant(String secret, String where) {
        planted.put(secret, where);
        return secret;
    }

    @Test
    void noPlantedSecretReachesAnyOutput() throws IOException {
        Path provider = Trees.sampleCopy(dir.resolve("provider"));
        plantInProvider(provider);
        Path backend = plantInBackend(dir.resolve("backend"));
        Path tiny = plantInToolOutput(dir.resolve("tiny"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        MainAccess.run(new String[] {"audit", "--provider", provider.toString(), "--inventory",
                provider.resolve("inventory.txt").toString(), "--backend", backend.toString(),
                "--results", dir.resolve("out/allure-results").toString(), "--fail-on", "none"}, out, err);
        MainAccess.run(new String[] {"audit", "--provider", tiny.toString(), "--exec", "--select", ToolRunsTest.STORY,
                "--results", dir.resolve("tool-out/allure-results").toString(), "--fail-on", "none"}, out, err);
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);

        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("standard output", stdout);
        outputs.put("standard error", stderr);
        for (Path root : List.of(dir.resolve("out"), dir.resolve("tool-out"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    outputs.put(dir.relativize(f).toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                }
            }
        }
        // The malformed files were read and reported: their errors (which quote them) reached the outputs.
        String all = String.join("\n", outputs.values());
        assertThat(all).contains("internal/helper/leaky_syntax.go", "cmd/tfgen/overrides.json", "docs/guides/leaky.md",
                "configuration.latest.json", "testdata/cassettes/sources/source_leaky.yaml");
        assertThat(outputs.keySet()).as("outputs of both runs").anyMatch(k -> k.endsWith("summary.json"))
                .anyMatch(k -> k.endsWith(".sarif")).anyMatch(k -> k.contains("junit")).anyMatch(k -> k.endsWith("-attachment.txt"));

        List<String> leaks = new ArrayList<>();
        planted.forEach((secret, where) -> outputs.forEach((name, text) -> {
            int at = leak(text, secret);
            if (at >= 0) {
                leaks.add(where + " → " + name + ": …" + text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 40)) + "…");
            }
        }));
        assertThat(planted).hasSizeGreaterThanOrEqualTo(18);
        assertThat(leaks).as(planted.size() + " secrets planted; found in the outputs").isEmpty();
    }

    /**
     * Where the text holds the secret, or any 8 characters of it past the first 4 (the most a
     * redacted form shows); -1 when nowhere.
     */
    static int leak(String text, String secret) {
        String hidden = secret.substring(4);
        for (int i = 0; i + 8 <= hidden.length(); i++) {
            int at = text.indexOf(hidden.substring(i, i + 8));
            if (at >= 0) {
                return at;
            }
        }
        return text.indexOf(secret);
    }

    private void plantInProvider(Path p) throws IOException {
        // Go: two syntax errors quoting what follows, and a well-formed constant.
        Files.writeString(p.resolve("internal/helper/leaky_syntax.go"), "package helper\n\nfunc leaky() {\n\tx := 1 "
                + plant("AKIAPLANTGOSYNTAX001", "Go syntax error (AWS key)") + "\n}\n\nfunc leaky2() {\n\ty := 2 \""
                + plant("Zq7Xr2Lp9Kd4Vm8Tn3Wb6Yc1", "Go syntax error (string literal)") + "\"\n}\n");
        Files.writeString(p.resolve("internal/helper/leaky_const.go"), "package helper\n\n// APIToken is planted.\nconst APIToken = \""
                + plant("gNSWPH8prVqsUeQCtDR3zzX6", "Go constant") + "\"\n");
        // JSON: tfgen overrides and a schema snapshot, not valid; a well-formed snapshot holding a password.
        Files.writeString(p.resolve("cmd/tfgen/overrides.json"), "{\"source_postgresql\": "
                + plant("ghp_ot7UGAoKD1AFfDKZxCKu7SPCzX3ZeF981bmi", "tfgen JSON not valid") + "}\n");
        Path schemas = p.resolve("internal/provider/testdata/schemas");
        Files.createDirectories(schemas);
        Files.writeString(schemas.resolve("source_leaky_schema.json"), "{\"attributes\": {\"password\": \""
                + plant("GRmrCNnFZsGqgh0frrhb", "snapshot JSON not valid") + "\" oops}}\n");
        Files.writeString(schemas.resolve("source_leaky2_schema.json"), "{\"version\": \"1\", \"client_secret\": \""
                + plant("M0gqEzpC3N8FeKjFTrKC", "snapshot JSON well-formed") + "\", \"attributes\": {}}\n");
        // YAML: docs frontmatter that is not valid YAML, a well-formed page with a bearer token.
        Files.createDirectories(p.resolve("docs/guides"));
        Files.writeString(p.resolve("docs/guides/leaky.md"), "---\npage_title: \"leaky\"\npassword: \""
                + plant("b0Tz8BbwTKx8EqwtHmcO", "docs frontmatter not valid YAML") + "\" : [\n---\n\n# Leaky\n");
        Files.writeString(p.resolve("docs/guides/token.md"), "---\npage_title: \"token\"\n---\n\n# Token\n\n"
                + "Authorization: Bearer " + plant("JEZqgygcmtbaLGsH7Zwq", "docs well-formed") + "\n");
        // HCL: a malformed and a well-formed example.
        Path examples = p.resolve("examples/resources/streamkap_source_postgresql");
        Files.writeString(examples.resolve("leaky_broken.tf"), "resource \"streamkap_source_postgresql\" \"leaky\" {\n"
                + "  database_password = \"" + plant("hc9jXmaoq3GqlpnMR6vs", "HCL not valid") + "\n  x = \n");
        Files.writeString(examples.resolve("leaky.tf"), "resource \"streamkap_source_postgresql\" \"leaky2\" {\n"
                + "  database_password = \"" + plant("UW5xcJ6MV8YWkGP1mxFy", "HCL well-formed") + "\"\n}\n");
        // dotenv: a value with '&' (once cut there) and a line that is not KEY=value.
        Files.writeString(p.resolve(".env.example"), "DB_PASSWORD=" + plant("Tr0ub4dor&3-horse-battery", "dotenv value with &")
                + "\nexport STREAMKAP_SECRET " + plant("p9yIJX6uF68NcpP7BEXvfqZg", "dotenv line not valid") + "\n");
        // Cassettes: a well-formed one with a bearer token, one that is not valid YAML.
        Path cassettes = p.resolve("internal/provider/testdata/cassettes/sources");
        Files.writeString(cassettes.resolve("source_mysql.yaml"), Files.readString(cassettes.resolve("source_mysql.yaml"))
                .replaceFirst("(?m)^(\\s+)Content-Type:", "$1Authorization:\n$1    - Bearer "
                        + plant("gqTxIBAiCofjZUljbQ6o", "cassette well-formed") + "\n$1Content-Type:"));
        Files.writeString(cassettes.resolve("source_leaky.yaml"), "---\nversion: 2\ninteractions:\n  - request:\n"
                + "      password: \"" + plant("P3Q0w7MQ0JTcKADr9Eu7", "cassette not valid YAML") + "\" : : [\n");
    }

    private Path plantInBackend(Path b) throws IOException {
        Path pg = b.resolve("app/sources/plugins/postgresql");
        Files.createDirectories(pg);
        Files.writeString(pg.resolve("configuration.latest.json"), "{\"config\": [{\"name\": \"database.password\", \"value\": "
                + plant("gho_9naHVck6pbd4ZRj2SxphvDTwrzqwo72n3wZu", "backend JSON not valid") + "}]}\n");
        Path mysql = b.resolve("app/sources/plugins/mysql");
        Files.createDirectories(mysql);
        Files.writeString(mysql.resolve("configuration.latest.json"), "{\"config\": [{\"name\": \"database.password\", "
                + "\"user_defined\": true, \"encrypt\": true, \"value\": {\"control\": \"password\", \"default\": \""
                + plant("FTHbsfrpsRLPGaJYpUa7", "backend JSON well-formed") + "\"}}]}\n");
        return b;
    }

    /** A provider whose Go test prints secrets and fails: its output is attached to US-009.1. */
    private Path plantInToolOutput(Path root) throws IOException {
        return ToolRunsTest.tinyProvider(root, "", """
                package provider

                import "testing"

                func TestSchemaBackwardsCompatibility(t *testing.T) {
                \tt.Log("login: password=%s")
                \tt.Log("Authorization: Bearer %s")
                \tt.Fatal("token=%s")
                }
                """.formatted(plant("w5h2hzyCsw&U7vbqis9KZ", "tool output with &"), plant("XTt9nHL15Cb5PeCvKyYM", "tool output bearer"),
                plant("BqRW9AmYby3TEpy0HhWo", "tool output failure")));
    }
}
