// Purpose: every literal form: integers (decimal, binary, octal 0o and legacy 0777, hex, _ separators), decimal and hex floats, imaginaries, runes with every escape, interpreted strings with escapes, raw strings spanning lines.
package syntax

const (
	d0 = 0
	d1 = 42
	d2 = 4_2
	d3 = 1_000_000
	d4 = 170141183460469231731687303715884105727
	b0 = 0b1010
	b1 = 0B_1_0
	o0 = 0o755
	o1 = 0O7_5_5
	o2 = 0777
	o3 = 0_600
	o4 = 00
	h0 = 0xBadFace
	h1 = 0X_FF_ff
	h2 = 0x0
	h3 = 0xdead_beef

	f0  = 0.
	f1  = 1.
	f2  = .5
	f3  = 1e3
	f4  = 1.5e-3
	f5  = 1E+3
	f6  = 072.40
	f7  = 2.71828
	f8  = 6.67428e-11
	f9  = 1_5.
	f10 = 0.15e+0_2
	f11 = 09.5
	f12 = .12345E+5
	f13 = 1_0.2_5e1_0
	f14 = 09e1
	f15 = 1.e+0

	x0 = 0x1p-2
	x1 = 0x1.8p1
	x2 = 0x2.p10
	x3 = 0x.8p0
	x4 = 0X_1FFFP-16
	x5 = 0x1.Fp+0
	x6 = 0X.8p-0
	x7 = 0x_1_0p1_0

	i0  = 0i
	i1  = 1i
	i2  = 0.5i
	i3  = 1e3i
	i4  = 0x1p2i
	i5  = 0123i
	i6  = 0o123i
	i7  = 0xabci
	i8  = 0b101i
	i9  = 1.i
	i10 = .25i
	i11 = 1_000i
	i12 = 0x1.8p-1i
	i13 = 1.5e-3i
	i14 = 089i
	i15 = 00i
	i16 = 0_1i

	r0  = 'a'
	r1  = 'ä'
	r2  = '本'
	r3  = '\a'
	r4  = '\b'
	r5  = '\f'
	r6  = '\n'
	r7  = '\r'
	r8  = '\t'
	r9  = '\v'
	r10 = '\\'
	r11 = '\''
	r12 = '\x41'
	r13 = '\xff'
	r14 = '\101'
	r15 = '\000'
	r16 = '\377'
	r17 = '\u00e9'
	r18 = '\U0001F600'
	r19 = '\u12E4'
	r20 = '"'
	r21 = '😀'
	r22 = ' '
	r23 = '`'
	r24 = '/'
	r25 = '\U0010FFFF'

	s0 = ""
	s1 = "hello"
	s2 = "\a\b\f\n\r\t\v\\\""
	s3 = "\x41\101\u00e9\U0001F600"
	s4 = "日本語"
	s5 = "\xff\xfe"
	s6 = "'single' quotes and `backquotes`"
	s7 = "// not a comment /* neither */"
	s8 = "\u65e5本\U00008a9e"
	s9 = "tab	inside"
	s10 = "con" +
		"cat"

	raw0 = ``
	raw1 = `\n is not an escape`
	raw2 = `line one
line two
	"quoted" and 'single' and \ backslash
`
	raw3 = `/* not a comment */ // nor this`
	raw4 = `日本語`
	raw5 = `
`
	raw6 = `"`
)

var (
	bools = []bool{true, false}
	nilv  interface{} = nil
	lits  = []interface{}{d0, 'x', "s", `r`, 1.5, 2i, 0x10, 1e-9}
	mixed = 1 + 2.5 + 'a' + 3i
)
