package io.tfaudit.criteria.phase4;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Deprecations;
import io.tfaudit.provider.ModelStruct;
import io.tfaudit.provider.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The deprecation system: deprecations.json is read by the generator and names attributes
 * that exist; every deprecated alias (from the JSON, or, without it, from the wrappers'
 * alias code) has a model field, a wrapper-declared schema attribute with a
 * DeprecationMessage, and a field mapping to its replacement's API field.
 */
@UserStory(id = "US-013", title = "Verify Deprecation System", phase = Phase.PHASE_4)
public class US013VerifyDeprecationSystem {

    static final String FILE = "deprecations.json";

    @Test
    @DisplayName("`cmd/tfgen/deprecations.json` loaded correctly")
    @Criterion(value = 1, severity = Severity.CRITICAL)
    void deprecationsLoaded(CriterionRun run) {
        TfgenSource src = US010VerifyParserImplementation.source(run);
        TfgenJson json = TfgenJson.of(run.provider(), FILE);
        Findings f = run.findings();
        boolean read = src.mentioning(s -> s.contains(FILE)).stream().anyMatch(fn -> src.reachableFromMain().contains(fn));
        if (!json.present()) {
            Deprecations fromCode = Deprecations.of(run.provider());
            f.add(json.path(), "expected the file, found none; the generator " + (read ? "expects it" : "does not read one (no \""
                    + FILE + "\" in " + TfgenSource.DIR + ")") + (fromCode.entries().isEmpty() ? ""
                    : "; the " + fromCode.entries().size() + " deprecated attributes are declared in wrapper code instead (e.g. "
                    + fromCode.entries().get(0).where() + ")"));
            if (!fromCode.entries().isEmpty()) {
                // The aliases exist (US-013.2-.4 judge them): the missing file is a design deviation, no configuration breaks.
                run.reportSeverity(Severity.NORMAL);
            }
            f.verify();
        }
        if (!json.parsed()) {
            f.add(json.path(), "does not parse: " + json.problem());
            f.verify();
        }
        if (!read) {
            f.add(src.where(), "expected the generator to open " + FILE + " on every run, found " + (src.literalContaining(FILE).isPresent()
                    ? "it named only in code main does not reach" : "no mention of it"));
        }
        json.unknownKeys(src.jsonNames(), f);
        Deprecations d = Deprecations.of(run.provider());
        if (d.entries().isEmpty()) {
            f.add(json.path(), "expected deprecated attributes (objects with an old and a new name), found none");
        }
        GeneratedLayer gen = GeneratedLayer.of(run.provider());
        for (Deprecations.Entry e : d.entries()) {
            Optional<Resource> r = e.typeName() == null ? Optional.empty() : run.provider().resource(e.typeName());
            if (r.isEmpty()) {
                f.add(e.where(), e.oldName() + " → " + e.newName() + ": expected resource " + e.typeName() + ", not registered");
            } else if (gen.attribute(r.get(), e.newName()).isEmpty() && !r.get().schema().attributes().containsKey(e.newName())) {
                f.add(e.where(), e.typeName() + ": " + e.oldName() + " is an alias of " + e.newName() + ", which the schema lacks");
            } else if (gen.attribute(r.get(), e.oldName()).isPresent()) {
                f.add(e.where(), e.typeName() + ": the deprecated " + e.oldName() + " is also a generated attribute");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Model fields added for deprecated attributes")
    @Criterion(value = 2, severity = Severity.BLOCKER)
    void modelFields(CriterionRun run) {
        Findings f = run.findings();
        GeneratedLayer gen = GeneratedLayer.of(run.provider());
        for (Alias a : aliases(run, f)) {
            Map<String, ModelStruct.ModelField> model = gen.model(a.resource());
            if (model.isEmpty()) {
                f.add(a.resource().constructorPos(), a.resource().typeName() + ": expected a model struct with tfsdk fields, found none");
                continue;
            }
            ModelStruct.ModelField old = model.get(a.entry().oldName());
            ModelStruct.ModelField replacement = model.get(a.entry().newName());
            if (old == null) {
                f.add(gen.modelWhere(a.resource()), a.resource().typeName() + ": the model has no field tfsdk:\"" + a.entry().oldName()
                        + "\" for the deprecated attribute: reading state into it fails");
            } else if (replacement != null && !old.goType().equals(replacement.goType())) {
                f.add(old.pos(), a.resource().typeName() + ": model field " + old.goName() + " is " + old.goType() + ", its replacement "
                        + replacement.goName() + " is " + replacement.goType());
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Wrapper files add schema attributes with DeprecationMessage")
    @Criterion(value = 3, severity = Severity.CRITICAL)
    void wrapperAttributes(CriterionRun run) {
        Findings f = run.findings();
        for (Alias a : aliases(run, f)) {
            Resource r = a.resource();
            Attribute old = r.schema().attributes().get(a.entry().oldName());
            if (old == null) {
                f.add(a.entry().where(), r.typeName() + ": expected the deprecated attribute " + a.entry().oldName() + " in the schema, found none");
                continue;
            }
            if (!old.isDeprecated()) {
                f.add(old.pos(), r.typeName() + "." + old.name() + ": expected a DeprecationMessage, found none");
            }
            if (GeneratedLayer.isGenerated(old.pos())) {
                f.add(old.pos(), r.typeName() + "." + old.name() + ": declared in the generated file, expected the wrapper ("
                        + r.constructorFile() + ") to add it");
            }
            Attribute replacement = r.schema().attributes().get(a.entry().newName());
            if (replacement != null && !replacement.kind().equals(old.kind())) {
                f.add(old.pos(), r.typeName() + "." + old.name() + " is " + old.kind() + ", its replacement " + replacement.name()
                        + " is " + replacement.kind());
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Field mappings extended with deprecated aliases")
    @Criterion(value = 4, severity = Severity.CRITICAL)
    void fieldMappings(CriterionRun run) {
        Findings f = run.findings();
        for (Alias a : aliases(run, f)) {
            Resource r = a.resource();
            String where = r.fieldMappingsPos() != null ? r.fieldMappingsPos().fileAndLine() : a.entry().where();
            String oldApi = r.fieldMappings().get(a.entry().oldName());
            String newApi = r.fieldMappings().get(a.entry().newName());
            if (oldApi == null) {
                f.add(where, r.typeName() + ": the field mappings have no entry for " + a.entry().oldName()
                        + (newApi == null ? "" : " (expected " + newApi + ", as " + a.entry().newName() + ")")
                        + ": a value set under the deprecated name never reaches the API");
            } else if (newApi == null) {
                f.add(where, r.typeName() + ": " + a.entry().oldName() + " maps to " + oldApi + ", but its replacement "
                        + a.entry().newName() + " maps to nothing" + (r.schema().attributes().containsKey(a.entry().newName())
                        ? "" : " (it is not in the schema)"));
            } else if (!oldApi.equals(newApi)) {
                f.add(where, r.typeName() + ": " + a.entry().oldName() + " maps to " + oldApi + ", its replacement "
                        + a.entry().newName() + " to " + newApi);
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 5, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }

    // ------------------------------------------------------------------------------------

    /** A deprecation entry whose resource is registered and whose replacement is known. */
    record Alias(Deprecations.Entry entry, Resource resource) {}

    /**
     * The deprecated aliases to check (deprecations.json, else the wrappers' alias code); none
     * at all is a finding. Entries naming an unregistered resource or no replacement are left
     * to criterion 1 and US-008.
     */
    private static List<Alias> aliases(CriterionRun run, Findings f) {
        Deprecations d = Deprecations.of(run.provider());
        if (d.entries().isEmpty()) {
            f.add(d.source(), "expected deprecated attributes (the PRD names PostgreSQL's and Snowflake's), found none");
            f.verify();
        }
        return d.entries().stream()
                .filter(e -> e.typeName() != null && e.newName() != null && run.provider().resource(e.typeName()).isPresent())
                .map(e -> new Alias(e, run.provider().resource(e.typeName()).get())).toList();
    }
}
