package io.tfaudit.audit;

import io.tfaudit.api.UserStory;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of defect a finding is: the rule it breaks, at the grain a maintainer plans work
 * in. The report's categories are these kinds, so they partition the failed results: every
 * failed result belongs to exactly one. A criterion's kind follows its phase (or, for a
 * requirement, its section of the PRD); a file that could not be read is an unparsable file
 * whatever criterion met it.
 */
public enum FindingKind {
    BREAKING_CHANGE("Breaking change", "Restore what v2.1.18 users rely on, or deprecate it first and migrate state "
            + "(a schema version with a state upgrader); then rerun the schema compatibility tests."),
    IMPLEMENTATION("Implementation", "Change the provider code at the place named so that it does what the criterion says; "
            + "add a unit test that pins the behaviour."),
    CODE_GENERATOR("Code generator", "Fix the generator (cmd/tfgen) or its overrides, regenerate, and commit the generated "
            + "files together with the change."),
    BACKEND_ALIGNMENT("Backend alignment", "Bring the field mapping in line with the backend's configuration.latest.json "
            + "(regenerate when the schema is generated)."),
    MISSING_TESTS("Missing tests", "Add the test, snapshot, cassette or sweeper named by the finding, in the file the "
            + "provider keeps its kind in."),
    DESCRIPTIONS("Descriptions", "Complete the attribute's Description and MarkdownDescription: valid values, default, "
            + "sensitivity."),
    DOCUMENTATION("Documentation gap", "Write or update the page or example named by the finding; regenerate docs with "
            + "tfplugindocs where the provider uses it."),
    ENVIRONMENT("Environment variables", "Document the variable in .env.example and the test guide, or stop reading it."),
    ISSUE_TRACKING("Issue tracking", "Track or fix the findings listed; this criterion passes once they are."),
    UNPARSABLE_FILE("Unparsable file", "Fix the file's syntax: nothing in it can be checked until it parses."),
    SCHEMA_RULE("Schema rule", "Change the schema at the place named so that the framework accepts it: it checks these rules "
            + "when Terraform first asks for the schema, and fails every plan until they hold."),
    PROVIDER_DESIGN("Provider design", "Change the resource as HashiCorp's provider design principles ask, at the place named; "
            + "a change users see goes in the changelog."),
    RESTATEMENT("Restatement of a user story", "Fix the findings of the user-story criteria it restates."),
    OTHER("Other", "See the finding.");

    /** Messages of files that could not be read, whichever criterion met them. */
    private static final Pattern UNPARSABLE = Pattern.compile(
            "(?i).*(Go syntax error|syntax error:|not valid (HCL|JSON|YAML)|frontmatter is not valid|cannot be parsed).*");

    private final String label;
    private final String howToFix;

    FindingKind(String label, String howToFix) {
        this.label = label;
        this.howToFix = howToFix;
    }

    /** How the kind reads in a message ({@code [critical] Breaking change: ...}) and in the report's categories. */
    public String label() {
        return label;
    }

    public String howToFix() {
        return howToFix;
    }

    /** The kind of the findings of a user story's criteria (or a requirements section's, or the metrics'). */
    public static FindingKind of(UserStory story) {
        return switch (story.phase()) {
            case PHASE_1, PHASE_2 -> IMPLEMENTATION;
            case PHASE_3 -> BREAKING_CHANGE;
            case PHASE_4 -> CODE_GENERATOR;
            case PHASE_5 -> BACKEND_ALIGNMENT;
            case PHASE_6, PHASE_7, PHASE_8, PHASE_12, PHASE_13, PHASE_15 -> MISSING_TESTS;
            case PHASE_9 -> DESCRIPTIONS;
            case PHASE_10, PHASE_10B -> DOCUMENTATION;
            case PHASE_11 -> ISSUE_TRACKING;
            case PHASE_14 -> ENVIRONMENT;
            case FUNCTIONAL_REQUIREMENTS, SUCCESS_METRICS -> ofSection(story.title());
            case FRAMEWORK_SCHEMA -> SCHEMA_RULE;
            case FRAMEWORK_DESIGN -> PROVIDER_DESIGN;
            case FRAMEWORK_TESTS -> MISSING_TESTS;
            case FRAMEWORK_DOCS -> DOCUMENTATION;
            case CUSTOM -> OTHER;
        };
    }

    /** A requirement's own checks (beyond what it restates) have the kind of its section. */
    private static FindingKind ofSection(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        if (t.contains("compatib")) {
            return BREAKING_CHANGE;
        }
        if (t.contains("generat")) {
            return CODE_GENERATOR;
        }
        if (t.contains("backend")) {
            return BACKEND_ALIGNMENT;
        }
        if (t.contains("test")) {
            return MISSING_TESTS;
        }
        if (t.contains("ai-agent") || t.contains("description")) {
            return DESCRIPTIONS;
        }
        if (t.contains("document")) {
            return DOCUMENTATION;
        }
        if (t.contains("environment")) {
            return ENVIRONMENT;
        }
        if (t.contains("architecture") || t.contains("crud")) {
            return IMPLEMENTATION;
        }
        return OTHER;
    }

    /** The kind of one finding of a criterion of this kind: a file that could not be read is an unparsable file. */
    FindingKind refine(String what) {
        return UNPARSABLE.matcher(what).matches() ? UNPARSABLE_FILE : this;
    }
}
