package io.tfaudit.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.program.GoModule;
import io.tfaudit.provider.files.ProviderFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider checkout read statically: the provider's type name, its registered resources
 * and data sources in registration order, constructors that exist but are not registered,
 * its Go tests and sweepers, its other files (examples, docs, snapshots, cassettes, tfgen
 * JSON, dotenv files), the environment variables its Go code reads (with where), and
 * everything that could not be resolved. {@code providerSchema} is the provider's own
 * configuration block (null when it has no {@code Schema} method); ephemeral resources and
 * functions are listed apart from resources.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProviderModel(
        Path root,
        GoModule module,
        String providerTypeName,
        String providerGoType,
        List<Resource> resources,
        List<Resource> dataSources,
        List<String> unregisteredConstructors,
        List<TestFunction> tests,
        List<Sweeper> sweepers,
        ProviderFiles files,
        Map<String, List<Pos>> envVarsReadByCode,
        List<Unresolved> unresolved,
        Schema providerSchema,
        List<Resource> ephemeralResources,
        List<Function> functions) {

    public Optional<Resource> resource(String typeName) {
        return resources.stream().filter(r -> typeName.equals(r.typeName())).findFirst();
    }

    /** Tests whose HCL declares the resource type (data sources: {@code data} blocks). */
    public List<TestFunction> testsDeclaring(String typeName) {
        return tests.stream().filter(t -> t.resourceTypes().contains(typeName) || t.dataSourceTypes().contains(typeName)).toList();
    }

    public Optional<Resource> dataSource(String typeName) {
        return dataSources.stream().filter(r -> typeName.equals(r.typeName())).findFirst();
    }
}
