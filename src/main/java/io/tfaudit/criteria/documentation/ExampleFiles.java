package io.tfaudit.criteria.documentation;

import io.tfaudit.audit.Audit;
import io.tfaudit.audit.AuditedResource;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.ExternalCommand;
import io.tfaudit.audit.Findings;
import io.tfaudit.provider.Attribute;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.Schema;
import io.tfaudit.provider.files.HclFile;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The examples of a resource ({@code examples/resources/<type>/basic.tf}, {@code complete.tf},
 * {@code import.sh}) checked the way {@code terraform validate} would check them, but against
 * the statically extracted schema and without Terraform: an attribute the schema lacks, a
 * required attribute left out, a literal Terraform cannot convert, a read-only attribute set, a
 * block written as an attribute or the reverse, a declaration repeated across a folder's files.
 */
public final class ExampleFiles {

    public static final String BASIC = "basic.tf";
    public static final String COMPLETE = "complete.tf";
    public static final String IMPORT = "import.sh";

    /** Meta-arguments Terraform accepts in every resource block. */
    private static final Set<String> META_ARGUMENTS = Set.of("count", "for_each", "depends_on", "provider");
    private static final Set<String> META_BLOCKS = Set.of("lifecycle", "provisioner", "connection", "dynamic");

    static final Duration FMT_TIMEOUT = Duration.ofMinutes(5);
    private static final Map<Audit, ExternalCommand.Result> FMT_RUNS = new ConcurrentHashMap<>();

    private ExampleFiles() {}

    public static String dir(String typeName) {
        return "examples/resources/" + typeName + "/";
    }

    /** The parsed example, when the file exists. */
    public static Optional<HclFile> example(ProviderModel model, String path) {
        return model.files().examples().stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /**
     * The example file of a resource that must exist, parse and declare the resource; each
     * failure is added to {@code f} and the file is returned only when all hold.
     */
    public static Optional<HclFile> declaringExample(ProviderModel model, AuditedResource r, String name, Findings f) {
        String path = dir(r.typeName()) + name;
        Optional<HclFile> file = example(model, path);
        if (file.isEmpty()) {
            f.add(path, r.typeName() + ": expected " + name + ", found no such file"
                    + (RepoText.isDirectory(model, dir(r.typeName())) ? " (the folder has " + fileNames(model, r.typeName()) + ")"
                    : " (there is no folder " + dir(r.typeName()) + ")"));
            return Optional.empty();
        }
        if (file.get().problem() != null) {
            f.add(where(path, file.get().problem().line()), file.get().problem().message());
            return Optional.empty();
        }
        if (file.get().resource(r.typeName()).isEmpty()) {
            f.add(path, "expected a resource \"" + r.typeName() + "\" block, found " + declared(file.get()));
            return Optional.empty();
        }
        return file;
    }

    private static List<String> fileNames(ProviderModel model, String typeName) {
        return RepoText.under(model, dir(typeName)).stream().map(p -> p.substring(dir(typeName).length())).toList();
    }

    private static String declared(HclFile file) {
        List<String> types = file.blocks().stream().filter(b -> b.kind().equals("resource") || b.kind().equals("data"))
                .map(b -> b.kind() + " \"" + b.typeName() + "\"").toList();
        return types.isEmpty() ? "no resource block" : String.join(", ", types);
    }

    static String where(String path, int line) {
        return line > 0 ? path + ":" + line : path;
    }

    /** The resource's examples folder exists (holds at least one file). */
    public static void verifyFolder(CriterionRun run, String typeName) {
        Findings f = run.findings();
        String dir = dir(typeName);
        if (!RepoText.isDirectory(run.provider(), dir)) {
            f.add(dir, "expected an examples folder for " + typeName + ", found no such directory");
        }
        f.verify();
    }

    /**
     * "All resources must have basic.tf and complete.tf examples" (FR-18, FR-36, SM-16): both
     * files exist in the resource's examples folder. What they contain is the stories' to judge
     * (US-027.2/3, US-050.3/4).
     */
    public static void verifyBothExist(CriterionRun run, AuditedResource r) {
        Findings f = run.findings();
        for (String name : List.of(BASIC, COMPLETE)) {
            if (!RepoText.exists(run.provider(), dir(r.typeName()) + name)) {
                f.add(dir(r.typeName()) + name, r.typeName() + ": expected " + name + ", found no such file"
                        + (RepoText.isDirectory(run.provider(), dir(r.typeName())) ? " (the folder has "
                        + fileNames(run.provider(), r.typeName()) + ")" : " (there is no folder " + dir(r.typeName()) + ")"));
            }
        }
        f.verify();
    }

    /** basic.tf exists, parses, declares the resource and sets each of its required attributes. */
    public static void verifyBasic(CriterionRun run, AuditedResource r) {
        Findings f = run.findings();
        declaringExample(run.provider(), r, BASIC, f).ifPresent(file -> requiredSet(file, r.registered(), f));
        f.verify();
    }

    /** complete.tf exists, parses, declares the resource, sets every configurable attribute and has comments. */
    public static void verifyComplete(CriterionRun run, AuditedResource r) {
        Findings f = run.findings();
        Optional<HclFile> file = declaringExample(run.provider(), r, COMPLETE, f);
        if (file.isPresent()) {
            String text = RepoText.read(run.provider(), file.get().path()).orElse("");
            everyOptionSet(file.get(), text, r.registered(), f);
            if (!hasComment(text)) {
                f.add(file.get().path(), "expected comments explaining the options (# ...), found none");
            }
        }
        f.verify();
    }

    /** Required attributes of the resource that its block in this file does not set. */
    public static void requiredSet(HclFile file, Resource resource, Findings f) {
        for (HclFile.Block b : file.resources()) {
            if (b.typeName().equals(resource.typeName())) {
                missingRequired(file.path(), address(b), b, resource.schema().attributes(), resource.schema().blocks(), f);
            }
        }
    }

    /** An assignment commented out ({@code # ssh_host = "bastion"}): the option is shown, ready to uncomment. */
    private static final java.util.regex.Pattern COMMENTED_ASSIGNMENT = java.util.regex.Pattern.compile(
            "(?m)^\\s*(?:#|//)\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=");

    /**
     * "All options": every attribute a user may set (required or optional, not deprecated,
     * timeouts aside) is set by one of the resource's blocks in this file, or shown there in a
     * commented-out assignment (options that only apply with another one, such as SSH settings).
     */
    public static void everyOptionSet(HclFile file, String text, Resource resource, Findings f) {
        List<HclFile.Block> blocks = file.resources().stream().filter(b -> b.typeName().equals(resource.typeName())).toList();
        Set<String> set = new TreeSet<>();
        for (HclFile.Block b : blocks) {
            set.addAll(b.attributes().keySet());
            b.blocks().forEach(n -> set.add(n.kind()));
        }
        java.util.regex.Matcher commented = COMMENTED_ASSIGNMENT.matcher(text);
        while (commented.find()) {
            set.add(commented.group(1));
        }
        List<String> missing = new ArrayList<>();
        for (Attribute a : resource.schema().attributes().values()) {
            if (SchemaWalk.isOption(a) && !set.contains(a.name())) {
                missing.add(a.name());
            }
        }
        if (!missing.isEmpty()) {
            int options = (int) resource.schema().attributes().values().stream().filter(SchemaWalk::isOption).count();
            f.add(where(file.path(), blocks.get(0).line()), address(blocks.get(0)) + ": expected every configurable attribute set, "
                    + "found " + missing.size() + " of " + options + " not set: " + String.join(", ", missing));
        }
    }

    /**
     * What {@code terraform validate} rejects across the files of one folder, which it reads
     * as one module: a resource, data source, variable, output or module call declared twice,
     * a second default configuration of a provider, a second {@code required_providers}, a
     * local value defined twice. Files that did not parse are left out (they fail on their own).
     */
    public static void validateFolder(List<HclFile> files, Findings f) {
        Map<String, String> first = new java.util.HashMap<>();
        for (HclFile file : files) {
            if (file.problem() != null) {
                continue;
            }
            for (HclFile.Block b : file.blocks()) {
                String at = where(file.path(), b.line());
                String name = b.labels().isEmpty() ? "" : b.labels().get(b.labels().size() - 1);
                switch (b.kind()) {
                    case "resource", "data" -> {
                        if (b.labels().size() == 2) {
                            duplicate(first, b.kind() + " " + b.labels(), at, f, "Duplicate " + b.kind() + " \"" + b.labels().get(0)
                                    + "\" configuration: a " + b.labels().get(0) + " " + (b.kind().equals("data") ? "data source" : "resource")
                                    + " named \"" + name + "\" was already declared");
                        }
                    }
                    case "variable" -> duplicate(first, "variable " + name, at, f, "Duplicate variable declaration: a variable named \""
                            + name + "\" was already declared");
                    case "output" -> duplicate(first, "output " + name, at, f, "Duplicate output definition: an output named \""
                            + name + "\" was already defined");
                    case "module" -> duplicate(first, "module " + name, at, f, "Duplicate module call: a module named \""
                            + name + "\" was already called");
                    case "provider" -> {
                        HclFile.AttributeValue alias = b.attributes().get("alias");
                        duplicate(first, "provider " + name + (alias == null ? "" : " " + alias.text().strip()), at, f,
                                alias == null ? "Duplicate provider configuration: a default (non-aliased) configuration for \""
                                        + name + "\" was already given"
                                        : "Duplicate provider configuration: \"" + name + "\" with alias " + alias.text().strip()
                                        + " was already given");
                    }
                    case "terraform" -> b.blocks().stream().filter(n -> n.kind().equals("required_providers")).forEach(n ->
                            duplicate(first, "required_providers", where(file.path(), n.line()), f,
                                    "Duplicate required providers configuration: a module may have only one, it was already given"));
                    case "locals" -> b.attributes().values().forEach(v -> duplicate(first, "local " + v.name(),
                            where(file.path(), v.line()), f, "Duplicate local value definition: local." + v.name()
                                    + " was already defined"));
                    default -> { }
                }
            }
        }
    }

    private static void duplicate(Map<String, String> first, String key, String at, Findings f, String message) {
        String earlier = first.putIfAbsent(key, at);
        if (earlier != null) {
            f.add(at, message + " at " + earlier + "; terraform validate reads the folder as one module and rejects it");
        }
    }

    /**
     * Every resource and data block of the provider's own types, checked against their schemas:
     * only what {@code terraform validate} rejects (a literal Terraform converts to the
     * attribute's type, such as {@code "5432"} for a number, is accepted).
     */
    public static void validate(ProviderModel model, HclFile file, Findings f) {
        String prefix = model.providerTypeName() == null ? null : model.providerTypeName() + "_";
        for (HclFile.Block b : file.blocks()) {
            boolean data = b.kind().equals("data");
            if (!data && !b.kind().equals("resource") || prefix == null
                    || !(b.typeName().startsWith(prefix) || b.typeName().equals(model.providerTypeName()))) {
                continue;
            }
            Optional<Resource> r = data ? model.dataSource(b.typeName()) : model.resource(b.typeName());
            if (r.isEmpty()) {
                f.add(where(file.path(), b.line()), (data ? "data source " : "resource type ") + b.typeName()
                        + " is not registered by the provider: Terraform would reject the block");
                continue;
            }
            Schema s = r.get().schema();
            checkBody(file.path(), address(b), b, s.attributes(), s.blocks(), true, f);
            missingRequired(file.path(), address(b), b, s.attributes(), s.blocks(), f);
        }
    }

    static String address(HclFile.Block b) {
        return (b.kind().equals("data") ? "data." : "") + String.join(".", b.labels());
    }

    private static void checkBody(String path, String address, HclFile.Block b, Map<String, Attribute> attributes,
                                  Map<String, Schema.Block> blocks, boolean top, Findings f) {
        for (HclFile.AttributeValue v : b.attributes().values()) {
            if (top && META_ARGUMENTS.contains(v.name())) {
                continue;
            }
            String at = where(path, v.line());
            Attribute a = attributes.get(v.name());
            if (a == null) {
                if (blocks.containsKey(v.name())) {
                    f.add(at, address + ": " + v.name() + " is a block in the schema; write `" + v.name()
                            + " { ... }`, found an argument `" + v.name() + " = ...`: Terraform would reject it");
                } else {
                    f.add(at, address + ": unknown attribute " + v.name() + " (the schema has no such attribute): "
                            + "Terraform would reject it");
                }
                continue;
            }
            if (a.computed() && !a.optional() && !a.required()) {
                f.add(at, address + ": attribute " + v.name() + " is read-only (Computed); setting it is an error");
            }
            // A deprecated attribute is a warning of terraform validate, not an error: not judged here.
            String problem = typeProblem(a, v);
            if (problem != null && !problem.contains(CONVERTED)) {
                f.add(at, address + ": attribute " + v.name() + ": " + problem);
            }
        }
        for (HclFile.Block nested : b.blocks()) {
            String name = nested.kind();
            if (top && META_BLOCKS.contains(name)) {
                continue;
            }
            String at = where(path, nested.line());
            Schema.Block sb = blocks.get(name);
            if (sb != null) {
                checkBody(path, address + "." + name, nested, sb.attributes(), sb.blocks(), false, f);
                missingRequired(path, address + "." + name, nested, sb.attributes(), sb.blocks(), f);
            } else if (attributes.containsKey(name)) {
                f.add(at, address + ": " + name + " is an attribute in the schema (" + attributes.get(name).kind()
                        + "); write `" + name + " = { ... }`, found a block `" + name + " { ... }`: Terraform would reject it");
            } else {
                f.add(at, address + ": unknown block " + name + " (the schema has no such block or attribute): Terraform would reject it");
            }
        }
    }

    private static void missingRequired(String path, String address, HclFile.Block b, Map<String, Attribute> attributes,
                                        Map<String, Schema.Block> blocks, Findings f) {
        for (Attribute a : attributes.values()) {
            if (a.required() && !b.attributes().containsKey(a.name())
                    && b.blocks().stream().noneMatch(n -> n.kind().equals(a.name()))) {
                f.add(where(path, b.line()), address + ": required attribute " + a.name() + " is not set: Terraform would reject the block");
            }
        }
    }

    /** How {@link #typeProblem} ends a literal Terraform converts to the attribute's type: not an error. */
    static final String CONVERTED = "(Terraform converts it";

    /** What is wrong with a literal for this attribute's type, or null (expressions are not judged). */
    static String typeProblem(Attribute a, HclFile.AttributeValue v) {
        HclFile.ValueKind k = v.kind();
        if (k == HclFile.ValueKind.NULL || k == HclFile.ValueKind.EXPRESSION) {
            return null;
        }
        String literal = literalName(k) + " " + abbreviate(v.text());
        switch (a.kind()) {
            case "String" -> {
                if (k == HclFile.ValueKind.LIST || k == HclFile.ValueKind.MAP) {
                    return "expected a string (String), found a " + literal + ", which Terraform cannot convert: the example would not apply";
                }
                if (k != HclFile.ValueKind.STRING) {
                    return "expected a string (String), found a " + literal + " (Terraform converts it, but the example teaches the wrong type)";
                }
            }
            case "Int64", "Int32", "Float64", "Float32", "Number" -> {
                String type = "a number (" + a.kind() + ")";
                if (k == HclFile.ValueKind.STRING) {
                    String s = unquote(v.text());
                    boolean numeric = s != null && s.strip().matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
                    return numeric ? "expected " + type + ", found a " + literal + " (Terraform converts it, but the example teaches the wrong type)"
                            : "expected " + type + ", found a " + literal + ", which Terraform cannot convert: the example would not apply";
                }
                if (k != HclFile.ValueKind.NUMBER) {
                    return "expected " + type + ", found a " + literal + ", which Terraform cannot convert: the example would not apply";
                }
                if (a.kind().startsWith("Int") && !v.text().strip().matches("-?[0-9]+")) {
                    return "expected a whole number (" + a.kind() + "), found " + abbreviate(v.text()) + ": the example would not apply";
                }
            }
            case "Bool" -> {
                if (k == HclFile.ValueKind.STRING) {
                    String s = unquote(v.text());
                    boolean convertible = "true".equals(s) || "false".equals(s);
                    return "expected a bool (Bool), found a " + literal + (convertible
                            ? " (Terraform converts it, but the example teaches the wrong type)"
                            : ", which Terraform cannot convert: the example would not apply");
                }
                if (k != HclFile.ValueKind.BOOL) {
                    return "expected a bool (Bool), found a " + literal + ", which Terraform cannot convert: the example would not apply";
                }
            }
            case "List", "Set", "ListNested", "SetNested" -> {
                if (k != HclFile.ValueKind.LIST) {
                    return "expected a list (" + a.kind() + "), found a " + literal + ", which Terraform cannot convert: the example would not apply";
                }
            }
            case "Map", "MapNested", "SingleNested", "Object" -> {
                if (k != HclFile.ValueKind.MAP) {
                    return "expected an object or map (" + a.kind() + "), found a " + literal + ", which Terraform cannot convert: the example would not apply";
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    private static String literalName(HclFile.ValueKind k) {
        return switch (k) {
            case STRING -> "string literal";
            case NUMBER -> "number literal";
            case BOOL -> "bool literal";
            case LIST -> "list literal";
            case MAP -> "object literal";
            default -> "literal";
        };
    }

    private static String unquote(String raw) {
        String s = raw.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : null;
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 37) + "..." : t;
    }

    /** Whether HCL text has a comment ({@code #}, {@code //} or {@code /*}) outside strings. */
    public static boolean hasComment(String text) {
        for (String line : text.split("\n")) {
            boolean inString = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && inString) {
                    i++;
                } else if (c == '"') {
                    inString = !inString;
                } else if (!inString && (c == '#' || c == '/' && i + 1 < line.length() && (line.charAt(i + 1) == '/'
                        || line.charAt(i + 1) == '*'))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- terraform fmt -------------------------------------------------------------------

    /** The command that checks the examples' formatting. */
    public static List<String> fmtCommand() {
        return List.of("terraform", "fmt", "-check", "-recursive", "-no-color", "examples/");
    }

    /**
     * {@code terraform fmt -check -recursive examples/}: every file it lists is a finding. It
     * needs no consent: {@code -check} only reads the files (it writes nothing) and runs no
     * provider code. Without Terraform on PATH the criterion is skipped with the command. The
     * run is shared by the criteria that ask for it.
     */
    public static void verifyFormatted(CriterionRun run) {
        Findings f = run.findings();
        ProviderModel model = run.provider();
        if (!RepoText.isDirectory(model, "examples")) {
            f.add("examples/", "expected examples to check, found no examples/ folder");
            f.verify();
        }
        String command = "cd " + run.audit().providerDir() + " && " + String.join(" ", fmtCommand());
        if (ExternalCommand.onPath("terraform").isEmpty()) {
            run.skip("no `terraform` command on PATH", command);
        }
        if (run.audit().providerDir() == null || !java.nio.file.Files.isDirectory(run.audit().providerDir())) {
            run.skip("the audited tree is not a directory on disk", command);
        }
        ExternalCommand.Result result = FMT_RUNS.computeIfAbsent(run.audit(), a -> {
            try {
                return ExternalCommand.run(a.providerDir(), fmtCommand(), a.config().toolTimeout(FMT_TIMEOUT));
            } catch (IOException e) {
                return new ExternalCommand.Result(-1, "terraform could not start: " + e.getMessage(), Duration.ZERO);
            }
        });
        run.evidence("terraform fmt", String.join(" ", fmtCommand()) + " (the PRD's `terraform fmt -check examples/`, "
                + "recursive so that every example folder is checked)\nexit " + result.exitCode() + "\n" + result.output());
        if (result.timedOut()) {
            f.add("examples/", "terraform fmt did not finish within "
                    + io.tfaudit.audit.GoTestRun.goDuration(run.audit().config().toolTimeout(FMT_TIMEOUT)));
        } else if (!result.succeeded()) {
            List<String> listed = result.output().lines().map(String::strip)
                    .filter(l -> l.endsWith(".tf") || l.endsWith(".tfvars") || l.endsWith(".hcl")).toList();
            for (String file : listed) {
                f.add(file.startsWith("examples/") ? file : "examples/" + file,
                        "not formatted as `terraform fmt` writes it (run terraform fmt -recursive examples/)");
            }
            if (listed.isEmpty()) {
                f.add("examples/", "terraform fmt -check exited " + result.exitCode() + ": "
                        + result.output().lines().limit(5).reduce((a, b) -> a + " / " + b).orElse("(no output)"));
            }
        }
        f.verify();
    }
}
