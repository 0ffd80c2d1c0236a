package io.tfaudit.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

import io.tfaudit.go.ast.Pos;
import java.util.List;
import java.util.Map;

/**
 * A resource or data source as the provider registers it. {@code typeName} is the Terraform
 * type name ({@code streamkap_source_postgresql}), or null when it could not be resolved
 * ({@code unresolved} says why). {@code constructor} names the registered function
 * ({@code source.NewPostgreSQLResource}); {@code implementation} the Go type whose
 * {@code Metadata}/{@code Schema} ran. The layer files are where the pieces were found:
 * {@code schemaFile} holds the schema literal (the generated layer in v3), {@code
 * constructorFile} the constructor (the wrapper), {@code implementationFile} the methods
 * (the shared base in v3, the resource itself in v2). {@code model} is the struct its state
 * is read into, or null when none was found.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Resource(
        Category category,
        String typeName,
        String constructor,
        Pos constructorPos,
        String implementation,
        String constructorFile,
        String implementationFile,
        String schemaFile,
        Schema schema,
        Map<String, String> fieldMappings,
        Pos fieldMappingsPos,
        ModelStruct model,
        List<Unresolved> unresolved) {

    public boolean isDataSource() {
        return category == Category.DATA_SOURCE;
    }

    public boolean isResolved() {
        return typeName != null;
    }
}
