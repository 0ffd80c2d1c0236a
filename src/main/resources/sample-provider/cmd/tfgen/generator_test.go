package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRegenerationIsIdentical regenerates every connector of the test backend and
// compares the output with the committed internal/generated files.
func TestRegenerationIsIdentical(t *testing.T) {
	gen, err := LoadGenerator("overrides.json", "deprecations.json")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	n, err := run(gen, filepath.Join("testdata", "backend"), out, "all", "")
	if err != nil {
		t.Fatal(err)
	}
	if n != 7 {
		t.Fatalf("generated %d files, want 7", n)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.go"))
	for _, f := range files {
		want, err := os.ReadFile(filepath.Join("..", "..", "internal", "generated", filepath.Base(f)))
		if err != nil {
			t.Fatalf("%s is generated but not committed: %v", filepath.Base(f), err)
		}
		got, _ := os.ReadFile(f)
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the committed file: regenerate internal/generated", filepath.Base(f))
		}
	}
}

// TestParser_KeepsOnlyUserDefinedFields checks that dynamic fields are dropped and that choices, slider bounds, conditions and string defaults are read.
func TestParser_KeepsOnlyUserDefinedFields(t *testing.T) {
	cfg, err := ParseBackendConfig(filepath.Join("testdata", "backend", "app", "sources", "plugins", "postgresql", "configuration.latest.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range cfg.UserDefinedFields() {
		if f.Name == "database.hostname" || f.Name == "database.port" {
			t.Errorf("dynamic field %s must be dropped", f.Name)
		}
	}
	byName := map[string]BackendField{}
	for _, f := range cfg.Config {
		byName[f.Name] = f
	}
	if got := byName["database.sslmode"].EnumValues(); strings.Join(got, ",") != "disable,require,verify-ca,verify-full" {
		t.Errorf("raw_values: %v", got)
	}
	if min, max, step, ok := byName["snapshot.parallelism"].SliderBounds(); !ok || min != 1 || max != 8 || step != 1 {
		t.Errorf("slider bounds: %d %d %d %t", min, max, step, ok)
	}
	if c := byName["ssh.host"].Conditions; len(c) != 1 || c[0].Config != "ssh.enabled" {
		t.Errorf("conditions: %v", c)
	}
	if n, err := byName["database.port.user.defined"].DefaultInt64(); err != nil || n != 5432 {
		t.Errorf("string default of a port: %d %v", n, err)
	}
}

// TestAttributeName checks how backend keys become attribute names.
func TestAttributeName(t *testing.T) {
	cases := map[string]string{
		"database.hostname.user.defined":           "database_hostname",
		"transforms.InsertStaticKey1.static.field": "transforms_insert_static_key1_static_field",
		"snapshot-mode":                            "snapshot_mode",
	}
	for in, want := range cases {
		if got := AttributeName(in); got != want {
			t.Errorf("AttributeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGoName_Abbreviations checks that the listed abbreviations stay in capitals in Go names.
func TestGoName_Abbreviations(t *testing.T) {
	cases := map[string]string{
		"id": "ID", "ssh_host": "SSHHost", "database_sslmode": "DatabaseSslmode", "ssl_mode": "SSLMode",
		"sql_query": "SQLQuery", "db_name": "DBName", "snowflake_url_name": "SnowflakeURLName",
		"api_key": "APIKey", "aws_region": "AWSRegion", "aws_role_arn": "AWSRoleARN", "auto_qa_dedupe": "AutoQADedupe",
	}
	for in, want := range cases {
		if got := goName(in); got != want {
			t.Errorf("goName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestControlKinds checks the control-to-type table and the _port rule.
func TestControlKinds(t *testing.T) {
	want := map[string]Kind{
		"string": KindString, "password": KindString, "number": KindInt64, "boolean": KindBool, "toggle": KindBool,
		"one-select": KindString, "multi-select": KindList, "slider": KindInt64,
	}
	for control, kind := range want {
		if controlKinds[control] != kind {
			t.Errorf("%s maps to %s, want %s", control, controlKinds[control], kind)
		}
	}
	if !isPortField("ssh_port") || isPortField("support") {
		t.Error("isPortField")
	}
}
