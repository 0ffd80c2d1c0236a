package io.tfaudit.cli;

import io.tfaudit.provider.Function;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.ProviderReader;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.SchemaExport;
import io.tfaudit.provider.Unresolved;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code schema PROVIDER_DIR}: the statically extracted schemas as
 * {@code terraform providers schema -json} prints them; what could not be resolved goes
 * to standard error.
 */
final class SchemaCommand {

    private final PrintStream out;
    private final PrintStream err;

    SchemaCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println("usage: java -jar tfaudit.jar schema PROVIDER_DIR");
            return Main.BAD_USAGE;
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            err.println("tfaudit schema: " + dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory"));
            return Main.BAD_USAGE;
        }
        ProviderModel model = ProviderReader.readSchemas(dir);
        if (model.providerTypeName() == null && model.resources().isEmpty()) {
            model.unresolved().forEach(u -> err.println("tfaudit schema: " + u));
            err.println("tfaudit schema: " + dir + " does not look like a Terraform provider written with terraform-plugin-framework");
            return Main.BAD_USAGE;
        }
        out.println(SchemaExport.toJson(model));
        int unresolved = model.unresolved().size();
        for (Unresolved u : model.unresolved()) {
            err.println("unresolved: " + u);
        }
        for (Resource r : model.resources()) {
            for (Unresolved u : r.unresolved()) {
                err.println("unresolved in " + (r.typeName() == null ? r.constructor() : r.typeName()) + ": " + u);
                unresolved++;
            }
        }
        for (Resource r : model.dataSources()) {
            for (Unresolved u : r.unresolved()) {
                err.println("unresolved in data source " + (r.typeName() == null ? r.constructor() : r.typeName()) + ": " + u);
                unresolved++;
            }
        }
        for (Resource r : model.ephemeralResources()) {
            for (Unresolved u : r.unresolved()) {
                err.println("unresolved in ephemeral resource " + (r.typeName() == null ? r.constructor() : r.typeName()) + ": " + u);
                unresolved++;
            }
        }
        for (Function f : model.functions()) {
            for (Unresolved u : f.unresolved()) {
                err.println("unresolved in function " + (f.name() == null ? f.constructor() : f.name()) + ": " + u);
                unresolved++;
            }
        }
        err.printf("%d resources, %d data sources, %d ephemeral resources, %d functions, provider block %s, %d unresolved%n",
                model.resources().size(), model.dataSources().size(), model.ephemeralResources().size(),
                model.functions().size(), model.providerSchema() == null ? "absent" : "read", unresolved);
        return Main.OK;
    }
}
