package io.tfaudit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import io.tfaudit.provider.ProviderModel;
import java.util.Arrays;
import java.util.Locale;

/**
 * A set of criteria an audit runs: the Streamkap provider's PRD ({@code io.tfaudit.criteria})
 * or the plan for any plugin-framework provider ({@code io.tfaudit.framework}). Both run on the
 * same provider model and give the same report and gate; a class belongs to one plan through
 * its story's {@link Phase}, so no finding of one plan appears in the other.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum AuditPlan {
    PRD("prd", "io.tfaudit.criteria"),
    FRAMEWORK("framework", "io.tfaudit.framework");

    /** The configuration key ({@code --plan} on the command line, {@code -Daudit.plan} in Maven and the IDE). */
    public static final String KEY = "audit.plan";

    /** The provider the PRD plan was written for. */
    static final String PRD_PROVIDER = "streamkap";

    private final String id;
    private final String packageName;

    AuditPlan(String id, String packageName) {
        this.id = id;
        this.packageName = packageName;
    }

    public String id() {
        return id;
    }

    /** The package whose criteria (and sub-packages') make up the plan. */
    public String packageName() {
        return packageName;
    }

    /** The plan a class of criteria belongs to, or null for a class that is not one or runs under every plan. */
    public static AuditPlan of(Class<?> type) {
        UserStory story = type.getAnnotation(UserStory.class);
        return story == null ? null : story.phase().plan();
    }

    /** @throws IllegalArgumentException naming the plans there are */
    public static AuditPlan named(String name) {
        return Arrays.stream(values()).filter(p -> p.id.equals(name.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(KEY + ": '" + name + "' is not a plan (prd, framework)"));
    }

    /** The plan chosen and why, as the first line of the audit's output says it. */
    @API(status = INTERNAL, since = "0.1")
    public record Choice(AuditPlan plan, String reason) {
        /** @param option how the entry point names the option, value appended: {@code "--plan "}, {@code "-Daudit.plan="} */
        public String line(String option) {
            return "plan: " + plan.id + " (" + reason + "; " + option + (plan == PRD ? FRAMEWORK.id : PRD.id)
                    + " chooses the other)";
        }
    }

    /**
     * The plan asked for, else the PRD's for the Streamkap provider and the framework plan for
     * any other (a provider whose type name could not be read is not taken for Streamkap).
     */
    @API(status = INTERNAL, since = "0.1")
    public static Choice choose(String asked, ProviderModel provider) {
        if (asked != null && !asked.isBlank()) {
            return new Choice(named(asked), "asked for");
        }
        String name = provider.providerTypeName();
        if (PRD_PROVIDER.equals(name)) {
            return new Choice(PRD, "the provider's type name is \"" + PRD_PROVIDER + "\", whose PRD it is");
        }
        return new Choice(FRAMEWORK, name == null ? "the provider's type name could not be read, so it is not taken for "
                + PRD_PROVIDER : "the provider's type name is \"" + name + "\", not \"" + PRD_PROVIDER + "\"");
    }
}
