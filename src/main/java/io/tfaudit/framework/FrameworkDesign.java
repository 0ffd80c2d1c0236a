package io.tfaudit.framework;

import io.tfaudit.api.Criterion;
import io.tfaudit.api.CriterionRun;
import io.tfaudit.api.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.framework.FrameworkModel.Field;
import io.tfaudit.go.program.GoPackage;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Function;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HashiCorp's provider design principles, where the code shows whether they hold: secrets
 * marked, state upgraded from every earlier version, deprecation before removal, import,
 * descriptions that tools and people read.
 */
@UserStory(id = "TF-DESIGN", title = "Provider design", phase = Phase.FRAMEWORK_DESIGN)
public class FrameworkDesign {

    /** A name that says the value is a secret; names that only refer to one (an id, an ARN, a name) are not. */
    private static final Pattern SECRET = Pattern.compile("(^|_)(password|passphrase|secret|token|private_key|api_key|"
            + "access_key|secret_key|client_secret|credentials?)($|_)");
    /**
     * A name that holds something about a secret, not the secret: where it is or comes from, how
     * long it is valid, its header or scopes, the key of it inside a JSON document (awscc's
     * {@code client_secret_source}, {@code access_token_validity}, {@code token_endpoint},
     * {@code dkim_dns_token_name_1}); a public key.
     */
    private static final Pattern REFERS_TO_SECRET = Pattern.compile(".*_(id|ids|arn|arns|name|names|type|types|url|uri|path|"
            + "file|files|version|versions|length|ttl|expiry|expiration|expires_at|count|enabled|location|reference|ref|"
            + "source|sources|validity|duration_seconds|seconds|scope|scopes|audience|audiences|header|headers|expression|"
            + "json_key|endpoint|host|template|parameter|parameters_map|provider|vendor|specs|generation|properties|list)(_\\d+)?$"
            + "|.*public_keys?(_.*)?");

    /** Whether an attribute's name says that it holds a secret (its value, not something about it). */
    static boolean namesASecret(String name) {
        return SECRET.matcher(name).find() && !REFERS_TO_SECRET.matcher(name).matches();
    }

    @Test
    @DisplayName("Every attribute whose name says it holds a secret is Sensitive or WriteOnly")
    @Criterion(value = 1, id = "TF-012", severity = Severity.CRITICAL,
            severityReason = "An unmarked secret is printed in plans and logs: a security vulnerability.",
            why = "Terraform hides Sensitive values in plan output and keeps WriteOnly ones out of state; a password, token "
                    + "or private key that is neither is shown to whoever reads the plan or the CI log.",
            fix = "Add Sensitive: true (or WriteOnly: true on Terraform 1.11+ for values the provider need not keep).")
    void secretsAreMarked(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            Attribute a = x.attribute();
            String name = x.path().substring(x.path().lastIndexOf('.') + 1);
            if (a != null && !a.isNested() && namesASecret(name)
                    && !a.sensitive() && !a.writeOnly() && !"Bool".equals(a.kind())) {
                f.add(a.pos(), x.where() + ": expected Sensitive or WriteOnly on an attribute named \"" + name
                        + "\", found neither");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every earlier schema version of a resource has a state upgrader")
    @Criterion(value = 2, id = "TF-013", severity = Severity.CRITICAL,
            severityReason = "State written by an earlier version cannot be read: for those users the resource is lost (data loss).",
            why = "A resource at schema Version N meets state of versions 0 … N-1 from users who upgrade; the framework "
                    + "reads it only through UpgradeState's upgrader for that version, else fails with \"Unable to Upgrade "
                    + "Resource State\".",
            fix = "Implement resource.ResourceWithUpgradeState and return an upgrader (with its PriorSchema) for each "
                    + "earlier version.")
    void upgraderForEveryEarlierVersion(CriterionRun run) {
        Findings f = run.findings();
        ProviderModel model = run.provider();
        Optional<ProviderModel> baseline = run.baseline();
        java.util.List<String> unjudged = new java.util.ArrayList<>();
        for (Resource r : FrameworkModel.managedResources(model)) {
            Long version = r.schema() == null ? null : r.schema().version();
            if (version == null || version <= 0) {
                continue;
            }
            Optional<GoPackage.FuncRef> upgrade = FrameworkModel.method(model, r, "UpgradeState");
            if (upgrade.isPresent()) {
                // Upgraders for some versions: every earlier one needs its own.
                Optional<Set<Long>> have = FrameworkModel.upgraderVersions(upgrade.get().decl());
                for (long v = 0; have.isPresent() && v < version; v++) {
                    if (!have.get().contains(v)) {
                        f.add(upgrade.get().decl().pos(), r.typeName() + ": expected an upgrader for version " + v
                                + " (schema Version " + version + "), found upgraders for " + have.get());
                    }
                }
                continue;
            }
            // No upgraders at all: a defect only if an earlier version was released, which the previous release shows.
            Optional<Long> released = baseline.flatMap(b -> b.resource(r.typeName())).map(b -> b.schema() == null ? null
                    : b.schema().version());
            if (released.isPresent() && released.get() < version) {
                f.add(r.schema().pos(), r.typeName() + ": expected UpgradeState with an upgrader for version " + released.get()
                        + " (released in " + run.baselineLabel() + "; now Version " + version + "), found no "
                        + "UpgradeState method on " + r.implementation());
            } else if (baseline.isEmpty()) {
                unjudged.add(r.typeName() + " (Version " + version + ")");
            }
        }
        if (f.isEmpty() && !unjudged.isEmpty()) {
            run.skip("a previous release, to know whether earlier schema versions of " + unjudged.size()
                    + " resource(s) without UpgradeState were released (" + String.join(", ", unjudged.subList(0,
                    Math.min(5, unjudged.size()))) + (unjudged.size() > 5 ? ", …" : "") + "): "
                    + run.baselineUnavailableReason(), "--baseline-ref <the last release tag>");
        }
        f.verify();
    }

    @Test
    @DisplayName("A computed-only id of a resource updated in place keeps its value across plans (UseStateForUnknown)")
    @Criterion(value = 3, id = "TF-014", severity = Severity.MINOR,
            severityReason = "Nothing breaks, but every update plan shows the id as (known after apply): noise that hides real changes.",
            why = "Without UseStateForUnknown the framework marks a computed value unknown on every in-place update; an id "
                    + "that never changes then looks as if it would. (A resource whose every change replaces it has no such plan.)",
            fix = "Add PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()} to the id.")
    void stableIdsUseState(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            if (x.owner().isManagedResource() && x.path().equals("id") && x.computedOnly()
                    && FrameworkModel.updatableInPlace(x.owner().resource())
                    && x.attribute().planModifiers().stream().noneMatch(m -> m.contains("UseStateForUnknown"))) {
                f.add(x.attribute().pos(), x.where() + ": expected the UseStateForUnknown plan modifier on a computed-only "
                        + "id, found " + (x.attribute().planModifiers().isEmpty() ? "no plan modifiers" : x.attribute().planModifiers()));
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every managed resource supports import (ImportState)")
    @Criterion(value = 4, id = "TF-015", severity = Severity.MINOR,
            severityReason = "Users can still create the resource; they cannot bring an existing one under Terraform.",
            why = "HashiCorp's design principles ask that resources be importable where the remote object can be read back; "
                    + "without ImportState, `terraform import` and import blocks fail.",
            fix = "Implement resource.ResourceWithImportState (resource.ImportStatePassthroughID for an id, or parse req.ID "
                    + "and set the state).")
    void resourcesSupportImport(CriterionRun run) {
        Findings f = run.findings();
        ProviderModel model = run.provider();
        if (FrameworkModel.managedResources(model).isEmpty()) {
            run.notApplicable("the provider registers no managed resource");
        }
        for (Resource r : FrameworkModel.managedResources(model)) {
            if (r.implementation() != null && FrameworkModel.method(model, r, "ImportState").isEmpty()) {
                f.add(r.constructorPos(), r.typeName() + ": expected an ImportState method on " + r.implementation()
                        + ", found none");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("No attribute or block of the previous release is removed without having been deprecated in it")
    @Criterion(value = 5, id = "TF-016", severity = Severity.CRITICAL,
            severityReason = "Configurations that set it stop working on upgrade: a breaking change.",
            why = "HashiCorp's versioning guidance: deprecate first (DeprecationMessage) in a release, remove in a later "
                    + "major one, so users are warned before their configuration breaks.",
            fix = "Restore the attribute with a DeprecationMessage naming its replacement; remove it in the next major version.")
    void deprecationBeforeRemoval(CriterionRun run) {
        Optional<ProviderModel> baseline = run.baseline();
        if (baseline.isEmpty()) {
            run.skip("a previous release to compare with: " + run.baselineUnavailableReason(),
                    "--baseline-ref <the last release tag> (or --baseline-path DIR)");
        }
        Findings f = run.findings();
        Map<String, Field> now = new TreeMap<>();
        FrameworkModel.fields(run.provider()).forEach(x -> now.put(x.where(), x));
        for (Field old : FrameworkModel.fields(baseline.get())) {
            if (old.path().contains(".") || now.containsKey(old.where())) {
                continue;
            }
            boolean ownerGone = FrameworkModel.schemas(run.provider()).stream().noneMatch(o -> o.label().equals(old.owner().label()));
            boolean wasDeprecated = old.attribute() != null ? old.attribute().isDeprecated()
                    : old.owner().schema().deprecationMessage() != null && !old.owner().schema().deprecationMessage().isEmpty();
            if (!wasDeprecated && !ownerGone) {
                f.add(run.baselineLabel() + ": " + old.where(), old.where() + ": expected a deprecation in "
                        + run.baselineLabel() + " before the removal, found it removed without one");
            }
        }
        for (FrameworkModel.Owned o : FrameworkModel.schemas(baseline.get())) {
            boolean gone = FrameworkModel.schemas(run.provider()).stream().noneMatch(n -> n.label().equals(o.label()));
            boolean wasDeprecated = o.schema().deprecationMessage() != null && !o.schema().deprecationMessage().isEmpty();
            if (gone && !wasDeprecated && !o.isProvider()) {
                f.add(run.baselineLabel() + ": " + o.label(), o.label() + ": expected a DeprecationMessage in "
                        + run.baselineLabel() + " before the removal, found it removed without one");
            }
        }
        f.verify();
    }

    private static final Pattern SAYS_WHAT_INSTEAD = Pattern.compile("(?i)\\b(use|instead|replac|migrat|remov|no longer|"
            + "superseded|renamed|moved)");

    @Test
    @DisplayName("Every deprecation message says what to do instead")
    @Criterion(value = 6, id = "TF-017", severity = Severity.MINOR,
            severityReason = "A documentation gap: users see the warning but not the way out.",
            why = "Terraform prints the DeprecationMessage to every user who sets the attribute; one that names no "
                    + "replacement or plan leaves them guessing.",
            fix = "Say what to use instead and when the attribute goes (\"Use `x` instead; removed in v3\").")
    void deprecationsSayWhatInstead(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            Attribute a = x.attribute();
            if (a != null && a.isDeprecated() && !SAYS_WHAT_INSTEAD.matcher(a.deprecationMessage()).find()) {
                f.add(a.pos(), x.where() + ": expected a deprecation message naming what to use instead, found \""
                        + a.deprecationMessage() + "\"");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("No deprecated attribute is Required")
    @Criterion(value = 7, id = "TF-018", severity = Severity.NORMAL,
            severityReason = "Users are told to stop using what they must still set: the deprecation cannot be followed.",
            why = "A deprecation warns users to move off an attribute; if it is Required they cannot, and every plan warns.",
            fix = "Make the deprecated attribute Optional (its replacement takes over), or undo the deprecation.")
    void deprecatedNotRequired(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            if (x.attribute() != null && x.attribute().isDeprecated() && x.attribute().required()) {
                f.add(x.attribute().pos(), x.where() + ": expected a deprecated attribute to be Optional, found Required");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every resource, data source and ephemeral resource has a Description or MarkdownDescription")
    @Criterion(value = 8, id = "TF-019", severity = Severity.MINOR,
            severityReason = "A documentation gap.",
            why = "tfplugindocs writes the page's opening from it, and language servers and AI agents show it; without one "
                    + "the page starts with nothing.",
            fix = "Set MarkdownDescription (and Description) on the schema: what the resource manages, in a sentence.")
    void schemasDescribed(CriterionRun run) {
        Findings f = run.findings();
        for (FrameworkModel.Owned o : FrameworkModel.schemas(run.provider())) {
            if (!o.isProvider() && blank(o.schema().description()) && blank(o.schema().markdownDescription())) {
                f.add(o.schema().pos(), o.label() + ": expected a Description or MarkdownDescription on the schema, found none");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every attribute has a Description or MarkdownDescription")
    @Criterion(value = 9, id = "TF-020", severity = Severity.MINOR,
            severityReason = "A documentation gap.",
            why = "The attribute's line on the docs page, the editor's hover text and an AI agent's only hint come from it.",
            fix = "Set MarkdownDescription (and Description): what the value means, its allowed values and its default.")
    void attributesDescribed(CriterionRun run) {
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            Attribute a = x.attribute();
            if (a != null && blank(a.description()) && blank(a.markdownDescription())) {
                f.add(a.pos(), x.where() + ": expected a Description or MarkdownDescription, found none");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("No attribute of the provider's own configuration is Required")
    @Criterion(value = 10, id = "TF-021", severity = Severity.MINOR,
            severityReason = "The provider works when configured; modules and CI that configure it otherwise cannot use it.",
            why = "HashiCorp's guidance: provider settings should be Optional with an environment variable fallback, so a "
                    + "configuration without a provider block (modules, `terraform validate`, CI) still works.",
            fix = "Make the attribute Optional and read an environment variable in Configure when it is null.")
    void providerConfigurationOptional(CriterionRun run) {
        if (run.provider().providerSchema() == null) {
            run.notApplicable("the provider has no configuration schema");
        }
        Findings f = run.findings();
        for (Field x : FrameworkModel.fields(run.provider())) {
            if (x.owner().isProvider() && !x.path().contains(".") && x.attribute() != null && x.attribute().required()) {
                f.add(x.attribute().pos(), x.where() + ": expected Optional (with an environment variable fallback), found Required");
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("Every function has a summary or description, and every parameter a name and a description")
    @Criterion(value = 11, id = "TF-022", severity = Severity.MINOR,
            severityReason = "A documentation gap.",
            why = "Terraform shows them in `terraform console` and tfplugindocs writes the function's page from them; a "
                    + "parameter without a name is shown as \"param1\".",
            fix = "Set Summary and MarkdownDescription on the Definition, Name and MarkdownDescription on every parameter.")
    void functionsDescribed(CriterionRun run) {
        if (run.provider().functions().isEmpty()) {
            run.notApplicable("the provider defines no function");
        }
        Findings f = run.findings();
        for (Function fn : run.provider().functions()) {
            String name = fn.name() != null ? fn.name() : fn.constructor();
            if (blank(fn.summary()) && blank(fn.description()) && blank(fn.markdownDescription())) {
                f.add(fn.pos(), "function " + name + ": expected a Summary or Description, found none");
            }
            java.util.List<Function.Parameter> params = new java.util.ArrayList<>(fn.parameters());
            if (fn.variadicParameter() != null) {
                params.add(fn.variadicParameter());
            }
            for (Function.Parameter p : params) {
                if (blank(p.name()) || blank(p.description()) && blank(p.markdownDescription())) {
                    f.add(p.pos() != null ? p.pos() : fn.pos(), "function " + name + ", parameter " + (blank(p.name()) ? "(unnamed)" : p.name())
                            + ": expected a Name and a Description, found " + (blank(p.name()) ? "no Name" : "no Description"));
                }
            }
        }
        f.verify();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
