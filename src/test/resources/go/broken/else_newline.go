// Broken: 'else' on its own line after '}' (semicolon insertion ends the if statement).
package broken

func f(x int) int {
	if x > 0 {
		return 1
	}
	else {
		return 0
	}
}
