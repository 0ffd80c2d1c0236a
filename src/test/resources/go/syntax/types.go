// Purpose: type declarations: defined, alias, grouped; structs with embedded, pointer-embedded, qualified and generic embedded fields, blank fields, tags (raw, interpreted, multi-line raw); anonymous structs; arrays of arrays, slices, maps, channels, func types, pointers.
package syntax

import (
	"io"
	"sync"
	"sync/atomic"
)

type Celsius float64
type Alias = Celsius
type PtrAlias = *Celsius
type (
	Point      struct{ X, Y int }
	Grid       [3][3]Point
	Cube       [2][2][2]byte
	Names      []string
	Matrix     [][]float64
	Lookup     map[string][]func(int) error
	Nested     map[string]map[int][]*Point
	Handler    func(w io.Writer, r *Point) (n int, err error)
	Curried    func(int) func(int) func(int) int
	Empty      struct{}
	EmptyIface interface{}
	IntAlias   = int
)

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Embeds struct {
	Point                          // embedded
	*Celsius                       // pointer-embedded
	io.Reader                      // qualified embedded
	*sync.Mutex                    // pointer to qualified embedded
	List[int]                      // generic embedded
	*Pair[string, int]             // pointer to generic embedded, two type args
	atomic.Pointer[Point]          // qualified generic embedded
	io.Closer `embedded:"closer"`  // tagged embedded field
	_       int                    // blank field
	_       [0]func()              // blank non-comparable marker
	a, b, c int `json:"abc"`
	Name    string `json:"name,omitempty" xml:"name"`
	Quoted  string "json:\"quoted\" db:\"q\""
	Escapes string "tab\there \u00e9 \x41"
	Blank   string ``
	Multi   string `multi:"line"
second:"part"`
	Fn   func(int) bool `fn:"-"`
	Anon struct {
		Inner int `inner:"1"`
		Deeper struct{ D int "d" }
	}
	Ch chan<- int
}

type Channels struct {
	c1  chan int
	c2  chan<- int
	c3  <-chan int
	c4  chan (<-chan int)
	c5  chan<- chan int
	c6  chan<- <-chan int
	c7  <-chan <-chan int
	c8  chan<- chan<- int
	c9  chan []chan struct{}
	c10 chan func() <-chan int
	c11 [](chan int)
}

var anonStruct struct {
	X int `x:"1"`
	Y struct{ Z []map[string]*int }
}

var anonLit = struct {
	A int
	B string
}{1, "b"}

type Ptrs struct {
	p  *int
	pp **int
	ps *[]*string
	pa *[4]*[4]int
	pf *func()
	pm *map[string]*Point
	pt *(int)
}

type Funcs struct {
	f0 func()
	f1 func(int)
	f2 func(int, string) error
	f3 func(a, b int, c string) (x int, err error)
	f4 func(...int)
	f5 func(prefix string, rest ...interface{}) (int)
	f6 func(func(int) int) func() int
	f7 func(int, ...func()) (func(), error)
	f8 func() (func())
}

type Recursive struct {
	children []*Recursive
	parent   *Recursive
	byName   map[string]Recursive
}

const N = 4

type Arrays struct {
	a1 [10]int
	a2 [len("abc")]byte
	a3 [1 << 3]bool
	a4 [N * 2][N]rune
	a5 [N]struct{ x int }
	a6 [2][2][2][2]int
	a7 [N]func() [N]int
}

type Maps struct {
	m1 map[string]int
	m2 map[Point][]Point
	m3 map[[2]int]map[string][]func(int) (bool, error)
	m4 map[interface{}]struct{}
	m5 map[*Point]chan<- []string
}
