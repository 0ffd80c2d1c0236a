package io.tfaudit.go.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.go.ast.CommentGroup;
import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Field;
import io.tfaudit.go.ast.FieldList;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Node;
import io.tfaudit.go.ast.Spec;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.ast.Walk;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Go model built by {@link GoFileParser} from small snippets. */
class GoModelTest {

    private static final GoFileParser PARSER = new GoFileParser();

    /** Parses a snippet, failing with the errors when it has any. */
    static GoFile parse(String source) {
        return parse("model.go", source);
    }

    static GoFile parse(String path, String source) {
        GoFile f = PARSER.parse(path, source.getBytes(StandardCharsets.UTF_8));
        assertThat(f.errors()).as("syntax errors in%n%s", source).isEmpty();
        return f;
    }

    /** The single statement in the body of function {@code name}. */
    static Stmt onlyStmt(GoFile f, String name) {
        Decl.FuncDecl fn = f.func(name).orElseThrow(() -> new AssertionError("no func " + name + " in " + f.decls()));
        assertThat(fn.body().list()).as("statements of %s", name).hasSize(1);
        return fn.body().list().get(0);
    }

    /** The value of package-level {@code var name = ...}. */
    static Expr varValue(GoFile f, String name) {
        for (Spec.ValueSpec s : f.varSpecs()) {
            for (int i = 0; i < s.names().size(); i++) {
                if (s.names().get(i).name().equals(name)) {
                    return s.values().get(i);
                }
            }
        }
        throw new AssertionError("no var " + name + " in " + f.decls());
    }

    static Spec.TypeSpec typeSpec(GoFile f, String name) {
        return f.typeSpecs().stream().filter(t -> t.name().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no type " + name + " in " + f.decls()));
    }

    /** A readable rendering of an expression, to compare shapes in one assertion with evidence. */
    static String render(Expr e) {
        if (e == null) {
            return "nil";
        }
        if (e instanceof Expr.Ident i) {
            return i.name();
        }
        if (e instanceof Expr.BasicLit l) {
            return l.raw();
        }
        if (e instanceof Expr.BinaryExpr b) {
            return "(" + render(b.x()) + " " + b.op() + " " + render(b.y()) + ")";
        }
        if (e instanceof Expr.UnaryExpr u) {
            return "(" + u.op() + render(u.x()) + ")";
        }
        if (e instanceof Expr.StarExpr s) {
            return "*" + render(s.x());
        }
        if (e instanceof Expr.ParenExpr p) {
            return "paren(" + render(p.x()) + ")";
        }
        if (e instanceof Expr.SelectorExpr s) {
            return render(s.x()) + "." + s.sel().name();
        }
        if (e instanceof Expr.IndexExpr i) {
            return render(i.x()) + "[" + render(i.index()) + "]";
        }
        if (e instanceof Expr.IndexListExpr i) {
            return render(i.x()) + "[" + i.indices().stream().map(GoModelTest::render).collect(Collectors.joining(", ")) + "]";
        }
        if (e instanceof Expr.CallExpr c) {
            return render(c.fun()) + "(" + c.args().stream().map(GoModelTest::render).collect(Collectors.joining(", "))
                    + (c.hasEllipsis() ? "..." : "") + ")";
        }
        if (e instanceof Expr.Ellipsis x) {
            return "..." + render(x.elt());
        }
        if (e instanceof Expr.ArrayType a) {
            return "[" + (a.len() == null ? "" : render(a.len())) + "]" + render(a.elt());
        }
        if (e instanceof Expr.MapType m) {
            return "map[" + render(m.key()) + "]" + render(m.value());
        }
        if (e instanceof Expr.ChanType c) {
            return switch (c.dir()) {
                case BOTH -> "chan ";
                case SEND -> "chan<- ";
                case RECV -> "<-chan ";
            } + render(c.value());
        }
        if (e instanceof Expr.KeyValueExpr kv) {
            return render(kv.key()) + ": " + render(kv.value());
        }
        if (e instanceof Expr.CompositeLit c) {
            return (c.type() == null ? "" : render(c.type())) + "{"
                    + c.elts().stream().map(GoModelTest::render).collect(Collectors.joining(", ")) + "}";
        }
        if (e instanceof Expr.StructType) {
            return "struct{...}";
        }
        if (e instanceof Expr.InterfaceType) {
            return "interface{...}";
        }
        if (e instanceof Expr.FuncType) {
            return "func(...)";
        }
        if (e instanceof Expr.TypeAssertExpr t) {
            return render(t.x()) + ".(" + (t.type() == null ? "type" : render(t.type())) + ")";
        }
        return e.getClass().getSimpleName();
    }

    static List<String> names(Field f) {
        return f.names().stream().map(Expr.Ident::name).toList();
    }

    static String docText(CommentGroup doc) {
        return doc == null ? null : doc.text();
    }

    // ----------------------------------------------------------------------------------------

    @Nested
    class PackageAndImports {

        @Test
        void packageName() {
            GoFile f = parse("// Package provider does things.\npackage provider\n");
            assertThat(f.packageNameOrEmpty()).isEqualTo("provider");
            assertThat(f.packageName().pos().toString()).isEqualTo("model.go:2:9");
            assertThat(docText(f.doc())).as("package doc").isEqualTo("Package provider does things.");
            assertThat(f.decls()).isEmpty();
            assertThat(f.imports()).isEmpty();
        }

        @Test
        void importsWithAliases() {
            GoFile f = parse("""
                    package p

                    import (
                    \t"fmt"
                    \t_ "embed"
                    \t. "strings"
                    \ttftypes "github.com/hashicorp/terraform-plugin-framework/types"
                    )

                    import "os"
                    import str "strconv"
                    """);
            assertThat(f.imports()).extracting(Spec.ImportSpec::importPath).containsExactly(
                    "fmt", "embed", "strings", "github.com/hashicorp/terraform-plugin-framework/types", "os", "strconv");
            assertThat(f.imports()).extracting(i -> i.name() == null ? null : i.name().name())
                    .containsExactly(null, "_", ".", "tftypes", null, "str");
            assertThat(f.imports().get(1).name().isBlank()).as("_ import is blank").isTrue();
            assertThat(f.imports().get(2).name().pos().toString()).as("position of the '.' alias").isEqualTo("model.go:6:2");
            assertThat(f.imports().get(3).path().pos().toString()).isEqualTo("model.go:7:10");

            List<Decl.GenDecl> importDecls = f.decls().stream().map(Decl.GenDecl.class::cast).toList();
            assertThat(importDecls).extracting(Decl.GenDecl::keyword).containsOnly(Decl.Keyword.IMPORT);
            assertThat(importDecls).extracting(Decl.GenDecl::grouped).containsExactly(true, false, false);
            assertThat(importDecls).extracting(g -> g.specs().size()).containsExactly(4, 1, 1);
        }

        @Test
        void importsAndDeclarationsKeepSourceOrderInDecls() {
            GoFile f = parse("package p\nimport \"fmt\"\nvar X = fmt.Sprint()\nfunc F() {}\ntype T int\nconst C = 1\n");
            assertThat(f.decls()).extracting(d -> d instanceof Decl.GenDecl g ? g.keyword().name() : "FUNC")
                    .containsExactly("IMPORT", "VAR", "FUNC", "TYPE", "CONST");
        }
    }

    // ----------------------------------------------------------------------------------------

    @Nested
    class DocComments {

        private final GoFile f = parse("""
                package p

                // F does things.
                // Second line.
                func F() {}

                // Detached by a blank line.

                func G() {}

                var x = 1 // trails x
                func H() {}

                /* K block doc. */
                func K() {}

                // T is a type.
                type T struct {
                \t// Name is the name.
                \tName string `tfsdk:"name"`
                \tOther int // trails Other
                \tNext  int

                \t// Separated is documented.
                \tSeparated bool

                \t// Lost in a blank line.

                \tLast int
                }

                // Group doc.
                const (
                \t// A doc.
                \tA = 1
                \tB = 2 // trails B
                \tC = 3

                \t// D doc.
                \tD = 4
                )

                type (
                \t// U doc.
                \tU int
                \tV int
                )

                // I doc.
                type I interface {
                \t// M doc.
                \tM()
                }

                // (m T) Method doc.
                func (m T) Method() {}
                """);

        @Test
        void funcDoc() {
            assertThat(docText(f.func("F").orElseThrow().doc())).isEqualTo("F does things.\nSecond line.");
            CommentGroup doc = f.func("F").orElseThrow().doc();
            assertThat(doc.pos().line()).isEqualTo(3);
            assertThat(doc.endLine()).isEqualTo(4);
            assertThat(doc.comments()).containsExactly("// F does things.", "// Second line.");
        }

        @Test
        void blockCommentDoc() {
            assertThat(docText(f.func("K").orElseThrow().doc())).isEqualTo("K block doc.");
        }

        @Test
        void methodDoc() {
            assertThat(docText(f.methodsOf("T").get(0).doc())).isEqualTo("(m T) Method doc.");
        }

        @Test
        void notAttachedAcrossABlankLine() {
            assertThat(f.func("G").orElseThrow().doc()).as("doc of G (a blank line separates the comment)").isNull();
            assertThat(f.comments()).extracting(CommentGroup::text).contains("Detached by a blank line.");
        }

        @Test
        void notAttachedWhenTheCommentTrailsCodeOnThePreviousLine() {
            assertThat(f.func("H").orElseThrow().doc()).as("doc of H (the comment trails `var x = 1`)").isNull();
        }

        @Test
        void typeDocOnAnUngroupedDeclIsOnTheGenDecl() {
            Decl.GenDecl g = f.decls().stream().filter(d -> d instanceof Decl.GenDecl gd && gd.keyword() == Decl.Keyword.TYPE
                    && ((Spec.TypeSpec) gd.specs().get(0)).name().name().equals("T")).map(Decl.GenDecl.class::cast)
                    .findFirst().orElseThrow();
            assertThat(docText(g.doc())).isEqualTo("T is a type.");
            assertThat(g.specs().get(0).doc()).as("as in go/ast, an ungrouped spec has no doc of its own").isNull();
        }

        @Test
        void structFieldDocs() {
            Expr.StructType st = (Expr.StructType) typeSpec(f, "T").type();
            Map<String, String> docs = st.fields().fields().stream().collect(Collectors.toMap(
                    fl -> fl.names().get(0).name(), fl -> String.valueOf(docText(fl.doc()))));
            assertThat(docs).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "Name", "Name is the name.",
                    "Other", "null",
                    "Next", "null",
                    "Separated", "Separated is documented.",
                    "Last", "null"));
        }

        @Test
        void groupedSpecDocs() {
            Decl.GenDecl consts = f.decls().stream().filter(d -> d instanceof Decl.GenDecl g && g.keyword() == Decl.Keyword.CONST)
                    .map(Decl.GenDecl.class::cast).findFirst().orElseThrow();
            assertThat(docText(consts.doc())).isEqualTo("Group doc.");
            assertThat(consts.grouped()).isTrue();
            assertThat(consts.specs()).extracting(s -> ((Spec.ValueSpec) s).names().get(0).name() + "=" + docText(s.doc()))
                    .containsExactly("A=A doc.", "B=null", "C=null", "D=D doc.");
            assertThat(typeSpec(f, "U").doc()).extracting(GoModelTest::docText).isEqualTo("U doc.");
            assertThat(typeSpec(f, "V").doc()).isNull();
        }

        @Test
        void interfaceMethodDoc() {
            Expr.InterfaceType it = (Expr.InterfaceType) typeSpec(f, "I").type();
            assertThat(docText(it.methods().fields().get(0).doc())).isEqualTo("M doc.");
        }

        @Test
        void everyCommentIsInTheFileComments() {
            assertThat(f.comments()).extracting(CommentGroup::text).contains(
                    "trails x", "trails Other", "trails B", "Lost in a blank line.", "Group doc.");
        }

        /**
         * go/parser: a comment on the same line as the previous token is a group of its own, so
         * the next line's comment starts a new group, which is H's doc.
         */
        @Test
        void commentAfterATrailingCommentIsStillADoc() {
            GoFile g = parse("package p\n\nvar a = 1 // trailing\n// H doc\nfunc H() {}\n");
            assertThat(docText(g.func("H").orElseThrow().doc())).as("doc of H").isEqualTo("H doc");
            assertThat(g.comments()).as("comment groups (go/ast has 2)").hasSize(2);
        }

        /** The comment trails the closing backquote of a raw string that started two lines above. */
        @Test
        void commentTrailingAMultiLineTokenIsNotADoc() {
            GoFile g = parse("package p\n\nvar s = `a\nb` // after raw\nfunc G() {}\n");
            assertThat(g.func("G").orElseThrow().doc()).as("doc of G").isNull();
        }
    }

    // ----------------------------------------------------------------------------------------

    @Nested
    class StructsAndInterfaces {

        private final GoFile f = parse("""
                package p

                type S struct {
                \tA, B string
                \t*Base
                \tpkg.Embedded
                \tGeneric[int]
                \t*pkg.Pair[K, V]
                \tC    int               `json:"c" tfsdk:"c_name"`
                \tD    map[string][]*T   "plain tag \\u00e9"
                \tE    func(int) error
                \t_    struct{}
                }

                type I interface {
                \tfmt.Stringer
                \tEmbedded
                \tM(x int) error
                \tN() (string, bool)
                }

                type Number interface {
                \t~int | ~int64 | float64
                }
                """);

        private List<Field> fields() {
            return ((Expr.StructType) typeSpec(f, "S").type()).fields().fields();
        }

        @Test
        void namedFields() {
            List<Field> fs = fields();
            assertThat(fs).hasSize(9);
            assertThat(names(fs.get(0))).containsExactly("A", "B");
            assertThat(render(fs.get(0).type())).isEqualTo("string");
            assertThat(fs.get(0).isEmbedded()).isFalse();
            assertThat(((Expr.StructType) typeSpec(f, "S").type()).fields().arity()).as("arity counts A and B").isEqualTo(10);
            assertThat(fs.subList(5, 9)).extracting(fl -> String.join(",", names(fl)) + " " + render(fl.type()))
                    .containsExactly("C int", "D map[string][]*T", "E func(...)", "_ struct{...}");
        }

        @Test
        void embeddedFields() {
            List<Field> embedded = fields().stream().filter(Field::isEmbedded).toList();
            assertThat(embedded).extracting(fl -> render(fl.type()))
                    .containsExactly("*Base", "pkg.Embedded", "Generic[int]", "*pkg.Pair[K, V]");
            assertThat(embedded.get(3).type()).isInstanceOf(Expr.StarExpr.class);
            assertThat(((Expr.StarExpr) embedded.get(3).type()).x()).isInstanceOf(Expr.IndexListExpr.class);
            assertThat(embedded.get(2).type()).isInstanceOf(Expr.IndexExpr.class);
            assertThat(embedded).allSatisfy(e -> assertThat(e.names()).isEmpty());
        }

        @Test
        void decodedTags() {
            List<Field> fs = fields();
            assertThat(fs.get(5).tag().raw()).isEqualTo("`json:\"c\" tfsdk:\"c_name\"`");
            assertThat(fs.get(5).tagValue()).isEqualTo("json:\"c\" tfsdk:\"c_name\"");
            assertThat(fs.get(6).tagValue()).as("interpreted-string tag is decoded").isEqualTo("plain tag é");
            assertThat(fs.get(0).tag()).isNull();
            assertThat(fs.get(0).tagValue()).as("no tag").isEmpty();
        }

        @Test
        void interfaceMethodSet() {
            Expr.InterfaceType it = (Expr.InterfaceType) typeSpec(f, "I").type();
            List<Field> elems = it.methods().fields();
            assertThat(elems).extracting(e -> String.join(",", names(e)) + ":" + render(e.type()))
                    .containsExactly(":fmt.Stringer", ":Embedded", "M:func(...)", "N:func(...)");
            Expr.FuncType m = (Expr.FuncType) elems.get(2).type();
            assertThat(names(m.params().fields().get(0))).containsExactly("x");
            assertThat(m.results().fields()).extracting(r -> render(r.type())).containsExactly("error");
            Expr.FuncType n = (Expr.FuncType) elems.get(3).type();
            assertThat(n.params().fields()).isEmpty();
            assertThat(n.results().fields()).extracting(r -> render(r.type())).containsExactly("string", "bool");
        }

        @Test
        void typeSetUnion() {
            Expr.InterfaceType it = (Expr.InterfaceType) typeSpec(f, "Number").type();
            assertThat(it.methods().fields()).hasSize(1);
            assertThat(render(it.methods().fields().get(0).type())).isEqualTo("(((~int) | (~int64)) | float64)");
        }
    }

    // ----------------------------------------------------------------------------------------

    @Nested
    class Generics {

        private final GoFile f = parse("""
                package p

                type Set[K comparable, V any] map[K]V
                type Num[T ~int | ~float64] struct{ v T }
                type List[T any] []T
                type Alias = Set[string, int]

                func Map[T, U any](xs []T, f func(T) U) []U { return nil }

                func Keys[M ~map[K]V, K comparable, V any](m M) []K { return nil }

                var s = Map[int, string](nil, nil)
                var l List[int]
                """);

        @Test
        void typeParametersWithConstraints() {
            FieldList tp = typeSpec(f, "Set").typeParams();
            assertThat(tp.fields()).extracting(p -> names(p) + " " + render(p.type()))
                    .containsExactly("[K] comparable", "[V] any");
            assertThat(render(typeSpec(f, "Set").type())).isEqualTo("map[K]V");
            assertThat(typeSpec(f, "Num").typeParams().fields()).extracting(p -> names(p) + " " + render(p.type()))
                    .containsExactly("[T] ((~int) | (~float64))");
            assertThat(typeSpec(f, "List").typeParams().arity()).isEqualTo(1);
            assertThat(typeSpec(f, "List").alias()).isFalse();
        }

        @Test
        void aliasOfAnInstantiation() {
            Spec.TypeSpec a = typeSpec(f, "Alias");
            assertThat(a.alias()).isTrue();
            assertThat(a.typeParams()).isNull();
            assertThat(render(a.type())).isEqualTo("Set[string, int]");
            assertThat(a.type()).isInstanceOf(Expr.IndexListExpr.class);
        }

        @Test
        void genericFunctions() {
            Expr.FuncType m = f.func("Map").orElseThrow().type();
            assertThat(m.typeParams().fields()).extracting(p -> names(p) + " " + render(p.type()))
                    .containsExactly("[T, U] any");
            assertThat(m.typeParams().arity()).isEqualTo(2);
            assertThat(m.params().fields()).extracting(p -> names(p) + " " + render(p.type()))
                    .containsExactly("[xs] []T", "[f] func(...)");
            Expr.FuncType k = f.func("Keys").orElseThrow().type();
            assertThat(k.typeParams().fields()).extracting(p -> names(p) + " " + render(p.type()))
                    .containsExactly("[M] (~map[K]V)", "[K] comparable", "[V] any");
        }

        @Test
        void instantiationInExpressionsAndTypes() {
            assertThat(render(varValue(f, "s"))).isEqualTo("Map[int, string](nil, nil)");
            Spec.ValueSpec l = f.varSpecs().stream().filter(v -> v.names().get(0).name().equals("l")).findFirst().orElseThrow();
            assertThat(l.type()).isInstanceOf(Expr.IndexExpr.class);
            assertThat(render(l.type())).isEqualTo("List[int]");
        }
    }

    // ----------------------------------------------------------------------------------------

    @Nested
    class FunctionsAndMethods {

        private final GoFile f = parse("""
                package p

                func (s *Server) Start(ctx context.Context) error { return nil }
                func (m Map[K, V]) Get(k K) V { var v V; return v }
                func (l *List[T]) Len() int { return 0 }
                func (Value) Anon() {}
                func (s *Server) Stop() {}
                func plain() {}
                func external(int) int

                func named(a, b int, c string) {}
                func unnamed(int, string) {}
                func typesOnly(a, b) {}
                func variadic(format string, args ...any) {}
                func variadicUnnamed(...int) {}
                func results() (n int, err error) { return }
                func unnamedResults() (int, error) { return 0, nil }
                func oneResult() error { return nil }
                func funcParam(f func(a, b int) (int, error)) {}
                func (b Box[T]) Get() T { return b.v }
                """);

        @Test
        void receivers() {
            Map<String, String> recv = f.funcs().stream().collect(Collectors.toMap(
                    fn -> fn.name().name() + (fn.isMethod() ? "()" : ""), fn -> String.valueOf(fn.receiverTypeName()),
                    (a, b) -> a + "|" + b));
            assertThat(recv).containsEntry("Start()", "Server")
                    .containsEntry("Len()", "List")
                    .containsEntry("Anon()", "Value")
                    .containsEntry("Get()", "Map|Box")
                    .containsEntry("plain", "null");
            assertThat(f.methodsOf("Server")).extracting(fn -> fn.name().name()).containsExactly("Start", "Stop");
            Decl.FuncDecl get = f.methodsOf("Map").get(0);
            assertThat(render(get.recv().fields().get(0).type())).isEqualTo("Map[K, V]");
            assertThat(names(get.recv().fields().get(0))).containsExactly("m");
            Decl.FuncDecl boxGet = f.methodsOf("Box").get(0);
            assertThat(boxGet.recv().fields().get(0).type()).as("receiver Box[T]").isInstanceOf(Expr.IndexExpr.class);
            assertThat(boxGet.receiverTypeName()).isEqualTo("Box");
            assertThat(f.methodsOf("Value").get(0).recv().fields().get(0).names()).as("unnamed receiver").isEmpty();
            assertThat(f.func("Start")).as("func() finds functions, not methods").isEmpty();
        }

        @Test
        void externalFunctionHasNoBody() {
            Decl.FuncDecl ext = f.func("external").orElseThrow();
            assertThat(ext.body()).isNull();
            assertThat(ext.isMethod()).isFalse();
            assertThat(f.func("plain").orElseThrow().body().list()).isEmpty();
        }

        @Test
        void namesGroupedByType() {
            FieldList params = f.func("named").orElseThrow().type().params();
            assertThat(params.fields()).hasSize(2);
            assertThat(params.fields()).extracting(GoModelTest::names).containsExactly(List.of("a", "b"), List.of("c"));
            assertThat(params.fields()).extracting(p -> render(p.type())).containsExactly("int", "string");
            assertThat(params.arity()).isEqualTo(3);
            assertThat(params.fields().get(0).pos().toString()).as("field starts at its first name").isEqualTo("model.go:11:12");
        }

        @Test
        void unnamedParameters() {
            FieldList params = f.func("unnamed").orElseThrow().type().params();
            assertThat(params.fields()).extracting(p -> names(p) + " " + render(p.type()))
                    .containsExactly("[] int", "[] string");
            // func(a, b) declares two parameters of types a and b, as go/parser reads it.
            assertThat(f.func("typesOnly").orElseThrow().type().params().fields())
                    .extracting(p -> names(p) + " " + render(p.type())).containsExactly("[] a", "[] b");
        }

        @Test
        void variadicParameterIsAnEllipsis() {
            List<Field> params = f.func("variadic").orElseThrow().type().params().fields();
            assertThat(params).extracting(p -> names(p) + " " + render(p.type()))
                    .containsExactly("[format] string", "[args] ...any");
            assertThat(params.get(1).type()).isInstanceOf(Expr.Ellipsis.class);
            Field only = f.func("variadicUnnamed").orElseThrow().type().params().fields().get(0);
            assertThat(only.names()).isEmpty();
            assertThat(render(only.type())).isEqualTo("...int");
        }

        @Test
        void results() {
            assertThat(f.func("results").orElseThrow().type().results().fields())
                    .extracting(p -> names(p) + " " + render(p.type())).containsExactly("[n] int", "[err] error");
            assertThat(f.func("unnamedResults").orElseThrow().type().results().fields())
                    .extracting(p -> names(p) + " " + render(p.type())).containsExactly("[] int", "[] error");
            assertThat(f.func("oneResult").orElseThrow().type().results().fields())
                    .extracting(p -> names(p) + " " + render(p.type())).containsExactly("[] error");
            assertThat(f.func("plain").orElseThrow().type().results()).isNull();
        }

        @Test
        void parametersOfAFuncTypeParameter() {
            Expr.FuncType ft = (Expr.FuncType) f.func("funcParam").orElseThrow().type().params().fields().get(0).type();
            assertThat(ft.params().fields()).extracting(GoModelTest::names).containsExactly(List.of("a", "b"));
            assertThat(ft.results().fields()).extracting(p -> render(p.type())).containsExactly("int", "error");
        }
    }

    // ----------------------------------------------------------------------------------------

    @Nested
    class CompositeLiterals {

        private final GoFile f = parse("""
                package p

                var keyed = Point{X: 1, Y: 2}
                var unkeyed = Point{1, 2}
                var empty = Point{}
                var nested = []Point{{1, 2}, {X: 3}}
                var pointers = []*Point{{1, 2}}
                var m = map[string][]int{"a": {1}, "b": nil}
                var deep = Outer{Inner: Inner{V: []string{"x"}}}
                var arr = [...]int{1, 2, 3}
                var addr = &Point{X: 1}
                var qualified = schema.StringAttribute{Required: true}
                """);

        @Test
        void keyed() {
            Expr.CompositeLit c = (Expr.CompositeLit) varValue(f, "keyed");
            assertThat(render(c.type())).isEqualTo("Point");
            assertThat(c.elts()).allSatisfy(e -> assertThat(e).isInstanceOf(Expr.KeyValueExpr.class));
            assertThat(render(c)).isEqualTo("Point{X: 1, Y: 2}");
            assertThat(render(varValue(f, "qualified"))).isEqualTo("schema.StringAttribute{Required: true}");
        }

        @Test
        void unkeyedAndEmpty() {
            Expr.CompositeLit c = (Expr.CompositeLit) varValue(f, "unkeyed");
            assertThat(c.elts()).allSatisfy(e -> assertThat(e).isInstanceOf(Expr.BasicLit.class));
            assertThat(((Expr.CompositeLit) varValue(f, "empty")).elts()).isEmpty();
        }

        @Test
        void elidedTypes() {
            Expr.CompositeLit c = (Expr.CompositeLit) varValue(f, "nested");
            assertThat(render(c)).isEqualTo("[]Point{{1, 2}, {X: 3}}");
            assertThat(c.elts()).allSatisfy(e -> {
                assertThat(e).isInstanceOf(Expr.CompositeLit.class);
                assertThat(((Expr.CompositeLit) e).type()).as("elided type of %s", render(e)).isNull();
            });
            assertThat(render(varValue(f, "pointers"))).isEqualTo("[]*Point{{1, 2}}");
            Expr.CompositeLit m = (Expr.CompositeLit) varValue(f, "m");
            assertThat(render(m)).isEqualTo("map[string][]int{\"a\": {1}, \"b\": nil}");
            assertThat(((Expr.KeyValueExpr) m.elts().get(0)).value()).isInstanceOf(Expr.CompositeLit.class);
        }

        @Test
        void nestedTyped() {
            assertThat(render(varValue(f, "deep"))).isEqualTo("Outer{Inner: Inner{V: []string{\"x\"}}}");
            assertThat(Walk.collect(varValue(f, "deep"), Expr.CompositeLit.class)).hasSize(3);
        }

        @Test
        void arrayWithEllipsisLength() {
            Expr.CompositeLit c = (Expr.CompositeLit) varValue(f, "arr");
            Expr.ArrayType t = (Expr.ArrayType) c.type();
            assertThat(t.len()).isInstanceOf(Expr.Ellipsis.class);
            assertThat(c.elts()).hasSize(3);
        }

        @Test
        void addressOfLiteral() {
            Expr e = varValue(f, "addr");
            assertThat(e).isInstanceOf(Expr.UnaryExpr.class);
            assertThat(render(e)).isEqualTo("(&Point{X: 1})");
        }
    }

    // ----------------------------------------------------------------------------------------

    @Nested
    class Statements {

        @Test
        void indexAssignment() {
            GoFile f = parse("""
                    package p

                    func f() {
                    \ts.Attributes["x"] = v
                    }

                    func g() {
                    \tresp.Schema.Attributes["name"] = schema.StringAttribute{Required: true}
                    }

                    func h() {
                    \tm[k], ok = v, true
                    }
                    """);
            Stmt.AssignStmt a = (Stmt.AssignStmt) onlyStmt(f, "f");
            assertThat(a.op()).isEqualTo("=");
            assertThat(a.isDefine()).isFalse();
            assertThat(a.lhs()).hasSize(1);
            assertThat(a.lhs().get(0)).isInstanceOf(Expr.IndexExpr.class);
            Expr.IndexExpr ix = (Expr.IndexExpr) a.lhs().get(0);
            assertThat(render(ix.x())).isEqualTo("s.Attributes");
            assertThat(((Expr.BasicLit) ix.index()).stringValue()).isEqualTo("x");
            assertThat(render(a.rhs().get(0))).isEqualTo("v");
            assertThat(a.pos().toString()).as("an assignment starts at its first lhs").isEqualTo("model.go:4:2");

            Stmt.AssignStmt b = (Stmt.AssignStmt) onlyStmt(f, "g");
            assertThat(render(b.lhs().get(0))).isEqualTo("resp.Schema.Attributes[\"name\"]");
            assertThat(render(b.rhs().get(0))).isEqualTo("schema.StringAttribute{Required: true}");

            Stmt.AssignStmt c = (Stmt.AssignStmt) onlyStmt(f, "h");
            assertThat(c.lhs()).extracting(GoModelTest::render).containsExactly("m[k]", "ok");
            assertThat(c.rhs()).extracting(GoModelTest::render).containsExactly("v", "true");
        }

        @Test
        void assignmentOperators() {
            GoFile f = parse("package p\nfunc f() {\n\tx := 1\n\tx += 2\n\tx <<= 1\n\tx &^= 3\n\tx++\n\ty, z := a()\n}\n");
            List<Stmt> body = f.func("f").orElseThrow().body().list();
            assertThat(body).extracting(s -> s instanceof Stmt.AssignStmt a ? a.op()
                    : s instanceof Stmt.IncDecStmt i ? i.op() : s.getClass().getSimpleName())
                    .containsExactly(":=", "+=", "<<=", "&^=", "++", ":=");
            assertThat(((Stmt.AssignStmt) body.get(5)).lhs()).hasSize(2);
        }

        @Test
        void rangeOverAnAnonymousStructSlice() {
            GoFile f = parse("""
                    package p

                    func f() {
                    \tfor _, a := range []struct {
                    \t\tname string
                    \t\twant int
                    \t}{
                    \t\t{"a", 1},
                    \t\t{name: "b", want: 2},
                    \t} {
                    \t\t_ = a
                    \t}
                    }
                    """);
            Stmt.RangeStmt r = (Stmt.RangeStmt) onlyStmt(f, "f");
            assertThat(render(r.key())).isEqualTo("_");
            assertThat(render(r.value())).isEqualTo("a");
            assertThat(r.op()).isEqualTo(":=");
            assertThat(r.x()).isInstanceOf(Expr.CompositeLit.class);
            Expr.CompositeLit lit = (Expr.CompositeLit) r.x();
            assertThat(lit.type()).isInstanceOf(Expr.ArrayType.class);
            Expr.ArrayType slice = (Expr.ArrayType) lit.type();
            assertThat(slice.len()).as("a slice type has no length").isNull();
            assertThat(slice.elt()).isInstanceOf(Expr.StructType.class);
            assertThat(((Expr.StructType) slice.elt()).fields().fields()).extracting(GoModelTest::names)
                    .containsExactly(List.of("name"), List.of("want"));
            assertThat(lit.elts()).extracting(GoModelTest::render).containsExactly("{\"a\", 1}", "{name: \"b\", want: 2}");
            assertThat(r.body().list()).hasSize(1);
            assertThat(r.pos().toString()).isEqualTo("model.go:4:2");
        }

        @Test
        void otherForForms() {
            GoFile f = parse("""
                    package p

                    func f() {
                    \tfor i := 0; i < n; i++ {
                    \t}
                    \tfor k := range m {
                    \t}
                    \tfor range ch {
                    \t}
                    \tfor x < 3 {
                    \t}
                    \tfor {
                    \t\tbreak
                    \t}
                    \tfor k, v = range m {
                    \t}
                    }
                    """);
            List<Stmt> body = f.func("f").orElseThrow().body().list();
            Stmt.ForStmt three = (Stmt.ForStmt) body.get(0);
            assertThat(three.init()).isInstanceOf(Stmt.AssignStmt.class);
            assertThat(render(three.cond())).isEqualTo("(i < n)");
            assertThat(three.post()).isInstanceOf(Stmt.IncDecStmt.class);
            Stmt.RangeStmt keyOnly = (Stmt.RangeStmt) body.get(1);
            assertThat(render(keyOnly.key())).isEqualTo("k");
            assertThat(keyOnly.value()).isNull();
            assertThat(keyOnly.op()).isEqualTo(":=");
            Stmt.RangeStmt bare = (Stmt.RangeStmt) body.get(2);
            assertThat(bare.key()).isNull();
            assertThat(bare.op()).isNull();
            assertThat(render(bare.x())).isEqualTo("ch");
            Stmt.ForStmt cond = (Stmt.ForStmt) body.get(3);
            assertThat(cond.init()).isNull();
            assertThat(render(cond.cond())).isEqualTo("(x < 3)");
            Stmt.ForStmt forever = (Stmt.ForStmt) body.get(4);
            assertThat(forever.cond()).isNull();
            assertThat(((Stmt.BranchStmt) forever.body().list().get(0)).keyword()).isEqualTo("break");
            assertThat(((Stmt.RangeStmt) body.get(5)).op()).isEqualTo("=");
        }

        @Test
        void typeSwitchesAndExpressionSwitches() {
            GoFile f = parse("""
                    package p

                    func f() {
                    \tswitch v := x.(type) {
                    \tcase int, string:
                    \t\t_ = v
                    \tcase nil:
                    \tdefault:
                    \t}
                    \tswitch x.(type) {
                    \t}
                    \tswitch {
                    \tcase a > b:
                    \t}
                    \tswitch y := g(); y {
                    \tcase 1, 2:
                    \t\tfallthrough
                    \tdefault:
                    \t}
                    \tswitch tag {
                    \t}
                    \tswitch t := y.(T); t {
                    \t}
                    }
                    """);
            List<Stmt> body = f.func("f").orElseThrow().body().list();
            assertThat(body).extracting(s -> s.getClass().getSimpleName()).containsExactly(
                    "TypeSwitchStmt", "TypeSwitchStmt", "SwitchStmt", "SwitchStmt", "SwitchStmt", "SwitchStmt");

            Stmt.TypeSwitchStmt ts = (Stmt.TypeSwitchStmt) body.get(0);
            assertThat(ts.init()).isNull();
            assertThat(ts.assign()).isInstanceOf(Stmt.AssignStmt.class);
            Stmt.AssignStmt guard = (Stmt.AssignStmt) ts.assign();
            assertThat(render(guard.lhs().get(0))).isEqualTo("v");
            assertThat(render(guard.rhs().get(0))).isEqualTo("x.(type)");
            List<Stmt.CaseClause> cases = ts.body().list().stream().map(Stmt.CaseClause.class::cast).toList();
            assertThat(cases).extracting(c -> c.list().stream().map(GoModelTest::render).toList())
                    .containsExactly(List.of("int", "string"), List.of("nil"), List.of());
            assertThat(cases).extracting(Stmt.CaseClause::isDefault).containsExactly(false, false, true);
            assertThat(cases.get(0).body()).hasSize(1);

            assertThat(((Stmt.TypeSwitchStmt) body.get(1)).assign()).isInstanceOf(Stmt.ExprStmt.class);

            Stmt.SwitchStmt noTag = (Stmt.SwitchStmt) body.get(2);
            assertThat(noTag.tag()).isNull();
            assertThat(noTag.init()).isNull();

            Stmt.SwitchStmt withInit = (Stmt.SwitchStmt) body.get(3);
            assertThat(withInit.init()).isInstanceOf(Stmt.AssignStmt.class);
            assertThat(render(withInit.tag())).isEqualTo("y");
            Stmt.CaseClause first = (Stmt.CaseClause) withInit.body().list().get(0);
            assertThat(first.list()).extracting(GoModelTest::render).containsExactly("1", "2");
            assertThat(((Stmt.BranchStmt) first.body().get(0)).keyword()).isEqualTo("fallthrough");

            assertThat(render(((Stmt.SwitchStmt) body.get(4)).tag())).isEqualTo("tag");
            // A type assertion to a concrete type in the tag is an expression switch.
            assertThat(render(((Stmt.SwitchStmt) body.get(5)).tag())).isEqualTo("t");
        }

        @Test
        void ifElseChain() {
            GoFile f = parse("""
                    package p

                    func f() {
                    \tif err := g(); err != nil {
                    \t\treturn
                    \t} else if x > 0 {
                    \t\tx--
                    \t} else {
                    \t\tx++
                    \t}
                    }
                    """);
            Stmt.IfStmt first = (Stmt.IfStmt) onlyStmt(f, "f");
            assertThat(first.init()).isInstanceOf(Stmt.AssignStmt.class);
            assertThat(render(first.cond())).isEqualTo("(err != nil)");
            assertThat(first.body().list().get(0)).isInstanceOf(Stmt.ReturnStmt.class);
            assertThat(first.els()).isInstanceOf(Stmt.IfStmt.class);
            Stmt.IfStmt second = (Stmt.IfStmt) first.els();
            assertThat(second.init()).isNull();
            assertThat(render(second.cond())).isEqualTo("(x > 0)");
            assertThat(second.pos().toString()).as("else-if starts at its 'if'").isEqualTo("model.go:6:9");
            assertThat(second.els()).isInstanceOf(Stmt.BlockStmt.class);
            assertThat(((Stmt.BlockStmt) second.els()).list().get(0)).isInstanceOf(Stmt.IncDecStmt.class);
        }

        @Test
        void otherStatementKinds() {
            GoFile f = parse("""
                    package p

                    func f() {
                    \tdefer cleanup()
                    \tgo run(ctx)
                    \tch <- 1
                    \tvar local int
                    outer:
                    \tfor {
                    \t\tcontinue outer
                    \t}
                    \tselect {
                    \tcase v := <-ch:
                    \t\t_ = v
                    \tdefault:
                    \t}
                    \treturn
                    }
                    """);
            List<Stmt> body = f.func("f").orElseThrow().body().list();
            assertThat(body).extracting(s -> s.getClass().getSimpleName()).containsExactly(
                    "DeferStmt", "GoStmt", "SendStmt", "DeclStmt", "LabeledStmt", "SelectStmt", "ReturnStmt");
            Stmt.LabeledStmt l = (Stmt.LabeledStmt) body.get(4);
            assertThat(l.label().name()).isEqualTo("outer");
            Stmt.BranchStmt cont = Walk.collect(l, Stmt.BranchStmt.class).get(0);
            assertThat(cont.keyword()).isEqualTo("continue");
            assertThat(cont.label().name()).isEqualTo("outer");
            Stmt.SelectStmt sel = (Stmt.SelectStmt) body.get(5);
            List<Stmt.CommClause> clauses = sel.body().list().stream().map(Stmt.CommClause.class::cast).toList();
            assertThat(clauses.get(0).comm()).isInstanceOf(Stmt.AssignStmt.class);
            assertThat(render(((Stmt.AssignStmt) clauses.get(0).comm()).rhs().get(0))).isEqualTo("(<-ch)");
            assertThat(clauses.get(1).comm()).as("default clause").isNull();
        }
    }

    // ----------------------------------------------------------------------------------------

    @Nested
    class Expressions {

        private final GoFile f = parse("""
                package p

                var (
                \tp1 = a + b * c
                \tp2 = a*b + c
                \tp3 = a || b && c
                \tp4 = a && b || c
                \tp5 = a - b - c
                \tp6 = a == b || c < d && e != f
                \tp7 = x << 2 + 1
                \tp8 = (a + b) * c
                \tp9 = -a * b
                \tp10 = a &^ b | c ^ d
                \tcat = "a" + "b" + name
                \trecvType = make(<-chan int)
                \tsendType = make(chan<- int, 1)
                \tboth = make(chan int)
                \trecv = <-ch
                \tnot = !ok
                \tderef = *ptr
                \tconv = (*T)(nil)
                \tsl = xs[1:len(xs):cap(xs)]
                \tsl2 = xs[:2]
                \tta = v.(string)
                \tcall = f(xs...)
                \tlambda = func(x int) int { return x * 2 }
                )

                var rc <-chan int
                var sc chan<- string
                var cc chan (<-chan int)
                """);

        @Test
        void multiplicationBindsTighterThanAddition() {
            Expr p1 = varValue(f, "p1");
            assertThat(p1).isInstanceOf(Expr.BinaryExpr.class);
            Expr.BinaryExpr root = (Expr.BinaryExpr) p1;
            assertThat(root.op()).as("root of a + b * c").isEqualTo("+");
            assertThat(((Expr.BinaryExpr) root.y()).op()).isEqualTo("*");
            assertThat(render(p1)).isEqualTo("(a + (b * c))");
            assertThat(render(varValue(f, "p2"))).isEqualTo("((a * b) + c)");
        }

        @Test
        void andBindsTighterThanOr() {
            assertThat(render(varValue(f, "p3"))).isEqualTo("(a || (b && c))");
            assertThat(((Expr.BinaryExpr) varValue(f, "p3")).op()).isEqualTo("||");
            assertThat(render(varValue(f, "p4"))).isEqualTo("((a && b) || c)");
        }

        @Test
        void leftAssociativeAndAllLevels() {
            assertThat(render(varValue(f, "p5"))).isEqualTo("((a - b) - c)");
            assertThat(render(varValue(f, "p6"))).isEqualTo("((a == b) || ((c < d) && (e != f)))");
            assertThat(render(varValue(f, "p7"))).isEqualTo("((x << 2) + 1)");
            assertThat(render(varValue(f, "p8"))).isEqualTo("(paren((a + b)) * c)");
            assertThat(render(varValue(f, "p9"))).isEqualTo("((-a) * b)");
            assertThat(render(varValue(f, "p10"))).isEqualTo("(((a &^ b) | c) ^ d)");
        }

        @Test
        void stringConcatenation() {
            Expr cat = varValue(f, "cat");
            assertThat(render(cat)).isEqualTo("((\"a\" + \"b\") + name)");
            List<Expr.BasicLit> parts = Walk.collect(cat, Expr.BasicLit.class);
            assertThat(parts).extracting(Expr.BasicLit::stringValue).containsExactly("a", "b");
            assertThat(cat.pos().toString()).as("a binary expression starts at its left operand").isEqualTo("model.go:14:8");
        }

        @Test
        void receiveChannelTypeInExpressionPosition() {
            Expr.CallExpr mk = (Expr.CallExpr) varValue(f, "recvType");
            Expr arg = mk.args().get(0);
            assertThat(arg).as("<-chan int as an argument").isInstanceOf(Expr.ChanType.class);
            assertThat(((Expr.ChanType) arg).dir()).isEqualTo(Expr.ChanDir.RECV);
            assertThat(render(((Expr.ChanType) arg).value())).isEqualTo("int");
            assertThat(arg.pos().toString()).as("starts at the arrow").isEqualTo("model.go:15:18");
            assertThat(((Expr.ChanType) ((Expr.CallExpr) varValue(f, "sendType")).args().get(0)).dir())
                    .isEqualTo(Expr.ChanDir.SEND);
            assertThat(((Expr.ChanType) ((Expr.CallExpr) varValue(f, "both")).args().get(0)).dir())
                    .isEqualTo(Expr.ChanDir.BOTH);
        }

        @Test
        void channelTypesInTypePosition() {
            Map<String, Expr> types = f.varSpecs().stream().filter(v -> v.type() != null)
                    .collect(Collectors.toMap(v -> v.names().get(0).name(), Spec.ValueSpec::type));
            assertThat(render(types.get("rc"))).isEqualTo("<-chan int");
            assertThat(render(types.get("sc"))).isEqualTo("chan<- string");
            assertThat(render(types.get("cc"))).isEqualTo("chan paren(<-chan int)");
        }

        @Test
        void unaryOperators() {
            assertThat(varValue(f, "recv")).isInstanceOf(Expr.UnaryExpr.class);
            assertThat(render(varValue(f, "recv"))).isEqualTo("(<-ch)");
            assertThat(render(varValue(f, "not"))).isEqualTo("(!ok)");
            assertThat(varValue(f, "deref")).isInstanceOf(Expr.StarExpr.class);
            assertThat(render(varValue(f, "conv"))).isEqualTo("paren(*T)(nil)");
        }

        @Test
        void suffixes() {
            Expr.SliceExpr sl = (Expr.SliceExpr) varValue(f, "sl");
            assertThat(sl.slice3()).isTrue();
            assertThat(render(sl.low())).isEqualTo("1");
            assertThat(render(sl.high())).isEqualTo("len(xs)");
            assertThat(render(sl.max())).isEqualTo("cap(xs)");
            Expr.SliceExpr sl2 = (Expr.SliceExpr) varValue(f, "sl2");
            assertThat(sl2.low()).isNull();
            assertThat(sl2.slice3()).isFalse();
            assertThat(render(varValue(f, "ta"))).isEqualTo("v.(string)");
            Expr.CallExpr call = (Expr.CallExpr) varValue(f, "call");
            assertThat(call.hasEllipsis()).isTrue();
            Expr.FuncLit lambda = (Expr.FuncLit) varValue(f, "lambda");
            assertThat(lambda.type().params().fields()).extracting(GoModelTest::names).containsExactly(List.of("x"));
            assertThat(lambda.body().list()).hasSize(1);
        }
    }

    // ----------------------------------------------------------------------------------------

    @Nested
    class Positions {

        private final GoFile f = parse("internal/provider/resource_thing.go", """
                package provider

                import "fmt"

                // Thing is a resource.
                type Thing struct {
                \tName string
                }

                func (t *Thing) Describe() string {
                \treturn fmt.Sprintf("thing %s", t.Name)
                }
                """);

        @Test
        void fileNameIsAsPassedIn() {
            List<Node> all = Walk.collect(f.decls().get(f.decls().size() - 1), Node.class);
            assertThat(all).isNotEmpty().allSatisfy(n ->
                    assertThat(n.pos().file()).as("file of %s", n).isEqualTo("internal/provider/resource_thing.go"));
            assertThat(f.path()).isEqualTo("internal/provider/resource_thing.go");
            assertThat(f.doc()).isNull();
        }

        @Test
        void linesAndColumns() {
            Decl.FuncDecl m = f.methodsOf("Thing").get(0);
            assertThat(m.pos().toString()).isEqualTo("internal/provider/resource_thing.go:10:1");
            assertThat(m.name().pos().fileAndLine()).isEqualTo("internal/provider/resource_thing.go:10");
            assertThat(m.name().pos().column()).isEqualTo(17);
            assertThat(m.recv().pos().column()).as("receiver list starts at '('").isEqualTo(6);
            assertThat(m.body().pos().column()).as("body starts at '{'").isEqualTo(35);

            Expr.CallExpr call = Walk.collect(m.body(), Expr.CallExpr.class).get(0);
            assertThat(call.pos().line()).isEqualTo(11);
            assertThat(call.pos().column()).as("a tab counts as one column").isEqualTo(9);
            Expr.BasicLit fmtString = Walk.collect(call, Expr.BasicLit.class).get(0);
            assertThat(fmtString.pos().column()).isEqualTo(21);

            Spec.TypeSpec thing = typeSpec(f, "Thing");
            assertThat(thing.pos().toString()).isEqualTo("internal/provider/resource_thing.go:6:6");
            Field name = ((Expr.StructType) thing.type()).fields().fields().get(0);
            assertThat(name.pos().line()).isEqualTo(7);
            assertThat(name.type().pos().column()).isEqualTo(7);

            Decl.GenDecl typeDecl = (Decl.GenDecl) f.decls().get(1);
            assertThat(typeDecl.doc().pos().toString()).isEqualTo("internal/provider/resource_thing.go:5:1");
        }

        @Test
        void columnsCountCodePoints() {
            // Pos documents columns in Unicode code points (Go's token.Position counts bytes).
            GoFile g = parse("package p\nvar é, x = \"日本\", 2\n");
            Spec.ValueSpec s = g.varSpecs().get(0);
            assertThat(s.names()).extracting(n -> n.name() + "@" + n.pos().column()).containsExactly("é@5", "x@8");
            assertThat(s.values().get(1).pos().column()).isEqualTo(18);
        }

        @Test
        void crlfLineEndings() {
            GoFile g = parse("package p\r\n\r\nfunc F() {\r\n\treturn\r\n}\r\n");
            Decl.FuncDecl fn = g.func("F").orElseThrow();
            assertThat(fn.pos().line()).isEqualTo(3);
            assertThat(fn.body().list().get(0).pos().toString()).isEqualTo("model.go:4:2");
        }

        @Test
        void walkVisitsInSourceOrder() {
            List<Expr.Ident> idents = Walk.collect(f.methodsOf("Thing").get(0), Expr.Ident.class);
            assertThat(idents).extracting(Expr.Ident::name)
                    .containsExactly("t", "Thing", "Describe", "string", "fmt", "Sprintf", "t", "Name");
            List<Integer> lines = idents.stream().map(i -> i.pos().line() * 1000 + i.pos().column()).toList();
            assertThat(lines).as("positions in source order").isSorted();
        }
    }
}
