package io.tfaudit.criteria.phase9;

import io.tfaudit.audit.Audit;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.documentation.ExampleFiles;
import io.tfaudit.provider.files.FileProblem;
import io.tfaudit.provider.files.HclFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each resource's examples: its folder, a {@code basic.tf} setting every required attribute,
 * a {@code complete.tf} setting every configurable one with comments, every example valid HCL,
 * and formatted as {@code terraform fmt} writes it.
 */
@UserStory(id = "US-027", title = "Verify Example Files", phase = Phase.PHASE_9)
public class US027VerifyExampleFiles {

    @TestFactory
    @DisplayName("All 53 resources have `examples/resources/streamkap_{name}/` directory")
    @Criterion(value = 1, severity = Severity.MINOR)
    Stream<DynamicTest> everyResourceHasAnExampleFolder(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> ExampleFiles.verifyFolder(run, r.typeName()));
    }

    @TestFactory
    @DisplayName("Each has `basic.tf` with minimal required config")
    @Criterion(value = 2, severity = Severity.MINOR)
    Stream<DynamicTest> basicSetsTheRequiredAttributes(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> ExampleFiles.verifyBasic(run, r));
    }

    @TestFactory
    @DisplayName("Each has `complete.tf` with all options and comments")
    @Criterion(value = 3, severity = Severity.MINOR)
    Stream<DynamicTest> completeSetsEveryOptionWithComments(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> ExampleFiles.verifyComplete(run, r));
    }

    @Test
    @DisplayName("Examples are syntactically valid Terraform")
    @Criterion(value = 4, severity = Severity.MINOR)
    void examplesParse(CriterionRun run) {
        Findings f = run.findings();
        var examples = run.provider().files().examples();
        if (examples.isEmpty()) {
            f.add("examples/", "expected Terraform examples (*.tf), found none");
        }
        for (HclFile file : examples) {
            FileProblem p = file.problem();
            if (p != null) {
                f.add(p.line() > 0 ? p.path() + ":" + p.line() : p.path(), p.message());
            }
        }
        run.evidence("examples read", examples.size() + " .tf file(s) under examples/, "
                + examples.stream().filter(HclFile::parsed).count() + " valid HCL");
        f.verify();
    }

    @Test
    @DisplayName("Run: `terraform fmt -check examples/`")
    @Criterion(value = 5, severity = Severity.MINOR)
    void examplesAreFormatted(CriterionRun run) {
        ExampleFiles.verifyFormatted(run);
    }
}
