package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs on the same tree give the same results, in the same order, with the same evidence. */
class DeterminismTest {

    @TempDir
    Path dir;

    @Test
    void twoRunsOfTheSameTreeAgreeApartFromTimes() throws Exception {
        Path sample = SampleProvider.directory();
        List<String> first = run(copy(sample, dir.resolve("a")), dir.resolve("ra"));
        List<String> second = run(copy(sample, dir.resolve("b")), dir.resolve("rb"));
        assertThat(first).hasSizeGreaterThan(50);
        assertThat(second).containsExactlyElementsOf(first);
    }

    /** Each result as name | status | labels that matter | message | attachments' count, sorted. */
    private static List<String> run(Path provider, Path results) throws Exception {
        Method run = Class.forName("io.tfaudit.cli.Main").getDeclaredMethod("run", String[].class, PrintStream.class, PrintStream.class);
        run.setAccessible(true);
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        run.invoke(null, new String[] {"audit", "--provider", provider.toString(), "--results", results.toString(), "--fail-on", "none"},
                sink, sink);
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JsonNode n = json.readTree(f.toFile());
                StringBuilder sb = new StringBuilder(n.path("name").asText()).append(" | ").append(n.path("status").asText());
                for (JsonNode l : n.path("labels")) {
                    String name = l.path("name").asText();
                    if (!name.equals("host") && !name.equals("thread")) {
                        sb.append(" | ").append(name).append('=').append(l.path("value").asText());
                    }
                }
                sb.append(" | ").append(n.path("statusDetails").path("message").asText().replace(provider.toString(), "<provider>"));
                sb.append(" | attachments=").append(n.path("attachments").size());
                out.add(sb.toString());
            }
        }
        out.sort(null);
        return out;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
