// Purpose: package clause and every import form: single, aliased, blank (_), dot (.), grouped, raw-string and escaped paths, empty group, explicit semicolons, several import decls.

/* A block comment
   before the package clause. */
package syntax // trailing comment on the package clause

import "fmt"
import f "fmt"
import _ "embed"
import . "math"

import (
	"strings"
	str "strings"
	_ "net/http/pprof"
	. "sort"
	// a comment inside the group
	"unicode/utf8" // trailing comment
	/* block */ "bytes"
	b2 /* between alias and path */ "bytes"
	`os`
	"net\x2fhttp"
	"unicode/\u0075tf16"
)

import ()

import ( "io" ; "io/fs" )

import (
	"errors")

var (
	_ = fmt.Sprint
	_ = f.Sprint
	_ = Pi
	_ = strings.ToUpper
	_ = str.ToLower
	_ = Ints
	_ = utf8.RuneLen
	_ = bytes.Equal
	_ = b2.Compare
	_ = os.Exit
	_ = http.StatusOK
	_ = utf16.IsSurrogate
	_ io.Reader
	_ fs.FS
	_ = errors.New
)
