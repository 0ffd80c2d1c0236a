// Broken: a non-UTF-8 byte (0xFF) in the middle of an identifier.
package broken

var abÿcd = 1
