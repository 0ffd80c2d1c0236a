package io.tfaudit.framework;

import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Walk;
import io.tfaudit.go.program.GoPackage;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.Schema;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the framework plan's criteria read from the provider model: every schema with its
 * owner, every attribute and block to any depth with its path, the methods a resource's type
 * implements. Only what the provider registers is audited: no inventory.
 */
final class FrameworkModel {

    private FrameworkModel() {}

    /** A schema and what it belongs to: a registered resource, data source, ephemeral resource, or the provider (resource null). */
    record Owned(String label, Resource resource, Schema schema) {

        boolean isProvider() {
            return resource == null;
        }

        boolean isManagedResource() {
            return resource != null && !resource.isDataSource() && resource.category() != Category.EPHEMERAL_RESOURCE;
        }
    }

    /** An attribute or a block's attribute at its path ({@code rule.conditions.key}); {@code block} is null for attributes. */
    record Field(Owned owner, String path, Attribute attribute, Schema.Block block) {

        String where() {
            return owner.label() + "." + path;
        }

        boolean computedOnly() {
            return attribute != null && attribute.computed() && !attribute.optional() && !attribute.required();
        }
    }

    /** Every schema the provider declares whose owner's type name could be read, the provider's own first. */
    static List<Owned> schemas(ProviderModel model) {
        List<Owned> out = new ArrayList<>();
        if (model.providerSchema() != null) {
            out.add(new Owned("provider " + model.providerTypeName(), null, model.providerSchema()));
        }
        for (Resource r : registered(model)) {
            if (r.schema() != null) {
                out.add(new Owned(label(r), r, r.schema()));
            }
        }
        return out;
    }

    /** Resources, data sources and ephemeral resources whose type name could be read, in registration order. */
    static List<Resource> registered(ProviderModel model) {
        List<Resource> out = new ArrayList<>();
        for (List<Resource> list : List.of(model.resources(), model.dataSources(), model.ephemeralResources())) {
            list.stream().filter(r -> r.typeName() != null).forEach(out::add);
        }
        return out;
    }

    static List<Resource> managedResources(ProviderModel model) {
        return model.resources().stream().filter(r -> r.typeName() != null).toList();
    }

    static String label(Resource r) {
        return switch (r.category()) {
            case DATA_SOURCE -> "data." + r.typeName();
            case EPHEMERAL_RESOURCE -> "ephemeral." + r.typeName();
            default -> r.typeName();
        };
    }

    /** Every attribute and block, nested ones included, of every schema. */
    static List<Field> fields(ProviderModel model) {
        List<Field> out = new ArrayList<>();
        for (Owned o : schemas(model)) {
            fields(o, "", o.schema().attributes(), o.schema().blocks(), out);
        }
        return out;
    }

    private static void fields(Owned o, String prefix, java.util.Map<String, Attribute> attributes,
                               java.util.Map<String, Schema.Block> blocks, List<Field> out) {
        attributes.forEach((name, a) -> {
            out.add(new Field(o, prefix + name, a, null));
            fields(o, prefix + name + ".", a.nested(), java.util.Map.of(), out);
        });
        blocks.forEach((name, b) -> {
            out.add(new Field(o, prefix + name, null, b));
            fields(o, prefix + name + ".", b.attributes(), b.blocks(), out);
        });
    }

    /** Whether some attribute the user sets changes in place (it has no RequiresReplace plan modifier). */
    static boolean updatableInPlace(Resource r) {
        for (Attribute a : r.schema().attributes().values()) {
            if ((a.optional() || a.required()) && a.planModifiers().stream().noneMatch(m -> m.contains("RequiresReplace"))) {
                return true;
            }
        }
        return false;
    }

    /** The method the resource's implementing type declares (in its own package), if any. */
    static Optional<GoPackage.FuncRef> method(ProviderModel model, Resource r, String name) {
        if (r.implementationFile() == null || r.implementation() == null) {
            return Optional.empty();
        }
        return model.module().tree().file(r.implementationFile())
                .flatMap(f -> model.module().packageOf(f).method(r.implementation(), name));
    }

    /**
     * The schema versions an {@code UpgradeState} method's map literal has upgraders for
     * ({@code map[int64]resource.StateUpgrader{0: {...}, 1: {...}}}), or empty when its keys are
     * not integer literals.
     */
    static Optional<Set<Long>> upgraderVersions(Decl.FuncDecl upgradeState) {
        Set<Long> versions = new TreeSet<>();
        boolean found = false;
        for (Expr.CompositeLit lit : Walk.collect(upgradeState, Expr.CompositeLit.class)) {
            if (!(lit.type() instanceof Expr.MapType)) {
                continue;
            }
            found = true;
            for (Expr e : lit.elts()) {
                if (e instanceof Expr.KeyValueExpr kv && kv.key() instanceof Expr.BasicLit b && b.kind() == Expr.LitKind.INT
                        && b.value() instanceof BigInteger v) {
                    versions.add(v.longValue());
                } else {
                    return Optional.empty();
                }
            }
        }
        return found ? Optional.of(versions) : Optional.empty();
    }
}
