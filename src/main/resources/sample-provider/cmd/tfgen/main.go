// Command tfgen writes internal/generated from the backend's connector configurations.
//
// Usage:
//
//	tfgen generate -backend-path DIR [-output DIR] [-entity all|source|destination|transform]
//	               [-connector CODE] [-overrides FILE] [-deprecations FILE]
//
// For every connector directory under the backend's plugin folders it reads
// configuration.latest.json (parser.go), builds the schema, model and field mappings
// (generator.go), applies cmd/tfgen/overrides.json and cmd/tfgen/deprecations.json, and
// writes <entity>_<code>.go. The output is gofmt-formatted and deterministic, so running
// it twice on the same backend gives no diff.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// pluginDirs are where the backend keeps each entity's connectors.
var pluginDirs = []struct {
	entity string
	dir    string
}{
	{"source", "app/sources/plugins"},
	{"destination", "app/destinations/plugins"},
	{"transform", "app/transforms/plugins"},
}

func main() {
	if len(os.Args) < 2 || os.Args[1] != "generate" {
		fmt.Fprintln(os.Stderr, "usage: tfgen generate -backend-path DIR [-output DIR] [-entity E] [-connector CODE]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet("generate", flag.ExitOnError)
	backend := fs.String("backend-path", os.Getenv("STREAMKAP_BACKEND_PATH"), "backend checkout (default $STREAMKAP_BACKEND_PATH)")
	output := fs.String("output", "internal/generated", "directory the Go files are written to")
	entity := fs.String("entity", "all", "source, destination, transform or all")
	connector := fs.String("connector", "", "generate only this connector code")
	overrides := fs.String("overrides", "cmd/tfgen/overrides.json", "field overrides")
	deprecations := fs.String("deprecations", "cmd/tfgen/deprecations.json", "deprecated attribute aliases")
	if err := fs.Parse(os.Args[2:]); err != nil {
		os.Exit(2)
	}
	if *backend == "" {
		fmt.Fprintln(os.Stderr, "tfgen: -backend-path or STREAMKAP_BACKEND_PATH is required")
		os.Exit(2)
	}
	gen, err := LoadGenerator(*overrides, *deprecations)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tfgen:", err)
		os.Exit(1)
	}
	n, err := run(gen, *backend, *output, *entity, *connector)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tfgen:", err)
		os.Exit(1)
	}
	fmt.Printf("tfgen: wrote %d files to %s\n", n, *output)
}

func run(gen *Generator, backend, output, entity, connector string) (int, error) {
	written := 0
	for _, p := range pluginDirs {
		if entity != "all" && entity != p.entity {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(backend, p.dir))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return written, err
		}
		for _, e := range entries { // ReadDir sorts by name, so the order is stable
			code := e.Name()
			if !e.IsDir() || strings.HasPrefix(code, "_") || code == "common" {
				continue
			}
			if connector != "" && connector != code {
				continue
			}
			cfgPath := filepath.Join(backend, p.dir, code, "configuration.latest.json")
			if _, err := os.Stat(cfgPath); err != nil {
				continue
			}
			cfg, err := ParseBackendConfig(cfgPath)
			if err != nil {
				return written, err
			}
			src, err := gen.Generate(p.entity, code, cfg)
			if err != nil {
				return written, err
			}
			target := filepath.Join(output, p.entity+"_"+code+".go")
			if err := os.WriteFile(target, src, 0o644); err != nil {
				return written, err
			}
			written++
		}
	}
	return written, nil
}
