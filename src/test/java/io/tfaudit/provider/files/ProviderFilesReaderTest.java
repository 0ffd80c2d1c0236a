package io.tfaudit.provider.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider's non-Go files: each parsed with its own format; a malformed one is a problem with a position. */
class ProviderFilesReaderTest {

    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    /**
     * terraform-provider-http's own example: hcl4j evaluated the data source (an HTTP request,
     * or a NoClassDefFoundError that ended the audit). Served on loopback: any request shows.
     */
    @Test
    void aDataSourceInAnExampleIsReadNeverEvaluatedAndNothingIsRequested() throws IOException {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/status";
            write("examples/data-sources/http/data-source.tf", """
                    data "http" "x" {
                      url = "%s"
                    }
                    data "http" "y" { url = "%1$s" }
                    output "s" { value = data.http.x.status_code }
                    locals {
                      f = file("/etc/hostname")
                      u = upper("x")
                    }
                    """.formatted(url));
            ProviderFiles files = ProviderFilesReader.read(dir);
            HclFile f = files.examples().get(0);
            assertThat(f.problem()).isNull();
            assertThat(f.blocks()).extracting(HclFile.Block::kind).containsExactly("data", "data", "output", "locals");
            assertThat(f.blocks()).allSatisfy(b -> assertThat(b.blocks()).isEmpty());
            assertThat(f.blocks().get(0).labels()).containsExactly("http", "x");
            assertThat(f.blocks().get(0).attributes().get("url").text()).isEqualTo("\"" + url + "\"");
            assertThat(f.blocks().get(1).attributes().get("url").text())
                    .as("an attribute of a block written on one line").isEqualTo("\"" + url + "\"");
            assertThat(f.blocks().get(2).attributes().get("value").kind()).isEqualTo(HclFile.ValueKind.EXPRESSION);
            assertThat(f.blocks().get(3).attributes().get("f").text()).isEqualTo("file(\"/etc/hostname\")");
        } finally {
            server.stop(0);
        }
        assertThat(requests).as("requests the example's reading sent").hasValue(0);
    }

    /**
     * An example that is there but cannot be read (chmod 000; simulated, as root reads anything)
     * stays an example, with the reason: the criteria report "permission denied", not "no such file".
     */
    @Test
    void aFileThatCannotBeReadIsKeptWithItsReason() throws IOException {
        write("examples/resources/acme_widget/basic.tf", "resource \"acme_widget\" \"x\" {\n}\n");
        write("cmd/tfgen/overrides.json", "{}");
        io.tfaudit.source.SourceFiles tree = io.tfaudit.source.DirectorySource.of(dir);
        io.tfaudit.source.SourceFiles unreadable = new io.tfaudit.source.SourceFiles() {
            public String label() { return tree.label(); }
            public java.util.Optional<Path> directory() { return tree.directory(); }
            public Listing list() { return tree.list(); }
            public byte[] read(String path) throws IOException {
                throw new java.nio.file.AccessDeniedException(dir.resolve(path).toString());
            }
        };
        ProviderFiles files = ProviderFilesReader.read(unreadable);
        assertThat(files.examples()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("examples/resources/acme_widget/basic.tf");
            assertThat(f.problem().message()).isEqualTo("cannot read: permission denied");
        });
        assertThat(files.tfgenJson().get("overrides.json").problem().message()).isEqualTo("cannot read: permission denied");
    }

    @Test
    void examplesAreReadWithBlocksAttributesLinesAndValueKinds() throws IOException {
        write("examples/resources/acme_widget/basic.tf", """
                resource "acme_widget" "example" {
                  name     = "w1" # a comment
                  port     = 5432
                  enabled  = true
                  tags     = ["a", "b"]
                  labels   = { team = "x" }
                  password = var.widget_password
                  greeting = "hello ${var.who}"

                  timeouts {
                    create = "10m"
                  }
                }
                """);
        ProviderFiles files = ProviderFilesReader.read(dir);
        assertThat(files.problems()).isEmpty();
        HclFile f = files.examples().get(0);
        HclFile.Block w = f.resource("acme_widget").orElseThrow();
        assertThat(w.line()).isEqualTo(1);
        assertThat(w.labels()).containsExactly("acme_widget", "example");
        assertThat(w.attributes()).containsOnlyKeys("name", "port", "enabled", "tags", "labels", "password", "greeting");
        assertThat(w.attributes().get("name").kind()).isEqualTo(HclFile.ValueKind.STRING);
        assertThat(w.attributes().get("name").text()).isEqualTo("\"w1\"");
        assertThat(w.attributes().get("port").kind()).isEqualTo(HclFile.ValueKind.NUMBER);
        assertThat(w.attributes().get("port").line()).isEqualTo(3);
        assertThat(w.attributes().get("enabled").kind()).isEqualTo(HclFile.ValueKind.BOOL);
        assertThat(w.attributes().get("tags").kind()).isEqualTo(HclFile.ValueKind.LIST);
        assertThat(w.attributes().get("labels").kind()).isEqualTo(HclFile.ValueKind.MAP);
        assertThat(w.attributes().get("password").kind()).isEqualTo(HclFile.ValueKind.EXPRESSION);
        assertThat(w.attributes().get("greeting").kind()).isEqualTo(HclFile.ValueKind.EXPRESSION);
        assertThat(w.blocks()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo("timeouts");
            assertThat(b.line()).isEqualTo(10);
            assertThat(b.attributes()).containsOnlyKeys("create");
        });
    }

    @Test
    void malformedFilesAreProblemsWithTheirPlaceAndTheRestIsRead() throws IOException {
        write("examples/resources/acme_widget/basic.tf", "resource \"acme_widget\" \"x\" {\n  name = \"ok\"\n}\n");
        write("examples/resources/acme_broken/basic.tf", "resource \"acme_broken\" \"x\" {\n  name = \n");
        write("docs/resources/widget.md", "---\npage_title: \"w\"\ndescription: |-\n  Manages a widget.\n---\n\n# acme_widget\n\n## Example Usage\n\n```hcl\n# not a heading\n```\n\n## Import\n");
        write("docs/resources/broken.md", "---\npage_title: [unclosed\n---\n# x\n");
        write("internal/provider/testdata/schemas/widget_v1.json", "{\"version\": \"v1\", \"attributes\": {\"name\": {\"required\": true}}}");
        write("internal/provider/testdata/schemas/broken_v1.json", "{\"attributes\": {");
        write("internal/provider/testdata/cassettes/sources/widget.yaml", "version: 2\ninteractions:\n  - id: 0\n  - id: 1\n");
        write("internal/provider/testdata/cassettes/sources/broken.yaml", "interactions: [\n  - : :\n");
        write("cmd/tfgen/overrides.json", "{\"acme\": {\"field\": \"map_string\"}}");
        write("cmd/tfgen/deprecations.json", "{ nope");
        write(".env.example", "# Credentials\nACME_CLIENT_ID=\nexport ACME_SECRET=changeme\n# ACME_OPTIONAL=x\n");

        ProviderFiles files = ProviderFilesReader.read(dir);

        assertThat(files.problems()).extracting(FileProblem::path).containsExactlyInAnyOrder(
                "examples/resources/acme_broken/basic.tf", "docs/resources/broken.md",
                "internal/provider/testdata/schemas/broken_v1.json", "internal/provider/testdata/cassettes/sources/broken.yaml",
                "cmd/tfgen/deprecations.json");
        assertThat(files.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        assertThat(files.problems()).filteredOn(p -> p.path().endsWith("broken.md")).singleElement()
                .satisfies(p -> assertThat(p.line()).isGreaterThan(0));
        assertThat(files.examples()).filteredOn(HclFile::parsed).hasSize(1);

        DocPage page = files.doc("docs/resources/widget.md").orElseThrow();
        assertThat(page.frontmatter()).containsEntry("description", "Manages a widget.");
        assertThat(page.headings()).containsExactly("acme_widget", "Example Usage", "Import");

        assertThat(files.snapshotDirs()).containsExactly("internal/provider/testdata/schemas");
        Snapshot snap = files.snapshots().stream().filter(s -> s.problem() == null).findFirst().orElseThrow();
        assertThat(snap.resourceName()).isEqualTo("widget");
        assertThat(snap.attributes().get("name").required()).isTrue();

        Cassette cassette = files.cassettes().stream().filter(c -> c.problem() == null).findFirst().orElseThrow();
        assertThat(cassette.category()).isEqualTo("sources");
        assertThat(cassette.interactions()).isEqualTo(2);

        assertThat(files.tfgenJson().get("overrides.json").json().path("acme").path("field").asText()).isEqualTo("map_string");
        assertThat(files.envFiles()).singleElement().satisfies(e -> assertThat(e.variables())
                .containsEntry("ACME_CLIENT_ID", 2).containsEntry("ACME_SECRET", 3).containsEntry("ACME_OPTIONAL", 4));
    }

    @Test
    void dataAndEphemeralBlocksAreReadNeverEvaluated() {
        // hcl4j would fetch the URL of a data "http" block (and fails without its HTTP client).
        HclFile f = HclReader.read("examples/data-sources/http/data-source.tf", """
                data "http" "example" {
                  url = "http://127.0.0.1:9/never-fetched"
                }

                ephemeral "tls_private_key" "key" {
                  algorithm = "ED25519"
                }
                """);
        assertThat(f.problem()).isNull();
        assertThat(f.blocks()).extracting(HclFile.Block::kind, HclFile.Block::typeName, HclFile.Block::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("data", "http", 1),
                        org.assertj.core.groups.Tuple.tuple("ephemeral", "tls_private_key", 5));
        assertThat(f.blocks().get(0).attributes()).containsKey("url");
    }
}
