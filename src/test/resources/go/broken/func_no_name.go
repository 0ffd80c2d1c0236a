// Broken: a top-level func declaration without a name.
package broken

func (x int) {
}

func ok() {}
