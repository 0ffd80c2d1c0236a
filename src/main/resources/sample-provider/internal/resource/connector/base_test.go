package connector

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/example/terraform-provider-streamkap/internal/generated"
)

var testAliases = []DeprecatedAlias{
	{Old: "insert_static_key_field_1", New: "transforms_insert_static_key1_static_field"},
}

// TestExtendFieldMappings_CopiesAndAdds checks that aliases are added to a copy of the generated map.
func TestExtendFieldMappings_CopiesAndAdds(t *testing.T) {
	base := map[string]string{"transforms_insert_static_key1_static_field": "transforms.InsertStaticKey1.static.field"}
	out := ExtendFieldMappings(base, testAliases)
	if out["insert_static_key_field_1"] != "transforms.InsertStaticKey1.static.field" {
		t.Fatalf("alias not mapped: %v", out)
	}
	if len(base) != 1 {
		t.Fatal("the generated map must not be modified")
	}
}

// TestModelToConfigMap_MigratesAliases checks keys, types, skipped nulls and alias migration.
func TestModelToConfigMap_MigratesAliases(t *testing.T) {
	mappings := ExtendFieldMappings(generated.SourcePostgreSQLFieldMappings, testAliases)
	m := &generated.SourcePostgreSQLModel{
		DatabaseHostname:      types.StringValue("pg.example.internal"),
		DatabasePort:          types.Int64Value(5432),
		HeartbeatEnabled:      types.BoolValue(true),
		SSHHost:               types.StringNull(),
		InsertStaticKeyField1: types.StringValue("tenant"),
	}
	cfg, err := ModelToConfigMap(context.Background(), m, mappings, testAliases)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"database.hostname.user.defined":           "pg.example.internal",
		"database.port.user.defined":               int64(5432),
		"heartbeat.enabled":                        true,
		"transforms.InsertStaticKey1.static.field": "tenant",
	}
	if !reflect.DeepEqual(cfg, want) {
		t.Fatalf("got %v, want %v", cfg, want)
	}
}

// TestModelToConfigMap_NewNameWins checks that the new name wins over its alias.
func TestModelToConfigMap_NewNameWins(t *testing.T) {
	mappings := ExtendFieldMappings(generated.SourcePostgreSQLFieldMappings, testAliases)
	m := &generated.SourcePostgreSQLModel{
		InsertStaticKeyField1:                 types.StringValue("old"),
		TransformsInsertStaticKey1StaticField: types.StringValue("new"),
	}
	cfg, _ := ModelToConfigMap(context.Background(), m, mappings, testAliases)
	if cfg["transforms.InsertStaticKey1.static.field"] != "new" {
		t.Fatalf("got %v", cfg)
	}
}

// TestConfigMapToModel_FillsAliasAndReplacement checks that both names are read back and that absent keys keep or null their values.
func TestConfigMapToModel_FillsAliasAndReplacement(t *testing.T) {
	mappings := ExtendFieldMappings(generated.SourcePostgreSQLFieldMappings, testAliases)
	m := &generated.SourcePostgreSQLModel{
		InsertStaticKeyField1:                 types.StringUnknown(),
		TransformsInsertStaticKey1StaticField: types.StringUnknown(),
		SSHHost:                               types.StringUnknown(),
		SlotName:                              types.StringValue("planned_slot"),
	}
	cfg := map[string]any{"transforms.InsertStaticKey1.static.field": "tenant", "database.port.user.defined": "6543"}
	if diags := ConfigMapToModel(context.Background(), cfg, m, mappings); diags.HasError() {
		t.Fatal(diags)
	}
	if m.InsertStaticKeyField1.ValueString() != "tenant" || m.TransformsInsertStaticKey1StaticField.ValueString() != "tenant" {
		t.Errorf("alias and replacement must both be set: %v %v", m.InsertStaticKeyField1, m.TransformsInsertStaticKey1StaticField)
	}
	if m.DatabasePort.ValueInt64() != 6543 {
		t.Errorf("port from text: %v", m.DatabasePort)
	}
	if !m.SSHHost.IsNull() {
		t.Errorf("an unknown the API did not answer must become null, got %v", m.SSHHost)
	}
	if m.SlotName.ValueString() != "planned_slot" {
		t.Errorf("a known value the API did not answer must be kept, got %v", m.SlotName)
	}
}

// TestExtractTerraformValue_Types checks the conversion of every supported field type.
func TestExtractTerraformValue_Types(t *testing.T) {
	ctx := context.Background()
	chunks := types.ObjectType{AttrTypes: map[string]attr.Type{"chunks": types.Int64Type}}
	obj := types.ObjectValueMust(chunks.AttrTypes, map[string]attr.Value{"chunks": types.Int64Value(4)})
	cases := []struct {
		in   any
		want any
	}{
		{types.StringValue("x"), "x"},
		{types.StringNull(), nil},
		{types.Int64Value(7), int64(7)},
		{types.Int64Unknown(), nil},
		{types.BoolValue(false), false},
		{types.ListValueMust(types.StringType, []attr.Value{types.StringValue("a"), types.StringValue("b")}), []string{"a", "b"}},
		{types.MapValueMust(chunks, map[string]attr.Value{"shop.orders": obj}), map[string]any{"shop.orders": map[string]any{"chunks": int64(4)}}},
	}
	for _, tc := range cases {
		got, err := extractTerraformValue(ctx, reflect.ValueOf(tc.in))
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v: got %v (%v), want %v", tc.in, got, err, tc.want)
		}
	}
	if _, err := extractTerraformValue(ctx, reflect.ValueOf(42)); err == nil {
		t.Error("an unsupported field type must be an error")
	}
}

// TestSetTerraformValue_UsesTypeHelpers checks lists, numbers and booleans read from API values.
func TestSetTerraformValue_UsesTypeHelpers(t *testing.T) {
	ctx := context.Background()
	var m struct {
		Tables types.List  `tfsdk:"tables"`
		Batch  types.Int64 `tfsdk:"batch"`
		On     types.Bool  `tfsdk:"on"`
	}
	m.Tables = types.ListUnknown(types.StringType)
	fields := tfsdkFields(&m)
	cfg := map[string]any{"tables": []any{"orders"}, "batch": float64(250), "on": "true"}
	for name, field := range fields {
		if diags := setTerraformValue(ctx, cfg, name, field); diags.HasError() {
			t.Fatal(diags)
		}
	}
	if len(m.Tables.Elements()) != 1 || m.Batch.ValueInt64() != 250 || !m.On.ValueBool() {
		t.Fatalf("got %+v", m)
	}
}

// TestModelTimeouts_ReadsTheBlock checks that CRUD finds the user's timeouts in any model.
func TestModelTimeouts_ReadsTheBlock(t *testing.T) {
	withBlock := &struct {
		Timeouts timeouts.Value `tfsdk:"timeouts"`
	}{Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"read": types.StringType})}}
	if got := ModelTimeouts(withBlock); !reflect.DeepEqual(got, withBlock.Timeouts) {
		t.Fatalf("ModelTimeouts = %v, want the model's block", got)
	}
	if got := ModelTimeouts(&struct{}{}); !reflect.DeepEqual(got, timeouts.Value{}) {
		t.Fatalf("a model without the block gave %v", got)
	}
}
