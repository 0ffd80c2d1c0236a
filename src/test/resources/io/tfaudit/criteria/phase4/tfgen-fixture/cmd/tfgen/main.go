// Command tfgen writes internal/generated from the backend's connector files.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

var entities = []string{"source", "destination", "transform"}

func main() {
	backend := flag.String("backend", os.Getenv("STREAMKAP_BACKEND_PATH"), "backend checkout")
	out := flag.String("out", "internal/generated", "output folder")
	tables := flag.String("tables", "cmd/tfgen", "folder of overrides.json and deprecations.json")
	flag.Parse()
	t, err := LoadTables(*tables)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, entity := range entities {
		dirs, _ := os.ReadDir(filepath.Join(*backend, "app", entity+"s", "plugins"))
		for _, d := range dirs {
			path := filepath.Join(*backend, "app", entity+"s", "plugins", d.Name(), "configuration.latest.json")
			c, err := ReadConnector(path)
			if err != nil {
				continue
			}
			src, err := t.Generate(entity, d.Name(), c)
			if err == nil {
				err = os.WriteFile(filepath.Join(*out, entity+"_"+d.Name()+".go"), src, 0o644)
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
	}
}
