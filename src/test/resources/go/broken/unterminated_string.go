// Broken: an interpreted string literal is not terminated before the newline.
package broken

func f() string {
	s := "abc
	return s
}
