package io.tfaudit.go;

import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Field;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Node;
import io.tfaudit.go.ast.Spec;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.ast.Walk;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a parsed file in the line format of {@code src/test/go/astdump} (see its header
 * comment), so that our model and go/parser can be compared line by line.
 */
final class AstSummary {

    static final Set<String> COUNTED_KINDS = Set.of(
            "BasicLit", "CompositeLit", "FuncLit", "ParenExpr", "SelectorExpr", "IndexExpr",
            "IndexListExpr", "SliceExpr", "TypeAssertExpr", "CallExpr", "StarExpr", "UnaryExpr",
            "BinaryExpr", "KeyValueExpr", "Ellipsis", "ArrayType", "StructType", "FuncType",
            "InterfaceType", "MapType", "ChanType", "DeclStmt", "LabeledStmt", "ExprStmt",
            "SendStmt", "IncDecStmt", "AssignStmt", "GoStmt", "DeferStmt", "ReturnStmt",
            "BranchStmt", "IfStmt", "CaseClause", "SwitchStmt", "TypeSwitchStmt", "CommClause",
            "SelectStmt", "ForStmt", "RangeStmt");

    private AstSummary() {}

    static String of(String path, GoFile f) {
        StringBuilder out = new StringBuilder();
        out.append("file ").append(path).append('\n');
        if (f.hasErrors()) {
            out.append("error ").append(f.errors().get(0).line()).append(':').append(f.errors().get(0).column()).append('\n');
            return out.toString();
        }
        out.append("package ").append(f.packageNameOrEmpty()).append('\n');
        for (Spec.ImportSpec i : f.imports()) {
            out.append("import ").append(i.importPath());
            if (i.name() != null) {
                out.append(' ').append(i.name().name());
            }
            out.append('\n');
        }
        List<Decl> decls = f.decls();
        for (int i = 0; i < decls.size(); i++) {
            Decl d = decls.get(i);
            if (d instanceof Decl.FuncDecl fn) {
                if (fn.isMethod()) {
                    String recv = fn.recv().fields().isEmpty() ? "?" : render(fn.recv().fields().get(0).type());
                    out.append("decl ").append(i).append(" method ").append(recv).append(' ').append(fn.name().name()).append('\n');
                } else {
                    out.append("decl ").append(i).append(" func ").append(fn.name().name()).append('\n');
                }
            } else if (d instanceof Decl.GenDecl g && g.keyword() != Decl.Keyword.IMPORT) {
                String kw = g.keyword().name().toLowerCase();
                for (Spec s : g.specs()) {
                    if (s instanceof Spec.TypeSpec t) {
                        out.append("decl ").append(i).append(' ').append(kw).append(' ').append(t.name().name()).append('\n');
                    } else if (s instanceof Spec.ValueSpec v) {
                        for (Expr.Ident n : v.names()) {
                            out.append("decl ").append(i).append(' ').append(kw).append(' ').append(n.name()).append('\n');
                        }
                    }
                }
            }
            TreeMap<String, Integer> counts = new TreeMap<>();
            Walk.forEach(d, n -> {
                String kind = n.getClass().getSimpleName();
                if (COUNTED_KINDS.contains(kind)) {
                    counts.merge(kind, 1, Integer::sum);
                }
            });
            out.append("kinds ").append(i);
            counts.forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
            out.append('\n');
            out.append("shape ").append(i).append(' ').append(String.format("%016x", shapeHash(d))).append('\n');
        }
        for (Decl d : decls) {
            for (Field field : Walk.collect(d, Field.class)) {
                if (field.tag() != null) {
                    String raw = field.tag().raw();
                    if (raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0) {
                        out.append("tagq ").append(field.tag().pos().line()).append(' ').append(goQuote(raw)).append('\n');
                    } else {
                        out.append("tag ").append(field.tag().pos().line()).append(' ').append(raw).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** FNV-1a 64 of the pre-order walk of the counted nodes, as astdump computes it. */
    static long shapeHash(Node root) {
        long[] h = {0xcbf29ce484222325L};
        walkShape(root, 0, h);
        return h[0];
    }

    private static void walkShape(Node n, int depth, long[] h) {
        String kind = n.getClass().getSimpleName();
        boolean counted = COUNTED_KINDS.contains(kind);
        if (counted) {
            String entry = kind + ":" + detail(n) + "@" + depth + ";";
            for (byte b : entry.getBytes(StandardCharsets.UTF_8)) {
                h[0] ^= b & 0xff;
                h[0] *= 0x100000001b3L;
            }
        }
        for (Node child : Walk.children(n)) {
            walkShape(child, counted ? depth + 1 : depth, h);
        }
    }

    private static String detail(Node n) {
        if (n instanceof Expr.BinaryExpr b) {
            return b.op();
        }
        if (n instanceof Expr.UnaryExpr u) {
            return u.op();
        }
        if (n instanceof Stmt.AssignStmt a) {
            return a.op();
        }
        if (n instanceof Stmt.IncDecStmt i) {
            return i.op();
        }
        if (n instanceof Stmt.BranchStmt b) {
            return b.keyword();
        }
        if (n instanceof Expr.BasicLit l) {
            return l.raw().startsWith("`") ? l.raw().replace("\r", "") : l.raw();
        }
        if (n instanceof Expr.SelectorExpr s) {
            return s.sel().name();
        }
        if (n instanceof Expr.ChanType c) {
            return switch (c.dir()) {
                case SEND -> "1";
                case RECV -> "2";
                case BOTH -> "3";
            };
        }
        return "";
    }

    static String render(Expr e) {
        if (e instanceof Expr.Ident i) {
            return i.name();
        }
        if (e instanceof Expr.StarExpr s) {
            return "*" + render(s.x());
        }
        if (e instanceof Expr.ParenExpr p) {
            return "(" + render(p.x()) + ")";
        }
        if (e instanceof Expr.IndexExpr ix) {
            return render(ix.x()) + "[" + render(ix.index()) + "]";
        }
        if (e instanceof Expr.IndexListExpr il) {
            StringBuilder sb = new StringBuilder(render(il.x())).append('[');
            for (int k = 0; k < il.indices().size(); k++) {
                sb.append(k == 0 ? "" : ", ").append(render(il.indices().get(k)));
            }
            return sb.append(']').toString();
        }
        if (e instanceof Expr.SelectorExpr s) {
            return render(s.x()) + "." + s.sel().name();
        }
        return "?";
    }

    private static String goQuote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
