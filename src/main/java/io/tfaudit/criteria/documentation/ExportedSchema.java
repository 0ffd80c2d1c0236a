package io.tfaudit.criteria.documentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfaudit.audit.Audit;
import io.tfaudit.provider.SchemaExport;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider's schemas as {@code terraform providers schema -json} prints them
 * ({@link SchemaExport}), exported once per audit run: what the MCP server and other tools query.
 */
public final class ExportedSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Audit, JsonNode> EXPORTS = new ConcurrentHashMap<>();

    private ExportedSchema() {}

    public static JsonNode of(Audit audit) {
        return EXPORTS.computeIfAbsent(audit, a -> {
            try {
                return JSON.readTree(SchemaExport.toJson(a.provider()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the schema export is not valid JSON", e);
            }
        });
    }

    /** The exported schema of a resource or data source, or null. */
    public static JsonNode schema(Audit audit, String typeName, boolean dataSource) {
        for (JsonNode provider : of(audit).path("provider_schemas")) {
            JsonNode s = provider.path(dataSource ? "data_source_schemas" : "resource_schemas").path(typeName);
            if (!s.isMissingNode()) {
                return s;
            }
        }
        return null;
    }

    /** {@code namespace/name} of the provider's registry address, when its main.go names one. */
    public static Optional<String> source(Audit audit) {
        Iterator<String> names = of(audit).path("provider_schemas").fieldNames();
        if (!names.hasNext()) {
            return Optional.empty();
        }
        String address = names.next();
        String[] parts = address.split("/");
        if (parts.length < 3 || parts[parts.length - 2].equals("unknown")) {
            return Optional.empty();
        }
        return Optional.of(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
    }
}
