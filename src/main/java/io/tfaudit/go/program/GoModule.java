package io.tfaudit.go.program;

import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Spec;
import io.tfaudit.go.load.GoSourceTree;
import io.tfaudit.source.SourceFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go module read statically: its path from {@code go.mod}, and its packages by import
 * path, each the files of one directory. Resolves a file's import names to packages of the
 * module; imports from outside the module resolve to nothing (their code is not here).
 */
public final class GoModule {

    private static final Pattern MODULE_LINE = Pattern.compile("(?m)^\\s*module\\s+(\\S+)");

    private final GoSourceTree tree;
    private final String modulePath;
    private final Map<String, GoPackage> byImportPath;
    /** Per file path: the names its imports bind (criteria resolve the same names again and again). */
    private final Map<String, Map<String, String>> importNames = new ConcurrentHashMap<>();

    private GoModule(GoSourceTree tree, String modulePath, Map<String, GoPackage> byImportPath) {
        this.tree = tree;
        this.modulePath = modulePath;
        this.byImportPath = byImportPath;
    }

    public static GoModule of(GoSourceTree tree) {
        String modulePath = readModulePath(tree.source()).orElse("");
        Map<String, List<GoFile>> byDir = new TreeMap<>();
        for (GoFile f : tree.files()) {
            int slash = f.path().lastIndexOf('/');
            String dir = slash < 0 ? "" : f.path().substring(0, slash);
            byDir.computeIfAbsent(dir, k -> new ArrayList<>()).add(f);
        }
        Map<String, GoPackage> packages = new LinkedHashMap<>();
        byDir.forEach((dir, files) -> {
            String importPath = dir.isEmpty() ? modulePath : modulePath.isEmpty() ? dir : modulePath + "/" + dir;
            packages.put(importPath, new GoPackage(importPath, dir, files));
        });
        return new GoModule(tree, modulePath, packages);
    }

    static Optional<String> readModulePath(SourceFiles source) {
        try {
            Matcher m = MODULE_LINE.matcher(new String(source.read("go.mod"), StandardCharsets.UTF_8));
            return m.find() ? Optional.of(m.group(1).replace("\"", "")) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public GoSourceTree tree() {
        return tree;
    }

    /** The module path from go.mod, or "" when there is none. */
    public String modulePath() {
        return modulePath;
    }

    public Collection<GoPackage> packages() {
        return byImportPath.values();
    }

    public Optional<GoPackage> packageAt(String importPath) {
        return Optional.ofNullable(byImportPath.get(importPath));
    }

    /** The package of the directory holding {@code file}. */
    public GoPackage packageOf(GoFile file) {
        int slash = file.path().lastIndexOf('/');
        String dir = slash < 0 ? "" : file.path().substring(0, slash);
        for (GoPackage p : byImportPath.values()) {
            if (p.dir().equals(dir)) {
                return p;
            }
        }
        throw new IllegalArgumentException("not a file of this module: " + file.path());
    }

    /**
     * The import path that {@code name} stands for in {@code file}: an explicit alias, or an
     * import whose package (inside the module) or last path element (outside) has that name.
     */
    public Optional<String> resolveImport(GoFile file, String name) {
        return Optional.ofNullable(importNames.computeIfAbsent(file.path(), p -> importNamesOf(file)).get(name));
    }

    /** Each name the file's imports bind, to its import path; the first import binding a name wins. */
    private Map<String, String> importNamesOf(GoFile file) {
        Map<String, String> names = new HashMap<>();
        for (Spec.ImportSpec i : file.imports()) {
            String path = i.importPath();
            if (i.name() != null) {
                names.putIfAbsent(i.name().name(), path);
                continue;
            }
            GoPackage inModule = byImportPath.get(path);
            names.putIfAbsent(inModule != null ? inModule.name() : lastElement(path), path);
        }
        return names;
    }

    /** The name a package outside the module is usually known by: its path's last element, less a major version. */
    static String lastElement(String path) {
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        if (slash > 0 && isMajorVersion(last)) {
            return path.substring(path.lastIndexOf('/', slash - 1) + 1, slash);
        }
        return last;
    }

    private static boolean isMajorVersion(String element) {
        return element.length() > 1 && element.charAt(0) == 'v' && element.chars().skip(1).allMatch(c -> c >= '0' && c <= '9');
    }
}
