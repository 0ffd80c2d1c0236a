package io.tfaudit.go.ast;

import io.tfaudit.go.parse.SyntaxError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One parsed Go file. When the file has syntax errors, {@code decls} holds the declarations
 * that could still be read whole, and {@code errors} says what went wrong and where.
 */
public record GoFile(
        String path,
        long sizeInBytes,
        CommentGroup doc,
        Expr.Ident packageName,
        List<Spec.ImportSpec> imports,
        List<Decl> decls,
        List<CommentGroup> comments,
        List<SyntaxError> errors) {

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String packageNameOrEmpty() {
        return packageName == null ? "" : packageName.name();
    }

    public boolean isTestFile() {
        return path.endsWith("_test.go");
    }

    private static final java.util.regex.Pattern GENERATED_MARKER =
            java.util.regex.Pattern.compile("^// Code generated .* DO NOT EDIT\\.$");

    /**
     * Whether the file says it is generated, by Go's convention (go.dev/s/generatedcode, go/ast's
     * IsGenerated): a line {@code // Code generated ... DO NOT EDIT.} before the package clause.
     */
    public boolean isGenerated() {
        int packageLine = packageName == null ? Integer.MAX_VALUE : packageName.pos().line();
        for (CommentGroup g : comments) {
            if (g.pos().line() >= packageLine) {
                break;
            }
            for (String c : g.comments()) {
                if (GENERATED_MARKER.matcher(c).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    public List<Decl.FuncDecl> funcs() {
        List<Decl.FuncDecl> out = new ArrayList<>();
        for (Decl d : decls) {
            if (d instanceof Decl.FuncDecl f) {
                out.add(f);
            }
        }
        return out;
    }

    /** The top-level function (not method) of that name. */
    public Optional<Decl.FuncDecl> func(String name) {
        return funcs().stream().filter(f -> !f.isMethod() && f.name().name().equals(name)).findFirst();
    }

    /** Methods whose receiver's base type is {@code typeName}. */
    public List<Decl.FuncDecl> methodsOf(String typeName) {
        return funcs().stream().filter(f -> typeName.equals(f.receiverTypeName())).toList();
    }

    public List<Spec.TypeSpec> typeSpecs() {
        return specs(Decl.Keyword.TYPE, Spec.TypeSpec.class);
    }

    /** Package-level var specs. */
    public List<Spec.ValueSpec> varSpecs() {
        return specs(Decl.Keyword.VAR, Spec.ValueSpec.class);
    }

    /** Package-level const specs. */
    public List<Spec.ValueSpec> constSpecs() {
        return specs(Decl.Keyword.CONST, Spec.ValueSpec.class);
    }

    private <T extends Spec> List<T> specs(Decl.Keyword keyword, Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (Decl d : decls) {
            if (d instanceof Decl.GenDecl g && g.keyword() == keyword) {
                for (Spec s : g.specs()) {
                    out.add(kind.cast(s));
                }
            }
        }
        return out;
    }
}
