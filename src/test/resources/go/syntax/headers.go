// Purpose: composite literals and other brace-containing expressions inside if/for/switch headers (parenthesised where the spec requires it), and expressions that are legal there without parentheses.
package syntax

type P struct{ X, Y int }

func headers(p P, xs []P, m map[P]int) {
	if p == (P{1, 2}) {
	}
	if (p == P{1, 2}) {
	}
	if (P{}) == p {
	}
	if p := (P{X: 1}); p.X > 0 {
	}
	for _, q := range []P{{1, 2}} {
		_ = q
	}
	for _, q := range ([]P{}) {
		_ = q
	}
	for _, q := range xs {
		_ = q
	}
	for i := (P{}).X; i < (P{X: 3}).X; i++ {
	}
	for p.X < (P{3, 4}).Y {
		break
	}
	for k := range map[string]bool{} {
		_ = k
	}
	switch (P{}) {
	case P{1, 2}:
	case P{X: 3}, (P{}):
	}
	switch q := (P{}); q {
	}
	switch interface{}(p).(type) {
	case P:
	}
	if m[(P{})] > 0 {
	}
	if func() bool { return true }() {
	}
	if struct{ x int }{1}.x == 1 {
	}
	if []int{1}[0] == 1 {
	}
	if map[string]int{"a": 1}["a"] == 1 {
	}
	if v := [...]int{1}; len(v) > 0 {
	}
	if len([]P{p}) > 0 {
	}
	if (P{}).X == 0 {
	} else if q := (struct{ P }{}); q.X == 0 {
	}
	for x := range (map[P]int{{1, 2}: 3}) {
		_ = x
	}
}
