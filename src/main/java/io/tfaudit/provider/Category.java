package io.tfaudit.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The PRD's categories of Terraform resources. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Category {
    SOURCE("source"),
    DESTINATION("destination"),
    TRANSFORM("transform"),
    OTHER("other"),
    DATA_SOURCE("data source"),
    EPHEMERAL_RESOURCE("ephemeral resource");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** From a resource type name such as {@code streamkap_source_postgresql}. */
    static Category ofResource(String providerName, String typeName) {
        String local = typeName.startsWith(providerName + "_") ? typeName.substring(providerName.length() + 1) : typeName;
        if (local.startsWith("source_")) {
            return SOURCE;
        }
        if (local.startsWith("destination_")) {
            return DESTINATION;
        }
        if (local.startsWith("transform_")) {
            return TRANSFORM;
        }
        return OTHER;
    }
}
