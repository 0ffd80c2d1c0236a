package io.tfaudit.criteria.phase10b;

import io.tfaudit.audit.Audit;
import io.tfaudit.audit.AuditedResource;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.criteria.documentation.ExampleFiles;
import io.tfaudit.criteria.documentation.RepoText;
import io.tfaudit.provider.files.HclFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * An examples folder per resource with {@code basic.tf}, {@code complete.tf} and
 * {@code import.sh}; formatted by {@code terraform fmt}; and valid against the provider's
 * schema the way {@code terraform validate} checks it (statically, without Terraform or the
 * provider binary).
 */
@UserStory(id = "US-050", title = "Create/Update Example Files for All Resources", phase = Phase.PHASE_10B)
public class US050CreateUpdateExampleFilesForAllResources {

    private static final Pattern IMPORT = Pattern.compile("terraform\\s+import\\s+(?:-\\S+\\s+)*['\"]?([a-z0-9_]+)\\.([A-Za-z0-9_-]+)['\"]?\\s+(\\S+)");

    @Test
    @DisplayName("Audit `examples/resources/` for missing directories")
    @Criterion(value = 1, severity = Severity.MINOR)
    void auditForMissingFolders(CriterionRun run) {
        Findings f = run.findings();
        StringBuilder table = new StringBuilder("| resource | basic.tf | complete.tf | import.sh |\n|---|---|---|---|\n");
        List<AuditedResource> scope = run.audit().resources(Audit.resourcesOnly());
        for (AuditedResource r : scope) {
            String dir = ExampleFiles.dir(r.typeName());
            table.append("| ").append(r.typeName());
            for (String name : List.of(ExampleFiles.BASIC, ExampleFiles.COMPLETE, ExampleFiles.IMPORT)) {
                table.append(" | ").append(RepoText.exists(run.provider(), dir + name) ? "yes" : "missing");
            }
            table.append(" |\n");
            if (!RepoText.isDirectory(run.provider(), dir)) {
                f.add(dir, r.typeName() + ": expected an examples folder, found no such directory");
            }
        }
        if (scope.isEmpty()) {
            f.add("examples/resources/", "expected resources to give examples for, found none in scope");
        }
        Set<String> stray = new TreeSet<>();
        for (String p : RepoText.under(run.provider(), "examples/resources")) {
            String folder = p.substring("examples/resources/".length()).split("/")[0];
            if (scope.stream().noneMatch(r -> r.typeName().equals(folder))) {
                stray.add(folder);
            }
        }
        run.evidence("examples/resources/ audit", table + (stray.isEmpty() ? ""
                : "\nfolders for no resource of the provider: " + String.join(", ", stray)));
        f.verify();
    }

    @TestFactory
    @DisplayName("Create `examples/resources/streamkap_{resource}/` for each missing resource")
    @Criterion(value = 2, severity = Severity.MINOR)
    Stream<DynamicTest> folderPerResource(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> ExampleFiles.verifyFolder(run, r.typeName()));
    }

    @TestFactory
    @DisplayName("Each directory contains `basic.tf` (minimal config)")
    @Criterion(value = 3, severity = Severity.MINOR)
    Stream<DynamicTest> basicTf(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> ExampleFiles.verifyBasic(run, r));
    }

    @TestFactory
    @DisplayName("Each directory contains `complete.tf` (all options with comments)")
    @Criterion(value = 4, severity = Severity.MINOR)
    Stream<DynamicTest> completeTf(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> ExampleFiles.verifyComplete(run, r));
    }

    @TestFactory
    @DisplayName("Each directory contains `import.sh` (import command example)")
    @Criterion(value = 5, severity = Severity.MINOR)
    Stream<DynamicTest> importSh(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> {
            Findings f = run.findings();
            String path = ExampleFiles.dir(r.typeName()) + ExampleFiles.IMPORT;
            Optional<String> text = RepoText.read(run.provider(), path);
            if (text.isEmpty()) {
                f.add(path, r.typeName() + ": expected an import command example, found no such file");
                f.verify();
            }
            Matcher m = IMPORT.matcher(text.get());
            if (!m.find()) {
                f.add(path, "expected `terraform import " + r.typeName() + ".<name> <id>`, found no terraform import command");
                f.verify();
            }
            int line = RepoText.lineOf(text.get(), m.start());
            if (!m.group(1).equals(r.typeName())) {
                f.add(path + ":" + line, "imports into " + m.group(1) + "." + m.group(2) + ", expected a " + r.typeName() + " address");
            } else {
                List<String> declared = new ArrayList<>();
                for (String name : List.of(ExampleFiles.BASIC, ExampleFiles.COMPLETE)) {
                    ExampleFiles.example(run.provider(), ExampleFiles.dir(r.typeName()) + name)
                            .ifPresent(file -> file.resources().stream().filter(b -> b.typeName().equals(r.typeName()))
                                    .forEach(b -> declared.add(b.labels().size() > 1 ? b.labels().get(1) : "")));
                }
                if (!declared.isEmpty() && !declared.contains(m.group(2))) {
                    f.add(path + ":" + line, "imports into " + m.group(1) + "." + m.group(2) + ", but basic.tf and complete.tf "
                            + "declare " + r.typeName() + " as " + declared + ": the command would not match the example");
                }
            }
            f.verify();
        });
    }

    @Test
    @DisplayName("All examples pass `terraform fmt -check`")
    @Criterion(value = 6, severity = Severity.MINOR)
    void formatted(CriterionRun run) {
        ExampleFiles.verifyFormatted(run);
    }

    @TestFactory
    @DisplayName("All examples pass `terraform validate` (syntax check)")
    @Criterion(value = 7, severity = Severity.MINOR)
    Stream<DynamicTest> valid(CriterionRun run) {
        return run.forEachResource(Audit.resourcesOnly(), r -> {
            Findings f = run.findings();
            String dir = ExampleFiles.dir(r.typeName());
            List<HclFile> files = run.provider().files().examples().stream().filter(e -> e.path().startsWith(dir)).toList();
            if (files.isEmpty()) {
                f.add(dir, r.typeName() + ": expected examples to validate, found no .tf file");
            }
            for (HclFile file : files) {
                if (file.problem() != null) {
                    f.add(file.problem().line() > 0 ? file.path() + ":" + file.problem().line() : file.path(), file.problem().message());
                } else {
                    ExampleFiles.validate(run.provider(), file, f);
                }
            }
            ExampleFiles.validateFolder(files, f);
            run.evidence("validated", files.size() + " file(s) of " + dir + " checked as one module, as terraform validate reads a "
                    + "folder (statically: declarations repeated across its files; against the provider's schemas, unknown, "
                    + "read-only, deprecated and missing required attributes, literals Terraform cannot convert, blocks)");
            f.verify();
        });
    }
}
