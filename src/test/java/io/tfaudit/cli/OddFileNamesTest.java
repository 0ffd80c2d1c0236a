package io.tfaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfaudit.criteria.SampleFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files whose names hold a space, '#', '%', unicode, a newline, quotes, a backtick or a
 * leading dash, audited end to end: no crash, and every output names them so that they are
 * found again (SARIF URIs, links) or read on one line (issue drafts, the report).
 */
class OddFileNamesTest {

    @TempDir
    Path dir;

    /** Documentation pages that fail "No TODOs or placeholders in documentation" (US-030.3) at line 6. */
    private static final List<String> PAGES = List.of("docs/guides/with space.md", "docs/guides/hash#1.md",
            "docs/guides/pct%41.md", "docs/guides/ünï cødé.md", "docs/guides/new\nline.md", "docs/guides/quo\"te'.md",
            "docs/guides/-dash.md", "docs/guides/back`tick.md");
    /** Go files that do not parse, at line 3: one in a folder, two at the top of the tree. */
    private static final List<String> GO_FILES = List.of("internal/helper/odd #%ü name.go", "with space.go", "#top.go");

    @Test
    void everyOutputNamesTheFileSoThatItIsFoundAgain() throws Exception {
        SampleFixture fixture = SampleFixture.copyTo(dir.resolve("p"));
        PAGES.forEach(p -> fixture.write(p, "---\npage_title: guide\n---\n# Guide\n\nTODO: write this.\n"));
        GO_FILES.forEach(p -> fixture.write(p, (p.contains("/") ? "package helper" : "package main") + "\n\nfunc broken( {\n"));
        Path provider = fixture.root();
        Path results = dir.resolve("r/allure-results");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"audit", "--provider", provider.toString(), "--inventory",
                provider.resolve("inventory.txt").toString(), "--results", results.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isEqualTo(1);

        // SARIF: a valid relative URI reference for each, resolving to the file.
        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("r/tfaudit-results/tfaudit.sarif").toFile());
        List<String> uris = new ArrayList<>();
        sarif.path("runs").get(0).path("results").forEach(r -> r.path("locations").forEach(l ->
                uris.add(l.path("physicalLocation").path("artifactLocation").path("uri").asText())));
        URI root = provider.toUri();
        List<Path> located = new ArrayList<>();
        for (String u : uris) {
            URI uri = new URI(u);
            assertThat(uri.isAbsolute()).as(u).isFalse();
            assertThat(uri.getRawFragment()).as(u).isNull();
            assertThat(uri.getRawQuery()).as(u).isNull();
            assertThat(u).as("only unreserved characters, '/' and escapes").matches("[A-Za-z0-9._~/%-]+");
            located.add(Path.of(root.resolve(uri)));
        }
        for (String name : Stream.concat(PAGES.stream(), GO_FILES.stream()).toList()) {
            assertThat(located).as(name + " in " + uris).contains(provider.resolve(name));
            assertThat(provider.resolve(name)).isRegularFile();
        }

        // Links of the Allure results (relative: the sample is no git checkout) resolve to the file too.
        List<Path> linked = new ArrayList<>();
        try (var files = Files.newDirectoryStream(results, "*-result.json")) {
            for (Path f : files) {
                for (JsonNode l : new ObjectMapper().readTree(f.toFile()).path("links")) {
                    URI uri = new URI(l.path("url").asText());
                    if (!uri.isAbsolute()) {
                        linked.add(Path.of(root.resolve(uri)));
                    }
                }
            }
        }
        for (String name : Stream.concat(PAGES.stream(), GO_FILES.stream()).toList()) {
            assertThat(linked).as(name).contains(provider.resolve(name));
        }

        // Issue drafts and the report: each finding on its line, its place whole (a newline shown as \n).
        String drafts;
        try (var files = Files.list(dir.resolve("r/tfaudit-results/issues"))) {
            StringBuilder sb = new StringBuilder();
            for (Path f : files.toList()) {
                sb.append(Files.readString(f));
            }
            drafts = sb.toString();
        }
        String report = Files.readString(dir.resolve("r/tfaudit-results/comprehensive-audit-report.md"));
        for (String text : List.of(drafts, report)) {
            assertThat(text).contains("`docs/guides/new\\nline.md:6`", "`docs/guides/with space.md:6`", "`docs/guides/hash#1.md:6`",
                    "`docs/guides/ünï cødé.md:6`", "`docs/guides/quo\"te'.md:6`", "`docs/guides/-dash.md:6`",
                    "`` docs/guides/back`tick.md:6 ``", "`with space.go:3`", "`#top.go:3`", "`internal/helper/odd #%ü name.go:3`");
            assertThat(text.lines().filter(l -> l.contains("docs/guides/new"))).allMatch(l -> l.contains("new\\nline.md:6"));
            assertThat(text).doesNotContain("docs/guides/new\nline");
        }
    }
}
