// Purpose: interfaces (methods, embedding, unions with ~, comparable, any, type-only and mixed) and generics (type parameter lists, constraints, [K comparable, V any], [S ~[]E, E any], instantiation, generic receivers, the [P *C,] ambiguity).
package syntax

import (
	"fmt"
	"io"
)

type Stringer interface {
	String() string
}

type ReadWriter interface {
	io.Reader
	io.Writer
	Stringer
	Close() error
	Write2(p []byte) (n int, err error)
	Varargs(format string, args ...any)
	Callback(func(int) error) func()
}

type EmptyI interface{}

type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64
}

type Ordered interface {
	Number | ~string
}

type Bytesish interface{ ~[]byte | string }

type StringableNumber interface {
	Number
	fmt.Stringer
	comparable
}

type OnlyInt interface{ int }

type PtrTo[T any] interface{ *T }

type Mixed interface {
	~struct{ x int } | ~map[string]int | ~chan int | ~func() | [4]byte
	M()
	fmt.Stringer
}

type ParenTerms interface {
	(int) | ~(string) | *int
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprint(p.Key, p.Val) }
func (p *Pair[K, V]) Set(v V)      { p.Val = v }
func (Pair[_, _]) Name() string    { return "pair" }
func (p *Pair[A, B]) Swap() Pair[A, B] {
	return *p
}

type List[T any] struct {
	head *elem[T]
}

type elem[T any] struct {
	v    T
	next *elem[T]
}

func (l *List[T]) Push(v T) { l.head = &elem[T]{v, l.head} }

func (l *List[T]) All() []T {
	var out []T
	for e := l.head; e != nil; e = e.next {
		out = append(out, e.v)
	}
	return out
}

func (l List[_]) Empty() bool { return l.head == nil }

type Tree[T interface{ Less(T) bool }] struct {
	left, right *Tree[T]
	val         T
}

type Set[T comparable] map[T]struct{}
type Fn[In, Out any] func(In) Out
type Chan[T any] chan T
type Arr[E any] [4]E
type Multi[A any, B comparable, C ~int | ~string, D interface{ M() }] struct{}
type PtrSet[P *Pair[int, int],] []P
type PtrIface[P interface{ *int }] []P
type PStruct[P *struct{ x int }] []P
type ArrLen [N2 * 2]int
type Nested[T any] struct{ inner List[Pair[string, T]] }

const N2 = 2

func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	out := make([]R, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func Sum[T Number](xs ...T) (total T) {
	for _, x := range xs {
		total += x
	}
	return
}

func Max[T interface{ ~int | ~float64 }](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Inline[T ~int | ~string](v T) T     { return v }
func Ptr[T any, PT interface{ *T; M() }](v T) PT { return nil }
func Zero[T any]() (z T)                 { return }
func Two[A, B any](a A, b B) Pair[A, B]  { return Pair[A, B]{a, b} }
func Trailing[T any,](t T)               {}
func Chains[T fmt.Stringer, U interface{ Unwrap() T }](u U) string {
	return u.Unwrap().String()
}

func use() {
	x := Map[[]int, int, string]([]int{1}, func(i int) string { return fmt.Sprint(i) })
	y := Map([]int{1, 2}, func(i int) int { return i * 2 })
	s := Sum[int](1, 2, 3)
	s2 := Sum[float64]
	p := Pair[int, string]{1, "a"}
	p2 := Pair[string, []int]{Key: "k", Val: []int{1}}
	pp := &Pair[int, bool]{}
	var l List[int]
	l.Push(1)
	var m map[string]List[Pair[int, string]]
	z := Zero[*List[int]]()
	f := Two[int, string]
	var fn Fn[int, string] = func(i int) string { return "" }
	set := Set[string]{"a": {}}
	_ = Keys(map[string]int{"a": 1})
	_ = Max[int](1, 2)
	_ = Inline("s")
	_ = []List[int]{}
	_ = map[Pair[int, int]]List[string]{}
	_ = func(Pair[int, int]) {}
	_ = (*List[int]).Push
	_ = Pair[int, string].String
	_ = List[int]{}.Empty()
	_ = new(Tree[Item])
	_ = make(Chan[int], 1)
	_ = Arr[string]{"a", "b"}
	_ = [](List[int]){}
	_, _, _, _, _, _, _, _, _, _, _ = x, y, s, s2, p, p2, pp, m, z, f, fn
	_ = set
}

type Item struct{}

func (Item) Less(Item) bool { return false }
