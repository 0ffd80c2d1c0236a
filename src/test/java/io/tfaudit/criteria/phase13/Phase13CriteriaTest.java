package io.tfaudit.criteria.phase13;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.MiniProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult.Status;

/** Phase 13 (sweepers) on the mini provider with four sweepers, and broken for each criterion. */
class Phase13CriteriaTest {

    @TempDir
    Path dir;

    private int runs;

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider) {
        return CriterionTestKit.run(story, method, provider.writeTo(dir.resolve("run" + ++runs)));
    }

    static final String SWEEP = "internal/provider/sweep_test.go";

    /** Four sweepers over one paginated helper that deletes names with the tf-acc-test- prefix; a TestSweep* per kind. */
    static String sweepers() {
        StringBuilder sb = new StringBuilder("""
                //go:build sweep

                package provider

                import (
                \t"context"
                \t"strings"
                \t"testing"

                \t"github.com/hashicorp/terraform-plugin-testing/helper/resource"

                \t"example.com/acme/internal/api"
                )

                const testPrefix = "tf-acc-test-"

                func init() {
                \tresource.AddTestSweepers("acme_source", &resource.Sweeper{Name: "acme_source", F: sweepSources})
                \tresource.AddTestSweepers("acme_destination", &resource.Sweeper{Name: "acme_destination", F: sweepDestinations})
                \tresource.AddTestSweepers("acme_transform", &resource.Sweeper{Name: "acme_transform", F: sweepTransforms})
                \tresource.AddTestSweepers("acme_pipeline", &resource.Sweeper{Name: "acme_pipeline", F: sweepPipelines})
                }

                type item struct{ ID, Name string }

                // sweepAll reads every page, then deletes the test resources found.
                func sweepAll(list func(ctx context.Context, page int) ([]item, error), del func(ctx context.Context, id string) error) error {
                \tctx := context.Background()
                \tvar doomed []item
                \tfor page := 1; ; page++ {
                \t\titems, err := list(ctx, page)
                \t\tif err != nil {
                \t\t\treturn err
                \t\t}
                \t\tif len(items) == 0 {
                \t\t\tbreak
                \t\t}
                \t\tdoomed = append(doomed, items...)
                \t}
                \tfor _, it := range doomed {
                \t\tif strings.HasPrefix(it.Name, testPrefix) {
                \t\t\tif err := del(ctx, it.ID); err != nil {
                \t\t\t\treturn err
                \t\t\t}
                \t\t}
                \t}
                \treturn nil
                }
                """);
        for (String kind : List.of("Source", "Destination", "Transform", "Pipeline")) {
            sb.append("""

                    func sweep%1$ss(_ string) error {
                    \tc := &api.Client{}
                    \treturn sweepAll(func(ctx context.Context, page int) ([]item, error) {
                    \t\t_, err := c.List%1$ss(ctx, page)
                    \t\treturn nil, err
                    \t}, c.Delete%1$s)
                    }

                    func TestSweep%1$ss(t *testing.T) {
                    \tif err := sweep%1$ss(""); err != nil {
                    \t\tt.Fatal(err)
                    \t}
                    }
                    """.formatted(kind));
        }
        return sb.toString();
    }

    static MiniProvider swept() {
        return MiniProvider.sound().with(SWEEP, sweepers());
    }

    @Nested
    class Implemented {

        @Test
        void registeredSweepersThatListAndDeletePass() {
            run(US037ImplementSourceConnectorTestSweepers.class, "implementSweepSources", swept()).assertAllSucceeded();
            run(US038ImplementDestinationConnectorTestSweepers.class, "implementSweepDestinations", swept()).assertAllSucceeded();
            run(US039ImplementTransformAndPipelineTestSweepers.class, "implementSweepTransforms", swept()).assertAllSucceeded();
            run(US039ImplementTransformAndPipelineTestSweepers.class, "implementSweepPipelines", swept()).assertAllSucceeded();
        }

        @Test
        void noSweeperFails() {
            var o = run(US037ImplementSourceConnectorTestSweepers.class, "implementSweepSources", MiniProvider.sound());
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains(SWEEP + ": expected a function sweepSources registered with "
                    + "resource.AddTestSweepers to sweep sources, found none (registered sweepers: none)");
        }

        @Test
        void anUnregisteredSweeperFails() {
            var o = run(US038ImplementDestinationConnectorTestSweepers.class, "implementSweepDestinations", swept().edit(SWEEP, s -> s.replace(
                    "\tresource.AddTestSweepers(\"acme_destination\", &resource.Sweeper{Name: \"acme_destination\", F: sweepDestinations})\n", "")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains("sweepDestinations is not registered with resource.AddTestSweepers");
        }

        @Test
        void aStubFails() {
            var o = run(US039ImplementTransformAndPipelineTestSweepers.class, "implementSweepPipelines", swept().edit(SWEEP, s -> s.replace("""
                    func sweepPipelines(_ string) error {
                    \tc := &api.Client{}
                    \treturn sweepAll(func(ctx context.Context, page int) ([]item, error) {
                    \t\t_, err := c.ListPipelines(ctx, page)
                    \t\treturn nil, err
                    \t}, c.DeletePipeline)
                    }""", "func sweepPipelines(_ string) error {\n\t// TODO: needs a ListPipelines API call\n\treturn nil\n}")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains("sweepPipelines is a stub: it neither lists nor deletes pipelines");
        }
    }

    @Nested
    class Listing {

        @Test
        void aSweeperThatDeletesWithoutListingFails() {
            run(US037ImplementSourceConnectorTestSweepers.class, "listsAllSourcesViaApi", swept()).assertAllSucceeded();
            var o = run(US037ImplementSourceConnectorTestSweepers.class, "listsAllSourcesViaApi", swept()
                    .edit(SWEEP, s -> s.replace("_, err := c.ListSources(ctx, page)", "var err error")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains("sweepSources: expected it to list sources through the API client",
                    "(it deletes without listing)");
        }

        @Test
        void us039ImplementingIncludesListing() {
            var o = run(US039ImplementTransformAndPipelineTestSweepers.class, "implementSweepTransforms", swept()
                    .edit(SWEEP, s -> s.replace("_, err := c.ListTransforms(ctx, page)", "var err error")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains("sweepTransforms: expected it to list transforms");
        }
    }

    @Nested
    class NamingConvention {

        @Test
        void onlyTheTfAccTestPrefixPasses() {
            run(US037ImplementSourceConnectorTestSweepers.class, "deletesOnlyTestResources", swept()).assertAllSucceeded();
            run(US039ImplementTransformAndPipelineTestSweepers.class, "sweepersDeleteOnlyTestResources", swept()).assertAllSucceeded();
        }

        @Test
        void aBroaderPrefixAndExtraPrefixesFail() {
            var o = run(US038ImplementDestinationConnectorTestSweepers.class, "deletesOnlyTestResources", swept().edit(SWEEP, s -> s
                    .replace("const testPrefix = \"tf-acc-test-\"", "var testPrefixes = []string{\"tf-acc-test\", \"test-destination-\"}")
                    .replace("\t\tif strings.HasPrefix(it.Name, testPrefix) {", "\t\tfor _, prefix := range testPrefixes {\n\t\t\tif !strings.HasPrefix(it.Name, prefix) {\n\t\t\t\tcontinue\n\t\t\t}")
                    .replace("\t\t\t\treturn err\n\t\t\t}\n\t\t}\n\t}\n\treturn nil", "\t\t\t\treturn err\n\t\t\t}\n\t\t}\n\t}\n\treturn nil")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains(
                    "sweepDestinations: deletes names starting with \"tf-acc-test\", broader than the convention tf-acc-test-",
                    "sweepDestinations: also deletes names starting with \"test-destination-\": expected only the test naming convention tf-acc-test-");
            // deleting names no test created is data loss
            assertThat(o.message(o.single())).startsWith("[critical] ");
        }

        @Test
        void deletingEveryNameContainingTestFails() {
            var o = run(US039ImplementTransformAndPipelineTestSweepers.class, "sweepersDeleteOnlyTestResources", swept()
                    .edit(SWEEP, s -> s.replace("strings.HasPrefix(it.Name, testPrefix)", "strings.Contains(it.Name, \"test\")")));
            var r = o.result("sweepPipelines");
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(r)).contains("sweepPipelines: deletes names that contain \"test\": expected only names starting with tf-acc-test-");
        }

        @Test
        void deletingWithoutANameCheckFails() {
            var o = run(US037ImplementSourceConnectorTestSweepers.class, "deletesOnlyTestResources", swept()
                    .edit(SWEEP, s -> s.replace("strings.HasPrefix(it.Name, testPrefix)", "it.Name != \"\"")));
            assertThat(o.message(o.single())).contains("sweepSources: deletes sources without checking their names").startsWith("[critical] ");
        }

        /** A sweeper that deletes nothing leaves test objects behind: missing cleanup, no data lost. */
        @Test
        void aSweeperThatDeletesNothingIsMissingCleanupNotDataLoss() {
            var o = run(US037ImplementSourceConnectorTestSweepers.class, "deletesOnlyTestResources", swept()
                    .edit(SWEEP, s -> s.replace("c.DeleteSource)", "c.DescribeSource)")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).startsWith("[normal] ").contains("expected it to delete sources");
        }
    }

    @Nested
    class Pagination {

        @Test
        void aLoopOverPagesInTheSweeperPasses() {
            run(US037ImplementSourceConnectorTestSweepers.class, "handlesPagination", swept()).assertAllSucceeded();
        }

        @Test
        void aSinglePageListingFailsAndAPagingClientPasses() {
            // MiniProvider is a builder (with() changes it): each variant starts from a fresh one.
            java.util.function.Supplier<MiniProvider> onePage = () -> swept().edit(SWEEP, s -> s
                    .replace("\tfor page := 1; ; page++ {", "\tfor range []int{1} {\n\t\tpage := 1")
                    .replace("\t\tif len(items) == 0 {\n\t\t\tbreak\n\t\t}\n", ""));
            String client = """
                    package api

                    import "context"

                    // ListDestinations returns the first page only.
                    func (c *Client) ListDestinations(ctx context.Context, page int) ([]string, error) {
                    \treturn nil, nil
                    }
                    """;
            var o = run(US038ImplementDestinationConnectorTestSweepers.class, "handlesPagination", onePage.get().with("internal/api/list.go", client));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains("internal/api/list.go:6: sweepDestinations lists destinations with "
                    + "Client.ListDestinations, which requests one page");
            String paging = """
                    package api

                    import "context"

                    // ListDestinations follows every page.
                    func (c *Client) ListDestinations(ctx context.Context, page int) ([]string, error) {
                    \tvar all []string
                    \tfor p := page; ; p++ {
                    \t\tbatch, err := c.fetch(ctx, "/destinations?page_size=100&page=", p)
                    \t\tif err != nil || len(batch) == 0 {
                    \t\t\treturn all, err
                    \t\t}
                    \t\tall = append(all, batch...)
                    \t}
                    }

                    func (c *Client) fetch(ctx context.Context, path string, p int) ([]string, error) { return nil, nil }
                    """;
            run(US038ImplementDestinationConnectorTestSweepers.class, "handlesPagination", onePage.get().with("internal/api/list.go", paging))
                    .assertAllSucceeded();
            var external = run(US038ImplementDestinationConnectorTestSweepers.class, "handlesPagination", onePage.get());
            assertThat(external.single().getStatus()).isEqualTo(Status.ABORTED);
            assertThat(external.message(external.single())).contains("is not a function of the module");
        }
    }

    @Nested
    class Running {

        @Test
        void theSweeperTestsRunOnlyWithConsentAndTheirBuildTag() {
            for (Object[] c : new Object[][] {{US037ImplementSourceConnectorTestSweepers.class, "TestSweepSources"},
                    {US038ImplementDestinationConnectorTestSweepers.class, "TestSweepDestinations"}}) {
                var o = run((Class<?>) c[0], "runTheSweeperTest", swept());
                assertThat(o.single().getStatus()).isEqualTo(Status.ABORTED);
                assertThat(o.message(o.single())).contains("-Dexec=true -Dacceptance=true",
                        "TF_ACC=1 go test -v -timeout 30m -run '" + c[1] + "' -tags sweep ./internal/provider/...");
            }
            var all = run(US039ImplementTransformAndPipelineTestSweepers.class, "runTheSweeperTests", swept());
            assertThat(all.single().getStatus()).isEqualTo(Status.ABORTED);
        }

        @Test
        void withoutTestSweepTestsTheCommandRunsNothing() {
            var o = run(US037ImplementSourceConnectorTestSweepers.class, "runTheSweeperTest", swept()
                    .edit(SWEEP, s -> s.replace("func TestSweepSources(", "func testSweepSources(")));
            assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
            assertThat(o.message(o.single())).contains("expected tests matching 'TestSweepSources' for the command to run, found none",
                    "run only through `go test ./internal/provider -v -tags sweep -sweep=all`");
            var none = run(US039ImplementTransformAndPipelineTestSweepers.class, "runTheSweeperTests", MiniProvider.sound());
            assertThat(none.single().getStatus()).isEqualTo(Status.FAILED);
        }
    }

    @Test
    void typecheckFailsOnASyntaxErrorAndIsOtherwiseSkipped() {
        for (Class<?> story : List.of(US037ImplementSourceConnectorTestSweepers.class, US038ImplementDestinationConnectorTestSweepers.class,
                US039ImplementTransformAndPipelineTestSweepers.class)) {
            assertThat(run(story, "typecheckPasses", swept()).single().getStatus()).isEqualTo(Status.ABORTED);
            var broken = run(story, "typecheckPasses", swept().with("internal/provider/broken.go", "package provider\n\nfunc {\n"));
            assertThat(broken.single().getStatus()).isEqualTo(Status.FAILED);
        }
    }
}
