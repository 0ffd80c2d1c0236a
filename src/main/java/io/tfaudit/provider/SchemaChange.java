package io.tfaudit.provider;

import io.tfaudit.go.ast.Pos;

/**
 * One difference between a resource's schema then (a baseline or a snapshot) and now, named
 * by the compatibility rule it breaks. Errors break existing configurations; warnings
 * change behaviour a user may notice (the PRD asks to document them).
 */
public record SchemaChange(Rule rule, String resource, String attribute, String before, String after, Pos pos) {

    public enum Rule {
        RESOURCE_REMOVED(true, "resource removed"),
        ATTRIBUTE_REMOVED(true, "attribute removed or renamed"),
        OPTIONAL_TO_REQUIRED(true, "optional changed to required"),
        REQUIRED_ADDED(true, "required attribute added"),
        TYPE_CHANGED(true, "type changed"),
        SENSITIVE_CHANGED(false, "sensitive changed"),
        COMPUTED_CHANGED(false, "computed changed"),
        DEFAULT_CHANGED(false, "default changed");

        private final boolean breaking;
        private final String description;

        Rule(boolean breaking, String description) {
            this.breaking = breaking;
            this.description = description;
        }

        public boolean breaking() {
            return breaking;
        }

        public String description() {
            return description;
        }
    }

    @Override
    public String toString() {
        return resource + (attribute == null ? "" : "." + attribute) + ": " + rule.description()
                + (before == null ? "" : " (was " + before + ", now " + after + ")");
    }
}
