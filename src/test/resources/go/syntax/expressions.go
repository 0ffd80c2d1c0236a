// Purpose: every expression form: unary operators, all binary operators with mixed precedence, conversions, method values and method expressions, type assertions, index and slice expressions, composite literals (keyed, unkeyed, nested, elided, &T{}, [...]T{}, maps, struct{}{}), func literals called immediately, calls with spread arguments, parenthesised expressions and types.
package syntax

import (
	"fmt"
	"strings"
)

type T struct {
	A int
	B string
	C []int
	D map[string]int
	E *T
}

func (t T) M() int    { return t.A }
func (t *T) PM(x int) { t.A = x }

type Point struct{ X, Y int }

func expressions(a, b, c, d int, p *T, ch chan int, i interface{}, f func(), ok bool) {
	var u uint

	// unary operators
	_ = -a
	_ = +a
	_ = ^a
	_ = !ok
	_ = &a
	_ = *p
	_ = <-ch
	_ = - -a
	_ = -(-a)
	_ = ^^a
	_ = !!ok
	_ = &*p
	_ = *&a
	_ = <-(<-chan int)(ch)
	_ = &p.A
	_ = &p.C[0]
	_ = *p.E
	_ = <-<-make(chan chan int)

	// binary operators and precedence mixtures
	_ = ok || ok && !ok
	_ = a == b || a != b && a < b || a <= b && a > b || a >= b
	_ = a + b - c | d ^ a
	_ = a * b / c % d << u >> u & a &^ b
	_ = a + b*c - d/a%b<<1 | c&^d ^ a&b
	_ = (a + b) * (c - d)
	_ = a<<u + b>>u*c
	_ = -a * -b
	_ = a - -b
	_ = a+ +b
	_ = a &^ ^b
	_ = a & ^b
	_ = 1 + 2 * 3 == 7 && 8 / 2 - 1 > 2 || !(a < b)
	_ = a < b == (c < d)
	_ = p == nil != ok
	_ = <-ch + <-ch*2
	_ = a < -b
	_ = a<<1<<2>>3
	_ = a*b*c/d%2
	_ = "con" + "cat" + strings.Repeat("x", 2)
	_ = 1.5 * 2 / 3.0
	_ = 'a' - 'A' + 1

	// conversions
	_ = float64(a)
	_ = []byte("x")
	_ = string(rune(a))
	_ = ([]*T)(nil)
	_ = (*T)(p)
	_ = (*T)(nil)
	_ = (**T)(nil)
	_ = (func())(f)
	_ = (func() int)(nil)
	_ = (<-chan int)(ch)
	_ = (chan<- int)(ch)
	_ = chan int(ch)
	_ = map[string]int(nil)
	_ = []int(nil)
	_ = [][]string(nil)
	_ = interface{}(a)
	_ = any(a)
	_ = (interface{ M() int })(T{})
	_ = struct{ X, Y int }(Point{})
	_ = Point(struct{ X, Y int }{1, 2})
	_ = uint8(a) + byte(b)
	_ = (int)(u)
	// func()(f) on its own is a func type with result type f (rejected as an
	// expression); with a following call it is a conversion to func() int:
	_ = func()(int)(nil)
	_ = func(int) bool(nil)

	// method values and method expressions
	t := T{}
	_ = t.M
	_ = p.PM
	_ = T.M
	_ = (*T).PM
	_ = (*T).M
	_ = (T).M
	_ = T.M(t)
	(*T).PM(p, 1)
	_ = strings.ToUpper
	_ = fmt.Stringer.String
	_ = (interface{ M() int }).M
	_ = t.M()
	_ = p.M()

	// type assertions
	_ = i.(int)
	_ = i.(*T)
	_, ok = i.(fmt.Stringer)
	_ = i.(interface{ M() int })
	_ = i.([]map[string]*T)
	_ = i.(func(int) error)
	_ = i.(T).A
	_ = i.(*T).M()
	_ = i.(chan<- int)
	_ = i.((int))
	_ = i.(struct{})

	// index and slice expressions
	s := []int{1, 2, 3, 4}
	arr := [5]int{}
	str := "hello"
	m := map[string][]int{}
	_ = s[0]
	_ = s[a+1]
	_ = m["k"][0]
	_ = s[:]
	_ = s[1:]
	_ = s[:2]
	_ = s[1:2]
	_ = s[1:2:3]
	_ = s[:2:3]
	_ = s[ : ]
	_ = arr[:]
	_ = (&arr)[1:3:4]
	_ = str[1:]
	_ = str[len(str)-1]
	_ = "literal"[1:3]
	_ = "literal"[0]
	_ = []int{1, 2}[1]
	_ = [][]int{{1}}[0][0]
	_ = p.C[a:b][c]
	_ = s[a:][b:][:c]

	// composite literals
	_ = T{}
	_ = T{1, "b", nil, nil, nil}
	_ = T{A: 1, B: "b"}
	_ = T{
		A: 1,
		C: []int{1, 2, 3},
		D: map[string]int{"a": 1, "b": 2},
		E: &T{A: 2},
	}
	_ = &T{}
	_ = &T{A: 1}
	_ = []T{{A: 1}, {B: "x"}, {}}
	_ = []*T{{A: 1}, &T{A: 2}, nil}
	_ = [...]int{1, 2, 3}
	_ = [...]string{2: "c", 0: "a", 1: "b"}
	_ = [3][2]int{{1, 2}, {3, 4}, {5, 6}}
	_ = [][]Point{{{1, 2}, {3, 4}}, {}}
	_ = map[string]Point{"a": {1, 2}, "b": {X: 3}}
	_ = map[Point]string{{1, 2}: "a", {3, 4}: "b"}
	_ = map[*Point]int{{1, 2}: 1}
	_ = map[string][]map[int]*Point{"x": {{1: {1, 2}}}}
	_ = map[[2]int][]string{{1, 2}: {"a"}}
	_ = struct{}{}
	_ = []struct{}{{}, {}}
	_ = struct {
		X int
		Y []string
	}{X: 1, Y: []string{"a"}}
	_ = [...]struct{ N int }{{1}, {N: 2}}
	_ = []interface{}{1, "a", nil, T{}}
	_ = map[string]func() int{"f": func() int { return 1 }}
	_ = [2]func(){f, nil}
	_ = []int{1, 2, 3,}
	_ = []int{
		1,
		2,
	}
	_ = [1 << 2]int{}
	_ = [len("ab")]int{}
	_ = Point{X: (1 + 2) * 3, Y: -4}
	_ = []Point{0: {1, 2}, 5: {}}
	_ = &[]int{1}
	_ = &[...]Point{{}}
	_ = &map[string]int{}
	_ = [][]*Point{{{1, 2}, nil}}
	_ = [2]chan int{ch, make(chan int)}

	// func literals called immediately, spreads and calls
	func() {}()
	_ = func(x int) int { return x * x }(3)
	_ = func() func() int { return func() int { return 1 } }()()
	defer func() {}()
	go func(a, b int) {}(1, 2)
	_ = func(xs ...int) int { return len(xs) }(s...)
	_ = append(s, s...)
	_ = append([]byte("x"), "yz"...)
	_ = fmt.Sprint(i, a, []interface{}{1}...)
	fmt.Println(a, b,
		c, d)
	fmt.Println(
		a,
		b,
	)
	_ = len(s)
	_ = make([]int, 0, 10)
	_ = make(map[string]int)
	_ = make(chan struct{}, 1)
	_ = new(int)
	_ = new(struct{ x int })
	_ = (fmt.Sprintf)("%d", a)
	_ = ((a))
	_ = (((p))).A
	_ = p.E.E.E.A
	_ = fmt.Sprint(t.M(), p.M())
	_ = f

	// parenthesised types
	var _ (int) = 1
	var _ [](*T)
	var _ *(T)
	var _ map[(string)](int)
	var _ func() (int)
	var _ chan (func())
}
