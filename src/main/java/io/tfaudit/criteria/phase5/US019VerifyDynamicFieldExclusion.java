package io.tfaudit.criteria.phase5;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.backend.BackendConnector;
import io.tfaudit.backend.BackendField;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fields the backend resolves itself (the hostname and port behind an SSH tunnel, a
 * connection URL built from parts) are not Terraform inputs: a connector resource's field
 * mappings name the {@code .user.defined} variant the user types, never the resolved key.
 * The named keys are checked from the provider alone; with the backend, every key it marks
 * {@code user_defined: false} is checked too, and a key it declares user-defined is allowed.
 */
@UserStory(id = "US-019", title = "Verify Dynamic Field Exclusion", phase = Phase.PHASE_5)
public class US019VerifyDynamicFieldExclusion {

    static final String USER_DEFINED = ".user.defined";
    static final List<String> DYNAMIC_KEYS = List.of("database.hostname", "database.port", "connection.url");

    // Critical for 1–4: an attribute mapped to a key the backend computes sends a value the
    // backend overwrites (through an SSH tunnel, the resolved host differs from the user's), so
    // every plan shows a difference or the user's input is lost.
    @Test
    @DisplayName("`database.hostname` (computed) NOT in schema")
    @Criterion(value = 1, severity = Severity.CRITICAL)
    void databaseHostnameNotExposed(CriterionRun run) {
        verifyNotMapped(run, "database.hostname");
    }

    @Test
    @DisplayName("`database.port` (computed) NOT in schema")
    @Criterion(value = 2, severity = Severity.CRITICAL)
    void databasePortNotExposed(CriterionRun run) {
        verifyNotMapped(run, "database.port");
    }

    @Test
    @DisplayName("`connection.url` (computed) NOT in schema")
    @Criterion(value = 3, severity = Severity.CRITICAL)
    void connectionUrlNotExposed(CriterionRun run) {
        verifyNotMapped(run, "connection.url");
    }

    @Test
    @DisplayName("Only `*.user.defined` variants exposed to users")
    @Criterion(value = 4, severity = Severity.CRITICAL)
    void onlyUserDefinedVariantsExposed(CriterionRun run) {
        List<Resource> mapped = mappedConnectors(run);
        Findings f = run.findings();
        for (Resource r : mapped) {
            Optional<BackendConnector> bc = BackendAlignment.backendConnector(run, r);
            for (Map.Entry<String, String> m : new TreeMap<>(r.fieldMappings()).entrySet()) {
                String key = m.getValue();
                Optional<BackendField> field = bc.flatMap(c -> c.field(key));
                if (field.isPresent()) {
                    // The backend decides: a field it lets users set is an input, whatever its name.
                    if (!field.get().userDefined()) {
                        Optional<BackendField> variant = bc.get().field(key + USER_DEFINED).filter(BackendField::userDefined);
                        f.add(where(r, m.getKey()), r.typeName() + "." + m.getKey() + " maps to " + key + ", which "
                                + bc.get().where(field.get()) + " marks user_defined=false" + (field.get().dynamic() ? " (type dynamic)" : "")
                                + ": expected " + (variant.isPresent() ? key + USER_DEFINED + " (" + bc.get().where(variant.get()) + ")"
                                : "a user-defined key") + ", found " + key);
                    }
                } else if (!key.endsWith(USER_DEFINED) && r.fieldMappings().containsValue(key + USER_DEFINED)) {
                    f.add(where(r, m.getKey()), r.typeName() + "." + m.getKey() + " maps to " + key + " while another attribute maps to "
                            + key + USER_DEFINED + ": expected only the " + USER_DEFINED + " variant exposed, found both");
                } else if (DYNAMIC_KEYS.contains(key)) {
                    f.add(where(r, m.getKey()), r.typeName() + "." + m.getKey() + ": expected the field mapping " + key + USER_DEFINED
                            + ", found " + key + " (computed by the backend)");
                }
            }
        }
        f.verify();
        if (!BackendAlignment.hasBackend(run)) {
            run.skip("no mapping names a known computed key (" + String.join(", ", DYNAMIC_KEYS) + ") or a key whose "
                    + USER_DEFINED + " variant is mapped too; the backend's other computed fields are unknown without it: "
                    + BackendAlignment.NO_BACKEND, BackendAlignment.command(run));
        }
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 5, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }

    /** No connector resource maps an attribute to {@code key}, unless the backend lets users set it for that connector. */
    private static void verifyNotMapped(CriterionRun run, String key) {
        Findings f = run.findings();
        for (Resource r : mappedConnectors(run)) {
            new TreeMap<>(r.fieldMappings()).forEach((attr, apiKey) -> {
                if (!apiKey.equals(key)) {
                    return;
                }
                Optional<BackendConnector> bc = BackendAlignment.backendConnector(run, r);
                Optional<BackendField> field = bc.flatMap(c -> c.field(key));
                if (field.isEmpty() || !field.get().userDefined()) {
                    f.add(where(r, attr), r.typeName() + "." + attr + ": expected the field mapping " + key + USER_DEFINED
                            + " (the user's input), found " + key + ", which the backend computes"
                            + field.map(b -> " (" + bc.get().where(b) + ": user_defined=false)").orElse(""));
                }
            });
        }
        f.verify();
    }

    /** Connector resources with field mappings; skips the criterion when none has any (nothing to read exposure from). */
    private static List<Resource> mappedConnectors(CriterionRun run) {
        List<Resource> connectors = BackendAlignment.connectorResources(run);
        List<Resource> mapped = connectors.stream().filter(r -> !r.fieldMappings().isEmpty()).toList();
        if (mapped.isEmpty()) {
            run.skip("none of the " + connectors.size() + " connector resources has field mappings (GetFieldMappings) that could "
                    + "be read (a provider that builds its API payloads by hand, as v2 does, has none), so which API keys "
                    + "the schemas expose is unknown", null);
        }
        return mapped;
    }

    private static String where(Resource r, String attribute) {
        Attribute a = r.schema().attributes().get(attribute);
        if (a != null && a.pos() != null) {
            return a.pos().fileAndLine();
        }
        return r.fieldMappingsPos() != null ? r.fieldMappingsPos().fileAndLine() : r.typeName();
    }
}
