package io.tfaudit.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfaudit.api.AuditPlan;
import io.tfaudit.cli.MainAccess;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.ProviderReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The plan an audit runs: chosen by name, else by the provider; and no result of one plan in the other. */
class AuditPlansTest {

    @TempDir
    Path dir;

    private static Path sound() throws Exception {
        return Path.of(AuditPlansTest.class.getResource("sound").toURI());
    }

    @Test
    void theStreamkapProviderGetsThePrdPlanAndAnyOtherTheFrameworkPlan() throws Exception {
        ProviderModel sample = ProviderReader.readSchemas(io.tfaudit.audit.SampleProvider.directory());
        assertThat(AuditPlan.choose(null, sample).plan()).isEqualTo(AuditPlan.PRD);
        AuditPlan.Choice other = AuditPlan.choose(null, ProviderReader.readSchemas(sound()));
        assertThat(other.plan()).isEqualTo(AuditPlan.FRAMEWORK);
        assertThat(other.line("--plan ")).isEqualTo("plan: framework (the provider's type name is \"sound\", not "
                + "\"streamkap\"; --plan prd chooses the other)");
        assertThat(AuditPlan.choose("PRD", ProviderReader.readSchemas(sound())).plan()).isEqualTo(AuditPlan.PRD);
        assertThatThrownBy(() -> AuditPlan.named("sdkv2")).hasMessageContaining("not a plan (prd, framework)");
    }

    private record Result(int code, String out) {}

    private static Result run(String... args) {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int code = MainAccess.run(args, printed);
        return new Result(code, printed.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The criteria ids of the results an audit wrote. */
    private static Set<String> criteria(Path results) throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            return files.filter(p -> p.toString().endsWith("-result.json")).flatMap(p -> {
                try {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"name\"\\s*:\\s*\"criterion\",\\s*\"value\"\\s*:\\s*\"([^\"]+)\"")
                            .matcher(Files.readString(p));
                    return m.find() ? Stream.of(m.group(1)) : Stream.empty();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        }
    }

    @Test
    void theCommandLineSaysWhichPlanItChoseFirstAndRunsOnlyThatPlan() throws Exception {
        Result framework = run("audit", "--provider", sound().toString(), "--results",
                dir.resolve("f/allure-results").toString());
        assertThat(framework.out().lines().findFirst().orElse("")).startsWith("plan: framework (the provider's type name is \"sound\"");
        Set<String> ids = criteria(dir.resolve("f/allure-results"));
        assertThat(ids).hasSizeGreaterThanOrEqualTo(40).allMatch(id -> id.startsWith("TF-"));
        assertThat(framework.code()).as(framework.out()).isZero();

        Result prd = run("audit", "--plan", "prd", "--provider", sound().toString(), "--results",
                dir.resolve("p/allure-results").toString(), "--select", "io.tfaudit.criteria.phase1", "--fail-on", "none");
        assertThat(prd.out().lines().findFirst().orElse("")).isEqualTo("plan: prd (asked for; --plan framework chooses the other)");
        assertThat(criteria(dir.resolve("p/allure-results"))).isNotEmpty().noneMatch(id -> id.startsWith("TF-"));

        assertThat(run("audit", "--plan", "nope").code()).isEqualTo(2);
    }

    @Test
    void otherLaunchersKeepTheClassesOfThePlanChosen() {
        String before = System.getProperty(AuditPlan.KEY);
        try {
            for (AuditPlan plan : AuditPlan.values()) {
                System.setProperty(AuditPlan.KEY, plan.id());
                TestPlan discovered = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(DiscoverySelectors.selectPackage("io.tfaudit.criteria.phase1"),
                                DiscoverySelectors.selectPackage("io.tfaudit.framework"))
                        .filters(org.junit.platform.launcher.TagFilter.includeTags("audit")).build());
                List<String> classes = discovered.getRoots().stream().flatMap(r -> discovered.getChildren(r).stream())
                        .map(TestIdentifier::getLegacyReportingName).toList();
                assertThat(classes).as("classes kept under %s", plan).isNotEmpty()
                        .allMatch(c -> c.startsWith(plan.packageName() + "."));
            }
        } finally {
            if (before == null) {
                System.clearProperty(AuditPlan.KEY);
            } else {
                System.setProperty(AuditPlan.KEY, before);
            }
        }
    }
}
