package io.tfaudit.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.audit.AuditConfig;
import io.tfaudit.criteria.CriterionTestKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Every criterion of the framework plan fails on the sound fixture provider
 * ({@code src/test/resources/io/tfaudit/framework/sound}) broken for it, with its evidence, and
 * passes on the sound one.
 */
class FrameworkPlanTest {

    @TempDir
    Path temp;

    /** One way to break the sound provider, and what the criterion's failure must say. */
    private record Break(Class<?> story, String method, String expected, Edit edit) {}

    @FunctionalInterface
    private interface Edit {
        void apply(Path provider) throws IOException;
    }

    private static final String WIDGET = "internal/provider/widget_resource.go";
    private static final String TESTS = "internal/provider/widget_resource_test.go";
    private static final String EXAMPLE = "examples/resources/sound_widget/resource.tf";

    private static Edit replace(String file, String old, String now) {
        return dir -> {
            Path p = dir.resolve(file);
            String text = Files.readString(p);
            assertThat(text).as("%s holds what the break replaces", file).contains(old);
            Files.writeString(p, text.replace(old, now));
        };
    }

    private static Edit delete(String file) {
        return dir -> Files.delete(dir.resolve(file));
    }

    private static Edit write(String file, String text) {
        return dir -> {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.writeString(dir.resolve(file), text);
        };
    }

    private static Edit all(Edit... edits) {
        return dir -> {
            for (Edit e : edits) {
                e.apply(dir);
            }
        };
    }

    private static final Class<?> S = FrameworkSchemaRules.class;
    private static final Class<?> D = FrameworkDesign.class;
    private static final Class<?> T = FrameworkTests.class;
    private static final Class<?> K = FrameworkDocs.class;

    private static List<Break> breaks() {
        return List.of(
                new Break(S, "defaultOnlyWhenComputed", "sound_widget.size: expected Computed",
                        replace(WIDGET, "Computed:    true,\n\t\t\t\tDefault:     int64default", "Default:     int64default")),
                new Break(S, "requiredAlone", "sound_widget.name: expected Required alone, found Required + Computed",
                        replace(WIDGET, "{Required: true, Description: \"The widget's name.\"}",
                                "{Required: true, Computed: true, Description: \"The widget's name.\"}")),
                new Break(S, "everyAttributeSaysWhoSetsIt", "data.sound_lookup.size: expected Required, Optional or Computed",
                        replace("internal/provider/lookup_data_source.go", "{Computed: true, Description: \"The widget's size.\"}",
                                "{Description: \"The widget's size.\"}")),
                new Break(S, "collectionsHaveElementTypes", "sound_widget.labels: expected an ElementType",
                        replace(WIDGET, "ElementType: types.StringType,", "")),
                new Break(S, "noValidatorsOnComputedOnly", "sound_widget.id: expected no validators",
                        replace(WIDGET, "Computed:      true,\n\t\t\t\tDescription:   \"The widget's id.\",",
                                "Computed:      true,\n\t\t\t\tValidators: []validator.String{stringvalidator.LengthAtLeast(1)},"
                                        + "\n\t\t\t\tDescription:   \"The widget's id.\",")),
                new Break(S, "namesAreIdentifiers", "found \"secretValue\"",
                        replace(WIDGET, "\"secret_value\": schema", "\"secretValue\": schema")),
                new Break(S, "noReservedNames", "the meta-argument \"count\"",
                        replace(WIDGET, "\"labels\": schema.MapAttribute", "\"count\": schema.MapAttribute")),
                new Break(S, "writeOnlyNotComputed", "sound_widget.secret_value: expected a write-only attribute that is not Computed",
                        replace(WIDGET, "Optional:    true,\n\t\t\t\tSensitive:   true,",
                                "Optional:    true,\n\t\t\t\tComputed:    true,\n\t\t\t\tWriteOnly:   true,")),
                new Break(S, "defaultIsAllowed", "expected a Default among [fast, slow], found \"medium\"",
                        replace(WIDGET, "stringdefault.StaticString(\"fast\")", "stringdefault.StaticString(\"medium\")")),
                new Break(S, "typeNamesUnique", "sound_widget: expected one registration of this type name",
                        replace("internal/provider/provider.go", "resource.Resource{NewWidgetResource}",
                                "resource.Resource{NewWidgetResource, NewWidgetResource}")),
                new Break(S, "typeNamesCarryTheProviderPrefix", "found \"widget\"",
                        replace(WIDGET, "req.ProviderTypeName + \"_widget\"", "\"widget\"")),
                new Break(D, "secretsAreMarked", "sound_widget.secret_value: expected Sensitive or WriteOnly",
                        replace(WIDGET, "Sensitive:   true,\n\t\t\t\tDescription: \"A value kept secret.\"",
                                "Description: \"A value kept secret.\"")),
                new Break(D, "upgraderForEveryEarlierVersion", "sound_widget: expected an upgrader for version 0",
                        replace(WIDGET, "0: {PriorSchema: &v0", "5: {PriorSchema: &v0")),
                new Break(D, "stableIdsUseState", "sound_widget.id: expected the UseStateForUnknown plan modifier",
                        replace(WIDGET, "PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},", "")),
                new Break(D, "resourcesSupportImport", "sound_widget: expected an ImportState method",
                        replace(WIDGET, "func (r *widgetResource) ImportState(", "func (r *widgetResource) importState(")),
                new Break(D, "deprecationsSayWhatInstead", "found \"Deprecated.\"",
                        replace(WIDGET, "\"Use labels instead; removed in v2.\"", "\"Deprecated.\"")),
                new Break(D, "deprecatedNotRequired", "sound_widget.colour: expected a deprecated attribute to be Optional",
                        replace(WIDGET, "Optional:           true,\n\t\t\t\tDescription:        \"The widget's colour.\"",
                                "Required:           true,\n\t\t\t\tDescription:        \"The widget's colour.\"")),
                new Break(D, "schemasDescribed", "sound_widget: expected a Description or MarkdownDescription on the schema",
                        replace(WIDGET, "Description: \"A widget of the sound API.\",", "")),
                new Break(D, "attributesDescribed", "sound_widget.name: expected a Description",
                        replace(WIDGET, "{Required: true, Description: \"The widget's name.\"}", "{Required: true}")),
                new Break(D, "providerConfigurationOptional", "provider sound.endpoint: expected Optional",
                        replace("internal/provider/provider.go", "\"endpoint\":  schema.StringAttribute{Optional: true",
                                "\"endpoint\":  schema.StringAttribute{Required: true")),
                new Break(D, "functionsDescribed", "function reverse, parameter input: expected a Name and a Description",
                        replace("internal/provider/reverse_function.go", "Description: \"The string to reverse.\"", "")),
                new Break(T, "everyResourceTested", "sound_widget: expected a test with steps",
                        replace(TESTS, "resource \"sound_widget\"", "resource \"other_widget\"")),
                new Break(T, "everyDataSourceTested", "data.sound_lookup: expected a test with steps",
                        replace(TESTS, "data \"sound_lookup\"", "data \"other_lookup\"")),
                new Break(T, "everyEphemeralResourceTested", "ephemeral.sound_token: expected a test with steps",
                        all(replace(TESTS, "func TestAccToken_basic", "func TestAccSession_basic"),
                                replace(TESTS, "ephemeral \"sound_token\"", "ephemeral \"other_session\""))),
                new Break(T, "importTested", "found ImportState without ImportStateVerify",
                        replace(TESTS, "ImportState: true, ImportStateVerify: true", "ImportState: true")),
                new Break(T, "checkDestroy", "sound_widget: expected CheckDestroy",
                        replace(TESTS, "CheckDestroy: testAccCheckWidgetDestroy,", "")),
                new Break(T, "acceptanceTestNames", "TestLookup_basic: expected a name beginning with TestAcc for a test run "
                        + "by resource.Test, found TestLookup_basic",
                        replace(TESTS, "func TestAccLookup_basic", "func TestLookup_basic")),
                new Break(T, "acceptanceTestNames", "TestLookup_basic: expected a name beginning with TestAcc for a test run "
                        + "by resource.ParallelTest, found TestLookup_basic",
                        replace(TESTS, "func TestAccLookup_basic(t *testing.T) {\n\tresource.Test(",
                                "func TestLookup_basic(t *testing.T) {\n\tresource.ParallelTest(")),
                new Break(T, "acceptanceTestUnderscore", "TestAccLookupBasic: expected an underscore",
                        replace(TESTS, "func TestAccLookup_basic", "func TestAccLookupBasic")),
                new Break(T, "updateTested", "sound_widget: expected a test with two Config steps",
                        all(replace(TESTS, "{Config: `resource \"sound_widget\" \"test\" { name = \"two\" }`},", ""),
                                replace(TESTS, "{Config: `resource \"sound_widget\" \"test\" { name = \"one\" }`, PlanOnly: true},",
                                        "{PlanOnly: true},"))),
                new Break(T, "upgradeTested", "sound_widget: expected a test pinning a released provider",
                        replace(TESTS, "ExternalProviders: map[string]resource.ExternalProvider{\"sound\": {Source: "
                                + "\"example.com/sound/sound\", VersionConstraint: \"0.9.0\"}},", "")),
                new Break(K, "providerExample", "expected the provider's example configuration",
                        delete("examples/provider/provider.tf")),
                new Break(K, "resourceExamples", "expected the example examples/resources/sound_widget/resource.tf, found none",
                        delete(EXAMPLE)),
                new Break(K, "resourceExamples", "expected the example examples/resources/sound_widget/resource.tf, found only "
                        + "basic.tf, which tfplugindocs' default template does not show",
                        all(write("examples/resources/sound_widget/basic.tf", "resource \"sound_widget\" \"x\" { name = \"a\" }\n"),
                                delete(EXAMPLE))),
                new Break(K, "dataSourceExamples", "expected the example examples/data-sources/sound_lookup/data-source.tf",
                        delete("examples/data-sources/sound_lookup/data-source.tf")),
                new Break(K, "ephemeralExamples", "expected the example examples/ephemeral-resources/sound_token/ephemeral-resource.tf",
                        delete("examples/ephemeral-resources/sound_token/ephemeral-resource.tf")),
                new Break(K, "importExamples", "expected examples/resources/sound_widget/import.sh",
                        delete("examples/resources/sound_widget/import.sh")),
                new Break(K, "functionExamples", "expected the example examples/functions/reverse/function.tf",
                        delete("examples/functions/reverse/function.tf")),
                new Break(K, "examplesMatchSchema", "found \"colour_name\"",
                        replace(EXAMPLE, "size   = 2", "size   = 2\n  colour_name = \"red\"")),
                new Break(K, "examplesSetRequired", "expected the Required attribute name to be set",
                        replace(EXAMPLE, "name   = \"example\"", "")),
                new Break(K, "docsPages", "expected the page docs/resources/widget.md", delete("docs/resources/widget.md")),
                new Break(K, "noStalePages", "found docs/resources/gadget.md",
                        write("docs/resources/gadget.md", "---\npage_title: gadget\n---\n# sound_gadget\n")),
                new Break(K, "pagesMatchSchemas", "expected the page to name [mode]",
                        replace("docs/resources/widget.md", "- `mode` (String) fast or slow.\n", "")),
                new Break(K, "filesParse", "expected a file that parses",
                        replace(EXAMPLE, "labels = { team = \"audio\" }", "labels = { team = \"audio\" ")));
    }

    private Path copyOfSound(String name) {
        try {
            Path from = Path.of(FrameworkPlanTest.class.getResource("sound").toURI());
            Path to = temp.resolve(name);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The framework plan reads no inventory: none is given. */
    private static CriterionTestKit.Outcome run(Class<?> story, String method, Path provider, Map<String, String> extra) {
        Map<String, String> params = new java.util.HashMap<>(extra);
        params.put(AuditConfig.INVENTORY, "");
        return CriterionTestKit.run(story, method, provider, params);
    }

    @TestFactory
    Stream<DynamicTest> everyCriterionFailsOnItsBreakAndPassesOnTheSoundProvider() {
        Path sound = copyOfSound("sound");
        List<DynamicTest> tests = new ArrayList<>();
        List<Break> breaks = breaks();
        for (int i = 0; i < breaks.size(); i++) {
            Break b = breaks.get(i);
            String folder = b.method() + "-" + i; // a criterion may have several breaks
            tests.add(DynamicTest.dynamicTest(b.story().getSimpleName() + "." + b.method(), () -> {
                CriterionTestKit.Outcome passes = run(b.story(), b.method(), sound, Map.of());
                passes.assertAllSucceeded();
                Path broken = copyOfSound(folder);
                b.edit().apply(broken);
                CriterionTestKit.Outcome fails = run(b.story(), b.method(), broken, Map.of());
                TestExecutionResult r = fails.single();
                assertThat(r.getStatus()).as("%s on its broken fixture: %s", b.method(), fails.message(r))
                        .isEqualTo(TestExecutionResult.Status.FAILED);
                assertThat(fails.message(r)).contains(b.expected());
            }));
        }
        return tests.stream();
    }

    @Test
    void removalWithoutDeprecationFailsAgainstTheBaselineAndPassesWithout() throws IOException {
        Path sound = copyOfSound("current");
        Path same = copyOfSound("same");
        run(FrameworkDesign.class, "deprecationBeforeRemoval", sound, Map.of(AuditConfig.BASELINE_PATH, same.toString()))
                .assertAllSucceeded();

        Path older = copyOfSound("older");
        replace(WIDGET, "\"labels\": schema.MapAttribute{", "\"legacy\": schema.StringAttribute{Optional: true},\n"
                + "\t\t\t\"labels\": schema.MapAttribute{").apply(older);
        CriterionTestKit.Outcome fails = run(FrameworkDesign.class, "deprecationBeforeRemoval", sound,
                Map.of(AuditConfig.BASELINE_PATH, older.toString()));
        TestExecutionResult r = fails.single();
        assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(fails.message(r)).contains("sound_widget.legacy: expected a deprecation");

        // Deprecated in the earlier release: removing it now is the documented path.
        Path deprecatedFirst = copyOfSound("deprecated-first");
        replace(WIDGET, "\"labels\": schema.MapAttribute{", "\"legacy\": schema.StringAttribute{Optional: true, "
                + "DeprecationMessage: \"Use labels.\"},\n\t\t\t\"labels\": schema.MapAttribute{").apply(deprecatedFirst);
        run(FrameworkDesign.class, "deprecationBeforeRemoval", sound, Map.of(AuditConfig.BASELINE_PATH, deprecatedFirst.toString()))
                .assertAllSucceeded();

        // Without a previous release there is nothing to compare: skipped, saying so.
        TestExecutionResult skipped = run(FrameworkDesign.class, "deprecationBeforeRemoval", sound, Map.of()).single();
        assertThat(skipped.getStatus()).isEqualTo(TestExecutionResult.Status.ABORTED);
        assertThat(skipped.getThrowable().orElseThrow().getMessage()).startsWith("skipped: a previous release");
    }

    @Test
    void aVersionWithoutUpgradersIsJudgedByWhatWasReleased() throws IOException {
        Edit noUpgraders = replace(WIDGET, "func (r *widgetResource) UpgradeState(", "func (r *widgetResource) upgradeState(");
        Path current = copyOfSound("no-upgraders");
        noUpgraders.apply(current);
        Path releasedAtZero = copyOfSound("released-at-zero");
        all(noUpgraders, replace(WIDGET, "Version:     1,", "")).apply(releasedAtZero);
        CriterionTestKit.Outcome fails = run(FrameworkDesign.class, "upgraderForEveryEarlierVersion", current,
                Map.of(AuditConfig.BASELINE_PATH, releasedAtZero.toString()));
        TestExecutionResult r = fails.single();
        assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(fails.message(r)).contains("sound_widget: expected UpgradeState with an upgrader for version 0 (released in");

        // Born at Version 1: there is no earlier state to upgrade.
        Path releasedAtOne = copyOfSound("released-at-one");
        noUpgraders.apply(releasedAtOne);
        run(FrameworkDesign.class, "upgraderForEveryEarlierVersion", current, Map.of(AuditConfig.BASELINE_PATH,
                releasedAtOne.toString())).assertAllSucceeded();

        TestExecutionResult skipped = run(FrameworkDesign.class, "upgraderForEveryEarlierVersion", current, Map.of()).single();
        assertThat(skipped.getStatus()).isEqualTo(TestExecutionResult.Status.ABORTED);
        assertThat(skipped.getThrowable().orElseThrow().getMessage()).startsWith("skipped: a previous release, to know whether");
    }

    /**
     * terraform-provider-awscc's way: the test passes the type name to a helper that writes the
     * configuration when it runs. The test declares the type; tests that name it nowhere do not.
     */
    @Test
    void aTestThatBuildsItsConfigurationFromTheTypeNameTestsThatType() throws IOException {
        String helper = "\ntype testData struct{ typ string }\n\n"
                + "func newTestData(typ string) testData { return testData{typ} }\n\n"
                + "func (d testData) config(name string) string {\n\treturn \"resource \\\"\" + d.typ + \"\\\" \\\"test\\\" { name = \\\"\" + name + \"\\\" }\"\n}\n";
        Edit builtAtRunTime = all(
                replace(TESTS, "func TestAccWidget_basic(t *testing.T) {\n", "func TestAccWidget_basic(t *testing.T) {\n\ttd := newTestData(\"sound_widget\")\n"),
                replace(TESTS, "{Config: `resource \"sound_widget\" \"test\" { name = \"one\" }`},\n\t\t\t{Config: `resource \"sound_widget\" \"test\" { name = \"two\" }`},",
                        "{Config: td.config(\"one\")},\n\t\t\t{Config: td.config(\"two\")},"),
                replace(TESTS, "{Config: `resource \"sound_widget\" \"test\" { name = \"one\" }`, PlanOnly: true},",
                        "{Config: newTestData(\"sound_widget\").config(\"one\"), PlanOnly: true},"),
                replace(TESTS, "\t\t\t\tConfig:            `resource \"sound_widget\" \"test\" { name = \"one\" }`,",
                        "\t\t\t\tConfig:            newTestData(\"sound_widget\").config(\"one\"),"),
                dir -> Files.writeString(dir.resolve(TESTS), Files.readString(dir.resolve(TESTS)) + helper));
        Path named = copyOfSound("named-at-run-time");
        builtAtRunTime.apply(named);
        assertThat(Files.readString(named.resolve(TESTS))).doesNotContain("resource \"sound_widget\"");
        run(T, "everyResourceTested", named, Map.of()).assertAllSucceeded();
        run(T, "importTested", named, Map.of()).assertAllSucceeded();

        Path namedOtherwise = copyOfSound("another-type-named");
        all(builtAtRunTime, replace(TESTS, "newTestData(\"sound_widget\")", "newTestData(\"sound_gadget\")")).apply(namedOtherwise);
        TestExecutionResult r = run(T, "everyResourceTested", namedOtherwise, Map.of()).single();
        assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    }

    @Test
    void everyCriterionOfThePlanHasABreak() {
        List<String> tested = new ArrayList<>(breaks().stream().map(b -> b.story().getSimpleName() + "." + b.method()).distinct().toList());
        tested.add("FrameworkDesign.deprecationBeforeRemoval");
        List<String> criteria = Stream.of(S, D, T, K).flatMap(c -> Arrays.stream(c.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(io.tfaudit.api.Criterion.class))
                .map(m -> c.getSimpleName() + "." + m.getName())).toList();
        assertThat(tested).containsExactlyInAnyOrderElementsOf(criteria);
        assertThat(criteria).hasSizeGreaterThanOrEqualTo(40);
    }
}
