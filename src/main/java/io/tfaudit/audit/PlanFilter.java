package io.tfaudit.audit;

import io.tfaudit.api.AuditPlan;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps the criteria of the chosen plan only, where the Launcher is not tfaudit's own (Maven's
 * Failsafe, an IDE): registered with the Launcher through {@code META-INF/services}, it reads
 * the configuration as the criteria do (system properties, {@code tfaudit.properties}), and
 * says on standard output, once, which plan it chose and why. The command line chooses the
 * plan itself and turns this off.
 */
public final class PlanFilter implements PostDiscoveryFilter {

    private static final AtomicBoolean SAID = new AtomicBoolean();
    private volatile AuditPlan chosen;

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        // The Launcher removes only what has no children: the criteria (methods), not their classes.
        Object source = descriptor.getSource().orElse(null);
        Class<?> type = source instanceof MethodSource m ? m.getJavaClass() : source instanceof ClassSource c ? c.getJavaClass() : null;
        if (type == null) {
            return FilterResult.included("not a criterion");
        }
        AuditPlan plan = AuditPlan.of(type);
        if (plan == null) {
            return FilterResult.included("not a criterion of one plan");
        }
        AuditPlan wanted = chosen();
        return plan == wanted ? FilterResult.included("in the " + wanted.id() + " plan")
                : FilterResult.excluded("in the " + plan.id() + " plan, not the chosen " + wanted.id() + " plan");
    }

    private AuditPlan chosen() {
        if (chosen == null) {
            synchronized (this) {
                if (chosen == null) {
                    String asked = System.getProperty(AuditPlan.KEY);
                    AuditPlan.Choice choice;
                    if (asked != null && !asked.isBlank()) {
                        choice = AuditPlan.choose(asked, null);
                    } else {
                        choice = byProvider();
                    }
                    if (SAID.compareAndSet(false, true)) {
                        System.out.println(choice.line("-D" + AuditPlan.KEY + "="));
                    }
                    chosen = choice.plan();
                }
            }
        }
        return chosen;
    }

    private static AuditPlan.Choice byProvider() {
        try {
            // Read once and kept: the criteria ask the same run for the same configuration.
            Audit audit = Audit.of(AuditConfig.resolve(k -> Optional.ofNullable(System.getProperty(k))));
            return AuditPlan.choose(null, audit.provider());
        } catch (RuntimeException e) {
            // Every criterion says what is wrong with the configuration; the PRD plan's say it too.
            return new AuditPlan.Choice(AuditPlan.PRD, "the configuration could not be read: " + e.getMessage());
        }
    }
}
