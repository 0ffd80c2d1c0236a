package io.tfaudit.bench;

import io.tfaudit.audit.SampleProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A provider of N source connectors for the scaling benchmark, made from the sample
 * provider: its PostgreSQL source (generated schema and wrapper) copied N times under new
 * names, each registered by the provider and listed in the inventory.
 *
 * <pre>java -cp target/tfaudit.jar io.tfaudit.bench.SyntheticProvider N OUT_DIR</pre>
 */
public final class SyntheticProvider {

    private SyntheticProvider() {}

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        write(n, out);
        System.out.println("wrote a provider of " + n + " extra connectors to " + out);
    }

    public static void write(int n, Path out) throws IOException {
        Path sample = SampleProvider.directory();
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path p : files.toList()) {
                Path target = out.resolve(sample.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String generated = read(sample.resolve("internal/generated/source_postgresql.go"));
        String wrapper = read(sample.resolve("internal/resource/source/postgresql_generated.go"));
        StringBuilder registrations = new StringBuilder();
        StringBuilder inventory = new StringBuilder(read(sample.resolve("inventory.txt")));
        for (int i = 1; i <= n; i++) {
            String suffix = "X" + i;
            Files.writeString(out.resolve("internal/generated/source_postgresql_x" + i + ".go"),
                    generated.replace("SourcePostgreSQL", "SourcePostgreSQL" + suffix), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("internal/resource/source/postgresql_x" + i + "_generated.go"), wrapper
                    .replace("SourcePostgreSQL", "SourcePostgreSQL" + suffix)
                    .replace("PostgreSQLConfig", "PostgreSQLConfig" + suffix)
                    .replace("NewPostgreSQLResource", "NewPostgreSQLResource" + suffix)
                    .replace("postgresqlAliases", "postgresqlAliases" + suffix)
                    .replace("postgresqlFieldMappings", "postgresqlFieldMappings" + suffix)
                    .replace("\"source_postgresql\"", "\"source_postgresql_x" + i + "\""), StandardCharsets.UTF_8);
            registrations.append("\t\tsource.NewPostgreSQLResource").append(suffix).append(",\n");
            inventory.append("source streamkap_source_postgresql_x").append(i).append('\n');
        }
        Path provider = out.resolve("internal/provider/provider.go");
        Files.writeString(provider, read(provider).replace("\t\tsource.NewPostgreSQLResource,\n",
                "\t\tsource.NewPostgreSQLResource,\n" + registrations), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("inventory.txt"), inventory.toString(), StandardCharsets.UTF_8);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
