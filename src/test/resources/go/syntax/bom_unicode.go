// Purpose: a file starting with a UTF-8 byte order mark; Unicode identifiers (Latin, Greek, Cyrillic, CJK, Hangul, titlecase letters, non-ASCII decimal digits) and Unicode in strings, runes, tags and comments.
package syntax

type Größe struct {
	Länge, Breite float64
	名前            string `json:"名前" opt:"ü"`
	Ωmega         *Größe
}

var (
	世界     = "world"
	π      = 3.14159
	Δx, Δy = 1, 2
	x١٢٣   = 123 // Arabic-Indic digits are Unicode decimal digits
	ǅungla = 1   // titlecase letter
	_ü     = true
	αβγ    = 'α'
	ΣΩ     = "ΣΩ"
	переменная = "кириллица"
	한국어    = "한국어"
	ひらがな   = "かな"
	ª      = 0 // feminine ordinal indicator is a letter (Lo)
	x０     = 0 // fullwidth digit zero (Nd)
)

func (g *Größe) Fläche() float64 { return g.Länge * g.Breite }

func 日本語(ñ int) (résultat int) {
	résultat = ñ * 2 // a comment with an emoji 😀 and CJK 漢字
	return
}

func ψ[Τ any](τ Τ) Τ { return τ }

/* Unicode in a block comment: ∀x∈ℝ, x² ≥ 0 */
var unicodeString = "Ünïcödé \u00fc ü 😀"
