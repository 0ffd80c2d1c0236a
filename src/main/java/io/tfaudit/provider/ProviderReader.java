package io.tfaudit.provider;

import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.eval.Evaluator;
import io.tfaudit.go.eval.Value;
import io.tfaudit.go.load.GoSourceTree;
import io.tfaudit.go.program.GoModule;
import io.tfaudit.go.program.GoPackage;
import io.tfaudit.provider.files.ProviderFiles;
import io.tfaudit.provider.files.ProviderFilesReader;
import io.tfaudit.source.DirectorySource;
import io.tfaudit.source.SourceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a provider checkout the way Terraform would meet it, but without running it: the
 * provider's {@code Metadata} gives its type name, {@code Resources()} and
 * {@code DataSources()} give the constructors, and each constructed value's
 * {@code Metadata} and {@code Schema} methods give its type name and effective schema. All
 * of it is evaluated statically ({@link Evaluator}), so whatever indirection the code uses
 * (v3's generated/wrapper/base layers, v2's literals) is followed as Go would follow it.
 */
public final class ProviderReader {

    private static final String FRAMEWORK = "github.com/hashicorp/terraform-plugin-framework";

    private ProviderReader() {}

    public static ProviderModel read(Path root) {
        return read(DirectorySource.of(root));
    }

    /** Reads a checkout on disk or a git revision ({@link io.tfaudit.source.GitRevisionSource}). */
    public static ProviderModel read(SourceFiles source) {
        return read(GoModule.of(GoSourceTree.load(source, GoSourceTree.Options.defaults())));
    }

    public static ProviderModel read(GoModule module) {
        return read(module, true);
    }

    /** The provider's schemas only (for {@code tfaudit schema}): its tests and other files are not read. */
    public static ProviderModel readSchemas(Path root) {
        return read(GoModule.of(GoSourceTree.load(DirectorySource.of(root), GoSourceTree.Options.defaults())), false);
    }

    private static ProviderModel read(GoModule module, boolean everything) {
        List<Unresolved> unresolved = new ArrayList<>();
        Evaluator ev = new Evaluator(module);
        Optional<ProviderType> providerType = findProviderType(module);
        if (providerType.isEmpty()) {
            unresolved.add(new Unresolved("no provider type found: no Go type has both Metadata and Resources methods", null));
            return new ProviderModel(module.tree().root(), module, null, null, List.of(), List.of(), List.of(),
                    tests(module, everything), sweepers(module, everything), files(module, everything), envVars(module),
                    unresolved, null, List.of(), List.of());
        }
        ProviderType pt = providerType.get();
        Value provider = new Value.Struct(new Value.TypeName(pt.pkg.importPath(), pt.name), new LinkedHashMap<>(), pt.pos);
        Set<GoPackage> initialised = new LinkedHashSet<>();
        for (Value.Unknown problem : ev.initialise(initRoots(module, pt.pkg), initialised)) {
            unresolved.add(new Unresolved(problem.why(), problem.origin()));
        }

        Value.Struct metaResp = response(FRAMEWORK + "/provider", "MetadataResponse", pt.pos);
        ev.callMethod(provider, "Metadata", List.of(context(pt.pos), request(FRAMEWORK + "/provider", "MetadataRequest", null, pt.pos), metaResp), pt.pos);
        String providerName = metaResp.field("TypeName") instanceof Value.Str s ? s.value() : null;
        if (providerName == null) {
            unresolved.add(new Unresolved("provider type name: Metadata does not set a constant TypeName", pt.pos));
        }

        Schema providerSchema = null;
        Optional<Value.Func> schemaMethod = ev.method(provider, "Schema");
        if (schemaMethod.isPresent()) {
            Value.Struct resp = response(FRAMEWORK + "/provider", "SchemaResponse", pt.pos);
            ev.call(schemaMethod.get(), List.of(context(pt.pos), request(FRAMEWORK + "/provider", "SchemaRequest", null, pt.pos),
                    resp), pt.pos);
            Decl.FuncDecl decl = schemaMethod.get().decl();
            if (resp.field("Schema") == null && decl.body() != null && decl.body().list().isEmpty()) {
                // An empty method leaves the response's zero value: a provider without configuration.
                providerSchema = new Schema(null, null, null, Map.of(), Map.of(), decl.pos());
            } else {
                providerSchema = new SchemaReader(unresolved, module).schema(resp.field("Schema"), schemaMethod.get().origin());
            }
        }

        Set<String> registered = new LinkedHashSet<>();
        List<Resource> resources = readAll(ev, provider, Kind.RESOURCE, providerName, pt, registered, initialised, unresolved);
        List<Resource> dataSources = readAll(ev, provider, Kind.DATA_SOURCE, providerName, pt, registered, initialised, unresolved);
        List<Resource> ephemeral = readAll(ev, provider, Kind.EPHEMERAL, providerName, pt, registered, initialised, unresolved);
        List<Function> functions = FunctionReader.read(ev, provider, pt.pos, unresolved);
        List<String> unregistered = unregisteredConstructors(module, registered);
        return new ProviderModel(module.tree().root(), module, providerName, pt.pkg.name() + "." + pt.name,
                List.copyOf(resources), List.copyOf(dataSources), List.copyOf(unregistered), tests(module, everything),
                sweepers(module, everything), files(module, everything), envVars(module), List.copyOf(unresolved),
                providerSchema, List.copyOf(ephemeral), List.copyOf(functions));
    }

    private static List<TestFunction> tests(GoModule module, boolean read) {
        return read ? new TestSuiteReader(module).tests() : List.of();
    }

    private static List<Sweeper> sweepers(GoModule module, boolean read) {
        return read ? new TestSuiteReader(module).sweepers() : List.of();
    }

    private static ProviderFiles files(GoModule module, boolean read) {
        return read ? ProviderFilesReader.read(module.tree().source())
                : new ProviderFiles(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of(), Map.of(), List.of());
    }

    /**
     * Where Go starts: the module's {@code main} packages that import the provider's package,
     * directly or not; the provider's package itself when no main package does (a library).
     */
    private static List<GoPackage> initRoots(GoModule module, GoPackage providerPackage) {
        List<GoPackage> roots = new ArrayList<>();
        for (GoPackage pkg : module.packages()) {
            if (pkg.name().equals("main") && pkg.files().stream().anyMatch(f -> !f.isTestFile())
                    && Evaluator.importClosure(module, List.of(pkg)).contains(providerPackage)) {
                roots.add(pkg);
            }
        }
        return roots.isEmpty() ? List.of(providerPackage) : roots;
    }

    /** What the provider registers: the method that lists the constructors, and the framework package of its requests. */
    enum Kind {
        RESOURCE("Resources", "resource", "Resource"),
        DATA_SOURCE("DataSources", "datasource", "DataSource"),
        EPHEMERAL("EphemeralResources", "ephemeral", "EphemeralResource");

        final String method;
        final String frameworkPackage;
        final String constructorSuffix;

        Kind(String method, String frameworkPackage, String constructorSuffix) {
            this.method = method;
            this.frameworkPackage = FRAMEWORK + "/" + frameworkPackage;
            this.constructorSuffix = constructorSuffix;
        }
    }

    private record ProviderType(GoPackage pkg, String name, Pos pos) {}

    private static Optional<ProviderType> findProviderType(GoModule module) {
        for (GoPackage pkg : module.packages()) {
            for (var t : pkg.types().values()) {
                String name = t.spec().name().name();
                var methods = pkg.methodsOf(name);
                if (methods.containsKey("Metadata") && methods.containsKey("Resources") && !t.file().isTestFile()) {
                    return Optional.of(new ProviderType(pkg, name, t.spec().pos()));
                }
            }
        }
        return Optional.empty();
    }

    private static List<Resource> readAll(Evaluator ev, Value provider, Kind kind, String providerName, ProviderType pt,
                                          Set<String> registered, Set<GoPackage> initialised, List<Unresolved> unresolved) {
        List<Resource> out = new ArrayList<>();
        String method = kind.method;
        Optional<Value.Func> list = ev.method(provider, method);
        if (list.isEmpty()) {
            if (kind == Kind.RESOURCE) {
                unresolved.add(new Unresolved("provider " + pt.name + " has no " + method + " method", pt.pos));
            }
            return out;
        }
        Value constructors = ev.call(list.get(), List.of(context(pt.pos)), list.get().origin());
        if (constructors instanceof Value.Nil || constructors instanceof Value.ListValue empty && empty.elements().isEmpty()) {
            // Nothing registered, or registered where the static reading does not look.
            explainEmpty(ev.module(), kind, initialised, constructors.origin(), list.get().origin(), unresolved);
            return out;
        }
        if (!(constructors instanceof Value.ListValue l)) {
            unresolved.add(new Unresolved(method + "() could not be enumerated: it returns " + SchemaReader.describe(constructors),
                    list.get().origin()));
            return out;
        }
        for (Value c : l.elements()) {
            if (!(c instanceof Value.Func f)) {
                unresolved.add(new Unresolved("an entry of " + method + "() is " + SchemaReader.describe(c), c.origin()));
                continue;
            }
            registered.add(f.describe());
            out.add(readOne(ev, f, kind, providerName));
        }
        return out;
    }

    private static Resource readOne(Evaluator ev, Value.Func constructor, Kind kind, String providerName) {
        List<Unresolved> unresolved = new ArrayList<>();
        Pos at = constructor.origin();
        Value instance = ev.call(constructor, List.of(), at);
        String pkg = kind.frameworkPackage;

        String typeName = null;
        String implementation = null;
        String implementationFile = null;
        Optional<Value.Func> metadata = ev.method(instance, "Metadata");
        if (metadata.isPresent()) {
            implementation = metadata.get().decl().receiverTypeName();
            implementationFile = metadata.get().file().path();
            Value.Struct resp = response(pkg, "MetadataResponse", at);
            ev.call(metadata.get(), List.of(context(at), request(pkg, "MetadataRequest", providerName, at), resp), at);
            if (resp.field("TypeName") instanceof Value.Str s) {
                typeName = s.value();
            } else {
                unresolved.add(new Unresolved("type name: Metadata sets TypeName to " + SchemaReader.describe(resp.field("TypeName")),
                        metadata.get().origin()));
            }
        } else {
            unresolved.add(new Unresolved(constructor.describe() + " returns " + SchemaReader.describe(instance)
                    + ", which has no Metadata method that could be followed", at));
        }

        Schema schema = new Schema(null, null, null, Map.of(), Map.of(), at);
        String schemaFile = null;
        Optional<Value.Func> schemaMethod = ev.method(instance, "Schema");
        if (schemaMethod.isPresent()) {
            Value.Struct resp = response(pkg, "SchemaResponse", at);
            ev.call(schemaMethod.get(), List.of(context(at), request(pkg, "SchemaRequest", null, at), resp), at);
            Value s = resp.field("Schema");
            schema = new SchemaReader(unresolved, ev.module()).schema(s, schemaMethod.get().origin());
            schemaFile = schema.pos() == null ? null : schema.pos().file();
        } else if (metadata.isPresent()) {
            unresolved.add(new Unresolved("no Schema method on " + implementation, at));
        }

        Map<String, String> mappings = new LinkedHashMap<>();
        Pos mappingsPos = fieldMappings(ev, instance, mappings, unresolved);
        String implPackage = schemaMethod.map(m -> m.pkg().importPath()).orElse(constructor.pkg().importPath());
        ModelStruct model = new ModelStructReader(ev.module())
                .forResource(ev, instance, implPackage, schema.attributes().keySet()).orElse(null);
        Category category = kind == Kind.DATA_SOURCE ? Category.DATA_SOURCE : kind == Kind.EPHEMERAL ? Category.EPHEMERAL_RESOURCE
                : typeName == null ? Category.OTHER : Category.ofResource(providerName == null ? "" : providerName, typeName);
        return new Resource(category, typeName, constructor.describe(), at, implementation, constructor.file().path(),
                implementationFile, schemaFile, schema, Map.copyOf(mappings), mappingsPos, model, List.copyOf(unresolved));
    }

    /** {@code GetFieldMappings()} of the resource or of the config it holds (v3 wrappers). */
    private static Pos fieldMappings(Evaluator ev, Value instance, Map<String, String> out, List<Unresolved> unresolved) {
        List<Value> candidates = new ArrayList<>();
        candidates.add(instance);
        if (instance instanceof Value.Struct s) {
            candidates.addAll(s.fields().values());
        }
        for (Value c : candidates) {
            Optional<Value.Func> m = ev.method(c, "GetFieldMappings");
            if (m.isPresent()) {
                Value v = ev.call(m.get(), List.of(), m.get().origin());
                if (v instanceof Value.MapValue map) {
                    map.entries().forEach((k, val) -> {
                        if (k instanceof String key && val instanceof Value.Str s) {
                            out.put(key, s.value());
                        } else {
                            unresolved.add(new Unresolved("field mapping entry " + k + " is not a constant string", val.origin()));
                        }
                    });
                    return map.origin();
                }
                unresolved.add(new Unresolved("GetFieldMappings returns " + SchemaReader.describe(v), m.get().origin()));
                return m.get().origin();
            }
        }
        return null;
    }

    /**
     * An empty {@code Resources()} is a finding only when the code says otherwise: constructors
     * that nothing registers, or {@code init} functions of packages that Go does not initialise
     * before {@code Resources()} (the provider's main does not import them), which a registry
     * could be meant to be filled from.
     */
    private static void explainEmpty(GoModule module, Kind registryKind, Set<GoPackage> initialised, Pos valueFrom, Pos methodAt,
                                     List<Unresolved> unresolved) {
        String method = registryKind.method;
        String kind = registryKind.constructorSuffix;
        List<String> constructors = unregisteredConstructors(module, Set.of()).stream()
                .filter(c -> c.substring(0, c.indexOf(' ')).endsWith(kind)).toList();
        List<String> inits = new ArrayList<>();
        if (registryKind == Kind.RESOURCE) {
            for (GoPackage pkg : module.packages()) {
                if (initialised.contains(pkg)) {
                    continue;
                }
                for (GoFile f : pkg.files()) {
                    for (Decl.FuncDecl fn : f.funcs()) {
                        if (!f.isTestFile() && !fn.isMethod() && fn.name().name().equals("init")) {
                            inits.add(fn.pos().fileAndLine());
                        }
                    }
                }
            }
        }
        if (constructors.isEmpty() && inits.isEmpty()) {
            return;
        }
        List<String> why = new ArrayList<>();
        if (!inits.isEmpty()) {
            why.add("the module has init functions that Go does not run before it, in packages the provider's main does not import ("
                    + String.join(", ", inits.subList(0, Math.min(5, inits.size())))
                    + (inits.size() > 5 ? " and " + (inits.size() - 5) + " more" : "") + ")");
        }
        if (!constructors.isEmpty()) {
            why.add("the module has " + constructors.size() + " " + kind.toLowerCase(java.util.Locale.ROOT) + " constructor(s) "
                    + "nothing registers (" + String.join(", ", constructors.subList(0, Math.min(5, constructors.size())))
                    + (constructors.size() > 5 ? " and " + (constructors.size() - 5) + " more" : "") + ")");
        }
        unresolved.add(new Unresolved(method + "() could not be enumerated: read statically it returns an empty list"
                + (valueFrom == null || valueFrom.equals(methodAt) ? "" : " (from " + valueFrom.fileAndLine() + ")")
                + ", but " + String.join(", and ", why) + "; what is registered at run time is not known to the audit",
                methodAt));
    }

    /** Functions named New…Resource / New…DataSource without parameters that no list registers. */
    private static List<String> unregisteredConstructors(GoModule module, Set<String> registered) {
        List<String> out = new ArrayList<>();
        for (GoPackage pkg : module.packages()) {
            for (GoFile f : pkg.files()) {
                if (f.isTestFile()) {
                    continue;
                }
                for (Decl.FuncDecl fn : f.funcs()) {
                    String name = fn.name().name();
                    boolean looksLikeConstructor = !fn.isMethod() && name.startsWith("New")
                            && (name.endsWith("Resource") || name.endsWith("DataSource"))
                            && fn.type().params().fields().isEmpty() && returnsFrameworkInterface(fn);
                    String qualified = pkg.name() + "." + name;
                    if (looksLikeConstructor && !registered.contains(qualified)) {
                        out.add(qualified + " (" + fn.pos().fileAndLine() + ")");
                    }
                }
            }
        }
        return out;
    }

    private static boolean returnsFrameworkInterface(Decl.FuncDecl fn) {
        if (fn.type().results() == null || fn.type().results().fields().size() != 1) {
            return false;
        }
        Expr t = fn.type().results().fields().get(0).type();
        return t instanceof Expr.SelectorExpr s && (s.sel().name().equals("Resource") || s.sel().name().equals("DataSource"));
    }

    /** Environment variables named by a constant in {@code os.Getenv}/{@code LookupEnv}/{@code Setenv} calls. */
    static Map<String, List<Pos>> envVars(GoModule module) {
        Map<String, List<Pos>> out = new java.util.TreeMap<>();
        for (GoPackage pkg : module.packages()) {
            for (GoFile f : pkg.files()) {
                for (Decl d : f.decls()) {
                    for (Expr.CallExpr c : io.tfaudit.go.ast.Walk.collect(d, Expr.CallExpr.class)) {
                        if (c.fun() instanceof Expr.SelectorExpr s && s.x() instanceof Expr.Ident os && os.name().equals("os")
                                && (s.sel().name().equals("Getenv") || s.sel().name().equals("LookupEnv")
                                || s.sel().name().equals("Setenv")) && !c.args().isEmpty()) {
                            Value v = constantArgument(module, pkg, f, c.args().get(0));
                            if (v instanceof Value.Str name) {
                                out.computeIfAbsent(name.value(), k -> new ArrayList<>()).add(c.pos());
                            }
                        }
                    }
                }
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** A literal, or a constant named in the package: {@code os.Getenv(envClientID)}. */
    private static Value constantArgument(GoModule module, GoPackage pkg, GoFile f, Expr arg) {
        if (arg instanceof Expr.BasicLit lit && lit.kind() == Expr.LitKind.STRING) {
            return new Value.Str(lit.stringValue(), lit.pos());
        }
        if (arg instanceof Expr.Ident id && pkg.value(id.name()).filter(GoPackage.ValueDecl::isConst).isPresent()) {
            return new Evaluator(module).packageValue(pkg, id.name());
        }
        return null;
    }

    private static Value context(Pos at) {
        return new Value.External("context", "Context", null, at);
    }

    private static Value.Struct request(String pkg, String type, String providerTypeName, Pos at) {
        Value.Struct r = new Value.Struct(new Value.TypeName(pkg, type), new LinkedHashMap<>(), at);
        if (providerTypeName != null) {
            r.fields().put("ProviderTypeName", new Value.Str(providerTypeName, at));
        }
        return r;
    }

    private static Value.Struct response(String pkg, String type, Pos at) {
        return new Value.Struct(new Value.TypeName(pkg, type), new LinkedHashMap<>(), at);
    }
}
