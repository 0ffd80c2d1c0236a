// Broken: a stray ')' after a complete expression.
package broken

func f() int {
	x := (1 + 2))
	return x
}
