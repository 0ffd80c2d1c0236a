package io.tfaudit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The layers as the architecture describes them: the public API ({@code io.tfaudit.api})
 * depends on no engine package and marks every public type with {@code @API}, the framework
 * plan is written against the API alone, and no two packages of {@code io.tfaudit}, at any
 * depth, depend on each other.
 */
class ArchitectureTest {

    private static final String[] ENGINE = {"io.tfaudit.audit..", "io.tfaudit.report..", "io.tfaudit.cli..",
            "io.tfaudit.criteria..", "io.tfaudit.framework..", "io.tfaudit.backend..", "io.tfaudit.bench.."};

    /** tfaudit's main classes, read from where Maven compiled them (scanning the class path reads every jar). */
    private static final JavaClasses MAIN = new ClassFileImporter()
            // The generated parser is most of the bytes and none of the dependencies that matter here.
            .withImportOption(location -> !location.contains("/io/tfaudit/go/syntax/"))
            .importPath(java.nio.file.Path.of(ArchitectureTest.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                    .resolveSibling("classes"));

    @Test
    void theApiDependsOnNothingInTheEngine() {
        noClasses().that().resideInAPackage("io.tfaudit.api..")
                .should().dependOnClassesThat().resideInAnyPackage(ENGINE)
                .check(MAIN);
    }

    @Test
    void everyPublicTypeOfTheApiIsMarked() {
        classes().that().resideInAPackage("io.tfaudit.api").and().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(API.class)
                .check(MAIN);
    }

    @Test
    void theFrameworkPlanIsWrittenAgainstTheApi() {
        noClasses().that().resideInAPackage("io.tfaudit.framework..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tfaudit.audit..", "io.tfaudit.report..",
                        "io.tfaudit.cli..", "io.tfaudit.criteria..")
                .check(MAIN);
    }

    @Test
    void thePackagesHaveNoCycles() {
        slices().matching("io.tfaudit.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theSubPackagesHaveNoCycles() {
        // Known, and not the engine's: a parsed GoFile carries its parser's SyntaxErrors.
        slices().matching("io.tfaudit.(**)").should().beFreeOfCycles()
                .ignoreDependency(io.tfaudit.go.ast.GoFile.class, io.tfaudit.go.parse.SyntaxError.class)
                .check(MAIN);
    }
}
