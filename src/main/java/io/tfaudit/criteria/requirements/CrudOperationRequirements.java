package io.tfaudit.criteria.requirements;

import static io.tfaudit.audit.Restated.criteria;

import io.tfaudit.audit.Audit;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.phase2.US006VerifyBaseResourceImplementation;
import io.tfaudit.provider.Resource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The PRD's CRUD requirements, per resource (data sources have no CRUD). */
@UserStory(id = "FR-4-6", title = "CRUD Operations", phase = Phase.FUNCTIONAL_REQUIREMENTS)
public class CrudOperationRequirements {

    @TestFactory
    @DisplayName("All resources must support Create, Read, Update, Delete operations")
    @Criterion(value = 4, id = "FR-4", severity = Severity.BLOCKER)
    Stream<DynamicTest> createReadUpdateDelete(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> {
            Resource res = r.registered();
            Findings f = run.findings();
            for (String op : List.of("Create", "Read", "Update", "Delete")) {
                if (US006VerifyBaseResourceImplementation.method(run, res, op).isEmpty()) {
                    f.add(res.constructorPos(), res.typeName() + ": expected a " + op + " method on " + res.implementation()
                            + " (declared in " + res.implementationFile() + "), found none");
                }
            }
            f.verify();
        });
    }

    @TestFactory
    @DisplayName("All resources must support Import via ID")
    @Criterion(value = 5, id = "FR-5", severity = Severity.CRITICAL)
    Stream<DynamicTest> importViaId(CriterionRun run) {
        return run.restatePerResource(criteria(US006VerifyBaseResourceImplementation.class, 6));
    }

    /**
     * "Configurable" is what the user sees: a {@code timeouts} block (or attribute) in the
     * schema. Whether each CRUD method applies it is US-006.5's, a stricter sentence; it is not
     * restated here.
     */
    @TestFactory
    @DisplayName("All resources must support configurable timeouts")
    @Criterion(value = 6, id = "FR-6", severity = Severity.NORMAL)
    Stream<DynamicTest> configurableTimeouts(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> {
            Resource res = r.registered();
            Findings f = run.findings();
            if (res.schema() == null) {
                f.add(res.constructorPos(), res.typeName() + ": expected a schema with a `timeouts` block, found none (the schema "
                        + "could not be read: " + res.unresolved() + ")");
            } else if (!res.schema().blocks().containsKey("timeouts") && !res.schema().attributes().containsKey("timeouts")) {
                f.add(res.schema().pos(), res.typeName() + ": expected a `timeouts` block (or attribute) in the schema so that "
                        + "users can configure them, found none among " + res.schema().blocks().keySet());
            }
            f.verify();
        });
    }
}
