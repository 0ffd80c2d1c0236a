package io.tfaudit.provider;

import io.tfaudit.go.ast.Pos;
import io.tfaudit.provider.files.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a resource's schema now with what it was (another model's schema, or a
 * snapshot's flags), rule by rule. Attributes are compared at the top level, as the
 * snapshots record them.
 */
public final class SchemaDiff {

    private SchemaDiff() {}

    /** {@code before} from a baseline provider, {@code after} the current one. */
    public static List<SchemaChange> between(String resource, Schema before, Schema after) {
        List<SchemaChange> out = new ArrayList<>();
        for (Map.Entry<String, Attribute> e : before.attributes().entrySet()) {
            String name = e.getKey();
            Attribute was = e.getValue();
            Attribute now = after.attributes().get(name);
            if (now == null) {
                String where = was.pos() == null ? "" : " at " + was.pos().fileAndLine() + " in the baseline";
                out.add(new SchemaChange(SchemaChange.Rule.ATTRIBUTE_REMOVED, resource, name, flags(was) + where, "absent",
                        after.pos()));
                continue;
            }
            compareFlags(resource, name, was.required(), was.optional(), was.computed(), was.sensitive(), now, out);
            if (!typeOf(was).equals(typeOf(now))) {
                out.add(new SchemaChange(SchemaChange.Rule.TYPE_CHANGED, resource, name, typeOf(was), typeOf(now), now.pos()));
            }
            if (!Objects.equals(was.defaultExpression(), now.defaultExpression())) {
                out.add(new SchemaChange(SchemaChange.Rule.DEFAULT_CHANGED, resource, name,
                        String.valueOf(was.defaultExpression()), String.valueOf(now.defaultExpression()), now.pos()));
            }
        }
        addedRequired(resource, before.attributes().keySet(), after, out);
        return out;
    }

    /** Against a snapshot: names and the four flags it records. */
    public static List<SchemaChange> againstSnapshot(String resource, Snapshot snapshot, Schema after) {
        List<SchemaChange> out = new ArrayList<>();
        for (Map.Entry<String, Snapshot.Flags> e : snapshot.attributes().entrySet()) {
            String name = e.getKey();
            Snapshot.Flags was = e.getValue();
            Attribute now = after.attributes().get(name);
            if (now == null) {
                out.add(new SchemaChange(SchemaChange.Rule.ATTRIBUTE_REMOVED, resource, name,
                        flags(was.required(), was.optional(), was.computed()), "absent", after.pos()));
                continue;
            }
            compareFlags(resource, name, was.required(), was.optional(), was.computed(), was.sensitive(), now, out);
        }
        addedRequired(resource, snapshot.attributes().keySet(), after, out);
        return out;
    }

    private static void compareFlags(String resource, String name, boolean required, boolean optional, boolean computed,
                                     boolean sensitive, Attribute now, List<SchemaChange> out) {
        Pos at = now.pos();
        if (!required && now.required()) {
            out.add(new SchemaChange(SchemaChange.Rule.OPTIONAL_TO_REQUIRED, resource, name,
                    flags(required, optional, computed), flags(now), at));
        }
        if (computed != now.computed()) {
            out.add(new SchemaChange(SchemaChange.Rule.COMPUTED_CHANGED, resource, name, "computed=" + computed,
                    "computed=" + now.computed(), at));
        }
        if (sensitive != now.sensitive()) {
            out.add(new SchemaChange(SchemaChange.Rule.SENSITIVE_CHANGED, resource, name, "sensitive=" + sensitive,
                    "sensitive=" + now.sensitive(), at));
        }
    }

    private static void addedRequired(String resource, java.util.Set<String> before, Schema after, List<SchemaChange> out) {
        for (Map.Entry<String, Attribute> e : after.attributes().entrySet()) {
            if (!before.contains(e.getKey()) && e.getValue().required()) {
                out.add(new SchemaChange(SchemaChange.Rule.REQUIRED_ADDED, resource, e.getKey(), "absent", "required",
                        e.getValue().pos()));
            }
        }
    }

    /** Resources of the baseline that the current provider no longer registers. */
    public static List<SchemaChange> removedResources(ProviderModel before, ProviderModel after) {
        List<SchemaChange> out = new ArrayList<>();
        for (Resource r : before.resources()) {
            if (r.typeName() != null && after.resource(r.typeName()).isEmpty()) {
                out.add(new SchemaChange(SchemaChange.Rule.RESOURCE_REMOVED, r.typeName(), null, null, null, null));
            }
        }
        for (Resource r : before.dataSources()) {
            if (r.typeName() != null && after.dataSource(r.typeName()).isEmpty()) {
                out.add(new SchemaChange(SchemaChange.Rule.RESOURCE_REMOVED, "data." + r.typeName(), null, null, null, null));
            }
        }
        return out;
    }

    private static String typeOf(Attribute a) {
        return a.kind() + (a.elementType() == null ? "" : "[" + a.elementType() + "]");
    }

    private static String flags(Attribute a) {
        return flags(a.required(), a.optional(), a.computed());
    }

    private static String flags(boolean required, boolean optional, boolean computed) {
        List<String> f = new ArrayList<>();
        if (required) {
            f.add("required");
        }
        if (optional) {
            f.add("optional");
        }
        if (computed) {
            f.add("computed");
        }
        return f.isEmpty() ? "no flags" : String.join("+", f);
    }
}
