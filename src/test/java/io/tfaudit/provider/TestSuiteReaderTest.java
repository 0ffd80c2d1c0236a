package io.tfaudit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.go.load.GoSourceTree;
import io.tfaudit.go.program.GoModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the provider's Go tests: kinds, resources from HCL (helpers included), steps, checks, sweepers. */
class TestSuiteReaderTest {

    @TempDir
    Path dir;

    private List<TestFunction> tests;
    private List<Sweeper> sweepers;

    private void read(String file, String content) throws IOException {
        Files.writeString(dir.resolve("go.mod"), "module example.com/tfp\n");
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        TestSuiteReader reader = new TestSuiteReader(GoModule.of(GoSourceTree.load(dir)));
        tests = reader.tests();
        sweepers = reader.sweepers();
    }

    private TestFunction test(String name) {
        return tests.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void acceptanceAndMigrationTestsAreReadThroughTheirHelpers() throws IOException {
        read("internal/provider/widget_test.go", """
                package provider

                import (
                \t"net/http"
                \t"os"
                \t"testing"

                \t"github.com/hashicorp/terraform-plugin-testing/helper/resource"
                \t"github.com/hashicorp/terraform-plugin-testing/plancheck"
                )

                const providerBlock = `provider "acme" {}`

                func widgetConfig(name string) string {
                \treturn providerBlock + `
                resource "acme_widget" "w" {
                  name = "` + name + `"
                }
                data "acme_tag" "t" { id = "x" }
                `
                }

                func legacy() map[string]resource.ExternalProvider {
                \treturn map[string]resource.ExternalProvider{"acme": {VersionConstraint: "2.1.18"}}
                }

                func TestAccWidget(t *testing.T) {
                \t_ = os.Getenv("ACME_TOKEN")
                \tresource.Test(t, resource.TestCase{
                \t\tCheckDestroy: checkWidgetsDestroyed,
                \t\tSteps: []resource.TestStep{
                \t\t\t{Config: widgetConfig("a")},
                \t\t\t{Config: widgetConfig("b")},
                \t\t\t{ResourceName: "acme_widget.w", ImportState: true, ImportStateVerify: true},
                \t\t},
                \t})
                }

                func TestAccWidget_Migration(t *testing.T) {
                \tresource.Test(t, resource.TestCase{
                \t\tCheckDestroy: nil,
                \t\tSteps: []resource.TestStep{
                \t\t\t{ExternalProviders: legacy(), Config: widgetConfig("a")},
                \t\t\t{Config: widgetConfig("a"), ConfigPlanChecks: resource.ConfigPlanChecks{
                \t\t\t\tPreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
                \t\t},
                \t})
                }

                func TestClient_Unauthorized(t *testing.T) {
                \tw := http.StatusUnauthorized
                \t_ = w
                \t_ = 503
                }

                func TestSmokeWidget(t *testing.T) {}

                func Testhelper(t *testing.T) {}
                """);

        assertThat(tests).extracting(TestFunction::name)
                .containsExactlyInAnyOrder("TestAccWidget", "TestAccWidget_Migration", "TestClient_Unauthorized", "TestSmokeWidget");
        TestFunction acc = test("TestAccWidget");
        assertThat(acc.kind()).isEqualTo(TestFunction.Kind.ACCEPTANCE);
        assertThat(acc.resourceTypes()).containsExactly("acme_widget");
        assertThat(acc.dataSourceTypes()).containsExactly("acme_tag");
        assertThat(acc.steps()).isEqualTo(3);
        assertThat(acc.configSteps()).isEqualTo(2);
        assertThat(acc.hasUpdateStep()).isTrue();
        assertThat(acc.importStep()).isTrue();
        assertThat(acc.importStateVerify()).isTrue();
        assertThat(acc.checkDestroy()).isTrue();
        assertThat(acc.expectsEmptyPlan()).isFalse();
        assertThat(acc.envVars()).containsExactly("ACME_TOKEN");
        assertThat(acc.pos().fileAndLine()).isEqualTo("internal/provider/widget_test.go:27");

        TestFunction migration = test("TestAccWidget_Migration");
        assertThat(migration.kind()).isEqualTo(TestFunction.Kind.MIGRATION);
        assertThat(migration.externalProviderVersions()).containsExactly("2.1.18");
        assertThat(migration.expectsEmptyPlan()).isTrue();
        assertThat(migration.importStep()).isFalse();
        assertThat(migration.checkDestroy()).as("CheckDestroy: nil checks nothing").isFalse();

        assertThat(test("TestClient_Unauthorized").httpStatuses()).containsExactlyInAnyOrder(401, 503);
        assertThat(test("TestClient_Unauthorized").kind()).isEqualTo(TestFunction.Kind.UNIT);
        assertThat(test("TestSmokeWidget").kind()).isEqualTo(TestFunction.Kind.SMOKE);
    }

    @Test
    void sweepersWithTheirFunctionsPrefixesAndCalls() throws IOException {
        read("internal/provider/sweep_test.go", """
                package provider

                import "github.com/hashicorp/terraform-plugin-testing/helper/resource"

                const testPrefix = "tf-acc-test-"

                func init() {
                \tresource.AddTestSweepers("acme_widget", &resource.Sweeper{Name: "acme_widget", F: sweepWidgets})
                \tresource.AddTestSweepers("acme_pipeline", &resource.Sweeper{
                \t\tName: "acme_pipeline", F: sweepPipelines, Dependencies: []string{"acme_widget"},
                \t})
                }

                func sweepWidgets(region string) error {
                \tfor page := 1; ; page++ {
                \t\titems := client.ListWidgets(page)
                \t\tfor _, w := range items {
                \t\t\tif hasTestPrefix(w.Name) {
                \t\t\t\tclient.DeleteWidget(w.ID)
                \t\t\t}
                \t\t}
                \t}
                }

                func hasTestPrefix(name string) bool { return len(name) > 0 && name[:len(testPrefix)] == testPrefix }

                func sweepPipelines(region string) error { return nil }
                """);

        assertThat(sweepers).extracting(Sweeper::name).containsExactly("acme_widget", "acme_pipeline");
        Sweeper widgets = sweepers.get(0);
        assertThat(widgets.function()).isEqualTo("sweepWidgets");
        assertThat(widgets.strings()).contains("tf-acc-test-");
        assertThat(widgets.calledNames()).contains("ListWidgets", "DeleteWidget", "hasTestPrefix");
        assertThat(sweepers.get(1).dependencies()).containsExactly("acme_widget");
        assertThat(sweepers.get(1).strings()).isEmpty();
    }
}
