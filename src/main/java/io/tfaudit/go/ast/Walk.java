package io.tfaudit.go.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Traversal of the Go model in source order, as {@code ast.Inspect} does for go/ast. */
public final class Walk {

    private Walk() {}

    /** Visits {@code root} and its descendants depth-first; a false answer skips a node's children. */
    public static void inspect(Node root, Predicate<Node> visitor) {
        if (root == null || !visitor.test(root)) {
            return;
        }
        // Directly, without a list per node: criteria walk whole modules many times.
        eachChild(root, child -> inspect(child, visitor));
    }

    /** Every node of type {@code kind} under {@code root} (root included), in source order. */
    public static <T extends Node> List<T> collect(Node root, Class<T> kind) {
        List<T> out = new ArrayList<>();
        inspect(root, n -> {
            if (kind.isInstance(n)) {
                out.add(kind.cast(n));
            }
            return true;
        });
        return out;
    }

    /** Visits every node under {@code root}. */
    public static void forEach(Node root, Consumer<Node> action) {
        inspect(root, n -> {
            action.accept(n);
            return true;
        });
    }

    /** The direct children of a node, in source order, absent parts left out. */
    public static List<Node> children(Node n) {
        List<Node> c = new ArrayList<>(4);
        eachChild(n, c::add);
        return c;
    }

    /** Each direct child of a node, in source order, absent parts left out. */
    private static void eachChild(Node n, Consumer<Node> c) {
        if (n instanceof Expr e) {
            exprChildren(e, c);
        } else if (n instanceof Stmt s) {
            stmtChildren(s, c);
        } else if (n instanceof Decl.FuncDecl f) {
            add(c, f.doc(), f.recv(), f.name(), f.type(), f.body());
        } else if (n instanceof Decl.GenDecl g) {
            add(c, g.doc());
            g.specs().forEach(c);
        } else if (n instanceof Spec.ImportSpec s) {
            add(c, s.doc(), s.name(), s.path());
        } else if (n instanceof Spec.ValueSpec s) {
            add(c, s.doc());
            s.names().forEach(c);
            add(c, s.type());
            s.values().forEach(c);
        } else if (n instanceof Spec.TypeSpec s) {
            add(c, s.doc(), s.name(), s.typeParams(), s.type());
        } else if (n instanceof FieldList l) {
            l.fields().forEach(c);
        } else if (n instanceof Field f) {
            add(c, f.doc());
            f.names().forEach(c);
            add(c, f.type(), f.tag());
        }
    }

    private static void exprChildren(Expr e, Consumer<Node> c) {
        if (e instanceof Expr.Ellipsis x) {
            add(c, x.elt());
        } else if (e instanceof Expr.CompositeLit x) {
            add(c, x.type());
            x.elts().forEach(c);
        } else if (e instanceof Expr.FuncLit x) {
            add(c, x.type(), x.body());
        } else if (e instanceof Expr.ParenExpr x) {
            add(c, x.x());
        } else if (e instanceof Expr.SelectorExpr x) {
            add(c, x.x(), x.sel());
        } else if (e instanceof Expr.IndexExpr x) {
            add(c, x.x(), x.index());
        } else if (e instanceof Expr.IndexListExpr x) {
            add(c, x.x());
            x.indices().forEach(c);
        } else if (e instanceof Expr.SliceExpr x) {
            add(c, x.x(), x.low(), x.high(), x.max());
        } else if (e instanceof Expr.TypeAssertExpr x) {
            add(c, x.x(), x.type());
        } else if (e instanceof Expr.CallExpr x) {
            add(c, x.fun());
            x.args().forEach(c);
        } else if (e instanceof Expr.StarExpr x) {
            add(c, x.x());
        } else if (e instanceof Expr.UnaryExpr x) {
            add(c, x.x());
        } else if (e instanceof Expr.BinaryExpr x) {
            add(c, x.x(), x.y());
        } else if (e instanceof Expr.KeyValueExpr x) {
            add(c, x.key(), x.value());
        } else if (e instanceof Expr.ArrayType x) {
            add(c, x.len(), x.elt());
        } else if (e instanceof Expr.StructType x) {
            add(c, x.fields());
        } else if (e instanceof Expr.FuncType x) {
            add(c, x.typeParams(), x.params(), x.results());
        } else if (e instanceof Expr.InterfaceType x) {
            add(c, x.methods());
        } else if (e instanceof Expr.MapType x) {
            add(c, x.key(), x.value());
        } else if (e instanceof Expr.ChanType x) {
            add(c, x.value());
        }
    }

    private static void stmtChildren(Stmt s, Consumer<Node> c) {
        if (s instanceof Stmt.DeclStmt x) {
            add(c, x.decl());
        } else if (s instanceof Stmt.LabeledStmt x) {
            add(c, x.label(), x.stmt());
        } else if (s instanceof Stmt.ExprStmt x) {
            add(c, x.x());
        } else if (s instanceof Stmt.SendStmt x) {
            add(c, x.chan(), x.value());
        } else if (s instanceof Stmt.IncDecStmt x) {
            add(c, x.x());
        } else if (s instanceof Stmt.AssignStmt x) {
            x.lhs().forEach(c);
            x.rhs().forEach(c);
        } else if (s instanceof Stmt.GoStmt x) {
            add(c, x.call());
        } else if (s instanceof Stmt.DeferStmt x) {
            add(c, x.call());
        } else if (s instanceof Stmt.ReturnStmt x) {
            x.results().forEach(c);
        } else if (s instanceof Stmt.BranchStmt x) {
            add(c, x.label());
        } else if (s instanceof Stmt.BlockStmt x) {
            x.list().forEach(c);
        } else if (s instanceof Stmt.IfStmt x) {
            add(c, x.init(), x.cond(), x.body(), x.els());
        } else if (s instanceof Stmt.CaseClause x) {
            x.list().forEach(c);
            x.body().forEach(c);
        } else if (s instanceof Stmt.SwitchStmt x) {
            add(c, x.init(), x.tag(), x.body());
        } else if (s instanceof Stmt.TypeSwitchStmt x) {
            add(c, x.init(), x.assign(), x.body());
        } else if (s instanceof Stmt.CommClause x) {
            add(c, x.comm());
            x.body().forEach(c);
        } else if (s instanceof Stmt.SelectStmt x) {
            add(c, x.body());
        } else if (s instanceof Stmt.ForStmt x) {
            add(c, x.init(), x.cond(), x.post(), x.body());
        } else if (s instanceof Stmt.RangeStmt x) {
            add(c, x.key(), x.value(), x.x(), x.body());
        }
    }

    private static void add(Consumer<Node> c, Node... nodes) {
        for (Node n : nodes) {
            if (n != null) {
                c.accept(n);
            }
        }
    }
}
