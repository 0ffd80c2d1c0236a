package io.tfaudit.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

import io.tfaudit.go.ast.Pos;
import java.util.List;
import java.util.Set;

/**
 * A Go {@code Test*} function of the provider and what it does, read from its body and the
 * functions of the module it calls: the resource types its HCL configurations declare, its
 * steps, whether it imports, checks destruction, expects an empty plan, pins an external
 * (older) provider, which HTTP statuses and environment variables it uses. {@code namedTypes}
 * are the type names it passes as string values (not in HCL): a configuration built at run
 * time from them (terraform-provider-awscc's {@code acctest.NewTestData(t, "AWS::…", "awscc_x", "test")}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TestFunction(
        String name,
        Kind kind,
        Pos pos,
        Set<String> resourceTypes,
        Set<String> dataSourceTypes,
        int steps,
        int configSteps,
        boolean importStep,
        boolean importStateVerify,
        boolean checkDestroy,
        boolean expectsEmptyPlan,
        List<String> externalProviderVersions,
        Set<Integer> httpStatuses,
        Set<String> envVars,
        Set<String> calledNames,
        Set<String> namedTypes) {

    /** The test tiers the PRD names. */
    public enum Kind { ACCEPTANCE, MIGRATION, SCHEMA_COMPATIBILITY, SMOKE, INTEGRATION, SWEEPER, UNIT }

    public boolean hasUpdateStep() {
        return configSteps >= 2;
    }
}
