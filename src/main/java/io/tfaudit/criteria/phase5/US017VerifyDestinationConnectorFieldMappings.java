package io.tfaudit.criteria.phase5;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.provider.Category;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The 22 destination connectors of the PRD (the inventory's destinations, united with what the
 * provider registers), each against its backend configuration
 * ({@code app/destinations/plugins/<code>/configuration.latest.json}). Needs the backend checkout.
 */
@UserStory(id = "US-017", title = "Verify Destination Connector Field Mappings", phase = Phase.PHASE_5)
public class US017VerifyDestinationConnectorFieldMappings {

    // Blocker: a password or encrypted field not marked Sensitive leaks a secret into plans and
    // state output (security); a type the backend does not accept, or a mapping to a key it
    // ignores or computes itself, makes create/update fail or drop the configured value.
    @TestFactory
    @DisplayName("Verify field alignment for all destinations:")
    @Criterion(value = 1, severity = Severity.BLOCKER)
    Stream<DynamicTest> fieldAlignment(CriterionRun run) {
        return BackendAlignment.fieldAlignment(run, Category.DESTINATION);
    }

    // Normal: an unmapped user-defined field is a setting Terraform users lack (missing coverage).
    @TestFactory
    @DisplayName("100% field coverage for each connector")
    @Criterion(value = 2, severity = Severity.NORMAL)
    Stream<DynamicTest> fieldCoverage(CriterionRun run) {
        return BackendAlignment.fieldCoverage(run, Category.DESTINATION);
    }

    // Minor: an undocumented discrepancy is a documentation gap.
    @TestFactory
    @DisplayName("Document any discrepancies found")
    @Criterion(value = 3, severity = Severity.MINOR)
    Stream<DynamicTest> discrepanciesDocumented(CriterionRun run) {
        return BackendAlignment.discrepanciesDocumented(run, Category.DESTINATION);
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 4, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
