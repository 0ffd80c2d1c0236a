// Command parsebench is the go/parser side of tfaudit's parser benchmark.
//
//	parsebench [-passes N] [-workers W] DIR...
//
// It collects every .go file below the given directories (skipping testdata,
// vendor and hidden directories), reads them all into memory, then runs N
// passes; each pass parses every file with
// parser.ParseFile(fset, name, src, parser.ParseComments) on W goroutines.
// Output (MB = 1e6 bytes):
//
//	pass <k>: <files> files, <bytes> bytes, <ms> ms, <MB/s> MB/s, <files/s> files/s
//	...
//	cold: <ms> ms, <MB/s> MB/s, <files/s> files/s        (pass 1)
//	median: <ms> ms, <MB/s> MB/s, <files/s> files/s      (median over passes 2..N, "median: n/a" if N < 2)
//	errors: <n>                                         (files that failed to parse, counted in pass 1)
package main

import (
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type srcFile struct {
	name string
	src  []byte
}

func collect(dirs []string) ([]srcFile, int64, error) {
	var files []srcFile
	var total int64
	seen := map[string]bool{}
	for _, root := range dirs {
		// A symlinked root (Debian's /usr/lib/go-1.19/src) is walked as its target.
		if resolved, err := filepath.EvalSymlinks(root); err == nil {
			root = resolved
		}
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != root {
					n := d.Name()
					if n == "testdata" || n == "vendor" || strings.HasPrefix(n, ".") {
						return filepath.SkipDir
					}
				}
				return nil
			}
			if !d.Type().IsRegular() || !strings.HasSuffix(path, ".go") {
				return nil
			}
			if abs, aerr := filepath.Abs(path); aerr == nil {
				if seen[abs] {
					return nil
				}
				seen[abs] = true
			}
			src, rerr := os.ReadFile(path)
			if rerr != nil {
				return rerr
			}
			files = append(files, srcFile{path, src})
			total += int64(len(src))
			return nil
		})
		if err != nil {
			return nil, 0, err
		}
	}
	return files, total, nil
}

type result struct {
	dur    time.Duration
	errors int
}

func runPass(files []srcFile, workers int) result {
	var next, errs int64
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fset := token.NewFileSet()
			for {
				i := atomic.AddInt64(&next, 1) - 1
				if i >= int64(len(files)) {
					return
				}
				f := &files[i]
				if _, err := parser.ParseFile(fset, f.name, f.src, parser.ParseComments); err != nil {
					atomic.AddInt64(&errs, 1)
				}
			}
		}()
	}
	wg.Wait()
	return result{time.Since(start), int(errs)}
}

func rates(d time.Duration, files int, bytes int64) (ms, mbs, fps float64) {
	sec := d.Seconds()
	ms = sec * 1000
	if sec > 0 {
		mbs = float64(bytes) / 1e6 / sec
		fps = float64(files) / sec
	}
	return
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func main() {
	passes := flag.Int("passes", 5, "number of passes (pass 1 is the cold pass)")
	workers := flag.Int("workers", 1, "number of parsing goroutines")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: parsebench [-passes N] [-workers W] DIR...\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 || *passes < 1 || *workers < 1 {
		flag.Usage()
		os.Exit(2)
	}

	files, total, err := collect(flag.Args())
	if err != nil {
		fmt.Fprintf(os.Stderr, "parsebench: %v\n", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "parsebench: %s, GOMAXPROCS=%d, workers=%d, %d files, %d bytes\n",
		runtime.Version(), runtime.GOMAXPROCS(0), *workers, len(files), total)

	var cold result
	var msV, mbV, fpV []float64
	for k := 1; k <= *passes; k++ {
		runtime.GC()
		r := runPass(files, *workers)
		ms, mbs, fps := rates(r.dur, len(files), total)
		fmt.Printf("pass %d: %d files, %d bytes, %.1f ms, %.2f MB/s, %.1f files/s\n",
			k, len(files), total, ms, mbs, fps)
		if k == 1 {
			cold = r
		} else {
			msV, mbV, fpV = append(msV, ms), append(mbV, mbs), append(fpV, fps)
		}
	}
	ms, mbs, fps := rates(cold.dur, len(files), total)
	fmt.Printf("cold: %.1f ms, %.2f MB/s, %.1f files/s\n", ms, mbs, fps)
	if len(msV) > 0 {
		fmt.Printf("median: %.1f ms, %.2f MB/s, %.1f files/s\n", median(msV), median(mbV), median(fpV))
	} else {
		fmt.Printf("median: n/a\n")
	}
	fmt.Printf("errors: %d\n", cold.errors)
}
