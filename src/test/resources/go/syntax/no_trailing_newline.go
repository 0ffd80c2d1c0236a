// Purpose: a file that ends without a trailing newline: the last token is a string literal, so the final semicolon is inserted at EOF.
package syntax

import "strings"

func last(s string) string {
	return strings.TrimSpace(s)
}

var tail = []string{"a", "b"}

const final = "end"