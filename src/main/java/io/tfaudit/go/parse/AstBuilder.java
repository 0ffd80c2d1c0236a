package io.tfaudit.go.parse;

import io.tfaudit.go.ast.CommentGroup;
import io.tfaudit.go.ast.Decl;
import io.tfaudit.go.ast.Expr;
import io.tfaudit.go.ast.Field;
import io.tfaudit.go.ast.FieldList;
import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.ast.Pos;
import io.tfaudit.go.ast.Spec;
import io.tfaudit.go.ast.Stmt;
import io.tfaudit.go.syntax.GoLexer;
import io.tfaudit.go.syntax.GoParser.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns a parse tree into the Go model. The grammar leaves three things to this class:
 * operator precedence (binary expressions arrive as a flat list), the classification of
 * parameter lists ({@code a, b int} arrives as two entries), and the shape of switch and
 * for statements (type switch or not, range or not). Where the result mirrors go/ast,
 * it does so on purpose: the differential test compares the two.
 */
final class AstBuilder {

    private final String file;
    private final Comments comments;
    private final List<SyntaxError> problems;
    private final List<Token> tokens;

    /** {@code tokens}: the file's code tokens, to see what follows a label. */
    AstBuilder(String file, Comments comments, List<SyntaxError> problems, List<Token> tokens) {
        this.file = file;
        this.comments = comments;
        this.problems = problems;
        this.tokens = tokens;
    }

    GoFile buildFile(SourceFileContext tree, long size, boolean tolerant) {
        Expr.Ident pkg = null;
        CommentGroup fileDoc = null;
        List<Spec.ImportSpec> imports = new ArrayList<>();
        List<Decl> decls = new ArrayList<>();
        if (tree != null) {
            PackageClauseContext pc = tree.packageClause();
            if (pc != null && pc.IDENTIFIER() != null) {
                pkg = ident(pc.IDENTIFIER());
                fileDoc = comments.docFor(pc.getStart());
            }
            for (ImportDeclContext d : tree.importDecl()) {
                Decl.GenDecl g = tolerant ? tolerantly(() -> importDecl(d)) : importDecl(d);
                if (g != null) {
                    decls.add(g);
                    g.specs().forEach(s -> imports.add((Spec.ImportSpec) s));
                }
            }
            for (TopLevelDeclContext d : tree.topLevelDecl()) {
                Decl decl = tolerant ? tolerantly(() -> topLevelDecl(d)) : topLevelDecl(d);
                if (decl != null) {
                    decls.add(decl);
                }
            }
        }
        return new GoFile(file, size, fileDoc, pkg, List.copyOf(imports), List.copyOf(decls),
                comments.all(), List.copyOf(problems));
    }

    /** In a file with syntax errors, a declaration the parser could not read whole is left out. */
    private static <T> T tolerantly(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (RuntimeException incomplete) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------
    // Declarations

    private Decl topLevelDecl(TopLevelDeclContext ctx) {
        if (ctx.functionDecl() != null) {
            return functionDecl(ctx.functionDecl());
        }
        return declaration(ctx.declaration());
    }

    private Decl.GenDecl declaration(DeclarationContext ctx) {
        if (ctx.constDecl() != null) {
            ConstDeclContext c = ctx.constDecl();
            List<Spec> specs = new ArrayList<>();
            boolean grouped = c.L_PAREN() != null;
            for (ConstSpecContext s : c.constSpec()) {
                specs.add(new Spec.ValueSpec(pos(s), grouped ? comments.docFor(s.getStart()) : null,
                        identifierList(s.identifierList()), s.type_() == null ? null : type(s.type_()),
                        s.expressionList() == null ? List.of() : expressionList(s.expressionList())));
            }
            return new Decl.GenDecl(pos(c), comments.docFor(c.getStart()), Decl.Keyword.CONST, grouped, List.copyOf(specs));
        }
        if (ctx.varDecl() != null) {
            VarDeclContext v = ctx.varDecl();
            List<Spec> specs = new ArrayList<>();
            boolean grouped = v.L_PAREN() != null;
            for (VarSpecContext s : v.varSpec()) {
                specs.add(new Spec.ValueSpec(pos(s), grouped ? comments.docFor(s.getStart()) : null,
                        identifierList(s.identifierList()), s.type_() == null ? null : type(s.type_()),
                        s.expressionList() == null ? List.of() : expressionList(s.expressionList())));
            }
            return new Decl.GenDecl(pos(v), comments.docFor(v.getStart()), Decl.Keyword.VAR, grouped, List.copyOf(specs));
        }
        TypeDeclContext t = ctx.typeDecl();
        List<Spec> specs = new ArrayList<>();
        boolean grouped = t.L_PAREN() != null;
        for (TypeSpecContext s : t.typeSpec()) {
            CommentGroup doc = grouped ? comments.docFor(s.getStart()) : null;
            TypeParametersContext tp = s.typeParameters();
            Expr arrayLength = tp == null || s.ASSIGN() != null ? null : arrayLengthReadAsTypeParameter(tp);
            if (arrayLength != null) {
                specs.add(new Spec.TypeSpec(pos(s), doc, ident(s.IDENTIFIER()), null, false,
                        new Expr.ArrayType(pos(tp), value(arrayLength), type(s.type_()))));
            } else {
                specs.add(new Spec.TypeSpec(pos(s), doc, ident(s.IDENTIFIER()), tp == null ? null : typeParameters(tp),
                        s.ASSIGN() != null, type(s.type_())));
            }
        }
        return new Decl.GenDecl(pos(t), comments.docFor(t.getStart()), Decl.Keyword.TYPE, grouped, List.copyOf(specs));
    }

    /**
     * {@code type A [N * M]int} and {@code type A [N(M)]int} read as type parameter lists too:
     * N with the constraint *M or (M). As go/parser decides (and the spec means), they are
     * arrays unless a constraint term is certainly a type (a type literal or {@code ~T}) or
     * a comma follows. Returns the array length when the list is one, else null.
     */
    private Expr arrayLengthReadAsTypeParameter(TypeParametersContext ctx) {
        if (ctx.typeParameterDecl().size() != 1 || !ctx.COMMA().isEmpty()) {
            return null;
        }
        TypeParameterDeclContext d = ctx.typeParameterDecl(0);
        List<TypeTermContext> terms = d.typeElem().typeTerm();
        if (d.identifierList().IDENTIFIER().size() != 1 || terms.get(0).TILDE() != null) {
            return null;
        }
        Expr.Ident name = ident(d.identifierList().IDENTIFIER(0));
        Type_Context first = terms.get(0).type_();
        Expr length;
        if (first.typeLit() != null && first.typeLit().pointerType() != null) {
            Expr y = type(first.typeLit().pointerType().type_());
            if (isTypeElem(y)) {
                return null;
            }
            length = new Expr.BinaryExpr(name.pos(), name, "*", y);
        } else if (first.L_PAREN() != null) {
            Expr y = type(first.type_());
            if (isTypeElem(y)) {
                return null;
            }
            length = new Expr.CallExpr(name.pos(), name, List.of(y), false);
        } else {
            return null;
        }
        for (TypeTermContext term : terms.subList(1, terms.size())) {
            Expr y = type(term.type_());
            if (term.TILDE() != null || isTypeElem(y)) {
                return null;
            }
            length = new Expr.BinaryExpr(length.pos(), length, "|", y);
        }
        return length;
    }

    /** go/parser's isTypeElem: certainly a type, never a value. */
    private static boolean isTypeElem(Expr x) {
        Expr t = unparen(x);
        return t instanceof Expr.ArrayType || t instanceof Expr.StructType || t instanceof Expr.FuncType
                || t instanceof Expr.InterfaceType || t instanceof Expr.MapType || t instanceof Expr.ChanType;
    }

    private Decl.GenDecl importDecl(ImportDeclContext ctx) {
        boolean grouped = ctx.L_PAREN() != null;
        List<Spec> specs = new ArrayList<>();
        for (ImportSpecContext s : ctx.importSpec()) {
            Expr.Ident name = null;
            if (s.IDENTIFIER() != null) {
                name = ident(s.IDENTIFIER());
            } else if (s.DOT() != null) {
                name = new Expr.Ident(pos(s.DOT().getSymbol()), ".");
            }
            Expr.BasicLit path = stringLit(s.string_());
            if (!isValidImportPath(path)) {
                reject(path.pos(), "invalid import path: " + path.raw());
            }
            specs.add(new Spec.ImportSpec(pos(s), grouped ? comments.docFor(s.getStart()) : null, name, path));
        }
        return new Decl.GenDecl(pos(ctx), comments.docFor(ctx.getStart()), Decl.Keyword.IMPORT, grouped, List.copyOf(specs));
    }

    /** As go/parser's isValidImport: not empty, graphic, no spaces and none of the characters the spec reserves. */
    private static boolean isValidImportPath(Expr.BasicLit lit) {
        String path;
        try {
            path = lit.stringValue();
        } catch (RuntimeException undecodable) {
            return false;
        }
        for (int i = 0; i < path.length(); ) {
            int cp = path.codePointAt(i);
            i += Character.charCount(cp);
            boolean space = Character.isWhitespace(cp) || cp == 0x85 || cp == 0xA0 || cp == 0x2007 || cp == 0x202F;
            if (!isGraphic(cp) || space || "!\"#$%&'()*,:;<=>?[\\]^{|}`\uFFFD".indexOf(cp) >= 0) {
                return false;
            }
        }
        return !path.isEmpty();
    }

    /** Go's unicode.IsGraphic: letters, marks, numbers, punctuation, symbols and the space separators. */
    private static boolean isGraphic(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    private Decl.FuncDecl functionDecl(FunctionDeclContext ctx) {
        FieldList recv = ctx.receiver == null ? null : parameters(ctx.receiver);
        FieldList typeParams = ctx.typeParameters() == null ? null : typeParameters(ctx.typeParameters());
        Expr.FuncType type = signature(pos(ctx), typeParams, ctx.signature());
        Stmt.BlockStmt body = ctx.block() == null ? null : block(ctx.block());
        return new Decl.FuncDecl(pos(ctx), comments.docFor(ctx.getStart()), recv, ident(ctx.IDENTIFIER()), type, body);
    }

    private FieldList typeParameters(TypeParametersContext ctx) {
        List<Field> fields = new ArrayList<>();
        for (TypeParameterDeclContext d : ctx.typeParameterDecl()) {
            // In `[P (C)]` go/parser reads P(C) as a call first: its parentheses are not the constraint's.
            boolean callLike = fields.isEmpty() && d.identifierList().IDENTIFIER().size() == 1;
            fields.add(new Field(pos(d), null, identifierList(d.identifierList()), typeElem(d.typeElem(), callLike), null));
        }
        return new FieldList(pos(ctx), List.copyOf(fields));
    }

    private Expr typeElem(TypeElemContext ctx) {
        return typeElem(ctx, false);
    }

    private Expr typeElem(TypeElemContext ctx, boolean firstParenthesesDropped) {
        Expr result = null;
        for (TypeTermContext term : ctx.typeTerm()) {
            Expr t = result == null && firstParenthesesDropped && term.TILDE() == null && term.type_().L_PAREN() != null
                    ? type(term.type_().type_())
                    : type(term.type_());
            if (term.TILDE() != null) {
                t = new Expr.UnaryExpr(pos(term), "~", t);
            }
            result = result == null ? t : new Expr.BinaryExpr(result.pos(), result, "|", t);
        }
        return result;
    }

    private List<Expr.Ident> identifierList(IdentifierListContext ctx) {
        List<Expr.Ident> names = new ArrayList<>();
        for (TerminalNode id : ctx.IDENTIFIER()) {
            names.add(ident(id));
        }
        return List.copyOf(names);
    }

    // ------------------------------------------------------------------------------------
    // Types

    private Expr type(Type_Context ctx) {
        if (ctx.typeName() != null) {
            return withTypeArgs(typeName(ctx.typeName()), ctx.typeArgs());
        }
        if (ctx.typeLit() != null) {
            return typeLit(ctx.typeLit());
        }
        return new Expr.ParenExpr(pos(ctx), type(ctx.type_()));
    }

    private Expr typeName(TypeNameContext ctx) {
        List<TerminalNode> ids = ctx.IDENTIFIER();
        Expr.Ident first = ident(ids.get(0));
        return ids.size() == 1 ? first : new Expr.SelectorExpr(first.pos(), first, ident(ids.get(1)));
    }

    private Expr withTypeArgs(Expr base, TypeArgsContext args) {
        if (args == null) {
            return base;
        }
        List<Expr> types = new ArrayList<>();
        for (Type_Context t : args.type_()) {
            types.add(type(t));
        }
        return types.size() == 1
                ? new Expr.IndexExpr(base.pos(), base, types.get(0))
                : new Expr.IndexListExpr(base.pos(), base, List.copyOf(types));
    }

    private Expr typeLit(TypeLitContext ctx) {
        ParseTree child = ctx.getChild(0);
        if (child instanceof ArrayOrSliceTypeContext a) {
            return arrayType(a.L_BRACKET().getSymbol(), a.expression(), a.ELLIPSIS(), a.type_());
        }
        if (child instanceof StructTypeContext s) {
            return structType(s);
        }
        if (child instanceof PointerTypeContext p) {
            return new Expr.StarExpr(pos(p), type(p.type_()));
        }
        if (child instanceof FunctionTypeContext f) {
            return signature(pos(f), null, f.signature());
        }
        if (child instanceof InterfaceTypeContext i) {
            return interfaceType(i);
        }
        if (child instanceof MapTypeContext m) {
            return new Expr.MapType(pos(m), type(m.type_(0)), type(m.type_(1)));
        }
        ChannelTypeContext c = (ChannelTypeContext) child;
        Expr.ChanDir dir = c.RECEIVE() == null ? Expr.ChanDir.BOTH
                : c.getStart().getType() == GoLexer.RECEIVE ? Expr.ChanDir.RECV : Expr.ChanDir.SEND;
        return new Expr.ChanType(pos(c), dir, type(c.type_()));
    }

    private Expr.ArrayType arrayType(Token lbrack, ExpressionContext len, TerminalNode ellipsis, Type_Context elt) {
        Expr length = null;
        if (len != null) {
            length = value(expression(len));
        } else if (ellipsis != null) {
            length = new Expr.Ellipsis(pos(ellipsis.getSymbol()), null);
        }
        return new Expr.ArrayType(pos(lbrack), length, type(elt));
    }

    private Expr.StructType structType(StructTypeContext ctx) {
        List<Field> fields = new ArrayList<>();
        for (FieldDeclContext f : ctx.fieldDecl()) {
            Expr.BasicLit tag = f.tag == null ? null : stringLit(f.tag);
            CommentGroup doc = comments.docFor(f.getStart());
            if (f.embeddedField() != null) {
                EmbeddedFieldContext e = f.embeddedField();
                Expr t = withTypeArgs(typeName(e.typeName()), e.typeArgs());
                if (e.STAR() != null) {
                    t = new Expr.StarExpr(pos(e), t);
                }
                fields.add(new Field(pos(f), doc, List.of(), t, tag));
            } else {
                fields.add(new Field(pos(f), doc, identifierList(f.identifierList()), type(f.type_()), tag));
            }
        }
        return new Expr.StructType(pos(ctx), new FieldList(pos(ctx.L_CURLY().getSymbol()), List.copyOf(fields)));
    }

    private Expr.InterfaceType interfaceType(InterfaceTypeContext ctx) {
        List<Field> fields = new ArrayList<>();
        for (InterfaceElemContext e : ctx.interfaceElem()) {
            CommentGroup doc = comments.docFor(e.getStart());
            if (e.signature() != null) {
                Expr.Ident name = ident(e.IDENTIFIER());
                fields.add(new Field(pos(e), doc, List.of(name), signature(pos(e.signature()), null, e.signature()), null));
            } else {
                fields.add(new Field(pos(e), doc, List.of(), typeElem(e.typeElem()), null));
            }
        }
        return new Expr.InterfaceType(pos(ctx), new FieldList(pos(ctx.L_CURLY().getSymbol()), List.copyOf(fields)));
    }

    private Expr.FuncType signature(Pos at, FieldList typeParams, SignatureContext ctx) {
        FieldList params = parameters(ctx.parameters());
        FieldList results = null;
        ResultContext r = ctx.result();
        if (r != null) {
            if (r.parameters() != null) {
                results = parameters(r.parameters());
            } else {
                Expr t = r.typeName() != null ? withTypeArgs(typeName(r.typeName()), r.typeArgs()) : typeLit(r.typeLit());
                results = new FieldList(t.pos(), List.of(new Field(t.pos(), null, List.of(), t, null)));
            }
        }
        return new Expr.FuncType(at, typeParams, params, results);
    }

    /**
     * {@code (a, b int, c string)} arrives as [a] [b int] [c string]. When any entry has a
     * name, the entries without one are names waiting for the next entry's type.
     */
    private FieldList parameters(ParametersContext ctx) {
        List<ParameterDeclContext> decls = ctx.parameterDecl();
        boolean anyNamed = false;
        for (ParameterDeclContext d : decls) {
            anyNamed |= d.IDENTIFIER() != null;
        }
        List<Field> fields = new ArrayList<>();
        List<Expr.Ident> pendingNames = new ArrayList<>();
        for (ParameterDeclContext d : decls) {
            Expr t = type(d.type_());
            if (d.ELLIPSIS() != null) {
                t = new Expr.Ellipsis(pos(d.ELLIPSIS().getSymbol()), t);
            }
            if (!anyNamed) {
                fields.add(new Field(pos(d), null, List.of(), t, null));
            } else if (d.IDENTIFIER() == null) {
                if (t instanceof Expr.Ident name) {
                    pendingNames.add(name);
                } else {
                    problems.add(error(d.getStart(), "mixed named and unnamed parameters"));
                    fields.add(new Field(pos(d), null, List.of(), t, null));
                }
            } else {
                pendingNames.add(ident(d.IDENTIFIER()));
                fields.add(new Field(pendingNames.get(0).pos(), null, List.copyOf(pendingNames), t, null));
                pendingNames.clear();
            }
        }
        if (!pendingNames.isEmpty()) {
            problems.add(error(ctx.R_PAREN().getSymbol(), "missing parameter type"));
        }
        return new FieldList(pos(ctx), List.copyOf(fields));
    }

    // ------------------------------------------------------------------------------------
    // Statements

    private Stmt.BlockStmt block(BlockContext ctx) {
        return new Stmt.BlockStmt(pos(ctx), statementList(ctx.statementList()));
    }

    private List<Stmt> statementList(StatementListContext ctx) {
        List<Stmt> list = new ArrayList<>();
        for (StatementContext s : ctx.statement()) {
            list.add(statement(s));
        }
        return List.copyOf(list);
    }

    private Stmt statement(StatementContext ctx) {
        ParseTree c = ctx.getChild(0);
        if (c instanceof SimpleStmtContext s) {
            return simpleStmt(s);
        }
        if (c instanceof ReturnStmtContext r) {
            return new Stmt.ReturnStmt(pos(r), r.expressionList() == null ? List.of() : expressionList(r.expressionList()));
        }
        if (c instanceof IfStmtContext i) {
            return ifStmt(i);
        }
        if (c instanceof ForStmtContext f) {
            return forStmt(f);
        }
        if (c instanceof BlockContext b) {
            return block(b);
        }
        if (c instanceof SwitchStmtContext s) {
            return switchStmt(s);
        }
        if (c instanceof DeclarationContext d) {
            return new Stmt.DeclStmt(pos(d), declaration(d));
        }
        if (c instanceof DeferStmtContext d) {
            return new Stmt.DeferStmt(pos(d), callOf(d.expression()));
        }
        if (c instanceof GoStmtContext g) {
            return new Stmt.GoStmt(pos(g), callOf(g.expression()));
        }
        if (c instanceof BreakStmtContext b) {
            return branch(b, "break", b.IDENTIFIER());
        }
        if (c instanceof ContinueStmtContext k) {
            return branch(k, "continue", k.IDENTIFIER());
        }
        if (c instanceof GotoStmtContext g) {
            return branch(g, "goto", g.IDENTIFIER());
        }
        if (c instanceof FallthroughStmtContext f) {
            return branch(f, "fallthrough", null);
        }
        if (c instanceof LabeledStmtContext l) {
            Stmt inner;
            if (l.statement() == null) {
                // A label may end a block, never a case: go/parser wants a statement before `case`.
                int next = l.COLON().getSymbol().getTokenIndex() + 1;
                if (next < tokens.size() && (tokens.get(next).getType() == GoLexer.CASE
                        || tokens.get(next).getType() == GoLexer.DEFAULT)) {
                    problems.add(error(tokens.get(next), "expected statement, found '" + tokens.get(next).getText() + "'"));
                }
                inner = new Stmt.EmptyStmt(pos(l.COLON().getSymbol()), true);
            } else {
                inner = statement(l.statement());
            }
            return new Stmt.LabeledStmt(pos(l), ident(l.IDENTIFIER()), inner);
        }
        if (c instanceof SelectStmtContext s) {
            return selectStmt(s);
        }
        return new Stmt.BadStmt(pos(ctx));
    }

    private Expr callOf(ExpressionContext ctx) {
        Expr x = expression(ctx);
        if (!(unparen(x) instanceof Expr.CallExpr)) {
            problems.add(error(ctx.getStart(), "expression in go or defer must be function call"));
        }
        return x;
    }

    private static Expr unparen(Expr x) {
        while (x instanceof Expr.ParenExpr p) {
            x = p.x();
        }
        return x;
    }

    private Stmt.BranchStmt branch(ParserRuleContext ctx, String keyword, TerminalNode label) {
        return new Stmt.BranchStmt(pos(ctx), keyword, label == null ? null : ident(label));
    }

    private Stmt simpleStmt(SimpleStmtContext ctx) {
        List<Expr> lhs = expressionList(ctx.expressionList(0));
        Pos at = lhs.get(0).pos();
        if (ctx.getChildCount() == 1) {
            return new Stmt.ExprStmt(at, lhs.get(0));
        }
        ParseTree op = ctx.getChild(1);
        if (op instanceof AssignOpContext a) {
            return new Stmt.AssignStmt(at, lhs, a.getText().intern(), expressionList(ctx.expressionList(1)));
        }
        int type = ((TerminalNode) op).getSymbol().getType();
        return switch (type) {
            case GoLexer.DEFINE -> new Stmt.AssignStmt(at, namesToDefine(lhs), ":=", expressionList(ctx.expressionList(1)));
            case GoLexer.INC -> new Stmt.IncDecStmt(at, lhs.get(0), "++");
            case GoLexer.DEC -> new Stmt.IncDecStmt(at, lhs.get(0), "--");
            default -> new Stmt.SendStmt(at, lhs.get(0), value(expression(ctx.expression())));
        };
    }

    /** A header statement; a {@code range} on its right side is built by {@link #forStmt}. */
    private Stmt headerStmt(HeaderStmtContext ctx) {
        List<Expr> lhs = expressionList(ctx.expressionListNoLit());
        Pos at = lhs.get(0).pos();
        if (ctx.getChildCount() == 1) {
            return new Stmt.ExprStmt(at, lhs.get(0));
        }
        ParseTree op = ctx.getChild(1);
        if (op instanceof AssignOpContext || op instanceof TerminalNode t && t.getSymbol().getType() == GoLexer.DEFINE) {
            RangeOrListContext rhs = ctx.rangeOrList();
            if (rhs.RANGE() != null) {
                problems.add(error(rhs.getStart(), "unexpected range"));
                return new Stmt.BadStmt(at);
            }
            boolean define = op instanceof TerminalNode;
            return new Stmt.AssignStmt(at, define ? namesToDefine(lhs) : lhs, op.getText().intern(),
                    expressionList(rhs.expressionListNoLit()));
        }
        int type = ((TerminalNode) op).getSymbol().getType();
        return switch (type) {
            case GoLexer.INC -> new Stmt.IncDecStmt(at, lhs.get(0), "++");
            case GoLexer.DEC -> new Stmt.IncDecStmt(at, lhs.get(0), "--");
            default -> new Stmt.SendStmt(at, lhs.get(0), value(expression(ctx.expressionNoLit())));
        };
    }

    /** The left side of {@code :=} declares names: {@code (x) := 0} and {@code a.b := 0} are errors. */
    private List<Expr> namesToDefine(List<Expr> lhs) {
        for (Expr x : lhs) {
            if (!(x instanceof Expr.Ident)) {
                reject(x.pos(), "expected identifier on left side of :=");
            }
        }
        return lhs;
    }

    private Expr conditionOf(Stmt s, ParserRuleContext where) {
        if (s instanceof Stmt.ExprStmt e) {
            return e.x();
        }
        problems.add(error(where.getStart(), "expected boolean expression, found simple statement"));
        return new Expr.BadExpr(s.pos());
    }

    private Stmt.IfStmt ifStmt(IfStmtContext ctx) {
        Stmt init = null;
        Expr cond;
        if (ctx.headerStmt() == null) {
            cond = value(expression(ctx.expressionNoLit()));
        } else if (ctx.expressionNoLit() != null) {
            init = headerStmt(ctx.headerStmt());
            cond = value(expression(ctx.expressionNoLit()));
        } else {
            cond = conditionOf(headerStmt(ctx.headerStmt()), ctx.headerStmt());
        }
        Stmt els = null;
        if (ctx.ifStmt() != null) {
            els = ifStmt(ctx.ifStmt());
        } else if (ctx.block().size() > 1) {
            els = block(ctx.block(1));
        }
        return new Stmt.IfStmt(pos(ctx), init, cond, block(ctx.block(0)), els);
    }

    private Stmt switchStmt(SwitchStmtContext ctx) {
        HeaderStmtContext first = null;
        HeaderStmtContext second = null;
        boolean semi = false;
        for (ParseTree c : ctx.children) {
            if (c instanceof HeaderStmtContext h) {
                if (semi) {
                    second = h;
                } else {
                    first = h;
                }
            } else if (c instanceof TerminalNode t && t.getSymbol().getType() == GoLexer.SEMI) {
                semi = true;
            }
        }
        Stmt init = semi && first != null ? headerStmt(first) : null;
        HeaderStmtContext tagCtx = semi ? second : first;
        Stmt tag = tagCtx == null ? null : headerStmt(tagCtx);
        boolean typeSwitch = isTypeSwitchGuard(tag);
        List<Stmt> clauses = new ArrayList<>();
        for (CaseClauseContext cc : ctx.caseClause()) {
            boolean isDefault = cc.DEFAULT() != null;
            List<Expr> list = isDefault ? List.of() : typeSwitch ? typeList(cc.expressionList()) : expressionList(cc.expressionList());
            clauses.add(new Stmt.CaseClause(pos(cc), isDefault, list, statementList(cc.statementList())));
        }
        Stmt.BlockStmt body = new Stmt.BlockStmt(pos(ctx.L_CURLY().getSymbol()), List.copyOf(clauses));
        if (typeSwitch) {
            return new Stmt.TypeSwitchStmt(pos(ctx), init, tag, body);
        }
        return new Stmt.SwitchStmt(pos(ctx), init, tag == null ? null : conditionOf(tag, tagCtx), body);
    }

    /** The cases of a type switch: types only ({@code case 0:} is an error). */
    private List<Expr> typeList(ExpressionListContext ctx) {
        List<Expr> list = new ArrayList<>();
        for (ExpressionContext e : ctx.expression()) {
            Expr t = expression(e);
            if (!isType(t)) {
                reject(t.pos(), "expected type");
            }
            list.add(t);
        }
        return List.copyOf(list);
    }

    /** Whether {@code x} is written as a type: a (qualified, instantiated) name or a type literal. */
    private static boolean isType(Expr x) {
        if (x instanceof Expr.Ident || x instanceof Expr.SelectorExpr s && s.x() instanceof Expr.Ident) {
            return true;
        }
        if (x instanceof Expr.ParenExpr p) {
            return isType(p.x());
        }
        if (x instanceof Expr.StarExpr s) {
            return isType(s.x());
        }
        if (x instanceof Expr.IndexExpr i) {
            return isTypeName(i.x()) && isType(i.index());
        }
        if (x instanceof Expr.IndexListExpr l) {
            return isTypeName(l.x()) && l.indices().stream().allMatch(AstBuilder::isType);
        }
        return isTypeElem(x);
    }

    private static boolean isTypeName(Expr x) {
        return x instanceof Expr.Ident || x instanceof Expr.SelectorExpr s && s.x() instanceof Expr.Ident;
    }

    private static boolean isTypeSwitchGuard(Stmt s) {
        Expr x = null;
        if (s instanceof Stmt.ExprStmt e) {
            x = e.x();
        } else if (s instanceof Stmt.AssignStmt a && a.isDefine() && a.lhs().size() == 1 && a.rhs().size() == 1) {
            x = a.rhs().get(0);
        }
        return x instanceof Expr.TypeAssertExpr t && t.type() == null;
    }

    private Stmt selectStmt(SelectStmtContext ctx) {
        List<Stmt> clauses = new ArrayList<>();
        for (CommClauseContext cc : ctx.commClause()) {
            Stmt comm = cc.simpleStmt() == null ? null : simpleStmt(cc.simpleStmt());
            clauses.add(new Stmt.CommClause(pos(cc), comm, statementList(cc.statementList())));
        }
        return new Stmt.SelectStmt(pos(ctx), new Stmt.BlockStmt(pos(ctx.L_CURLY().getSymbol()), List.copyOf(clauses)));
    }

    private Stmt forStmt(ForStmtContext ctx) {
        Stmt.BlockStmt body = block(ctx.block());
        if (ctx.RANGE() != null) {
            return new Stmt.RangeStmt(pos(ctx), null, null, null, value(expression(ctx.expressionNoLit())), body);
        }
        HeaderStmtContext init = null;
        ExpressionNoLitContext cond = null;
        HeaderStmtContext post = null;
        int semis = 0;
        for (ParseTree c : ctx.children) {
            if (c instanceof HeaderStmtContext h) {
                if (semis == 0) {
                    init = h;
                } else {
                    post = h;
                }
            } else if (c instanceof ExpressionNoLitContext e) {
                cond = e;
            } else if (c instanceof TerminalNode t && t.getSymbol().getType() == GoLexer.SEMI) {
                semis++;
            }
        }
        if (semis == 0) {
            if (init == null) {
                return new Stmt.ForStmt(pos(ctx), null, null, null, body);
            }
            RangeOrListContext rhs = init.rangeOrList();
            if (rhs != null && rhs.RANGE() != null) {
                List<Expr> vars = expressionList(init.expressionListNoLit());
                String op = init.getChild(1).getText().intern();
                if (vars.size() > 2) {
                    reject(vars.get(vars.size() - 1).pos(), "expected at most 2 expressions");
                }
                if (op.equals(":=")) {
                    namesToDefine(vars);
                }
                return new Stmt.RangeStmt(pos(ctx), vars.get(0), vars.size() > 1 ? vars.get(1) : null,
                        op, value(expression(rhs.expressionNoLit())), body);
            }
            return new Stmt.ForStmt(pos(ctx), null, conditionOf(headerStmt(init), init), null, body);
        }
        return new Stmt.ForStmt(pos(ctx), init == null ? null : headerStmt(init),
                cond == null ? null : value(expression(cond)), post == null ? null : headerStmt(post), body);
    }

    // ------------------------------------------------------------------------------------
    // Expressions

    /** A list of values: a type there ({@code x = []int}) is an error. */
    private List<Expr> expressionList(ParserRuleContext ctx) {
        List<Expr> list = new ArrayList<>(ctx.getChildCount() / 2 + 1);
        for (ParseTree c : ctx.children) {
            if (c instanceof ParserRuleContext e) {
                list.add(value(expression(e)));
            }
        }
        return List.copyOf(list);
    }

    /**
     * go/parser's checkExpr, for where a value is needed: a type literal ({@code []int},
     * {@code func()} without a body, {@code interface{}}) is no value.
     */
    private Expr value(Expr x) {
        if (isTypeElem(x)) {
            reject(x.pos(), "expected expression");
        }
        return x;
    }

    /** go/parser's checkExprOrType, for where a value or a type may stand: never {@code [...]T}. */
    private Expr valueOrType(Expr x) {
        if (unparen(x) instanceof Expr.ArrayType a && a.len() instanceof Expr.Ellipsis e) {
            reject(e.pos(), "expected array length, found '...'");
        }
        return x;
    }

    /**
     * An expression or expressionNoLit: operands and operators alternate. Precedence
     * climbing over that list gives the tree go/parser builds (all operators are left-associative).
     */
    private Expr expression(ParserRuleContext ctx) {
        int n = ctx.getChildCount();
        if (n == 1) {
            return unary((ParserRuleContext) ctx.getChild(0));
        }
        Deque<Expr> operands = new ArrayDeque<>();
        Deque<String> operators = new ArrayDeque<>();
        operands.push(unary((ParserRuleContext) ctx.getChild(0)));
        for (int i = 1; i < n; i += 2) {
            String op = ctx.getChild(i).getText().intern();
            int prec = precedence(op);
            while (!operators.isEmpty() && precedence(operators.peek()) >= prec) {
                reduce(operands, operators);
            }
            operators.push(op);
            operands.push(unary((ParserRuleContext) ctx.getChild(i + 1)));
        }
        while (!operators.isEmpty()) {
            reduce(operands, operators);
        }
        return operands.pop();
    }

    private void reduce(Deque<Expr> operands, Deque<String> operators) {
        Expr y = value(operands.pop());
        Expr x = value(operands.pop());
        operands.push(new Expr.BinaryExpr(x.pos(), x, operators.pop(), y));
    }

    private static int precedence(String op) {
        return switch (op) {
            case "||" -> 1;
            case "&&" -> 2;
            case "==", "!=", "<", "<=", ">", ">=" -> 3;
            case "+", "-", "|", "^" -> 4;
            default -> 5;
        };
    }

    /**
     * unaryExpr or unaryExprNoLit: unary operators, an operand, then selectors, indexes,
     * calls and literals. The suffixes bind tighter, so the operators apply last, innermost first.
     */
    private Expr unary(ParserRuleContext ctx) {
        int n = ctx.getChildCount();
        int first = 0;
        while (ctx.getChild(first) instanceof UnaryOpContext) {
            first++;
        }
        ParseTree head = ctx.getChild(first);
        Expr x;
        int next = first + 1;
        if (head instanceof OperandContext o) {
            x = operand(o);
        } else if (head instanceof CompositeTypeContext t) {
            x = compositeType(t);
        } else {
            Pos at = pos(((TerminalNode) head).getSymbol());
            Expr.FuncType type = signature(at, null, (SignatureContext) ctx.getChild(next++));
            x = next < n && ctx.getChild(next) instanceof BlockContext b ? new Expr.FuncLit(at, type, block(b)) : type;
            if (x instanceof Expr.FuncLit) {
                next++;
            }
        }
        for (int i = next; i < n; i++) {
            ParseTree c = ctx.getChild(i);
            x = c instanceof LiteralValueContext v ? new Expr.CompositeLit(x.pos(), x, literalValue(v))
                    : suffix(x, (ParserRuleContext) c);
        }
        for (int i = first - 1; i >= 0; i--) {
            x = applyUnary(((UnaryOpContext) ctx.getChild(i)).getStart(), x);
        }
        return x;
    }

    private Expr applyUnary(Token op, Expr x) {
        Pos at = pos(op);
        return switch (op.getType()) {
            case GoLexer.STAR -> new Expr.StarExpr(at, valueOrType(x));
            case GoLexer.RECEIVE -> x instanceof Expr.ChanType ch ? receiveOnly(at, ch) : new Expr.UnaryExpr(at, "<-", value(x));
            default -> new Expr.UnaryExpr(at, op.getText().intern(), value(x));
        };
    }

    /**
     * {@code <-} before a channel type makes it receive-only, moving along a chain of send-only
     * types as go/parser re-associates it: {@code <-chan <-chan int} arrives as
     * {@code <-} applied to {@code chan<- chan int}.
     */
    private Expr.ChanType receiveOnly(Pos arrow, Expr.ChanType ch) {
        return switch (ch.dir()) {
            case BOTH -> new Expr.ChanType(arrow, Expr.ChanDir.RECV, ch.value());
            case SEND -> {
                if (!(ch.value() instanceof Expr.ChanType inner)) {
                    reject(arrow, "expected channel type");
                    yield new Expr.ChanType(arrow, Expr.ChanDir.RECV, ch.value());
                }
                yield new Expr.ChanType(arrow, Expr.ChanDir.RECV, receiveOnly(inner.pos(), inner));
            }
            case RECV -> {
                reject(ch.pos(), "expected 'chan'");
                yield ch;
            }
        };
    }

    private Expr suffix(Expr x, ParserRuleContext ctx) {
        ParseTree c = ctx.getChild(0);
        if (c instanceof TerminalNode) {
            ParseTree second = ctx.getChild(1);
            if (second instanceof TerminalNode id && id.getSymbol().getType() == GoLexer.IDENTIFIER) {
                return new Expr.SelectorExpr(x.pos(), valueOrType(x), ident(id));
            }
            ParseTree inner = ctx.getChild(2);
            Expr type = inner instanceof Type_Context t ? type(t) : null;
            return new Expr.TypeAssertExpr(x.pos(), value(x), type);
        }
        if (c instanceof ArgumentsContext a) {
            List<Expr> args = new ArrayList<>();
            for (ExpressionContext e : a.expression()) {
                args.add(valueOrType(expression(e)));
            }
            return new Expr.CallExpr(x.pos(), valueOrType(x), List.copyOf(args), a.ELLIPSIS() != null);
        }
        if (c instanceof IndexContext ix) {
            return index(value(x), ix);
        }
        return new Expr.CompositeLit(x.pos(), literalType(x, ((LiteralValueContext) c).getStart()),
                literalValue((LiteralValueContext) c));
    }

    /**
     * What may stand before a literal's {@code {}}: a type name, possibly instantiated, or an
     * array, slice, struct or map type, never in parentheses.
     */
    private Expr literalType(Expr x, Token lbrace) {
        Expr t = unparen(x);
        if (!(t instanceof Expr.Ident || t instanceof Expr.SelectorExpr || t instanceof Expr.IndexExpr
                || t instanceof Expr.IndexListExpr || t instanceof Expr.ArrayType || t instanceof Expr.StructType
                || t instanceof Expr.MapType || t instanceof Expr.BadExpr)) {
            problems.add(error(lbrace, "unexpected {"));
        } else if (t != x) {
            reject(t.pos(), "cannot parenthesize type in composite literal");
        }
        return x;
    }

    private Expr index(Expr x, IndexContext ctx) {
        if (ctx.COLON().isEmpty()) {
            List<ExpressionContext> es = ctx.expression();
            if (es.size() == 1) {
                return new Expr.IndexExpr(x.pos(), x, valueOrType(expression(es.get(0))));
            }
            List<Expr> indices = new ArrayList<>();
            for (ExpressionContext e : es) {
                indices.add(valueOrType(expression(e)));
            }
            return new Expr.IndexListExpr(x.pos(), x, List.copyOf(indices));
        }
        Expr[] parts = new Expr[3];
        int slot = 0;
        for (ParseTree c : ctx.children) {
            if (c instanceof ExpressionContext e) {
                parts[slot] = slot == 0 ? valueOrType(expression(e)) : value(expression(e));
            } else if (c instanceof TerminalNode t && t.getSymbol().getType() == GoLexer.COLON) {
                slot++;
            }
        }
        return new Expr.SliceExpr(x.pos(), x, parts[0], parts[1], parts[2], slot == 2);
    }

    private Expr operand(OperandContext ctx) {
        Token start = ctx.getStart();
        switch (start.getType()) {
            case GoLexer.IDENTIFIER:
                return new Expr.Ident(pos(start), name(start));
            case GoLexer.L_PAREN:
                return new Expr.ParenExpr(pos(start), valueOrType(expression(ctx.expression())));
            case GoLexer.INTERFACE:
                return interfaceType(ctx.interfaceType());
            case GoLexer.CHAN:
                return new Expr.ChanType(pos(start), ctx.RECEIVE() == null ? Expr.ChanDir.BOTH : Expr.ChanDir.SEND,
                        type(ctx.type_()));
            default:
                return literal(start);
        }
    }

    private Expr compositeType(CompositeTypeContext ctx) {
        Token start = ctx.getStart();
        return switch (start.getType()) {
            case GoLexer.L_BRACKET -> arrayType(start, ctx.expression(), ctx.ELLIPSIS(), ctx.type_(0));
            case GoLexer.MAP -> new Expr.MapType(pos(start), type(ctx.type_(0)), type(ctx.type_(1)));
            default -> structType(ctx.structType());
        };
    }

    private List<Expr> literalValue(LiteralValueContext ctx) {
        List<Expr> elts = new ArrayList<>();
        for (KeyedElementContext k : ctx.keyedElement()) {
            Expr first = element(k.getChild(0));
            elts.add(k.COLON() == null ? first : new Expr.KeyValueExpr(first.pos(), first, element(k.getChild(2))));
        }
        return List.copyOf(elts);
    }

    /** An element of a composite literal: an expression, or a literal value whose type is elided. */
    private Expr element(ParseTree c) {
        if (c instanceof LiteralValueContext v) {
            return new Expr.CompositeLit(pos(v), null, literalValue(v));
        }
        return value(expression((ExpressionContext) c));
    }

    private Expr.BasicLit literal(Token t) {
        Expr.LitKind kind = switch (t.getType()) {
            case GoLexer.INT_LIT -> Expr.LitKind.INT;
            case GoLexer.FLOAT_LIT -> Expr.LitKind.FLOAT;
            case GoLexer.IMAGINARY_LIT -> Expr.LitKind.IMAG;
            case GoLexer.RUNE_LIT -> Expr.LitKind.CHAR;
            default -> Expr.LitKind.STRING;
        };
        if (t.getType() == GoLexer.RUNE_LIT || t.getType() == GoLexer.INTERPRETED_STRING_LIT) {
            checkEscapes(t);
        }
        return new Expr.BasicLit(pos(t), kind, literalText(t));
    }

    /**
     * What the lexer's escape rule cannot say: a backslash-quote escape only in runes, a
     * backslash-double-quote only in strings, and the 4- and 8-digit Unicode escapes must name
     * a valid code point (not a surrogate half).
     */
    private void checkEscapes(Token t) {
        String text = t.getText();
        boolean rune = t.getType() == GoLexer.RUNE_LIT;
        for (int i = 1; i < text.length() - 1; i++) {
            if (text.charAt(i) != '\\') {
                continue;
            }
            char c = text.charAt(i + 1);
            String problem = null;
            if (c == '\'' && !rune || c == '"' && rune) {
                problem = "unknown escape sequence";
            } else if (c == 'u' || c == 'U') {
                int len = c == 'u' ? 4 : 8;
                long cp = Long.parseLong(text.substring(i + 2, i + 2 + len), 16);
                if (cp > Character.MAX_CODE_POINT || cp >= 0xD800 && cp <= 0xDFFF) {
                    problem = "escape sequence is invalid Unicode code point";
                }
            }
            if (problem != null) {
                problems.add(new SyntaxError(file, t.getLine(), t.getCharPositionInLine() + 2 + i, problem));
                return;
            }
            i++;
        }
    }

    private Expr.BasicLit stringLit(String_Context ctx) {
        return literal(ctx.getStart());
    }

    // ------------------------------------------------------------------------------------

    private Expr.Ident ident(TerminalNode node) {
        Token t = node.getSymbol();
        return new Expr.Ident(pos(t), name(t));
    }

    /**
     * Names repeat across a tree (a large provider has a million identifiers and a few
     * thousand names): one String each, held by the JVM's string table, halves the model's
     * strings. Short literals ("name", import paths) repeat too; long ones rarely do.
     */
    private static String name(Token t) {
        return t.getText().intern();
    }

    private static String literalText(Token t) {
        String text = t.getText();
        return text.length() <= MAX_INTERNED_LITERAL ? text.intern() : text;
    }

    private static final int MAX_INTERNED_LITERAL = 100;

    private Pos pos(ParserRuleContext ctx) {
        return pos(ctx.getStart());
    }

    private Pos pos(Token t) {
        return new Pos(file, t.getLine(), t.getCharPositionInLine() + 1);
    }

    private void reject(Pos at, String message) {
        problems.add(new SyntaxError(file, at.line(), at.column(), message));
    }

    private SyntaxError error(Token at, String message) {
        return new SyntaxError(file, at.getLine(), at.getCharPositionInLine() + 1, message);
    }
}
