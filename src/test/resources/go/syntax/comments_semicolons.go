// Purpose: comments in awkward places, multi-line block comments that force semicolon insertion, //line and //go: directives, explicit semicolons on one line, and a final line comment with no trailing newline.
/* block */ package /* between */ syntax /* after */ // line

import /* c */ "fmt" /* c */ // c

/**/
/***/
/* /* block comments do not nest */
/* // a line comment inside a block comment */
// /* a block comment start inside a line comment
/*
 * doc-style
 */

type /* c */ T /* c */ struct /* c */ { /* c */
	A /* c */ int /* c */ `tag:"x"` /* c */ // c
	B, /* c */ C int
	D int /* a multi-line comment after a field
	ends the field declaration */
} /* c */

//go:noinline
func /* c */ f /* c */ ( /* c */ a /* c */ int /* c */ , b int /* c */ ) /* c */ ( /* c */ int /* c */ ) /* c */ {
	x := 1 /* this comment spans
	lines, so it acts like a newline: a semicolon is inserted after 1 */ y := 2
	_ = x /* single-line block comment: no semicolon */ + y
	z := x + // a line comment after a binary operator: no semicolon
		y
	_ = z
	fmt./* between dot and name */Println( /* empty */ )
	fmt.Println() /*
	*/
	if /* c */ a > 0 /* c */ { /* c */ } /* c */ else /* c */ { /* c */ }
	return a + /* c */ b /* c */
}

func g() {
	return /* a multi-line comment after return
	ends the statement */
}

func h(x int) int {
	x++ /* after ++
	*/
	x-- // after --
	return x /**/ }

var list = []int{
	1, // one
	2, /* two */
	3 /* three */,
	/* four */ 4,
}

//line renamed.go:100
type Directive struct {
	Tagged int `line:"directive above shifts reported positions"`
}

/*line other.go:1:1*/ var afterBlockDirective = 1

func semis() { a := 1; b := 2; a, b = b, a; _ = a; _ = b; return }; var _ = 1; type U int;
const ( c1 = 1; c2 ); var ( v1 int; v2 = 2 )
func loop() { for i := 0; i < 3; i++ { if i == 1 { continue }; _ = i }; }
type S struct { a int; b string; c, d bool }; type I interface { M(); N() int }
func oneLiner() (int, error) { return 0, nil }

// the file ends with this line comment and no newline