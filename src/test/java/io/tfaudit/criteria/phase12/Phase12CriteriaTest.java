package io.tfaudit.criteria.phase12;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.MiniProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

/** Phase 12 (VCR cassettes) on the mini provider with a cassette per resource, and broken for each criterion. */
class Phase12CriteriaTest {

    @TempDir
    Path dir;

    private int runs;

    /** Each run gets a fresh folder: the audit reads a provider once per path and configuration. */
    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider) {
        return CriterionTestKit.run(story, method, provider.writeTo(dir.resolve("run" + ++runs)));
    }

    static final String CASSETTES = "internal/provider/testdata/cassettes/";

    /** A go-vcr cassette with a token exchange and a create, credentials redacted. */
    static String cassette(String path, String extraBodyField) {
        return """
                ---
                version: 2
                interactions:
                    - id: 0
                      request:
                        body: 'client_id=REDACTED&client_secret=REDACTED&grant_type=client_credentials'
                        headers:
                            Accept:
                                - application/json
                        url: https://api.example.com/auth/token
                        method: POST
                      response:
                        body: '{"access_token":"REDACTED","token_type":"Bearer","expires_in":3600}'
                        code: 200
                    - id: 1
                      request:
                        body: '{"name":"tf-acc-test-vcr"%s}'
                        headers:
                            Accept:
                                - application/json
                        url: https://api.example.com/%s
                        method: POST
                      response:
                        body: '{"id":"6650f3c2a1b4c8d9e0f1a2b3","name":"tf-acc-test-vcr"}'
                        code: 201
                """.formatted(extraBodyField, path);
    }

    /** Playback tests replaying each cassette, recording (with a redaction hook) when UPDATE_CASSETTES is set. */
    static final String VCR_TEST = """
            package provider

            import (
            \t"os"
            \t"testing"

            \t"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
            \t"gopkg.in/dnaeon/go-vcr.v4/pkg/recorder"
            )

            func redact(i *cassette.Interaction) error {
            \tdelete(i.Request.Headers, "Authorization")
            \treturn nil
            }

            func replay(t *testing.T, name string) *recorder.Recorder {
            \tmode := recorder.ModeReplayOnly
            \tif os.Getenv("UPDATE_CASSETTES") != "" {
            \t\tmode = recorder.ModeRecordOnly
            \t}
            \tr, err := recorder.New("testdata/cassettes/"+name, recorder.WithMode(mode), recorder.WithHook(redact, recorder.BeforeSaveHook))
            \tif err != nil {
            \t\tt.Fatal(err)
            \t}
            \treturn r
            }

            func TestIntegration_SourcePostgresql(t *testing.T) {
            \t_ = replay(t, "sources/source_postgresql")
            }

            func TestIntegration_DestinationSnowflake(t *testing.T) {
            \t_ = replay(t, "destinations/destination_snowflake")
            }

            func TestIntegration_TransformFilter(t *testing.T) {
            \t_ = replay(t, "transforms/transform_filter")
            }
            """;

    /** The mini provider with a cassette per resource in its category folder and playback tests. */
    static MiniProvider recorded() {
        return MiniProvider.sound()
                .with(CASSETTES + "sources/source_postgresql.yaml", cassette("sources", ""))
                .with(CASSETTES + "destinations/destination_snowflake.yaml", cassette("destinations", ""))
                .with(CASSETTES + "transforms/transform_filter.yaml", cassette("transforms", ""))
                .with("internal/provider/vcr_test.go", VCR_TEST);
    }

    private static String message(CriterionTestKit.Outcome o, TestExecutionResult r) {
        return o.message(r);
    }

    @Nested
    class Recording {

        @Test
        void aResourceWithoutItsCassetteFailsAndWithItPasses() {
            run(US034RecordVcrCassettesForSourceConnectorTests.class, "recordCassettesForAllSourceTests", recorded()).assertAllSucceeded();
            var o = run(US034RecordVcrCassettesForSourceConnectorTests.class, "recordCassettesForAllSourceTests",
                    recorded().without(CASSETTES + "sources/source_postgresql.yaml"));
            var r = o.result("acme_source_postgresql");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains(CASSETTES + "sources/: acme_source_postgresql: expected a cassette recording its "
                    + "acceptance test (it has none either), found none");
        }

        @Test
        void aCassetteNamedAfterTheTestCountsAndAnEmptyOneDoesNot() {
            run(US035RecordVcrCassettesForDestinationConnectorTests.class, "recordCassettesForAllDestinationTests", recorded()
                    .without(CASSETTES + "destinations/destination_snowflake.yaml")
                    .with(CASSETTES + "destinations/TestAccDestinationSnowflake_basic.yaml", cassette("destinations", "")))
                    .assertAllSucceeded();
            var o = run(US035RecordVcrCassettesForDestinationConnectorTests.class, "recordCassettesForAllDestinationTests", recorded()
                    .with(CASSETTES + "destinations/destination_snowflake.yaml", "---\nversion: 2\ninteractions: []\n"));
            var r = o.result("acme_destination_snowflake");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, r)).contains("destination_snowflake.yaml: acme_destination_snowflake: expected recorded HTTP interactions, found none");
        }

        @Test
        void transformsAndNamedOtherResources() {
            run(US036RecordVcrCassettesForTransformAndOtherResourceTests.class, "recordCassettesForAllTransformTests", recorded())
                    .assertAllSucceeded();
            var missing = run(US036RecordVcrCassettesForTransformAndOtherResourceTests.class, "recordCassettesForAllTransformTests",
                    recorded().without(CASSETTES + "transforms/transform_filter.yaml"));
            assertThat(missing.result("acme_transform_filter").getStatus()).isEqualTo(Status.FAILED);

            var outOfScope = run(US036RecordVcrCassettesForTransformAndOtherResourceTests.class, "recordCassettesForPipelineAndTopic", recorded());
            assertThat(outOfScope.names()).hasSize(2);
            assertThat(outOfScope.result("acme_pipeline").getStatus()).isEqualTo(Status.ABORTED);
            assertThat(message(outOfScope, outOfScope.result("acme_topic"))).contains("not applicable: acme_topic is neither in the inventory");

            MiniProvider withTag = recorded().edit("inventory.txt", s -> s + "other acme_tag\n");
            var tagMissing = run(US036RecordVcrCassettesForTransformAndOtherResourceTests.class, "recordCassettesForTag", withTag);
            assertThat(tagMissing.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(tagMissing, tagMissing.single())).contains(CASSETTES + "other/: acme_tag: expected a cassette");
            run(US036RecordVcrCassettesForTransformAndOtherResourceTests.class, "recordCassettesForTag",
                    withTag.with(CASSETTES + "other/tag.yaml", cassette("tags", ""))).assertAllSucceeded();
        }
    }

    @Nested
    class Folders {

        @Test
        void sourceCassettesMustBeInTheSourcesFolder() {
            run(US034RecordVcrCassettesForSourceConnectorTests.class, "cassettesStoredInSources", recorded()).assertAllSucceeded();
            var o = run(US034RecordVcrCassettesForSourceConnectorTests.class, "cassettesStoredInSources", recorded()
                    .without(CASSETTES + "sources/source_postgresql.yaml")
                    .with(CASSETTES + "other/source_postgresql.yaml", cassette("sources", "")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("expected cassettes in testdata/cassettes/sources/, found none",
                    CASSETTES + "other/source_postgresql.yaml: records acme_source_postgresql: expected it under testdata/cassettes/sources/");
        }

        @Test
        void destinationCassettesMustBeInTheDestinationsFolder() {
            run(US035RecordVcrCassettesForDestinationConnectorTests.class, "cassettesStoredInDestinations", recorded()).assertAllSucceeded();
            var o = run(US035RecordVcrCassettesForDestinationConnectorTests.class, "cassettesStoredInDestinations", recorded()
                    .without(CASSETTES + "destinations/destination_snowflake.yaml"));
            assertThat(message(o, o.single())).contains("expected cassettes in testdata/cassettes/destinations/, found none");
        }

        @Test
        void aMalformedCassetteWhoseNameMapsToNoResourceIsReportedWhereItIsStored() {
            var o = run(US034RecordVcrCassettesForSourceConnectorTests.class, "cassettesStoredInSources", recorded()
                    .with(CASSETTES + "sources/leftover_recording.yaml", "---\nversion: 2\ninteractions: [\n  - id: : :\n"));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains(CASSETTES + "sources/leftover_recording.yaml:", "the cassette does not parse (not valid YAML",
                    "its name maps to no resource");
        }

        @Test
        void transformAndOtherCassettesAndStrayOnes() {
            MiniProvider withOther = recorded().with(CASSETTES + "other/pipeline.yaml", cassette("pipelines", ""));
            run(US036RecordVcrCassettesForTransformAndOtherResourceTests.class, "cassettesStoredInTransformsAndOther", withOther)
                    .assertAllSucceeded();
            var o = run(US036RecordVcrCassettesForTransformAndOtherResourceTests.class, "cassettesStoredInTransformsAndOther",
                    withOther.with(CASSETTES + "leftover.yaml", cassette("x", "")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains(CASSETTES + "leftover.yaml: expected every cassette in a category folder");
        }
    }

    @Nested
    class Secrets {

        static final String PLANTED_PASSWORD = "Wq8#zTn4Lp2Rv7Ks";
        static final String PLANTED_TOKEN = "ghx7Yq2LmP9sVt4RkW8nZb3CdF6hJ1aQ";

        @Test
        void aPasswordOrTokenInACassetteFailsWithItsLineAndNeverItsValue() {
            String leaking = cassette("sources", ",\"database.password\":\"" + PLANTED_PASSWORD + "\"")
                    .replace("                - application/json\n        url: https://api.example.com/auth/token",
                            "                - application/json\n            Authorization:\n                - Bearer " + PLANTED_TOKEN
                                    + "\n        url: https://api.example.com/auth/token");
            var o = run(US034RecordVcrCassettesForSourceConnectorTests.class, "sensitiveDataRedacted", recorded()
                    .with(CASSETTES + "sources/source_postgresql.yaml", leaking));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            String msg = message(o, o.single());
            assertThat(msg).contains(CASSETTES + "sources/source_postgresql.yaml:11: bearer token ghx7…(32 chars) recorded in clear",
                    CASSETTES + "sources/source_postgresql.yaml:19: password (database.password) Wq8#…(16 chars) recorded in clear");
            assertThat(msg).doesNotContain(PLANTED_PASSWORD).doesNotContain(PLANTED_TOKEN)
                    .doesNotContain(PLANTED_PASSWORD.substring(4)).doesNotContain(PLANTED_TOKEN.substring(4));
        }

        @Test
        void aCassetteTooLargeToParseIsNamedAndStillScannedForSecrets() {
            // Past the reader's 8 MiB limit, the token on the last line, beyond the scanner's first chunks.
            String huge = cassette("sources", "") + "# padding\n".repeat(1_000_000)
                    + "    - request:\n        headers:\n            Authorization:\n                - Bearer " + PLANTED_TOKEN + "\n";
            MiniProvider provider = recorded().with(CASSETTES + "sources/source_postgresql.yaml", huge);
            var scanned = run(US034RecordVcrCassettesForSourceConnectorTests.class, "sensitiveDataRedacted", provider);
            assertThat(scanned.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(scanned, scanned.single())).contains(CASSETTES + "sources/source_postgresql.yaml:1000029: bearer token "
                    + "ghx7…(32 chars) recorded in clear").doesNotContain(PLANTED_TOKEN.substring(4));
            var named = run(US034RecordVcrCassettesForSourceConnectorTests.class, "recordCassettesForAllSourceTests", provider);
            assertThat(named.result("acme_source_postgresql").getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(named, named.result("acme_source_postgresql"))).containsPattern(
                    "source_postgresql.yaml:0: acme_source_postgresql: the cassette does not parse: too large to read \\(\\d+ bytes; "
                            + "the limit is 8 MiB\\)");
        }

        @Test
        void redactedCassettesPassAndNoCassetteIsSkipped() {
            run(US034RecordVcrCassettesForSourceConnectorTests.class, "sensitiveDataRedacted", recorded()).assertAllSucceeded();
            var none = run(US035RecordVcrCassettesForDestinationConnectorTests.class, "sensitiveDataRedacted", MiniProvider.sound());
            assertThat(none.single().getStatus()).isEqualTo(Status.ABORTED);
            assertThat(message(none, none.single())).contains("no cassette in testdata/cassettes/destinations/ to scan");
        }

        @Test
        void recordingWithoutARedactionHookFails() {
            var o = run(US035RecordVcrCassettesForDestinationConnectorTests.class, "sensitiveDataRedacted", recorded()
                    .edit("internal/provider/vcr_test.go", s -> s.replace(", recorder.WithHook(redact, recorder.BeforeSaveHook)", "")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("internal/provider/vcr_test.go:", "replay records cassettes without a hook "
                    + "that removes credentials before saving");
        }

        @Test
        void cassettesOutsideTheCategoryFoldersAreScannedByUs036() {
            var o = run(US036RecordVcrCassettesForTransformAndOtherResourceTests.class, "sensitiveDataRedacted", recorded()
                    .with(CASSETTES + "stray.yaml", "request:\n  headers:\n    X-Api-Key:\n      - " + PLANTED_TOKEN + "\n"));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains(CASSETTES + "stray.yaml:4: API key (X-Api-Key) ghx7…(32 chars)")
                    .doesNotContain(PLANTED_TOKEN);
            run(US036RecordVcrCassettesForTransformAndOtherResourceTests.class, "sensitiveDataRedacted", recorded()).assertAllSucceeded();
        }
    }

    @Nested
    class RecordingAndPlayback {

        @Test
        void theRecordingRunIsNeverMadeAndSaysWhichTestsRecord() {
            var o = run(US034RecordVcrCassettesForSourceConnectorTests.class, "runTheRecording", recorded());
            assertThat(o.single().getStatus()).isEqualTo(Status.ABORTED);
            assertThat(message(o, o.single())).contains("tfaudit never does",
                    "the tests the PRD's command selects do not record here, these do: [TestIntegration_SourcePostgresql",
                    "To run it: UPDATE_CASSETTES=1 go test -v -run 'TestAccSource' ./internal/provider/...");
        }

        @Test
        void withoutATestReadingUpdateCassettesTheRecordingFails() {
            var o = run(US035RecordVcrCassettesForDestinationConnectorTests.class, "runTheRecording", recorded()
                    .edit("internal/provider/vcr_test.go", s -> s.replace("os.Getenv(\"UPDATE_CASSETTES\")", "os.Getenv(\"RECORD\")")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("expected a test to record cassettes when UPDATE_CASSETTES is set");
        }

        @Test
        void recordingOutsideTheCategoryFolderFails() {
            var o = run(US035RecordVcrCassettesForDestinationConnectorTests.class, "runTheRecording", recorded()
                    .edit("internal/provider/vcr_test.go", s -> s.replace("\"destinations/destination_snowflake\"", "\"snowflake_crud\"")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(o, o.single())).contains("records when UPDATE_CASSETTES is set, but into [snowflake_crud]: expected "
                    + "cassettes under testdata/cassettes/destinations/");
        }

        @Test
        void playbackIsStaticallyCheckedThenNeedsConsent() {
            var sound = run(US034RecordVcrCassettesForSourceConnectorTests.class, "playbackWorks", recorded());
            assertThat(sound.single().getStatus()).isEqualTo(Status.ABORTED);
            assertThat(message(sound, sound.single())).contains("-Dexec=true", "go test -v -timeout 10m -run 'TestIntegration_Source' ./internal/provider/...");

            var skipped = run(US034RecordVcrCassettesForSourceConnectorTests.class, "playbackWorks", recorded()
                    .edit("internal/provider/vcr_test.go", s -> s.replace("func TestIntegration_SourcePostgresql(t *testing.T) {\n",
                            "func TestIntegration_SourcePostgresql(t *testing.T) {\n\tt.Skip(\"not yet\")\n")));
            assertThat(skipped.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(skipped, skipped.single())).contains("TestIntegration_SourcePostgresql: always skipped");

            var unused = run(US034RecordVcrCassettesForSourceConnectorTests.class, "playbackWorks", recorded()
                    .with(CASSETTES + "sources/source_mysql.yaml", cassette("sources", "")));
            assertThat(message(unused, unused.single())).contains(CASSETTES + "sources/source_mysql.yaml: no test matching "
                    + "'TestIntegration_Source' replays this cassette");

            var none = run(US035RecordVcrCassettesForDestinationConnectorTests.class, "playbackWorks", recorded()
                    .edit("internal/provider/vcr_test.go", s -> s.replace("TestIntegration_DestinationSnowflake", "TestReplaySnowflake")));
            assertThat(message(none, none.single())).contains("expected playback tests matching 'TestIntegration_Destination', found none");
        }
    }

    @Test
    void typecheckFailsOnASyntaxErrorAndIsOtherwiseSkipped() {
        for (Class<?> story : List.of(US034RecordVcrCassettesForSourceConnectorTests.class,
                US035RecordVcrCassettesForDestinationConnectorTests.class, US036RecordVcrCassettesForTransformAndOtherResourceTests.class)) {
            var sound = run(story, "typecheckPasses", recorded());
            assertThat(sound.single().getStatus()).isEqualTo(Status.ABORTED);
            var broken = run(story, "typecheckPasses", recorded().with("internal/provider/broken.go", "package provider\n\nfunc {\n"));
            assertThat(broken.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(message(broken, broken.single())).contains("internal/provider/broken.go:3: Go syntax error");
        }
    }
}
