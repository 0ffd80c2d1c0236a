package io.tfaudit.audit;

import io.tfaudit.provider.Category;
import io.tfaudit.provider.Resource;
import java.util.Optional;

/**
 * A resource in the audit's scope: in the inventory, registered by the provider, or both.
 * A criterion that applies per resource runs once for each of these.
 */
public record AuditedResource(String typeName, Category category, Resource registered, Inventory.Entry inventoryEntry) {

    public Optional<Resource> resource() {
        return Optional.ofNullable(registered);
    }

    public boolean isRegistered() {
        return registered != null;
    }
}
