// Purpose: every statement form: short var decls and blank identifier, all assignment operators, inc/dec, send, if/else chains with init, switch (tag, init, no tag, fallthrough), type switches, every for/range form (incl. range over int), labels with goto/break/continue, defer, go, select, blocks, empty statements, declaration statements, a labeled empty statement before '}'.
package syntax

import (
	"fmt"
	"os"
)

func statements(ch chan int, done <-chan struct{}, x interface{}, m map[string]int, s []int) (err error) {
	// short variable declarations and the blank identifier
	a := 1
	b, c := 2, "c"
	_ = c
	_, d := fmt.Println(a)
	_ = d
	var e, f int
	e, f = f, e
	e, _ = f, 0
	var ok bool

	// all assignment operators
	a = 1
	a += 2
	a -= 3
	a *= 4
	a /= 5
	a %= 6
	a &= 7
	a |= 8
	a ^= 9
	a <<= 1
	a >>= 2
	a &^= 3
	m["k"] += 1
	s[0], s[1] = s[1], s[0]
	*(&a) = 5
	(a) = 6

	// increment and decrement
	a++
	a--
	m["k"]++
	s[0]--
	(a)++

	// send statements
	ch <- 1
	ch <- a + b
	ch <- <-ch

	// expression statements
	fmt.Println()
	<-ch
	(fmt.Println)("x")
	func() {}()

	// if forms
	if a > 0 {
	}
	if a := a * 2; a > 10 {
		a--
	} else if b := a + 1; b > 3 {
		b++
	} else if a == 0 {
	} else {
		_ = a
	}
	if _, err := os.Stat("x"); err != nil {
		return err
	}
	if v, ok := m["k"]; !ok {
		_ = v
	}
	if a++; a > 1 {
	}
	if ch <- 1; true {
	}

	// switch forms
	switch a {
	case 1:
	case 2, 3, 4:
		fallthrough
	case 5:
		break
	default:
	}
	switch b := a * 2; b {
	case 1:
	}
	switch b := a; {
	case b > 1:
	}
	switch {
	case a > 1 && b < 2:
	case a < 0:
		fallthrough
	default:
	}
	switch fmt.Println(); {
	}
	switch ; {
	}
	switch a++; a {
	}
	switch {
	default:
		a = 0
	case false:
	}

	// type switches
	switch v := x.(type) {
	case nil:
	case int, int64:
		_ = v
	case string:
	case []int, map[string]int, *int, func(), chan int, struct{}, interface{ M() }:
	case error:
	default:
	}
	switch x.(type) {
	case fmt.Stringer:
	}
	switch y := x; t := y.(type) {
	case bool:
		_ = t
	}
	switch (x).(type) {
	}
	switch y := x; y.(type) {
	}

	// for forms
	for i := 0; i < 10; i++ {
		if i%2 == 0 {
			continue
		}
	}
	for i := 0; i < 10; {
		i++
	}
	for ; a < 10; a++ {
	}
	for ; ; {
		break
	}
	for i := 0; ; i++ {
		break
	}
	for ; ; a++ {
		break
	}
	for a < 100 {
		a *= 2
	}
	for {
		break
	}
	for k, v := range m {
		_, _ = k, v
	}
	for k := range m {
		delete(m, k)
	}
	for _, v := range s {
		_ = v
	}
	for range s {
	}
	for range ch {
		break
	}
	for i := range 10 {
		_ = i
	}
	for range 3 {
	}
	var k string
	var v int
	for k, v = range m {
	}
	for k = range m {
	}
	for s[0] = range s {
	}
	_, _ = k, v
	for i, r := range "héllo" {
		_, _ = i, r
	}
	for _, x := range []int{1, 2} {
		_ = x
	}
	for i := range [3]int{} {
		_ = i
	}
	for i, j := 0, 10; i < j; i, j = i+1, j-1 {
	}
	for x := range ch {
		_ = x
	}

	// labels, goto, labeled break and continue
outer:
	for i := 0; i < 3; i++ {
	inner:
		for j := 0; j < 3; j++ {
			switch {
			case j == 1:
				continue outer
			case j == 2:
				break inner
			}
			select {
			default:
				break inner
			}
		}
	}
	goto end
end:
again:
	if a < 5 {
		a++
		goto again
	}
sw:
	switch {
	default:
		break sw
	}
	{
	blk:
		for {
			break blk
		}
	}

	// defer and go
	defer fmt.Println("deferred")
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	go func(n int) {}(a)
	go fmt.Println()
	defer (func())(nil)()

	// select
	select {
	case v := <-ch:
		_ = v
	case v, ok := <-ch:
		_, _ = v, ok
	case ch <- 1:
	case <-done:
		return nil
	case e = <-ch:
	case e, ok = <-ch:
	case s[0] = <-ch:
	case (<-ch):
	default:
	}
	_ = func() { select {} }

	// blocks and empty statements
	{
		{
		}
	}
	;
	; ;
	{ a := 1; _ = a }

	// declaration statements
	var local int
	const lc = 2
	type lt int
	type (
		lt2 = lt
	)
	_ = local + lc + int(lt2(1))
	_ = e + f

	// returns and a labeled empty statement before the closing brace
	if a == 99 {
		return
	}
	if a == 98 {
		return fmt.Errorf("x")
	}
	goto last
last:
}

func multiReturn() (int, string, error) {
	return 1, "a", nil
}

func labeledEmptyOnly() {
	goto L
L:
}
