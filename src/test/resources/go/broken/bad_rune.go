// Broken: a rune literal containing two characters.
package broken

var r = 'ab'

var fine = 'c'
