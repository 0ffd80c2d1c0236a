// Purpose: a type declaration's `[` that starts an array length, not a type parameter list, although the first tokens read as both; and channel types after `<-` in expression position. Not gofmt-formatted on purpose: the spacing is what is tested.
package syntax

const N, M = 2, 3

type (
	B1 [N * M]int
	B2 [N*M]byte
	B3 [N * (M)]byte
	B4 [N * 2]int
	B5 [N*M*2]byte
	B6 [Len(M)]int
	B7 [N*M | 1]int
)

type (
	G1[P *[]int] struct{ p P }
	G2[P *K,] struct{}
	G3[P *int | ~string] []P
	G4[P ([]int)] struct{}
	G5[P any] [N * M]P
)

type (
	K   = int
	Len = int
)

var (
	c1 = (<-chan <-chan int)(nil)
	c2 = (<-chan chan<- int)(nil)
	c3 = (chan<- <-chan int)(nil)
	c4 = (<-chan int)(nil)
)

func receive(ch chan chan int) int {
	return <-<-ch
}
