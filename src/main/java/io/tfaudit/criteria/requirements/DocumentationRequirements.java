package io.tfaudit.criteria.requirements;

import static io.tfaudit.audit.Restated.criteria;

import io.tfaudit.audit.Audit;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.documentation.ExampleFiles;
import io.tfaudit.criteria.phase10b.US045CreateMissingResourceDocumentation;
import io.tfaudit.criteria.phase10b.US046UpdateInlineCodeComments;
import io.tfaudit.criteria.phase10b.US047CreateTestDocumentation;
import io.tfaudit.criteria.phase10b.US048CreateCodeGeneratorDocumentation;
import io.tfaudit.criteria.phase10b.US049UpdateChangelogForAuditFindings;
import io.tfaudit.criteria.phase10b.US051UpdateReadmeWithQuickStartGuide;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The PRD's documentation requirements. */
@UserStory(id = "FR-31-38", title = "Documentation", phase = Phase.FUNCTIONAL_REQUIREMENTS)
public class DocumentationRequirements {

    /** That the page exists: its sections are US-045.5's, which asks more than this sentence. */
    @TestFactory
    @DisplayName("All resources must have documentation in `docs/resources/`")
    @Criterion(value = 31, id = "FR-31", severity = Severity.MINOR)
    Stream<DynamicTest> resourcePages(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> US045CreateMissingResourceDocumentation.pageExists(run, r));
    }

    @Test
    @DisplayName("All exported functions must have GoDoc comments")
    @Criterion(value = 32, id = "FR-32", severity = Severity.MINOR)
    void goDocOnExportedFunctions(CriterionRun run) {
        run.restate(criteria(US046UpdateInlineCodeComments.class, 6));
    }

    @Test
    @DisplayName("Complex logic must have inline comments explaining rationale")
    @Criterion(value = 33, id = "FR-33", severity = Severity.MINOR)
    void complexLogicIsCommented(CriterionRun run) {
        US046UpdateInlineCodeComments.complexLogicCommented(run);
    }

    @Test
    @DisplayName("`docs/TESTING.md` must document all test tiers and procedures")
    @Criterion(value = 34, id = "FR-34", severity = Severity.MINOR)
    void testingGuide(CriterionRun run) {
        run.restate(criteria(US047CreateTestDocumentation.class, 1, 2, 3, 4, 5, 6, 7));
    }

    @Test
    @DisplayName("`docs/CODE_GENERATOR.md` must document tfgen usage and extension")
    @Criterion(value = 35, id = "FR-35", severity = Severity.MINOR)
    void codeGeneratorGuide(CriterionRun run) {
        run.restate(criteria(US048CreateCodeGeneratorDocumentation.class, 1, 2, 3, 4, 5, 6, 7));
    }

    /** That both files exist: what they hold is US-050.3/4's ("minimal", "all options with comments"). */
    @TestFactory
    @DisplayName("All resources must have `basic.tf` and `complete.tf` examples")
    @Criterion(value = 36, id = "FR-36", severity = Severity.MINOR)
    Stream<DynamicTest> basicAndCompleteExamples(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> ExampleFiles.verifyBothExist(run, r));
    }

    /**
     * Fixes and improvements: bug fixes, new tests, documentation improvements (US-049.2–4).
     * Breaking changes (US-049.5), where they are listed (.1) and the format (.6) are not in this sentence.
     */
    @Test
    @DisplayName("CHANGELOG must document all audit fixes and improvements")
    @Criterion(value = 37, id = "FR-37", severity = Severity.MINOR)
    void changelogDocumentsTheAudit(CriterionRun run) {
        run.restate(criteria(US049UpdateChangelogForAuditFindings.class, 2, 3, 4));
    }

    /** The quick start and its examples (US-051.1–4); links to every resource's documentation (.5) are not in this sentence. */
    @Test
    @DisplayName("README must include quick start guide with working examples")
    @Criterion(value = 38, id = "FR-38", severity = Severity.MINOR)
    void readmeQuickStart(CriterionRun run) {
        run.restate(criteria(US051UpdateReadmeWithQuickStartGuide.class, 1, 2, 3, 4));
    }
}
