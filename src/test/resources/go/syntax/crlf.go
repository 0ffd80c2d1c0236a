// Purpose: CRLF line endings everywhere, including inside a multi-line raw string and a multi-line raw struct tag (go/scanner drops the CRs from raw literal values) and a multi-line block comment that forces a semicolon.
package syntax

import (
	"fmt"
)

type Windows struct {
	Path string `path:"C:\\dir"`
	Note string `first:"line"
second:"line"`
}

const rawCRLF = `line one
line two`

func crlf() {
	a := 1 /* a block comment
	spanning CRLF lines */ b := 2
	fmt.Println(a, b) // trailing comment before CRLF
	if a < b {
		a++
	} else {
		b--
	}
}
