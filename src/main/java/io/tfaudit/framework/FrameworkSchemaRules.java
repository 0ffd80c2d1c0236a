package io.tfaudit.framework;

import io.tfaudit.api.Criterion;
import io.tfaudit.api.CriterionRun;
import io.tfaudit.api.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.framework.FrameworkModel.Field;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Resource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules the plugin framework checks when Terraform first asks for the schemas
 * (GetProviderSchema), and Terraform when it loads them: a provider that breaks one fails
 * every plan. Read statically, they are found before anyone runs the provider.
 */
@UserStory(id = "TF-SCHEMA", title = "Schema rules the framework enforces", phase = Phase.FRAMEWORK_SCHEMA)
public class FrameworkSchemaRules {

    static final String RUNTIME_ERROR = "The framework refuses the schema at run time: every plan with the provider fails.";

    @Test
    @DisplayName("No attribute has a Default without being Computed")
    @Criterion(value = 1, id = "TF-001", severity = Severity.CRITICAL, severityReason = RUNTIME_ERROR,
            why = "A default is a value the provider plans when the configuration has none; the framework allows it only on "
                    + "a Computed attribute and otherwise fails with \"Schema Using Attribute Default For Non-Computed Attribute\".",
            fix = "Add Computed: true to the attribute (Optional and Computed), or drop the Default.")
    void defaultOnlyWhenComputed(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            if (x.attribute() != null && x.attribute().hasDefault() && !x.attribute().computed()) {
                f.add(x.attribute().pos(), x.where() + ": expected Computed with Default " + x.attribute().defaultExpression()
                        + ", found " + flags(x.attribute()));
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("No attribute is Required together with Optional or Computed")
    @Criterion(value = 2, id = "TF-002", severity = Severity.CRITICAL, severityReason = RUNTIME_ERROR,
            why = "Required means the user must set it; Optional or Computed contradict it, and Terraform rejects the schema.",
            fix = "Keep Required alone, or make the attribute Optional (and Computed when the provider fills it in).")
    void requiredAlone(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            Attribute a = x.attribute();
            if (a != null && a.required() && (a.optional() || a.computed())) {
                f.add(a.pos(), x.where() + ": expected Required alone, found " + flags(a));
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every attribute is Required, Optional or Computed")
    @Criterion(value = 3, id = "TF-003", severity = Severity.CRITICAL, severityReason = RUNTIME_ERROR,
            why = "An attribute that is none of the three is one Terraform can neither read from the configuration nor from "
                    + "the provider: the schema is invalid.",
            fix = "Say who sets the attribute: Required, Optional, Computed, or Optional and Computed.")
    void everyAttributeSaysWhoSetsIt(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            Attribute a = x.attribute();
            if (a != null && !a.required() && !a.optional() && !a.computed()) {
                f.add(a.pos(), x.where() + ": expected Required, Optional or Computed, found none of them");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every List, Set and Map attribute has an element type")
    @Criterion(value = 4, id = "TF-004", severity = Severity.CRITICAL, severityReason = RUNTIME_ERROR,
            why = "A collection without ElementType (or a CustomType that gives one) has no type Terraform can check values "
                    + "against; the framework fails with \"Missing ElementType\".",
            fix = "Set ElementType (types.StringType, types.ObjectType{...}) or a CustomType built on the collection.")
    void collectionsHaveElementTypes(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            Attribute a = x.attribute();
            if (a != null && Set.of("List", "Set", "Map").contains(a.kind()) && a.elementType() == null && a.customType() == null) {
                f.add(a.pos(), x.where() + ": expected an ElementType on this " + a.kind() + "Attribute, found none");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("No computed-only attribute has validators")
    @Criterion(value = 5, id = "TF-005", severity = Severity.NORMAL,
            severityReason = "The provider works, but a check someone wrote never runs: a gap in validation that looks covered.",
            why = "Validators check configuration values; a computed-only attribute never has one, so its validators never run.",
            fix = "Remove the validators, or make the attribute Optional (and Computed) if users are meant to set it.")
    void noValidatorsOnComputedOnly(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            if (x.computedOnly() && !x.attribute().validators().isEmpty()) {
                f.add(x.attribute().validators().get(0).pos() != null ? x.attribute().validators().get(0).pos() : x.attribute().pos(),
                        x.where() + ": expected no validators on a computed-only attribute, found " + x.attribute().validators());
            }
        }
        f.verify();
    }

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    @Test
    @DisplayName("Every attribute and block name is lowercase letters, digits and underscores, not starting with a digit")
    @Criterion(value = 6, id = "TF-006", severity = Severity.CRITICAL, severityReason = RUNTIME_ERROR,
            why = "Terraform's configuration language names attributes with these characters only; the framework refuses "
                    + "other names (\"Invalid Attribute/Block Name\").",
            fix = "Rename the attribute in snake_case; release it as a new attribute with the old one deprecated if users set it.")
    void namesAreIdentifiers(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            String name = x.path().substring(x.path().lastIndexOf('.') + 1);
            if (!NAME.matcher(name).matches()) {
                f.add(x.attribute() != null ? x.attribute().pos() : x.block().pos(),
                        x.where() + ": expected a name matching [a-z_][a-z0-9_]*, found \"" + name + "\"");
            }
        }
        f.verify();
    }

    /** Names Terraform keeps for itself at the top of a block, by kind of owner (the framework's own lists). */
    private static final Set<String> RESOURCE_RESERVED = Set.of("connection", "count", "depends_on", "for_each", "lifecycle",
            "provider", "provisioner");
    private static final Set<String> DATA_SOURCE_RESERVED = Set.of("count", "depends_on", "for_each", "lifecycle", "provider");
    private static final Set<String> PROVIDER_RESERVED = Set.of("alias", "version");

    @Test
    @DisplayName("No top-level attribute or block is named after a Terraform meta-argument")
    @Criterion(value = 7, id = "TF-007", severity = Severity.CRITICAL, severityReason = RUNTIME_ERROR,
            why = "count, depends_on, for_each, lifecycle, provider (and connection, provisioner on resources; alias and "
                    + "version on the provider) are Terraform's own; an attribute so named cannot be set and the framework "
                    + "refuses the schema (\"Schema Using Reserved Field Name\").",
            fix = "Rename the attribute (for example count → item_count).")
    void noReservedNames(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            if (x.path().contains(".")) {
                continue;
            }
            Set<String> reserved = x.owner().isProvider() ? PROVIDER_RESERVED
                    : x.owner().isManagedResource() ? RESOURCE_RESERVED : DATA_SOURCE_RESERVED;
            if (reserved.contains(x.path())) {
                f.add(x.attribute() != null ? x.attribute().pos() : x.block().pos(),
                        x.where() + ": expected a name Terraform does not reserve, found the meta-argument \"" + x.path() + "\"");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("No write-only attribute is Computed")
    @Criterion(value = 8, id = "TF-008", severity = Severity.CRITICAL, severityReason = RUNTIME_ERROR,
            why = "A write-only value is never stored in state or plan, so the provider cannot compute one; the framework "
                    + "refuses a WriteOnly attribute that is Computed.",
            fix = "Drop Computed, or drop WriteOnly and mark the attribute Sensitive instead.")
    void writeOnlyNotComputed(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            if (x.attribute() != null && x.attribute().writeOnly() && x.attribute().computed()) {
                f.add(x.attribute().pos(), x.where() + ": expected a write-only attribute that is not Computed, found "
                        + flags(x.attribute()));
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("An attribute's static Default is one of the values its OneOf validator allows")
    @Criterion(value = 9, id = "TF-009", severity = Severity.NORMAL,
            severityReason = "Plans work, but state holds a value the user could not have written: drift and confusion follow.",
            why = "The default is planned without validation; one outside the allowed values reaches the API and the state.",
            fix = "Make the Default one of the OneOf values, or add it to them.")
    void defaultIsAllowed(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            Attribute a = x.attribute();
            if (a != null && a.defaultValue() instanceof String d && !a.oneOfValues().isEmpty() && !a.oneOfValues().contains(d)) {
                f.add(a.pos(), x.where() + ": expected a Default among " + a.oneOfValues() + ", found \"" + d + "\"");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Each type name is registered once")
    @Criterion(value = 10, id = "TF-010", severity = Severity.CRITICAL, severityReason = RUNTIME_ERROR,
            why = "Two resources (or data sources, or ephemeral resources) with one type name: the framework fails with "
                    + "\"Duplicate Resource Type Defined\" and the provider cannot be used at all.",
            fix = "Give each implementation its own type name in Metadata, or register it once.")
    void typeNamesUnique(CriterionRun run) {
        Findings f = run.findings();
        Map<String, Resource> first = new HashMap<>();
        for (Resource r : FrameworkModel.registered(run.provider())) {
            Resource earlier = first.putIfAbsent(r.category().name().startsWith("DATA") ? "data." + r.typeName()
                    : FrameworkModel.label(r), r);
            if (earlier != null) {
                f.add(r.constructorPos(), FrameworkModel.label(r) + ": expected one registration of this type name, found "
                        + r.constructor() + " besides " + earlier.constructor() + " (" + earlier.constructorPos().fileAndLine() + ")");
            }
        }
        f.verify();
    }

    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    @Test
    @DisplayName("Every type name is the provider's name, or begins with it and an underscore, in lowercase letters, digits and underscores")
    @Criterion(value = 11, id = "TF-011", severity = Severity.CRITICAL,
            severityReason = "A resource Terraform attributes to another provider cannot be used without a provider argument "
                    + "on every block: for users it is broken.",
            why = "Terraform finds a resource's provider by the prefix of its type name: \"random_integer\" belongs to "
                    + "\"random\". A type without the provider's prefix is looked for in another provider.",
            fix = "Build the type name from req.ProviderTypeName + \"_<name>\" in Metadata.")
    void typeNamesCarryTheProviderPrefix(CriterionRun run) {
        String provider = run.provider().providerTypeName();
        if (provider == null) {
            run.skip("the provider's type name could not be read statically ("
                    + run.provider().unresolved().stream().limit(3).map(Object::toString).toList() + ")", null);
        }
        Findings f = run.findings();
        for (Resource r : FrameworkModel.registered(run.provider())) {
            String t = r.typeName();
            if (!TYPE_NAME.matcher(t).matches() || !(t.equals(provider) || t.startsWith(provider + "_"))) {
                f.add(r.constructorPos(), FrameworkModel.label(r) + ": expected \"" + provider + "\" or \"" + provider
                        + "_…\" in lowercase letters, digits and underscores, found \"" + t + "\"");
            }
        }
        f.verify();
    }

    static String flags(Attribute a) {
        List<String> set = new java.util.ArrayList<>();
        if (a.required()) {
            set.add("Required");
        }
        if (a.optional()) {
            set.add("Optional");
        }
        if (a.computed()) {
            set.add("Computed");
        }
        if (a.writeOnly()) {
            set.add("WriteOnly");
        }
        return set.isEmpty() ? "no Required/Optional/Computed" : String.join(" + ", set);
    }
}
