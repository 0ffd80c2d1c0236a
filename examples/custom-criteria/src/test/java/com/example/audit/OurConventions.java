package com.example.audit;

import io.tfaudit.api.Criterion;
import io.tfaudit.api.CriterionRun;
import io.tfaudit.api.Findings;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.api.UserStory;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.Resource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two conventions of our own, checked beside tfaudit's framework plan. */
@UserStory(id = "ACME", title = "Our provider's conventions", phase = Phase.CUSTOM)
class OurConventions {

    @Test
    @DisplayName("Every managed resource has a computed id attribute")
    @Criterion(value = 1, id = "ACME-001", severity = Severity.NORMAL,
            why = "Our import blocks and dashboards find every object by its id.",
            fix = "Add \"id\": schema.StringAttribute{Computed: true} and set it in Create.")
    void everyResourceHasAnId(CriterionRun run) {
        Findings f = run.findings();
        for (Resource r : run.provider().resources()) {
            Attribute id = r.schema() == null ? null : r.schema().attributes().get("id");
            if (id == null || !id.computed()) {
                f.add(r.constructorPos(), r.typeName() + ": expected a computed id attribute, found "
                        + (id == null ? "none" : "one that is not Computed"));
            }
        }
        f.verify();
    }

    @Test
    @DisplayName("No attribute name repeats its resource's name")
    @Criterion(value = 2, id = "ACME-002", severity = Severity.TRIVIAL,
            why = "widget.widget_name reads twice; widget.name reads once.",
            fix = "Drop the resource's name from the attribute's (a new attribute, the old one deprecated).")
    void attributeNamesDoNotStutter(CriterionRun run) {
        Findings f = run.findings();
        String prefix = run.provider().providerTypeName() + "_";
        for (Resource r : run.provider().resources()) {
            String noun = r.typeName().startsWith(prefix) ? r.typeName().substring(prefix.length()) : r.typeName();
            r.schema().attributes().forEach((name, a) -> {
                if (name.startsWith(noun + "_")) {
                    f.add(a.pos(), r.typeName() + "." + name + ": expected a name without \"" + noun + "_\", found " + name);
                }
            });
        }
        f.verify();
    }
}
