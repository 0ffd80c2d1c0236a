// Purpose: function and method declarations: unnamed, grouped and variadic parameters, none/single/multiple/named results, func types as parameters and results, value and pointer receivers (named, unnamed, blank, parenthesised), bodiless declarations, func literals.
package syntax

import "errors"

func noArgs()                       {}
func oneArg(x int)                  {}
func unnamed(int, string, []byte)   {}
func grouped(a, b int, c, d string, e float64) {}
func variadic(xs ...int) int        { return len(xs) }
func variadicUnnamed(string, ...interface{}) {}
func mixed(format string, args ...any) (n int, err error) { return }
func single() int                   { return 1 }
func singleParen() (int)            { return 1 }
func multi() (int, string, error)   { return 0, "", nil }
func named() (x, y int, err error)  { x, y = 1, 2; return }
func namedBlank() (_ int, _ error)  { return 0, nil }
func funcParam(f func(int) int, g func(int, int) (int, error)) {}
func funcResult() func(int) int     { return func(x int) int { return x } }
func funcResults() (func(), func() error) { return nil, nil }
func namedFuncParam(cb func(x int) (y int)) {}
func variadicFuncs(fs ...func(...int) int) {}

func curry(a int) func(int) func(int) int {
	return func(b int) func(int) int {
		return func(c int) int { return a + b + c }
	}
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return f(g(x)) }
}

func chanParams(in <-chan int, out chan<- int, both chan int) {}
func ptrs(p *int, pp **int, ps []*string) *[]*int          { return nil }
func arrays(a [4]int, m [2][2]float32) [3]string            { return [3]string{} }
func maps(m map[string][]func(int) error) map[int]map[int]bool { return nil }
func structParam(s struct{ A, B int }) struct{}           { return struct{}{} }
func ifaceParam(i interface{ M() }) interface{}            { return i }
func parenParam(a (int), b (*int)) ([]int)                 { return nil }

func trailingComma(
	a int,
	b string,
) (
	c int,
	err error,
) {
	return
}

func externalBody(x int) int // implemented elsewhere: no body

func _()    {}
func _(int) {}
func init() {}
func init() { _ = errors.New }

type Counter struct{ n int }

func (c Counter) Value() int       { return c.n }
func (c *Counter) Inc()            { c.n++ }
func (Counter) NoName()            {}
func (*Counter) NoNamePtr()        {}
func (_ Counter) Blank()           {}
func (c (Counter)) Paren()         {}
func (c *(Counter)) StarParen()    {}
func (c (*Counter)) ParenStar()    {}
func (c *Counter,) TrailingComma() {}
func (c *Counter) Add(deltas ...int) (total int) {
	for _, d := range deltas {
		c.n += d
	}
	return c.n
}
func (c Counter) Bodiless(int) bool

type Handler func(int) error

func (h Handler) Serve(x int) error { return h(x) }

var (
	lit1 = func() {}
	lit2 = func(a, b int) (int, error) { return a + b, nil }
	lit3 = func(xs ...string) {}
	lit4 = func(int, string) (bool) { return true }
	res  = func(x int) int { return x * 2 }(21)
	nest = func() func() { return func() {} }
)
