package io.tfaudit.criteria.phase1;

import io.tfaudit.provider.Category;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a provider's architecture measurably is, per connector (source, destination,
 * transform): where its schema is written, where its CRUD runs, how many lines are its own,
 * whether it maps fields through a table, handles deprecations, supports timeouts and import.
 */
record ArchitectureFacts(
        int connectors,
        double linesPerConnector,
        double handWrittenLinesPerConnector,
        int generatedSchemas,
        int schemasInOwnFile,
        int sharedCrud,
        int fieldMappingTables,
        int withDeprecations,
        int withTimeouts,
        int withImport) {

    static ArchitectureFacts of(ProviderModel model) {
        List<Resource> connectors = model.resources().stream().filter(r -> r.category() == Category.SOURCE
                || r.category() == Category.DESTINATION || r.category() == Category.TRANSFORM).toList();
        long lines = 0;
        long handWritten = 0;
        int generated = 0;
        int ownFile = 0;
        int shared = 0;
        int mappings = 0;
        int deprecations = 0;
        int timeouts = 0;
        int imports = 0;
        for (Resource r : connectors) {
            Set<String> ownFiles = new LinkedHashSet<>();
            ownFiles.add(r.constructorFile());
            if (r.schemaFile() != null && !r.schemaFile().equals(r.implementationFile())) {
                ownFiles.add(r.schemaFile());
            }
            boolean sharedBase = r.implementationFile() != null && !r.implementationFile().equals(r.constructorFile())
                    && connectors.stream().filter(o -> r.implementationFile().equals(o.implementationFile())).count() > 1;
            if (!sharedBase && r.implementationFile() != null) {
                ownFiles.add(r.implementationFile());
            }
            for (String f : ownFiles) {
                long n = lineCount(model, f);
                lines += n;
                handWritten += f.startsWith("internal/generated/") ? 0 : n;
            }
            generated += r.schemaFile() != null && r.schemaFile().startsWith("internal/generated/") ? 1 : 0;
            ownFile += r.schemaFile() != null && r.schemaFile().equals(r.constructorFile()) ? 1 : 0;
            shared += sharedBase ? 1 : 0;
            mappings += r.fieldMappings().isEmpty() ? 0 : 1;
            deprecations += r.schema().attributes().values().stream().anyMatch(a -> a.isDeprecated()) ? 1 : 0;
            timeouts += r.schema().blocks().containsKey("timeouts") || r.schema().attributes().containsKey("timeouts") ? 1 : 0;
            imports += methodNamed(model, r, "ImportState") ? 1 : 0;
        }
        int n = connectors.size();
        return new ArchitectureFacts(n, n == 0 ? 0 : (double) lines / n, n == 0 ? 0 : (double) handWritten / n, generated,
                ownFile, shared, mappings, deprecations, timeouts, imports);
    }

    private static long lineCount(ProviderModel model, String path) {
        try {
            String text = new String(model.module().tree().source().read(path), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean methodNamed(ProviderModel model, Resource r, String name) {
        if (r.implementationFile() == null) {
            return false;
        }
        return model.module().tree().file(r.implementationFile())
                .map(f -> model.module().packageOf(f).method(r.implementation(), name).isPresent()).orElse(false);
    }

    /** The comparison matrix: one row per dimension, then and now. */
    static String matrix(ArchitectureFacts before, String beforeLabel, ArchitectureFacts after, String afterLabel) {
        StringBuilder sb = new StringBuilder("| dimension | " + beforeLabel + " | " + afterLabel + " |\n|---|---|---|\n");
        row(sb, "connectors", before.connectors, after.connectors);
        sb.append("| code per connector (non-blank lines of its own files) | ").append(Math.round(before.linesPerConnector))
                .append(" | ").append(Math.round(after.linesPerConnector)).append(" |\n");
        sb.append("| hand-written code per connector (generated files excluded) | ")
                .append(Math.round(before.handWrittenLinesPerConnector)).append(" | ")
                .append(Math.round(after.handWrittenLinesPerConnector)).append(" |\n");
        row(sb, "schema definition: generated (internal/generated/)", before.generatedSchemas, after.generatedSchemas);
        row(sb, "schema definition: written in the resource's own file", before.schemasInOwnFile, after.schemasInOwnFile);
        row(sb, "field mappings: a mapping table", before.fieldMappingTables, after.fieldMappingTables);
        row(sb, "CRUD implementation: one shared base", before.sharedCrud, after.sharedCrud);
        row(sb, "type conversion: through the shared base", before.sharedCrud, after.sharedCrud);
        row(sb, "deprecation handling: deprecated aliases", before.withDeprecations, after.withDeprecations);
        row(sb, "timeout support", before.withTimeouts, after.withTimeouts);
        row(sb, "import support", before.withImport, after.withImport);
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, int before, int after) {
        sb.append("| ").append(name).append(" | ").append(before).append(" | ").append(after).append(" |\n");
    }
}
