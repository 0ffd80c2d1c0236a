// Broken: a multi-line composite literal without a comma after its last element.
package broken

var xs = []int{
	1,
	2
}
