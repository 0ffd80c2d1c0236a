package io.tfaudit.criteria.phase5;

import io.qameta.allure.Allure;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.backend.Alignment.ConnectorAlignment;
import io.tfaudit.backend.Alignment.Difference;
import io.tfaudit.backend.Alignment.Kind;
import io.tfaudit.backend.AlignmentReport;
import io.tfaudit.backend.BackendConfigs;
import io.tfaudit.backend.BackendConnector;
import io.tfaudit.backend.BackendField;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.files.FileProblem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The alignment tooling is tfaudit itself ({@link io.tfaudit.backend}, the {@code align}
 * command): these criteria run it on the backend checkout and report what it finds. Each
 * needs the backend ({@code backend.path}); without it they are skipped, except the part of
 * criterion 3 that the provider alone answers.
 */
@UserStory(id = "US-015", title = "Create Backend Alignment Tooling", phase = Phase.PHASE_5)
public class US015CreateBackendAlignmentTooling {

    // Normal: a backend file tfgen cannot read stops the alignment check (and generation) for
    // that connector; the provider's behaviour is not changed by it.
    @Test
    @DisplayName("Create script/tool that parses backend `configuration.latest.json`")
    @Criterion(value = 1, severity = Severity.NORMAL)
    void parsesBackendConfigurations(CriterionRun run) {
        BackendConfigs backend = BackendAlignment.backendOrSkip(run);
        Findings f = run.findings();
        for (FileProblem p : backend.problems()) {
            f.add(BackendAlignment.where(p), p.message());
        }
        for (BackendConnector c : backend.connectors()) {
            if (c.fileProblem() != null) {
                f.add(BackendAlignment.where(c.fileProblem()), c.category().label() + " " + c.code() + ": "
                        + c.fileProblem().message() + " (expected a JSON object with a \"config\" array of fields)");
            }
        }
        run.evidence("backend configurations read", backend.connectors().size() + " files under " + backend.root() + "\n"
                + String.join("\n", backend.connectors().stream().map(c -> c.file() + (c.isReadable() ? ": "
                + c.fields().size() + " fields" : ": " + c.fileProblem().message())).toList()));
        f.verify();
    }

    // Normal: an entry tfgen's Go decoding rejects (or stops on) hides that connector's fields
    // from generation and from this comparison.
    @Test
    @DisplayName("Extract all `user_defined: true` fields from backend")
    @Criterion(value = 2, severity = Severity.NORMAL)
    void extractsUserDefinedFields(CriterionRun run) {
        BackendConfigs backend = BackendAlignment.backendOrSkip(run);
        Findings f = run.findings();
        Map<String, List<String>> extracted = new TreeMap<>();
        for (BackendConnector c : backend.connectors()) {
            c.fieldProblems().forEach(p -> f.add(BackendAlignment.where(p), c.category().label() + " " + c.code() + ": " + p.message()));
            if (c.isReadable()) {
                extracted.put(c.file(), c.userDefinedFields().stream().map(BackendField::name).toList());
            }
        }
        if (!extracted.isEmpty() && extracted.values().stream().allMatch(List::isEmpty)) {
            f.add(backend.root().toString(), "expected fields with \"user_defined\": true, found none in " + extracted.size()
                    + " configurations");
        }
        StringBuilder listing = new StringBuilder();
        extracted.forEach((file, names) -> listing.append(file).append(" (").append(names.size()).append("): ")
                .append(String.join(", ", names)).append("\n"));
        run.evidence("user-defined fields", listing.toString());
        f.verify();
    }

    // Normal: without readable field mappings (or a backend configuration to compare them
    // with) a connector's alignment is unknown, which is a gap in verification, not a defect.
    @Test
    @DisplayName("Compare with generated `FieldMappings` in Terraform")
    @Criterion(value = 3, severity = Severity.NORMAL)
    void comparesWithFieldMappings(CriterionRun run) {
        Findings f = run.findings();
        List<Resource> connectors = BackendAlignment.connectorResources(run);
        if (connectors.isEmpty()) {
            f.add("Resources()", "expected source, destination or transform resources to compare, found none");
        }
        for (Resource r : connectors) {
            if (r.fieldMappings().isEmpty()) {
                f.add(r.constructorPos() == null ? r.constructor() : r.constructorPos().fileAndLine(), r.typeName()
                        + ": expected field mappings (GetFieldMappings) to compare with the backend, found none"
                        + (r.unresolved().isEmpty() ? "" : "; unresolved: " + r.unresolved()));
            }
            new TreeMap<>(r.fieldMappings()).forEach((attr, key) -> {
                if (!r.schema().attributes().containsKey(attr)) {
                    f.add(r.fieldMappingsPos() == null ? r.typeName() : r.fieldMappingsPos().fileAndLine(), r.typeName()
                            + ": field mapping " + attr + " → " + key + ": expected an attribute " + attr + " in the schema, found none");
                }
            });
        }
        f.verify();
        AlignmentReport report = BackendAlignment.reportOrSkip(run);
        for (ConnectorAlignment a : report.connectors()) {
            if (!a.compared()) {
                f.add(a.resourceWhere(), a.typeName() + ": not compared: " + a.notCompared());
            }
        }
        f.verify();
    }

    // Normal: a user-defined backend setting without an attribute is a feature Terraform users
    // lack (the PRD's "missing coverage"), not a defect in what the provider does.
    @Test
    @DisplayName("Report missing fields (in backend but not Terraform)")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void reportsMissingFields(CriterionRun run) {
        report(run, Kind.MISSING);
    }

    // Critical: an attribute mapped to a key the backend does not take from users is a value
    // the user sets and the backend ignores or overwrites: configuration is lost silently.
    @Test
    @DisplayName("Report extra fields (in Terraform but not backend)")
    @Criterion(value = 5, severity = Severity.CRITICAL)
    void reportsExtraFields(CriterionRun run) {
        report(run, Kind.EXTRA);
    }

    // Minor: the report is documentation of the alignment; an incomplete one hides connectors.
    @Test
    @DisplayName("Output structured report (JSON or markdown)")
    @Criterion(value = 6, severity = Severity.MINOR)
    void outputsStructuredReport(CriterionRun run) {
        AlignmentReport report = BackendAlignment.reportOrSkip(run);
        Allure.addAttachment("backend alignment (JSON)", "application/json", report.toJson(), ".json");
        Allure.addAttachment("backend alignment (markdown)", "text/markdown", report.toMarkdown(), ".md");
        Findings f = run.findings();
        if (report.connectors().isEmpty()) {
            f.add("Resources()", "expected the report to cover the provider's connector resources, found none to report on");
        }
        for (ConnectorAlignment a : report.connectors()) {
            if (!a.compared()) {
                f.add(a.resourceWhere(), a.typeName() + ": expected in the report with its differences, found it left out: "
                        + a.notCompared());
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 7, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }

    private static void report(CriterionRun run, Kind kind) {
        AlignmentReport report = BackendAlignment.reportOrSkip(run);
        Findings f = run.findings();
        for (ConnectorAlignment a : report.connectors()) {
            for (Difference d : a.of(kind)) {
                f.add(d.where(), d.describe(a.typeName()));
            }
        }
        f.verify();
        // A connector that could not be compared has unknown differences: skipped with the reason, never passed.
        List<String> notCompared = report.connectors().stream().filter(a -> !a.compared())
                .map(a -> a.typeName() + ": " + a.notCompared()).toList();
        if (!notCompared.isEmpty()) {
            run.skip(notCompared.size() + " connector(s) could not be compared with the backend: " + String.join("; ", notCompared), null);
        }
    }
}
