// Purpose: const and var declarations: iota, implicit repetition, typed and untyped constants, single and grouped forms, multi-name specs, blank names, local declarations.
package syntax

const Pi = 3.14159
const Typed float64 = 2.5
const a, b, c = 1, "two", 3.0
const x, y int = 1, 2

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const (
	Sunday = iota
	Monday
	_
	Wednesday
	Thursday, Friday = iota, iota * 10
	Saturday, Extra
)

type Weekday int

const (
	W0 Weekday = iota
	W1
	W2 // implicit repetition of a typed expression
	skipped = "x"
	again
	bit0, mask0 = 1 << iota, 1<<iota - 1
	bit1, mask1
	_, _
	bit3, mask3
)

const (
	big     = 1 << 100
	small   = big >> 99
	char    = 'a' + 1
	concat  = "con" + "cat"
	boolean = 1 < 2 && !false
	cplx    = 1 + 2i
	typedS  string = "s"
	typedR  rune = 'r'
	typedC complex128 = 1 + 2i
	length  = len("abc")
)

const ()

var v1 int
var v2 = 1
var v3, v4 int = 1, 2
var v5, v6 = "s", 2.0
var v7, v8 = pair()
var _ = v1
var _, _ = v7, v8

var (
	g1     int
	g2     = "two"
	g3, g4 float64
	g5, g6 = 1, true
	_      = g5
	p      *int = nil
	fn     func(int) (int, error)
	ch     <-chan struct{}
	anon   struct {
		A, B int
		c    string
	}
	arr [2][3]int
	sl  = []string{"a"}
	m   = map[string]int{}
)

var ()

func pair() (int, string) { return 1, "one" }

func locals() {
	const local = iota
	const (
		l0 = iota
		l1
		l2 float32 = iota * 1.5
	)
	var lv int
	var (
		lx     = 1
		ly, lz = 2, 3
	)
	type localT struct{ f int }
	type (
		lA = int
		lB []lA
	)
	_, _, _, _, _ = local, l1, lv, lx, ly+lz
	_ = localT{}
	_ = lB{}
	_ = l0 + l2
}
