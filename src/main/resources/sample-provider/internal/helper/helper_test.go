package helper

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var ctx = context.Background()

// TestGetTfCfgString covers nil maps, missing keys, nulls and non-string values.
func TestGetTfCfgString(t *testing.T) {
	cfg := map[string]any{"host": "db.internal", "null": nil, "port": float64(5432), "flag": true}
	if got := GetTfCfgString(ctx, nil, "host"); !got.IsNull() {
		t.Errorf("nil map: got %v, want null", got)
	}
	if got := GetTfCfgString(ctx, cfg, "absent"); !got.IsNull() {
		t.Errorf("missing key: got %v, want null", got)
	}
	if got := GetTfCfgString(ctx, cfg, "null"); !got.IsNull() {
		t.Errorf("JSON null: got %v, want null", got)
	}
	if got := GetTfCfgString(ctx, cfg, "host"); got.ValueString() != "db.internal" {
		t.Errorf("string: got %v", got)
	}
	if got := GetTfCfgString(ctx, cfg, "port"); got.ValueString() != "5432" {
		t.Errorf("float64 to text: got %v", got)
	}
	if got := GetTfCfgString(ctx, cfg, "flag"); got.ValueString() != "true" {
		t.Errorf("bool to text: got %v", got)
	}
}

// TestGetTfCfgInt64 covers float64, string and json.Number values, nulls and bad text.
func TestGetTfCfgInt64(t *testing.T) {
	cfg := map[string]any{
		"float": float64(5432), "text": "3306", "padded": " 22 ", "number": json.Number("8"),
		"bad": "five", "null": nil,
	}
	cases := map[string]int64{"float": 5432, "text": 3306, "padded": 22, "number": 8}
	for key, want := range cases {
		if got := GetTfCfgInt64(ctx, cfg, key); got.IsNull() || got.ValueInt64() != want {
			t.Errorf("%s: got %v, want %d", key, got, want)
		}
	}
	for _, key := range []string{"bad", "null", "absent"} {
		if got := GetTfCfgInt64(ctx, cfg, key); !got.IsNull() {
			t.Errorf("%s: got %v, want null", key, got)
		}
	}
	if got := GetTfCfgInt64(ctx, nil, "float"); !got.IsNull() {
		t.Errorf("nil map: got %v, want null", got)
	}
}

// TestGetTfCfgBool covers booleans, boolean text, nulls and missing keys.
func TestGetTfCfgBool(t *testing.T) {
	cfg := map[string]any{"on": true, "text": "false", "null": nil, "bad": "maybe"}
	if got := GetTfCfgBool(ctx, cfg, "on"); !got.ValueBool() {
		t.Errorf("bool: got %v", got)
	}
	if got := GetTfCfgBool(ctx, cfg, "text"); got.IsNull() || got.ValueBool() {
		t.Errorf("text: got %v, want false", got)
	}
	for _, key := range []string{"null", "bad", "absent"} {
		if got := GetTfCfgBool(ctx, cfg, key); !got.IsNull() {
			t.Errorf("%s: got %v, want null", key, got)
		}
	}
	if got := GetTfCfgBool(ctx, nil, "on"); !got.IsNull() {
		t.Errorf("nil map: got %v, want null", got)
	}
}

// TestGetTfCfgListString covers nil elements, empty lists, comma-separated text and nulls.
func TestGetTfCfgListString(t *testing.T) {
	cfg := map[string]any{
		"tables": []any{"orders", nil, "refunds"},
		"empty":  []any{},
		"csv":    "a, b,,c",
		"null":   nil,
	}
	var got []string
	GetTfCfgListString(ctx, cfg, "tables").ElementsAs(ctx, &got, false)
	if len(got) != 2 || got[0] != "orders" || got[1] != "refunds" {
		t.Errorf("nil elements must be skipped, got %v", got)
	}
	empty := GetTfCfgListString(ctx, cfg, "empty")
	if empty.IsNull() || len(empty.Elements()) != 0 {
		t.Errorf("empty list must stay an empty list, got %v", empty)
	}
	if n := len(GetTfCfgListString(ctx, cfg, "csv").Elements()); n != 3 {
		t.Errorf("comma-separated: %d elements, want 3", n)
	}
	for _, key := range []string{"null", "absent"} {
		if got := GetTfCfgListString(ctx, cfg, key); !got.IsNull() {
			t.Errorf("%s: got %v, want null", key, got)
		}
	}
}

// TestGetTfCfgMap covers map_nested objects, JSON text, broken JSON and missing keys.
func TestGetTfCfgMap(t *testing.T) {
	chunks := types.ObjectType{AttrTypes: map[string]attr.Type{"chunks": types.Int64Type}}
	cfg := map[string]any{
		"nested": map[string]any{"shop.orders": map[string]any{"chunks": float64(4)}},
		"text":   `{"raw_orders":"orders_dedup"}`,
		"broken": "{",
	}
	m, diags := GetTfCfgMap(ctx, cfg, "nested", chunks)
	if diags.HasError() || len(m.Elements()) != 1 {
		t.Fatalf("nested: %v %v", m, diags)
	}
	s, diags := GetTfCfgMap(ctx, cfg, "text", types.StringType)
	if diags.HasError() || !s.Elements()["raw_orders"].Equal(types.StringValue("orders_dedup")) {
		t.Fatalf("JSON string: %v %v", s, diags)
	}
	if _, diags := GetTfCfgMap(ctx, cfg, "broken", types.StringType); !diags.HasError() {
		t.Error("broken JSON must be reported")
	}
	if m, _ := GetTfCfgMap(ctx, cfg, "absent", types.StringType); !m.IsNull() {
		t.Error("missing key must give a null map")
	}
}

// TestMigrateDeprecatedValues covers copying, precedence of the new name, null aliases and nil input.
func TestMigrateDeprecatedValues(t *testing.T) {
	aliases := map[string]string{"auto_schema_creation": "create_schema_auto"}

	moved := MigrateDeprecatedValues(map[string]any{"auto_schema_creation": false}, aliases)
	if v, ok := moved["create_schema_auto"]; !ok || v != false {
		t.Errorf("old value must be copied to the new name, got %v", moved)
	}
	if _, ok := moved["auto_schema_creation"]; ok {
		t.Error("old key must be removed")
	}

	kept := MigrateDeprecatedValues(map[string]any{"auto_schema_creation": false, "create_schema_auto": true}, aliases)
	if kept["create_schema_auto"] != true {
		t.Errorf("a value under the new name wins, got %v", kept)
	}

	unset := MigrateDeprecatedValues(map[string]any{"auto_schema_creation": nil}, aliases)
	if _, ok := unset["create_schema_auto"]; ok {
		t.Error("a null old value must not create the new key")
	}

	if MigrateDeprecatedValues(nil, aliases) != nil {
		t.Error("nil in, nil out")
	}
}

// TestValidateImportID accepts an entity ID and rejects empty, spaced, slashed and overlong ones.
func TestValidateImportID(t *testing.T) {
	if err := ValidateImportID("src-1a2b"); err != nil {
		t.Errorf("a plain ID must pass, got %v", err)
	}
	for _, bad := range []string{"", "  ", "src 1", "a/b", string(make([]byte, 129))} {
		if ValidateImportID(bad) == nil {
			t.Errorf("%q must be rejected", bad)
		}
	}
}

// TestOperationContext bounds the context by the default when the timeouts block is null.
func TestOperationContext(t *testing.T) {
	bounded, cancel, diags := OperationContext(ctx, timeouts.Value{Object: types.ObjectNull(nil)}, "read")
	defer cancel()
	if diags.HasError() {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if _, ok := bounded.Deadline(); !ok {
		t.Error("the context must have a deadline")
	}
}
