package io.tfaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static final String ONE_STORY = "io.tfaudit.criteria.phase1.US002VerifyLayerSeparation";

    /** An audit of the embedded sample, in a JVM of its own (relaunched tuned, as from the command line), leaves no temporary folder. */
    @Test
    void theEmbeddedSampleLeavesNothingInTheTemporaryFolder() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "audit", "--results",
                dir.resolve("results").toString(), "--select", ONE_STORY).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor()).as(Files.readString(dir.resolve("out.txt"))).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("tfaudit-sample-provider");
        try (var left = Files.list(tmp)) {
            assertThat(left.map(f -> f.getFileName().toString()).toList()).as("left in " + tmp).isEmpty();
        }
    }

    /** Two audits on one results folder would mix their results: the second is refused while the first holds it. */
    @Test
    void aSecondAuditOnAResultsFolderInUseIsRefused() throws Exception {
        Path results = dir.resolve("shared/allure-results");
        Files.createDirectories(results.getParent());
        Path lockFile = ResultsFolder.lockFile(results);
        try (var other = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE); var held = other.lock()) {
            other.write(java.nio.ByteBuffer.wrap("4242".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("audit", "--results", results.toString(), "--select", ONE_STORY)).isEqualTo(Main.BAD_USAGE);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("another audit is writing to " + results + " (process 4242): wait "
                + "for it to end, or give another --results folder");
        assertThat(results).doesNotExist();
        assertThat(run("audit", "--results", results.toString(), "--select", ONE_STORY)).as("once it is free").isZero();
    }

    @Test
    void aSelectionThatRunsNoCriterionIsExitTwo() {
        int code = run("audit", "--results", dir.resolve("results").toString(), "--select", "io.tfaudit.criteria.phase33");
        assertThat(code).isEqualTo(Main.BAD_USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 passed, 0 failed, 0 skipped");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no criterion ran: --select io.tfaudit.criteria.phase33 selects none");
    }

    @Test
    void aSecondRunClearsWhatTheFirstWroteAndNothingElse() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("notes.txt"), "the user's own\n");
        Files.writeString(results.resolve("my-attachment-copy.txt"), "also the user's\n");
        assertThat(run("audit", "--results", results.toString(), "--select", ONE_STORY)).as(err.toString()).isZero();
        long first = Files.list(results).filter(f -> f.toString().endsWith("-result.json")).count();
        assertThat(run("audit", "--results", results.toString(), "--select", ONE_STORY)).as(err.toString()).isZero();
        assertThat(Files.list(results).filter(f -> f.toString().endsWith("-result.json")).count()).as("this run's only").isEqualTo(first);
        assertThat(results.resolve("notes.txt")).hasContent("the user's own");
        assertThat(results.resolve("my-attachment-copy.txt")).hasContent("also the user's");
        assertThat(results.resolve(ResultsFolder.MARKER)).exists();
    }

    @Test
    void aFolderHoldingResultsTfauditDidNotWriteIsRefusedAndKept() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Path foreign = Files.writeString(results.resolve("0a1b-result.json"), "{}");
        assertThat(run("audit", "--results", results.toString(), "--select", ONE_STORY)).isEqualTo(Main.BAD_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(results + " holds Allure results that tfaudit did not write (1, e.g. "
                + "0a1b-result.json)");
        assertThat(foreign).hasContent("{}");
    }

    @Test
    void aResultsFolderInsideTheAuditedCheckoutIsRefusedAndNothingIsWrittenThere() throws Exception {
        Path provider = io.tfaudit.audit.Trees.sampleCopy(dir.resolve("provider"));
        Files.writeString(provider.resolve("internal/helper/x-result.json"), "{\"committed\": true}\n");
        var before = io.tfaudit.audit.Trees.snapshot(provider);
        for (String results : List.of("allure-results", "internal/helper", ".")) {
            err.reset();
            assertThat(run("audit", "--provider", provider.toString(), "--inventory", provider.resolve("inventory.txt").toString(),
                    "--results", provider.resolve(results).toString(), "--select", ONE_STORY)).isEqualTo(Main.BAD_USAGE);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("is inside the audited checkout " + provider);
        }
        assertThat(io.tfaudit.audit.Trees.changes(before, io.tfaudit.audit.Trees.snapshot(provider))).isEmpty();
    }

    /** A provider that registers no resource: phase 1's criteria fail on it, some with files named. */
    private Path providerWithoutResources() throws Exception {
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
        return provider;
    }

    @Test
    void exitsOneWhenACriterionFails() throws Exception {
        int code = run("audit", "--provider", providerWithoutResources().toString(), "--results", dir.resolve("r").toString(),
                "--select", "io.tfaudit.criteria.phase1.US002VerifyLayerSeparation");
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^\\d+ passed, [1-9]\\d* failed, \\d+ skipped$");
        // Failed results one by one only when asked for.
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("FAILED ");
        err.reset();
        assertThat(run("audit", "--provider", providerWithoutResources().toString(), "--results", dir.resolve("r").toString(),
                "--select", "io.tfaudit.criteria.phase1.US002VerifyLayerSeparation", "--verbose")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("FAILED ");
    }

    @Test
    void writesJUnitXmlWithTheRunsCountsAndEvidenceBesideTheResults() throws Exception {
        int code = run("audit", "--provider", providerWithoutResources().toString(), "--results",
                dir.resolve("run/allure-results").toString(), "--select", "io.tfaudit.criteria.phase1");

        assertThat(code).isEqualTo(1);
        java.util.regex.Matcher counts = java.util.regex.Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed, (\\d+) skipped$")
                .matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(counts.find()).isTrue();
        int passed = Integer.parseInt(counts.group(1));
        int failed = Integer.parseInt(counts.group(2));
        int skipped = Integer.parseInt(counts.group(3));
        assertThat(failed).isPositive();
        assertThat(skipped).isPositive();
        Path xml = dir.resolve("run/tfaudit-results/junit/TEST-junit-jupiter.xml");
        assertThat(xml).isRegularFile();
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        org.w3c.dom.Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(passed + failed + skipped);
        assertThat(Integer.parseInt(suite.getAttribute("failures"))).isEqualTo(failed);
        assertThat(Integer.parseInt(suite.getAttribute("skipped"))).isEqualTo(skipped);
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(passed + failed + skipped);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(failed);
        // The failure carries the criterion's evidence, as the report does.
        assertThat(Files.readString(xml)).contains("internal/resource/connector/base.go: expected the shared base resource here");
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
        assertThat(run("audit", "--results", dir.resolve("r-select").toString(), "--select", "io.tfaudit.criteria.phase9.US999Nothing"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such criteria class");
        err.reset();
        assertThat(run("audit", "--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --bogus");
    }
    @Test
    void secretsPlantedInTheAuditedTreeNeverReachAnyOutputFile() throws Exception {
        String password = "Vb7#qLz3Nw8Tk2Rm";
        String dotenvSecret = "sk_9Hq4Zt7Lm2Wv8Rp3Xc6Bn1";
        Path provider = dir.resolve("leaky");
        io.tfaudit.audit.Trees.sampleCopy(provider);
        Path cassette = provider.resolve("internal/provider/testdata/cassettes/destinations/destination_snowflake.yaml");
        Files.writeString(cassette, Files.readString(cassette)
                .replaceFirst("\"snowflake.private.key\":\"REDACTED\"", "\"snowflake.private.key\":\"" + password + "\""));
        Files.writeString(provider.resolve(".env"), "STREAMKAP_CLIENT_ID=tf-acc\nSTREAMKAP_SECRET=" + dotenvSecret + "\n");
        Path results = dir.resolve("out/allure-results");

        int code = run("audit", "--provider", provider.toString(), "--results", results.toString(), "--fail-on", "none");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        java.util.List<Path> written;
        try (var files = Files.walk(dir.resolve("out"))) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertThat(written).as("allure-results and tfaudit-results")
                .anyMatch(f -> f.toString().endsWith(".sarif")).anyMatch(f -> f.toString().endsWith("-result.json"))
                .anyMatch(f -> f.toString().endsWith("junit/TEST-junit-jupiter.xml"));
        String everything = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        StringBuilder all = new StringBuilder(everything);
        for (Path f : written) {
            all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        // The leak is reported (so the check is not vacuous), but only in its redacted form.
        assertThat(all).contains("destination_snowflake.yaml:38: ", "Vb7#…(16 chars) recorded in clear");
        for (String secret : new String[] {password, dotenvSecret}) {
            assertThat(all.toString()).doesNotContain(secret).doesNotContain(secret.substring(4)).doesNotContain(secret.substring(0, 12));
        }
    }

    /** Stale accepted entries reach the closing lines and summary.json; entries of criteria that did not run are not judged. */
    @Test
    void staleAcceptedEntriesAreReportedOnlyForCriteriaThatRan() throws Exception {
        Path provider = dir.resolve("p");
        io.tfaudit.audit.Trees.sampleCopy(provider);
        Files.writeString(provider.resolve("tfaudit-baseline.json"), """
                {"entries": [
                  {"criterion": "US-002.1", "item": "gone.go", "reason": "r", "owner": "o", "expires": "2999-01-01"},
                  {"criterion": "US-009.2", "item": "gone.go", "reason": "r", "owner": "o", "expires": "2999-01-01"}]}
                """);
        Path results = dir.resolve("r/allure-results");
        int code = run("audit", "--provider", provider.toString(), "--inventory", provider.resolve("inventory.txt").toString(),
                "--results", results.toString(), "--select", "io.tfaudit.criteria.phase1.US002VerifyLayerSeparation");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err).isZero();
        assertThat(printed).contains("stale accepted finding (nothing matches it any more; remove it from "
                + provider.resolve("tfaudit-baseline.json") + "): US-002.1|*|gone.go").doesNotContain("US-009.2|*|gone.go");
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("r/tfaudit-results/summary.json").toFile());
        assertThat(summary.path("staleAcceptedFindings")).hasSize(1);
        assertThat(summary.path("staleAcceptedFindings").get(0).path("key").asText()).isEqualTo("US-002.1|*|gone.go");
    }

    /** A resource checked against its snapshot and against the baseline has two results, so two histories. */
    @Test
    void everyResultHasItsOwnHistoryId() throws Exception {
        Path provider = dir.resolve("h");
        io.tfaudit.audit.Trees.sampleCopy(provider);
        Path baseline = dir.resolve("h-baseline");
        io.tfaudit.audit.Trees.sampleCopy(baseline);
        Path results = dir.resolve("h-out/allure-results");
        int code = run("audit", "--provider", provider.toString(), "--inventory", provider.resolve("inventory.txt").toString(),
                "--baseline-path", baseline.toString(), "--results", results.toString(),
                "--select", "io.tfaudit.criteria.phase3.US009RunSchemaCompatibilityTests");
        assertThat(code).as(out.toString(StandardCharsets.UTF_8) + err).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, String> byHistory = new java.util.HashMap<>();
        int vsBaseline = 0;
        try (var files = Files.list(results)) {
            for (Path f : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                var r = json.readTree(f.toFile());
                String name = r.path("name").asText();
                // Named by the folder's name: the report shows no path of the auditing machine.
                vsBaseline += name.contains("(vs the checkout " + baseline.getFileName() + ")") ? 1 : 0;
                String earlier = byHistory.put(r.path("historyId").asText(), name);
                assertThat(earlier).as("history id of %s is also that of %s", name, earlier).isNull();
            }
        }
        assertThat(vsBaseline).as("results against the baseline").isPositive();
    }

    /** A failure's places that name files are links: to the host at the audited commit for a GitHub checkout. */
    @Test
    void findingsLinkToTheCodeAtTheAuditedCommit() throws Exception {
        Path provider = dir.resolve("linked");
        io.tfaudit.audit.Trees.sampleCopy(provider);
        Files.writeString(provider.resolve("internal/generated/source_webhook.go"),
                Files.readString(provider.resolve("internal/generated/source_webhook.go")).replace("// Code generated by tfgen. DO NOT EDIT.", "//"));
        String head;
        try (var git = org.eclipse.jgit.api.Git.init().setDirectory(provider.toFile()).call()) {
            git.add().addFilepattern(".").call();
            head = git.commit().setMessage("x").setAuthor("a", "a@example.com").setCommitter("a", "a@example.com").setSign(false)
                    .call().getName();
            var config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", "https://github.com/acme/terraform-provider-streamkap.git");
            config.save();
        }
        Path results = dir.resolve("l-out/allure-results");
        run("audit", "--provider", provider.toString(), "--inventory", provider.resolve("inventory.txt").toString(),
                "--results", results.toString(), "--select", "io.tfaudit.criteria.phase1.US002VerifyLayerSeparation");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<String> urls = new java.util.ArrayList<>();
        try (var files = Files.list(results)) {
            for (Path f : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                json.readTree(f.toFile()).path("links").forEach(l -> urls.add(l.path("url").asText()));
            }
        }
        assertThat(urls).contains("https://github.com/acme/terraform-provider-streamkap/blob/" + head
                + "/internal/generated/source_webhook.go#L1");
    }

    @Test
    void everyCommandPrintsItsUsageAndTheJarItsVersion() {
        for (String command : new String[] {"audit", "parse", "schema", "align", "baseline"}) {
            out.reset();
            assertThat(run(command, "--help")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar tfaudit.jar " + command);
        }
        out.reset();
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("tfaudit ");
    }

    @Test
    void aSkipOnTheCommandLineNamesTheCommandLinesOptions() throws Exception {
        int code = run("audit", "--results", dir.resolve("results").toString(), "--select",
                "io.tfaudit.criteria.phase1.US001CompareArchitecturePatterns");
        assertThat(code).as(out.toString(StandardCharsets.UTF_8) + err).isZero();
        StringBuilder skips = new StringBuilder();
        try (var files = Files.newDirectoryStream(dir.resolve("results"), "*-result.json")) {
            for (Path f : files) {
                skips.append(Files.readString(f));
            }
        }
        assertThat(skips.toString()).contains("--exec").doesNotContain("-Dexec=true").doesNotContain("tfaudit-sample-provider");
    }

    @Test
    void junitXmlThatCannotBeRedactedIsRemovedNotLeftAsWritten(@TempDir Path junit) throws Exception {
        Files.writeString(junit.resolve("TEST-junit-jupiter.xml"), "<testsuite><testcase name=\"x\"><failure message=\"token "
                + "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8\">"); // cut off: not well-formed
        Files.writeString(junit.resolve("notes.txt"), "not XML: left alone");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        AuditCommand.redactJunitXml(junit, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(junit.resolve("TEST-junit-jupiter.xml")).doesNotExist();
        assertThat(junit.resolve("notes.txt")).exists();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("could not be checked for secrets and is removed");
    }
}
