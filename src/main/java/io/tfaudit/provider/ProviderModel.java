package io.tfaudit.provider;

import io.tfaudit.go.program.GoModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A provider checkout read statically: the provider's type name, its registered resources
 * and data sources in registration order, constructors that exist but are not registered,
 * and everything that could not be resolved.
 */
public record ProviderModel(
        Path root,
        GoModule module,
        String providerTypeName,
        String providerGoType,
        List<Resource> resources,
        List<Resource> dataSources,
        List<String> unregisteredConstructors,
        List<Unresolved> unresolved) {

    public Optional<Resource> resource(String typeName) {
        return resources.stream().filter(r -> typeName.equals(r.typeName())).findFirst();
    }

    public Optional<Resource> dataSource(String typeName) {
        return dataSources.stream().filter(r -> typeName.equals(r.typeName())).findFirst();
    }
}
