package io.tfaudit.criteria.phase14;

import io.tfaudit.audit.AuditedResource;
import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.TestFunction;
import io.tfaudit.provider.files.EnvFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every variable the code and the tests read is in .env.example and docs/DEVELOPMENT.md; per
 * connector, its variables are listed and DEVELOPMENT.md says whether its credentials are
 * available or it is smoke-tested only. Only variable names are read from dotenv files.
 */
@UserStory(id = "US-040", title = "Audit and Document Required Environment Variables", phase = Phase.PHASE_14)
public class US040AuditAndDocumentRequiredEnvironmentVariables {

    @Test
    @DisplayName("Audit existing `.env` and `.env.example` files")
    @Criterion(value = 1, severity = Severity.MINOR)
    void auditEnvFiles(CriterionRun run) {
        ProviderModel p = run.provider();
        Findings f = run.findings();
        Optional<EnvFile> example = EnvVars.example(p);
        Optional<EnvFile> dotenv = EnvVars.dotenv(p);
        Map<String, List<Pos>> read = EnvVars.read(p);
        if (example.isEmpty()) {
            f.add(EnvVars.EXAMPLE, "expected the environment template .env.example, found none (dotenv files: "
                    + p.files().envFiles().stream().map(EnvFile::path).toList() + ")");
        }
        dotenv.ifPresent(env -> env.variables().forEach((name, line) -> {
            if (example.isPresent() && !example.get().variables().containsKey(name)) {
                f.add(env.path() + ":" + line, name + " is set in .env but .env.example has no placeholder for it");
            }
        }));
        StringBuilder table = new StringBuilder("| variable | .env.example | .env | read at |\n|---|---|---|---|\n");
        Set<String> all = new TreeSet<>(read.keySet());
        example.ifPresent(e -> all.addAll(e.variables().keySet()));
        for (String v : all) {
            table.append("| ").append(v).append(" | ")
                    .append(example.map(e -> e.variables().get(v)).map(l -> "line " + l).orElse("—")).append(" | ")
                    .append(dotenv.map(e -> e.variables().containsKey(v) ? "set" : "—").orElse("no .env")).append(" | ")
                    .append(read.getOrDefault(v, List.of()).stream().limit(2).map(Pos::fileAndLine).toList()).append(" |\n");
        }
        run.evidence("environment variables (names only)", table.toString());
        f.verify();
    }

    @TestFactory
    @DisplayName("Create comprehensive list of all connector-specific env vars needed")
    @Criterion(value = 2, severity = Severity.MINOR)
    Stream<DynamicTest> listConnectorVariables(CriterionRun run) {
        return run.forEachResource(EnvVars.connectors(), r -> {
            ProviderModel p = run.provider();
            Findings f = run.findings();
            Set<String> specific = EnvVars.specificTo(p, r);
            if (specific.isEmpty() && testsOf(p, r).isEmpty()) {
                // Which variables a connector needs is read from its tests: without one they are unknown, not none.
                run.notApplicable("no test declares " + r.typeName() + ": the variables it needs are unknown, there is nothing to list");
            }
            Set<String> example = EnvVars.example(p).map(e -> e.variables().keySet()).orElse(Set.of());
            Map<String, List<Pos>> read = EnvVars.read(p);
            for (String v : specific) {
                if (!example.contains(v)) {
                    // Worded as US-040.3 words it, at the same place: one missing placeholder is one finding.
                    f.add(read.getOrDefault(v, List.of(r.registered().constructorPos())).get(0), v
                            + " is read here but .env.example has no placeholder for it");
                }
            }
            run.evidence("variables of " + r.typeName(), specific.isEmpty() ? "no test of " + r.typeName()
                    + " reads a variable specific to it (tests: " + testsOf(p, r) + ")" : String.join("\n", specific));
            f.verify();
        });
    }

    static List<String> testsOf(ProviderModel p, AuditedResource r) {
        return p.testsDeclaring(r.typeName()).stream().map(TestFunction::name).distinct().limit(5).toList();
    }

    @Test
    @DisplayName("Add missing env var placeholders to `.env.example`")
    @Criterion(value = 3, severity = Severity.MINOR)
    void placeholdersInEnvExample(CriterionRun run) {
        ProviderModel p = run.provider();
        Findings f = run.findings();
        Optional<EnvFile> example = EnvVars.example(p);
        EnvVars.read(p).forEach((v, at) -> {
            if (example.isEmpty() || !example.get().variables().containsKey(v)) {
                f.add(at.get(0), v + " is read here but " + (example.isEmpty() ? "there is no .env.example" : ".env.example has no placeholder for it"));
            }
        });
        f.verify();
    }

    @TestFactory
    @DisplayName("Document which connectors have full credentials vs smoke-test only")
    @Criterion(value = 4, severity = Severity.MINOR)
    Stream<DynamicTest> documentCredentialsPerConnector(CriterionRun run) {
        List<EnvVars.Smoke> smoke = EnvVars.smokeTests(run.audit());
        return run.forEachResource(EnvVars.connectors(), r -> {
            ProviderModel p = run.provider();
            Findings f = run.findings();
            Optional<String> doc = EnvVars.development(p);
            if (doc.isEmpty()) {
                f.add(EnvVars.DEVELOPMENT, r.typeName() + ": expected docs/DEVELOPMENT.md to say whether its credentials are "
                        + "available or it is smoke-tested only, found no docs/DEVELOPMENT.md").verify();
            }
            String local = EnvVars.local(p, r.typeName());
            List<String> lines = EnvVars.linesNaming(doc.get(), local);
            Set<String> specific = EnvVars.specificTo(p, r);
            Set<String> undocumented = new TreeSet<>(specific);
            undocumented.removeIf(v -> EnvVars.mentions(doc.get(), v));
            boolean smokeTested = smoke.stream().anyMatch(s -> s.covers().contains(r.typeName()));
            boolean saysSmoke = lines.stream().anyMatch(EnvVars::saysNoCredentials);
            if (lines.isEmpty()) {
                f.add(EnvVars.DEVELOPMENT, r.typeName() + ": docs/DEVELOPMENT.md does not name this connector: expected it to say "
                        + "whether its credentials are available (" + (specific.isEmpty() ? "its tests need none" : specific)
                        + ") or it is smoke-tested only");
            } else if (!undocumented.isEmpty() && !smokeTested && !saysSmoke) {
                f.add(EnvVars.DEVELOPMENT, r.typeName() + ": named in docs/DEVELOPMENT.md, but its credentials " + undocumented
                        + " are not documented there and it is not said to be smoke-tested only");
            }
            run.evidence("credentials of " + r.typeName(), "lines naming it: " + lines + "\nvariables its tests need: " + specific
                    + "\nsmoke-tested: " + smokeTested);
            f.verify();
        });
    }

    @Test
    @DisplayName("Update `docs/DEVELOPMENT.md` with env var requirements")
    @Criterion(value = 5, severity = Severity.MINOR)
    void developmentDocumentsVariables(CriterionRun run) {
        ProviderModel p = run.provider();
        Findings f = run.findings();
        Optional<String> doc = EnvVars.development(p);
        if (doc.isEmpty()) {
            f.add(EnvVars.DEVELOPMENT, "expected docs/DEVELOPMENT.md with the environment variables the code and tests read ("
                    + EnvVars.read(p).size() + "), found no such file").verify();
        }
        EnvVars.read(p).forEach((v, at) -> {
            if (!EnvVars.mentions(doc.get(), v)) {
                f.add(at.get(0), v + " is read here but docs/DEVELOPMENT.md does not mention it");
            }
        });
        f.verify();
    }

    /** FR-29's "with descriptions": each variable docs/DEVELOPMENT.md names is described where it is named. */
    public static void variablesDescribed(CriterionRun run, Findings f) {
        ProviderModel p = run.provider();
        Optional<String> doc = EnvVars.development(p);
        if (doc.isEmpty()) {
            return; // US-040.5 reports the missing file
        }
        EnvVars.read(p).forEach((v, at) -> {
            if (EnvVars.mentions(doc.get(), v) && !EnvVars.describes(doc.get(), v)) {
                f.add(EnvVars.DEVELOPMENT, v + " is listed without a description (expected words saying what it is beside it: "
                        + "another cell of its table row, text on its line, or a comment above it)");
            }
        });
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 6, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
