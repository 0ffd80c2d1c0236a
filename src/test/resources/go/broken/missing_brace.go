// Broken: the body of f is never closed (missing '}' at end of file).
package broken

func f() {
	if true {
		_ = 1
	}
