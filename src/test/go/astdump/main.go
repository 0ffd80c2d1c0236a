// Command astdump is the go/parser reference side of tfaudit's differential
// parser test. It reads file paths (one per line) from stdin, parses each with
// go/parser (ParseComments|SkipObjectResolution) and writes a line-oriented
// summary to stdout. Every line ends with "\n"; fields are separated by one
// space. Per input path, in this order:
//
//	file <path>                       path exactly as given (a trailing \r is dropped, empty lines skipped)
//	error <line>:<col>                only if parsing failed: position of the first
//	                                  error of the (position-sorted) scanner.ErrorList;
//	                                  nothing else follows for that file. A file that
//	                                  cannot be read gives "error 0:0". (Without
//	                                  AllErrors go/parser keeps only the first error
//	                                  *reported* on each line before sorting, and an
//	                                  error at EOF after a final newline is placed on
//	                                  the last line, one column past its '\n'.)
//	package <name>
//	import <path> [<alias>]           per import spec, source order; path unquoted;
//	                                  alias (may be _ or .) only if present
//	decl <i> func <name>              per top-level decl, i = 0-based index among ALL
//	decl <i> method <recv> <name>     top-level decls (import decls included)
//	decl <i> type|var|const <name>    one line per declared name of a GenDecl spec
//	                                  (import GenDecls give no decl line)
//	kinds <i>[ Kind=n]...             after each decl's decl lines (imports too): counts
//	                                  of the node kinds listed in countedKinds found by
//	                                  ast.Inspect over the whole decl, n>0 only,
//	                                  sorted by kind name (ASCII)
//	shape <i> <hash>                  after each kinds line: FNV-1a 64 (hex) of the
//	                                  pre-order walk of the counted nodes of the decl,
//	                                  each as "Kind:detail@depth;" where depth counts
//	                                  counted ancestors and detail is the operator of
//	                                  Binary/UnaryExpr, the token of Assign/IncDec/
//	                                  BranchStmt, the Value of BasicLit, the Sel name of
//	                                  SelectorExpr, the Dir (1 send, 2 recv, 3 both) of
//	                                  ChanType, else empty. It catches a wrong tree
//	                                  shape (precedence, nesting) that counts miss.
//	tag <line> <literal>              per tagged struct field in the file, ast.Inspect
//	tagq <line> <quoted>              order; literal is the source text incl. quotes.
//	                                  If it contains \n or \r, tagq with
//	                                  strconv.Quote(source text) is used instead.
//
// <recv> is the receiver type rendered as: Ident -> name, StarExpr -> "*"X,
// ParenExpr -> "("X")", IndexExpr -> X"["I"]", IndexListExpr -> X"["I, J"]",
// SelectorExpr -> X"."Sel, anything else (or no receiver field) -> "?".
// Lines and columns are physical (//line directives are ignored); columns are
// 1-based byte offsets in the line (go/token semantics: a tab is 1 column, a
// leading UTF-8 BOM counts as 3 bytes on line 1).
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"hash/fnv"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// countedKinds are the AST node kinds reported on "kinds" lines.
var countedKinds = []string{
	"BasicLit", "CompositeLit", "FuncLit", "ParenExpr", "SelectorExpr", "IndexExpr",
	"IndexListExpr", "SliceExpr", "TypeAssertExpr", "CallExpr", "StarExpr", "UnaryExpr",
	"BinaryExpr", "KeyValueExpr", "Ellipsis", "ArrayType", "StructType", "FuncType",
	"InterfaceType", "MapType", "ChanType", "DeclStmt", "LabeledStmt", "ExprStmt",
	"SendStmt", "IncDecStmt", "AssignStmt", "GoStmt", "DeferStmt", "ReturnStmt",
	"BranchStmt", "IfStmt", "CaseClause", "SwitchStmt", "TypeSwitchStmt", "CommClause",
	"SelectStmt", "ForStmt", "RangeStmt",
}

// sortedKinds is countedKinds in ASCII order; a kind's slot is its index here.
var sortedKinds = func() []string {
	s := append([]string(nil), countedKinds...)
	sort.Strings(s)
	return s
}()

func slot(name string) int {
	i := sort.SearchStrings(sortedKinds, name)
	if i < len(sortedKinds) && sortedKinds[i] == name {
		return i
	}
	panic("unknown kind " + name)
}

var (
	kBasicLit       = slot("BasicLit")
	kCompositeLit   = slot("CompositeLit")
	kFuncLit        = slot("FuncLit")
	kParenExpr      = slot("ParenExpr")
	kSelectorExpr   = slot("SelectorExpr")
	kIndexExpr      = slot("IndexExpr")
	kIndexListExpr  = slot("IndexListExpr")
	kSliceExpr      = slot("SliceExpr")
	kTypeAssertExpr = slot("TypeAssertExpr")
	kCallExpr       = slot("CallExpr")
	kStarExpr       = slot("StarExpr")
	kUnaryExpr      = slot("UnaryExpr")
	kBinaryExpr     = slot("BinaryExpr")
	kKeyValueExpr   = slot("KeyValueExpr")
	kEllipsis       = slot("Ellipsis")
	kArrayType      = slot("ArrayType")
	kStructType     = slot("StructType")
	kFuncType       = slot("FuncType")
	kInterfaceType  = slot("InterfaceType")
	kMapType        = slot("MapType")
	kChanType       = slot("ChanType")
	kDeclStmt       = slot("DeclStmt")
	kLabeledStmt    = slot("LabeledStmt")
	kExprStmt       = slot("ExprStmt")
	kSendStmt       = slot("SendStmt")
	kIncDecStmt     = slot("IncDecStmt")
	kAssignStmt     = slot("AssignStmt")
	kGoStmt         = slot("GoStmt")
	kDeferStmt      = slot("DeferStmt")
	kReturnStmt     = slot("ReturnStmt")
	kBranchStmt     = slot("BranchStmt")
	kIfStmt         = slot("IfStmt")
	kCaseClause     = slot("CaseClause")
	kSwitchStmt     = slot("SwitchStmt")
	kTypeSwitchStmt = slot("TypeSwitchStmt")
	kCommClause     = slot("CommClause")
	kSelectStmt     = slot("SelectStmt")
	kForStmt        = slot("ForStmt")
	kRangeStmt      = slot("RangeStmt")
)

func kindOf(n ast.Node) int {
	switch n.(type) {
	case *ast.BasicLit:
		return kBasicLit
	case *ast.CompositeLit:
		return kCompositeLit
	case *ast.FuncLit:
		return kFuncLit
	case *ast.ParenExpr:
		return kParenExpr
	case *ast.SelectorExpr:
		return kSelectorExpr
	case *ast.IndexExpr:
		return kIndexExpr
	case *ast.IndexListExpr:
		return kIndexListExpr
	case *ast.SliceExpr:
		return kSliceExpr
	case *ast.TypeAssertExpr:
		return kTypeAssertExpr
	case *ast.CallExpr:
		return kCallExpr
	case *ast.StarExpr:
		return kStarExpr
	case *ast.UnaryExpr:
		return kUnaryExpr
	case *ast.BinaryExpr:
		return kBinaryExpr
	case *ast.KeyValueExpr:
		return kKeyValueExpr
	case *ast.Ellipsis:
		return kEllipsis
	case *ast.ArrayType:
		return kArrayType
	case *ast.StructType:
		return kStructType
	case *ast.FuncType:
		return kFuncType
	case *ast.InterfaceType:
		return kInterfaceType
	case *ast.MapType:
		return kMapType
	case *ast.ChanType:
		return kChanType
	case *ast.DeclStmt:
		return kDeclStmt
	case *ast.LabeledStmt:
		return kLabeledStmt
	case *ast.ExprStmt:
		return kExprStmt
	case *ast.SendStmt:
		return kSendStmt
	case *ast.IncDecStmt:
		return kIncDecStmt
	case *ast.AssignStmt:
		return kAssignStmt
	case *ast.GoStmt:
		return kGoStmt
	case *ast.DeferStmt:
		return kDeferStmt
	case *ast.ReturnStmt:
		return kReturnStmt
	case *ast.BranchStmt:
		return kBranchStmt
	case *ast.IfStmt:
		return kIfStmt
	case *ast.CaseClause:
		return kCaseClause
	case *ast.SwitchStmt:
		return kSwitchStmt
	case *ast.TypeSwitchStmt:
		return kTypeSwitchStmt
	case *ast.CommClause:
		return kCommClause
	case *ast.SelectStmt:
		return kSelectStmt
	case *ast.ForStmt:
		return kForStmt
	case *ast.RangeStmt:
		return kRangeStmt
	}
	return -1
}

// recvString renders a receiver type expression with the small printer
// described in the package comment.
func recvString(sb *strings.Builder, e ast.Expr) {
	switch x := e.(type) {
	case *ast.Ident:
		sb.WriteString(x.Name)
	case *ast.StarExpr:
		sb.WriteByte('*')
		recvString(sb, x.X)
	case *ast.ParenExpr:
		sb.WriteByte('(')
		recvString(sb, x.X)
		sb.WriteByte(')')
	case *ast.IndexExpr:
		recvString(sb, x.X)
		sb.WriteByte('[')
		recvString(sb, x.Index)
		sb.WriteByte(']')
	case *ast.IndexListExpr:
		recvString(sb, x.X)
		sb.WriteByte('[')
		for i, ix := range x.Indices {
			if i > 0 {
				sb.WriteString(", ")
			}
			recvString(sb, ix)
		}
		sb.WriteByte(']')
	case *ast.SelectorExpr:
		recvString(sb, x.X)
		sb.WriteByte('.')
		sb.WriteString(x.Sel.Name)
	default:
		sb.WriteByte('?')
	}
}

// tagSource returns the tag literal exactly as written in src. go/scanner
// drops '\r' from raw string literals, so BasicLit.Value is not always the
// source text; raw literals are therefore re-sliced from the source.
func tagSource(fset *token.FileSet, src []byte, lit *ast.BasicLit) string {
	v := lit.Value
	if len(v) == 0 || v[0] != '`' {
		return v
	}
	off := fset.Position(lit.ValuePos).Offset
	if off < 0 || off >= len(src) || src[off] != '`' {
		return v
	}
	end := bytes.IndexByte(src[off+1:], '`')
	if end < 0 {
		return v
	}
	return string(src[off : off+1+end+1])
}

// shapeHash hashes the pre-order walk of the counted nodes of n (see the
// package comment).
func shapeHash(n ast.Node) uint64 {
	h := fnv.New64a()
	var stack []bool
	depth := 0
	ast.Inspect(n, func(n ast.Node) bool {
		if n == nil {
			if stack[len(stack)-1] {
				depth--
			}
			stack = stack[:len(stack)-1]
			return true
		}
		k := kindOf(n)
		stack = append(stack, k >= 0)
		if k < 0 {
			return true
		}
		detail := ""
		switch x := n.(type) {
		case *ast.BinaryExpr:
			detail = x.Op.String()
		case *ast.UnaryExpr:
			detail = x.Op.String()
		case *ast.AssignStmt:
			detail = x.Tok.String()
		case *ast.IncDecStmt:
			detail = x.Tok.String()
		case *ast.BranchStmt:
			detail = x.Tok.String()
		case *ast.BasicLit:
			detail = x.Value
		case *ast.SelectorExpr:
			detail = x.Sel.Name
		case *ast.ChanType:
			detail = strconv.Itoa(int(x.Dir))
		}
		fmt.Fprintf(h, "%s:%s@%d;", sortedKinds[k], detail, depth)
		depth++
		return true
	})
	return h.Sum64()
}

func dump(path string) []byte {
	var out bytes.Buffer
	out.WriteString("file ")
	out.WriteString(path)
	out.WriteByte('\n')

	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "astdump: %v\n", err)
		out.WriteString("error 0:0\n")
		return out.Bytes()
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		line, col := 0, 0
		if el, ok := err.(scanner.ErrorList); ok && len(el) > 0 {
			line, col = el[0].Pos.Line, el[0].Pos.Column
			// Report the physical position (ignoring //line directives) as
			// go/token computes it; note that go/token never records a line
			// starting at EOF, so an error at EOF after a final newline is
			// reported on the last line, one column past its '\n'.
			fset.Iterate(func(tf *token.File) bool {
				if off := el[0].Pos.Offset; off >= 0 && off <= tf.Size() {
					p := tf.PositionFor(tf.Pos(off), false)
					line, col = p.Line, p.Column
				}
				return false
			})
		} else {
			fmt.Fprintf(os.Stderr, "astdump: %s: %v\n", path, err)
		}
		fmt.Fprintf(&out, "error %d:%d\n", line, col)
		return out.Bytes()
	}

	out.WriteString("package ")
	out.WriteString(f.Name.Name)
	out.WriteByte('\n')

	for _, imp := range f.Imports {
		p, uerr := strconv.Unquote(imp.Path.Value)
		if uerr != nil {
			p = imp.Path.Value
		}
		out.WriteString("import ")
		out.WriteString(p)
		if imp.Name != nil {
			out.WriteByte(' ')
			out.WriteString(imp.Name.Name)
		}
		out.WriteByte('\n')
	}

	var counts [64]int
	for i, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				fmt.Fprintf(&out, "decl %d func %s\n", i, d.Name.Name)
			} else {
				var sb strings.Builder
				if len(d.Recv.List) > 0 {
					recvString(&sb, d.Recv.List[0].Type)
				} else {
					sb.WriteByte('?')
				}
				fmt.Fprintf(&out, "decl %d method %s %s\n", i, sb.String(), d.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					fmt.Fprintf(&out, "decl %d type %s\n", i, s.Name.Name)
				case *ast.ValueSpec:
					kw := "var"
					if d.Tok == token.CONST {
						kw = "const"
					}
					for _, n := range s.Names {
						fmt.Fprintf(&out, "decl %d %s %s\n", i, kw, n.Name)
					}
				}
			}
		}
		for k := range counts {
			counts[k] = 0
		}
		ast.Inspect(d, func(n ast.Node) bool {
			if n != nil {
				if k := kindOf(n); k >= 0 {
					counts[k]++
				}
			}
			return true
		})
		fmt.Fprintf(&out, "kinds %d", i)
		for k, name := range sortedKinds {
			if counts[k] > 0 {
				fmt.Fprintf(&out, " %s=%d", name, counts[k])
			}
		}
		out.WriteByte('\n')
		fmt.Fprintf(&out, "shape %d %016x\n", i, shapeHash(d))
	}

	ast.Inspect(f, func(n ast.Node) bool {
		fld, ok := n.(*ast.Field)
		if !ok || fld.Tag == nil {
			return true
		}
		line := fset.PositionFor(fld.Tag.ValuePos, false).Line // physical line, //line directives ignored
		text := tagSource(fset, src, fld.Tag)
		if strings.ContainsAny(text, "\n\r") {
			fmt.Fprintf(&out, "tagq %d %s\n", line, strconv.Quote(text))
		} else {
			fmt.Fprintf(&out, "tag %d %s\n", line, text)
		}
		return true
	})
	return out.Bytes()
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var paths []string
	for in.Scan() {
		p := strings.TrimSuffix(in.Text(), "\r")
		if p != "" {
			paths = append(paths, p)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintf(os.Stderr, "astdump: reading stdin: %v\n", err)
		os.Exit(2)
	}

	// Parse in parallel, print in input order.
	results := make([][]byte, len(paths))
	workers := runtime.NumCPU()
	if workers > len(paths) {
		workers = len(paths)
	}
	var wg sync.WaitGroup
	next := make(chan int, len(paths))
	for i := range paths {
		next <- i
	}
	close(next)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = dump(paths[i])
			}
		}()
	}
	wg.Wait()

	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	for _, r := range results {
		w.Write(r)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(os.Stderr, "astdump: writing output: %v\n", err)
		os.Exit(1)
	}
}
