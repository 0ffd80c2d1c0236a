package io.tfaudit.criteria.requirements;

import static io.tfaudit.audit.Restated.criteria;

import io.tfaudit.audit.Audit;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.documentation.ExampleFiles;
import io.tfaudit.criteria.phase9.US026AuditDescriptionQuality;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The PRD's AI-agent optimization requirements, per resource. */
@UserStory(id = "FR-17-19", title = "AI-Agent Optimization", phase = Phase.FUNCTIONAL_REQUIREMENTS)
public class AiAgentOptimizationRequirements {

    @TestFactory
    @DisplayName("All schema attributes must have Description and MarkdownDescription")
    @Criterion(value = 17, id = "FR-17", severity = Severity.MINOR)
    Stream<DynamicTest> bothDescriptions(CriterionRun run) {
        return run.restatePerResource(criteria(US026AuditDescriptionQuality.class, 1));
    }

    /** That both files exist: what they hold is US-027.2/3's ("minimal required config", "all options and comments"). */
    @TestFactory
    @DisplayName("All resources must have basic.tf and complete.tf examples")
    @Criterion(value = 18, id = "FR-18", severity = Severity.MINOR)
    Stream<DynamicTest> basicAndCompleteExamples(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> ExampleFiles.verifyBothExist(run, r));
    }

    @TestFactory
    @DisplayName("Enum fields must document valid values")
    @Criterion(value = 19, id = "FR-19", severity = Severity.MINOR)
    Stream<DynamicTest> enumsDocumentValidValues(CriterionRun run) {
        return run.restatePerResource(criteria(US026AuditDescriptionQuality.class, 2));
    }
}
