// Broken: a raw string literal is never terminated.
package broken

var ok = "fine"

var raw = `abc
def
