package io.tfaudit.cli;

import io.tfaudit.backend.Alignment;
import io.tfaudit.backend.AlignmentReport;
import io.tfaudit.backend.BackendConfigs;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.ProviderReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code align --provider DIR --backend DIR [--json]}: each connector resource's field
 * mappings against its backend {@code configuration.latest.json} (missing, extra and
 * mismatched fields), as markdown or JSON. Exit 0 when every connector is aligned, 1 with
 * differences, 2 on a bad argument.
 */
final class AlignCommand {

    static final String USAGE = "usage: java -jar tfaudit.jar align --provider DIR --backend DIR [--json]";

    private final PrintStream out;
    private final PrintStream err;

    AlignCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Path provider = null;
        Path backend = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--provider", "--backend" -> {
                    if (i + 1 >= args.length) {
                        err.println("tfaudit align: " + args[i] + " needs a value");
                        err.println(USAGE);
                        return Main.BAD_USAGE;
                    }
                    Path p = Path.of(args[i + 1]);
                    if (args[i++].equals("--provider")) {
                        provider = p;
                    } else {
                        backend = p;
                    }
                }
                default -> {
                    err.println("tfaudit align: unknown argument " + args[i]);
                    err.println(USAGE);
                    return Main.BAD_USAGE;
                }
            }
        }
        if (provider == null || backend == null) {
            err.println("tfaudit align: " + (provider == null ? "--provider" : "--backend") + " is required");
            err.println(USAGE);
            return Main.BAD_USAGE;
        }
        for (Path p : new Path[] {provider, backend}) {
            if (!Files.isDirectory(p)) {
                err.println("tfaudit align: " + p + ": " + (Files.exists(p) ? "not a directory" : "no such directory"));
                return Main.BAD_USAGE;
            }
        }
        ProviderModel model = ProviderReader.read(provider);
        if (model.providerTypeName() == null && model.resources().isEmpty()) {
            model.unresolved().forEach(u -> err.println("tfaudit align: " + u));
            err.println("tfaudit align: " + provider + " does not look like a Terraform provider written with terraform-plugin-framework");
            return Main.BAD_USAGE;
        }
        AlignmentReport report = Alignment.report(model, BackendConfigs.read(backend));
        out.print(json ? report.toJson() + "\n" : report.toMarkdown());
        long differing = report.connectors().stream().filter(c -> !c.aligned()).count();
        err.printf("%d connector resources, %d aligned, %d with differences or not compared, %d backend problems%n",
                report.connectors().size(), report.connectors().size() - differing, differing, report.backendProblems().size());
        return report.aligned() ? Main.OK : Main.FINDINGS;
    }
}
