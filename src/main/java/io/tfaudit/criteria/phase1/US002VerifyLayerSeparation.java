package io.tfaudit.criteria.phase1;

import io.tfaudit.audit.Audit;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Node;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.program.GoModule;
import io.tfaudit.go.program.GoPackage;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.GoTypes;
import io.tfaudit.provider.Resource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@UserStory(id = "US-002", title = "Verify Layer Separation", phase = Phase.PHASE_1)
public class US002VerifyLayerSeparation {

    static final String GENERATED_DIR = "internal/generated/";

    @Test
    @DisplayName("Verify `internal/generated/*.go` files have \"DO NOT EDIT\" markers")
    @Criterion(value = 1, severity = Severity.MINOR)
    void generatedFilesHaveDoNotEditMarkers(CriterionRun run) {
        List<GoFile> generated = generatedFiles(run.audit());
        Findings findings = run.findings();
        if (generated.isEmpty()) {
            findings.add(GENERATED_DIR, "expected the generated layer's Go files here, found none");
        }
        for (GoFile f : generated) {
            // A file without declarations (a package doc.go) holds nothing a generator writes.
            if (!f.isGenerated() && !f.decls().isEmpty()) {
                findings.add(f.path() + ":1", "expected a line '// Code generated ... DO NOT EDIT.' before the package clause, found none");
            }
        }
        findings.verify();
    }

    @TestFactory
    @DisplayName("Verify `internal/resource/source/*_generated.go` wrapper files implement `ConnectorConfig` interface")
    @Criterion(value = 2, severity = Severity.BLOCKER)
    Stream<DynamicTest> wrappersImplementTheirConfigInterface(CriterionRun run) {
        GoModule module = run.provider().module();
        GoTypes types = new GoTypes(module);
        return run.forEachResource(Audit.in(Category.SOURCE, Category.DESTINATION, Category.TRANSFORM), r -> {
            Resource res = r.registered();
            Findings findings = run.findings();
            // Only an assertion that does not compile is a blocker; a missing wrapper or assertion is layering.
            run.reportSeverity(Severity.NORMAL);
            String wrapper = res.constructorFile();
            if (!wrapper.endsWith("_generated.go")) {
                findings.add(res.constructorPos(), "expected the constructor " + res.constructor()
                        + " in a wrapper file *_generated.go, found it in " + wrapper + " (no wrapper layer)");
                findings.verify();
                return;
            }
            GoFile file = module.tree().file(wrapper).orElseThrow();
            List<GoTypes.Assertion> assertions = types.assertionsIn(file).stream()
                    .filter(a -> a.interfaceName().endsWith("Config")).toList();
            if (assertions.isEmpty()) {
                findings.add(wrapper + ":1", "expected a compile-time assertion such as "
                        + "`var _ connector.ConnectorConfig = (*XConfig)(nil)`, found none");
            }
            for (GoTypes.Assertion a : assertions) {
                Optional<Set<String>> required = types.interfaceMethods(a.interfacePackage(), a.interfaceName());
                if (required.isEmpty()) {
                    findings.add(a.pos(), "interface " + a.interfaceName() + " is not declared in the module");
                    run.reportSeverity(Severity.BLOCKER);
                    continue;
                }
                GoPackage pkg = module.packageOf(file);
                Set<String> missing = new TreeSet<>(required.get());
                missing.removeAll(types.methodSet(pkg, a.typeName()));
                if (!missing.isEmpty()) {
                    findings.add(a.pos(), a.typeName() + " asserts " + a.interfaceName() + " but lacks method(s) " + missing);
                    run.reportSeverity(Severity.BLOCKER);
                }
            }
            findings.verify();
        });
    }

    @Test
    @DisplayName("Verify `internal/resource/connector/base.go` contains shared CRUD logic")
    @Criterion(value = 3, severity = Severity.BLOCKER)
    void baseContainsSharedCrud(CriterionRun run) {
        Findings findings = run.findings();
        // A connector with CRUD of its own works: layering. Only a base lacking an operation is a CRUD failure.
        run.reportSeverity(Severity.NORMAL);
        List<Resource> connectors = run.provider().resources().stream()
                .filter(r -> r.category() == Category.SOURCE || r.category() == Category.DESTINATION).toList();
        Optional<GoFile> base = run.provider().module().tree().file("internal/resource/connector/base.go");
        if (base.isEmpty()) {
            findings.add("internal/resource/connector/base.go", "expected the shared base resource here, found no such file");
            findings.verify();
            return;
        }
        Set<String> crud = Set.of("Create", "Read", "Update", "Delete");
        String baseType = null;
        for (Decl.FuncDecl fn : base.get().funcs()) {
            if (fn.isMethod() && crud.contains(fn.name().name())) {
                baseType = fn.receiverTypeName();
            }
        }
        if (baseType == null) {
            findings.add(base.get().path() + ":1", "expected methods Create, Read, Update and Delete on a base type, found none");
        } else {
            Set<String> missing = new TreeSet<>(crud);
            missing.removeAll(base.get().methodsOf(baseType).stream().map(f -> f.name().name()).toList());
            if (!missing.isEmpty()) {
                findings.add(base.get().path() + ":1", "base type " + baseType + " lacks " + missing);
                run.reportSeverity(Severity.BLOCKER);
            }
            for (Resource r : connectors) {
                if (!base.get().path().equals(r.implementationFile())) {
                    findings.add(r.constructorPos(), r.typeName() + ": expected its CRUD to be the base's ("
                            + base.get().path() + "), found " + r.implementation() + " in " + r.implementationFile());
                }
            }
        }
        findings.verify();
    }

    @Test
    @DisplayName("Confirm no cross-layer pollution (generated code doesn't contain business logic)")
    @Criterion(value = 4, severity = Severity.TRIVIAL)
    void generatedCodeHasNoBusinessLogic(CriterionRun run) {
        Findings findings = run.findings();
        List<GoFile> generated = generatedFiles(run.audit());
        if (generated.isEmpty()) {
            findings.add(GENERATED_DIR, "expected the generated layer's Go files here, found none");
        }
        for (GoFile f : generated) {
            for (var imp : f.imports()) {
                String path = imp.importPath();
                if (path.equals("net/http") || path.endsWith("/internal/api") || path.equals("context")
                        || path.equals("reflect")) {
                    findings.add(imp.pos(), "generated code imports " + path + " (API calls or runtime logic belong in the base layer)");
                }
            }
            for (Decl.FuncDecl fn : f.funcs()) {
                if (fn.isMethod()) {
                    findings.add(fn.pos(), "generated code declares method " + fn.receiverTypeName() + "." + fn.name().name()
                            + " (expected only schemas, models and field mappings)");
                    continue;
                }
                for (Node n : controlFlow(fn)) {
                    findings.add(n.pos(), "generated function " + fn.name().name() + " contains "
                            + n.getClass().getSimpleName().replace("Stmt", "").toLowerCase() + " logic");
                    break;
                }
            }
        }
        findings.verify();
    }

    @Test
    @DisplayName("Count files: 48+ generated schemas, 48 wrapper files")
    @Criterion(value = 5, severity = Severity.TRIVIAL)
    void countGeneratedSchemasAndWrappers(CriterionRun run) {
        Findings findings = run.findings();
        long expected = run.audit().inventory().entries().stream().filter(e -> e.category() == Category.SOURCE
                || e.category() == Category.DESTINATION || e.category() == Category.TRANSFORM).count();
        Set<String> schemaFiles = new TreeSet<>();
        Set<String> wrapperFiles = new TreeSet<>();
        for (Resource r : run.provider().resources()) {
            if (r.category() != Category.SOURCE && r.category() != Category.DESTINATION && r.category() != Category.TRANSFORM) {
                continue;
            }
            boolean generatedSchema = r.schemaFile() != null && r.schemaFile().startsWith(GENERATED_DIR);
            boolean wrapped = r.constructorFile().endsWith("_generated.go");
            if (generatedSchema) {
                schemaFiles.add(r.schemaFile());
            } else {
                findings.add(r.constructorPos(), r.typeName() + ": expected its schema in " + GENERATED_DIR + ", found it in " + r.schemaFile());
            }
            if (wrapped) {
                wrapperFiles.add(r.constructorFile());
            } else {
                findings.add(r.constructorPos(), r.typeName() + ": expected a wrapper *_generated.go, found the constructor in " + r.constructorFile());
            }
        }
        if (schemaFiles.size() < expected) {
            findings.add(GENERATED_DIR, "expected at least " + expected + " generated schemas (one per connector of the inventory), found " + schemaFiles.size());
        }
        if (wrapperFiles.size() < expected) {
            findings.add("internal/resource/", "expected " + expected + " wrapper files (one per connector of the inventory), found " + wrapperFiles.size());
        }
        findings.verify();
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 6, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }

    static List<GoFile> generatedFiles(Audit audit) {
        return audit.provider().module().tree().files().stream()
                .filter(f -> f.path().startsWith(GENERATED_DIR) && f.path().indexOf('/', GENERATED_DIR.length()) < 0)
                .filter(f -> !f.isTestFile()).toList();
    }

    private static List<Node> controlFlow(Decl.FuncDecl fn) {
        return Walk.collect(fn, Node.class).stream()
                .filter(n -> n instanceof Stmt.IfStmt || n instanceof Stmt.ForStmt || n instanceof Stmt.RangeStmt
                        || n instanceof Stmt.SwitchStmt || n instanceof Stmt.TypeSwitchStmt || n instanceof Stmt.SelectStmt
                        || n instanceof Stmt.GoStmt || n instanceof Stmt.DeferStmt)
                .toList();
    }
}
