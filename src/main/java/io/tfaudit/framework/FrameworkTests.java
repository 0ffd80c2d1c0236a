package io.tfaudit.framework;

import io.tfaudit.api.Criterion;
import io.tfaudit.api.CriterionRun;
import io.tfaudit.api.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.TestFunction;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HashiCorp's testing guidance and tfproviderlint's acceptance-test checks (AT001, AT003,
 * AT005), read from the provider's Go tests: an acceptance test is a test function with
 * {@code resource.TestStep}s; it covers the types its configurations declare.
 */
@UserStory(id = "TF-TESTS", title = "Acceptance tests", phase = Phase.FRAMEWORK_TESTS)
public class FrameworkTests {

    static final String MISSING_TEST = "Missing test coverage: the provider may work, but nothing shows that it does.";

    /** A test with steps: terraform-plugin-testing's resource.Test, ParallelTest or UnitTest. */
    static boolean hasSteps(TestFunction t) {
        return t.steps() > 0;
    }

    /**
     * The tests with steps that declare it: in HCL they write, or by the type name they pass to a
     * helper that writes the configuration when the test runs (a data source's test may name the
     * resource type it reads, so a named type counts for either kind).
     */
    private static List<TestFunction> testsOf(ProviderModel model, Resource r) {
        return model.tests().stream().filter(FrameworkTests::hasSteps)
                .filter(t -> (r.isDataSource() ? t.dataSourceTypes() : t.resourceTypes()).contains(r.typeName())
                        || t.namedTypes().contains(r.typeName()))
                .toList();
    }

    private static void everyOneTested(CriterionRun run, Predicate<Resource> scope, String what) {
        ProviderModel model = run.provider();
        List<Resource> in = FrameworkModel.registered(model).stream().filter(scope).toList();
        if (in.isEmpty()) {
            run.notApplicable("the provider registers no " + what);
        }
        Findings f = run.findings();
        for (Resource r : in) {
            if (testsOf(model, r).isEmpty()) {
                f.add(r.constructorPos(), FrameworkModel.label(r) + ": expected a test with steps whose configuration declares it, "
                        + "found none among " + model.tests().stream().filter(FrameworkTests::hasSteps).count() + " such tests");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every managed resource has an acceptance test")
    @Criterion(value = 1, id = "TF-023", severity = Severity.NORMAL, severityReason = MISSING_TEST,
            why = "HashiCorp's testing guidance: every resource gets a resource.Test whose steps create, read, update and "
                    + "destroy it against the real API; it is what catches a broken Read or a plan that never settles.",
            fix = "Add TestAcc<Resource>_basic in the resource's package with a Config step that declares the resource.")
    void everyResourceTested(CriterionRun run) {
        everyOneTested(run, r -> r.category() != Category.DATA_SOURCE && r.category() != Category.EPHEMERAL_RESOURCE,
                "managed resource");
    }

    @Test
    @DisplayName("Every data source has an acceptance test")
    @Criterion(value = 2, id = "TF-024", severity = Severity.NORMAL, severityReason = MISSING_TEST,
            why = "A data source's Read is only exercised by a test whose configuration declares a data block of it.",
            fix = "Add TestAcc<DataSource>_basic with a Config step declaring data \"<type>\" and checks on its attributes.")
    void everyDataSourceTested(CriterionRun run) {
        everyOneTested(run, Resource::isDataSource, "data source");
    }

    @Test
    @DisplayName("Every ephemeral resource has an acceptance test")
    @Criterion(value = 3, id = "TF-025", severity = Severity.NORMAL, severityReason = MISSING_TEST,
            why = "An ephemeral resource's Open runs only in a plan or apply; only a test with a configuration declaring it "
                    + "runs it.",
            fix = "Add a test with a Config step declaring ephemeral \"<type>\" (and an echo provider or output to check it).")
    void everyEphemeralResourceTested(CriterionRun run) {
        ProviderModel model = run.provider();
        List<Resource> in = model.ephemeralResources().stream().filter(r -> r.typeName() != null).toList();
        if (in.isEmpty()) {
            run.notApplicable("the provider registers no ephemeral resource");
        }
        Findings f = run.findings();
        for (Resource r : in) {
            // The test reader lists the types of resource blocks; an ephemeral block's type is in its text only.
            boolean tested = model.tests().stream().filter(FrameworkTests::hasSteps).anyMatch(t -> t.resourceTypes().contains(r.typeName())
                    || t.dataSourceTypes().contains(r.typeName()) || t.calledNames().contains(r.constructor())
                    || t.name().toLowerCase(java.util.Locale.ROOT).contains(r.typeName().replace("_", "").toLowerCase(java.util.Locale.ROOT)
                            .replaceFirst("^" + java.util.regex.Pattern.quote(String.valueOf(model.providerTypeName())), "")));
            if (!tested) {
                f.add(r.constructorPos(), FrameworkModel.label(r) + ": expected a test with steps that declares it, found none");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every importable resource has a test step with ImportState and ImportStateVerify")
    @Criterion(value = 4, id = "TF-026", severity = Severity.NORMAL, severityReason = MISSING_TEST,
            why = "HashiCorp's testing guidance: an import step with ImportStateVerify shows that what import reads back is "
                    + "what create wrote; without it a broken ImportState ships unnoticed.",
            fix = "Add a step {ResourceName: \"<type>.test\", ImportState: true, ImportStateVerify: true} after the Config steps.")
    void importTested(CriterionRun run) {
        ProviderModel model = run.provider();
        List<Resource> importable = FrameworkModel.managedResources(model).stream()
                .filter(r -> FrameworkModel.method(model, r, "ImportState").isPresent()).toList();
        if (importable.isEmpty()) {
            run.notApplicable("no managed resource implements ImportState");
        }
        Findings f = run.findings();
        for (Resource r : importable) {
            List<TestFunction> tests = testsOf(model, r);
            if (tests.stream().noneMatch(t -> t.importStep() && t.importStateVerify())) {
                f.add(FrameworkModel.method(model, r, "ImportState").get().decl().pos(), r.typeName()
                        + ": expected a test step with ImportState: true and ImportStateVerify: true, found "
                        + (tests.stream().anyMatch(TestFunction::importStep) ? "ImportState without ImportStateVerify"
                        : "no import step in " + tests.size() + " test(s) declaring it"));
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every tested managed resource has an acceptance test that checks it is destroyed (CheckDestroy)")
    @Criterion(value = 5, id = "TF-027", severity = Severity.MINOR,
            severityReason = "Missing test coverage of one operation: Delete can leave objects behind unnoticed.",
            why = "tfproviderlint AT001: without CheckDestroy a Delete that does nothing passes, and the test leaves real "
                    + "objects (and costs) behind. One test per resource that checks it is enough.",
            fix = "Set CheckDestroy on a resource.TestCase of the resource to a function that reads the object and expects it gone.")
    void checkDestroy(CriterionRun run) {
        ProviderModel model = run.provider();
        Findings f = run.findings();
        for (Resource r : FrameworkModel.managedResources(model)) {
            List<TestFunction> tests = testsOf(model, r).stream().filter(t -> !t.calledNames().contains("UnitTest")).toList();
            if (!tests.isEmpty() && tests.stream().noneMatch(TestFunction::checkDestroy)) {
                f.add(tests.get(0).pos(), r.typeName() + ": expected CheckDestroy on one of its " + tests.size()
                        + " acceptance test(s), found none");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every test that runs acceptance steps against Terraform is named TestAcc…")
    @Criterion(value = 6, id = "TF-028", severity = Severity.MINOR,
            severityReason = "The test runs; but `go test -run TestAcc` and CI filters miss it.",
            why = "tfproviderlint AT005: resource.Test and ParallelTest need TF_ACC; by convention their functions begin "
                    + "with TestAcc so that `make testacc` selects them and unit runs skip them.",
            fix = "Rename the function to TestAcc<Resource>_<case>, or use resource.UnitTest if it needs no TF_ACC.")
    void acceptanceTestNames(CriterionRun run) {
        Findings f = run.findings();
        for (TestFunction t : run.provider().tests()) {
            if (hasSteps(t) && !t.name().startsWith("TestAcc") && !t.calledNames().contains("UnitTest")
                    && (t.calledNames().contains("Test") || t.calledNames().contains("ParallelTest"))) {
                String runner = t.calledNames().contains("Test") ? "resource.Test" : "resource.ParallelTest";
                f.add(t.pos(), t.name() + ": expected a name beginning with TestAcc for a test run by " + runner + ", found "
                        + t.name());
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every acceptance test's name has an underscore between its subject and its case (TestAccThing_basic)")
    @Criterion(value = 7, id = "TF-029", severity = Severity.TRIVIAL,
            severityReason = "An enhancement: nothing fails, running one resource's tests is harder.",
            why = "tfproviderlint AT003: `go test -run 'TestAccThing_'` selects one resource's tests only when the name "
                    + "separates subject and case.",
            fix = "Rename TestAccThingBasic to TestAccThing_basic.")
    void acceptanceTestUnderscore(CriterionRun run) {
        Findings f = run.findings();
        for (TestFunction t : run.provider().tests()) {
            if (t.name().startsWith("TestAcc") && hasSteps(t) && !t.name().contains("_")) {
                f.add(t.pos(), t.name() + ": expected an underscore in the name (TestAccThing_basic), found none");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every resource with an attribute updated in place has a test with an update step")
    @Criterion(value = 8, id = "TF-030", severity = Severity.MINOR,
            severityReason = "Missing test coverage of Update.",
            why = "HashiCorp's testing guidance: a second Config step that changes an attribute exercises Update and shows "
                    + "the plan settles afterwards; with one step, Update never runs in tests.",
            fix = "Add a second step whose Config changes an attribute that does not require replacement.")
    void updateTested(CriterionRun run) {
        ProviderModel model = run.provider();
        Findings f = run.findings();
        for (Resource r : FrameworkModel.managedResources(model)) {
            if (r.schema() == null || !FrameworkModel.updatableInPlace(r)) {
                continue;
            }
            List<TestFunction> tests = testsOf(model, r);
            if (!tests.isEmpty() && tests.stream().noneMatch(TestFunction::hasUpdateStep)) {
                f.add(r.constructorPos(), r.typeName() + ": expected a test with two Config steps (an update), found "
                        + tests.size() + " test(s) with at most one");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every resource with state upgraders has a test that starts from a released provider")
    @Criterion(value = 9, id = "TF-031", severity = Severity.NORMAL, severityReason = MISSING_TEST,
            why = "A state upgrader is only exercised by state an older release wrote: a step with ExternalProviders "
                    + "pinning that release, then a step with the provider under test.",
            fix = "Add a test whose first step uses ExternalProviders with the last release of the old version and whose "
                    + "next step uses ProtoV6ProviderFactories, expecting an empty plan.")
    void upgradeTested(CriterionRun run) {
        ProviderModel model = run.provider();
        List<Resource> versioned = FrameworkModel.managedResources(model).stream()
                .filter(r -> r.schema() != null && FrameworkModel.method(model, r, "UpgradeState").isPresent()).toList();
        if (versioned.isEmpty()) {
            run.notApplicable("no resource has state upgraders (UpgradeState)");
        }
        Findings f = run.findings();
        for (Resource r : versioned) {
            if (testsOf(model, r).stream().noneMatch(t -> !t.externalProviderVersions().isEmpty())) {
                f.add(r.schema().pos(), r.typeName() + ": expected a test pinning a released provider (ExternalProviders) "
                        + "before the provider under test (schema Version " + r.schema().version() + "), found none");
            }
        }
        f.verify();
    }
}
