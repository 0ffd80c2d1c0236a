// Package helper converts values of the API's config objects (decoded JSON, so numbers
// are float64 and anything may be missing or null) into Terraform framework values.
package helper

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Default operation timeouts, used when a resource's timeouts block leaves one unset.
const (
	DefaultCreateTimeout = 20 * time.Minute
	DefaultReadTimeout   = 5 * time.Minute
	DefaultUpdateTimeout = 20 * time.Minute
	DefaultDeleteTimeout = 10 * time.Minute
)

// OperationContext bounds ctx by the timeout that the resource's timeouts block sets for
// op ("create", "read", "update" or "delete"), or by the default for op. Every CRUD
// method of every resource runs under it, so a hung API call cannot block an apply.
func OperationContext(ctx context.Context, t timeouts.Value, op string) (context.Context, context.CancelFunc, diag.Diagnostics) {
	var d time.Duration
	var diags diag.Diagnostics
	switch op {
	case "create":
		d, diags = t.Create(ctx, DefaultCreateTimeout)
	case "read":
		d, diags = t.Read(ctx, DefaultReadTimeout)
	case "update":
		d, diags = t.Update(ctx, DefaultUpdateTimeout)
	default:
		d, diags = t.Delete(ctx, DefaultDeleteTimeout)
	}
	bounded, cancel := context.WithTimeout(ctx, d)
	return bounded, cancel, diags
}

// ValidateImportID rejects import IDs that cannot name a Streamkap entity, so that a
// typo fails at import with a clear message instead of as a 404 from the API.
func ValidateImportID(id string) error {
	switch {
	case strings.TrimSpace(id) == "":
		return fmt.Errorf("the import ID is empty")
	case strings.ContainsAny(id, " \t\n/"):
		return fmt.Errorf("the import ID %q contains whitespace or a slash; use the ID shown in the Streamkap UI", id)
	case len(id) > 128:
		return fmt.Errorf("the import ID is %d characters long, more than 128", len(id))
	}
	return nil
}

// GetTfCfgString returns cfg[key] as a string value. A nil map, a missing key or a JSON
// null give a null string; numbers and booleans are rendered as text.
func GetTfCfgString(ctx context.Context, cfg map[string]any, key string) types.String {
	v, ok := cfg[key]
	if !ok || v == nil {
		return types.StringNull()
	}
	switch x := v.(type) {
	case string:
		return types.StringValue(x)
	case float64:
		return types.StringValue(strconv.FormatFloat(x, 'f', -1, 64))
	case bool:
		return types.StringValue(strconv.FormatBool(x))
	default:
		tflog.Debug(ctx, "config value is not a string", map[string]any{"key": key, "type": fmt.Sprintf("%T", v)})
		return types.StringValue(fmt.Sprint(x))
	}
}

// GetTfCfgInt64 returns cfg[key] as an integer. The API sends numbers as JSON numbers
// (float64 once decoded) or, for fields edited as text such as ports, as strings
// ("5432"); both are accepted. Nil, missing and unparseable values give a null.
func GetTfCfgInt64(ctx context.Context, cfg map[string]any, key string) types.Int64 {
	v, ok := cfg[key]
	if !ok || v == nil {
		return types.Int64Null()
	}
	switch x := v.(type) {
	case float64:
		return types.Int64Value(int64(x))
	case int:
		return types.Int64Value(int64(x))
	case int64:
		return types.Int64Value(x)
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return types.Int64Value(n)
		}
	case string:
		if n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64); err == nil {
			return types.Int64Value(n)
		}
	}
	tflog.Warn(ctx, "config value is not an integer", map[string]any{"key": key, "value": fmt.Sprint(v)})
	return types.Int64Null()
}

// GetTfCfgBool returns cfg[key] as a boolean; "true"/"false" strings are accepted.
// Nil, missing and unparseable values give a null.
func GetTfCfgBool(ctx context.Context, cfg map[string]any, key string) types.Bool {
	v, ok := cfg[key]
	if !ok || v == nil {
		return types.BoolNull()
	}
	switch x := v.(type) {
	case bool:
		return types.BoolValue(x)
	case string:
		if b, err := strconv.ParseBool(strings.TrimSpace(x)); err == nil {
			return types.BoolValue(b)
		}
	}
	tflog.Warn(ctx, "config value is not a boolean", map[string]any{"key": key, "value": fmt.Sprint(v)})
	return types.BoolNull()
}

// GetTfCfgListString returns cfg[key] as a list of strings. An empty JSON array gives an
// empty (not null) list, so that `[]` in a configuration does not plan a change; null
// elements are skipped; a comma-separated string is split.
func GetTfCfgListString(ctx context.Context, cfg map[string]any, key string) types.List {
	v, ok := cfg[key]
	if !ok || v == nil {
		return types.ListNull(types.StringType)
	}
	var items []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if e != nil {
				items = append(items, fmt.Sprint(e))
			}
		}
	case []string:
		items = x
	case string:
		for _, part := range strings.Split(x, ",") {
			if p := strings.TrimSpace(part); p != "" {
				items = append(items, p)
			}
		}
	default:
		tflog.Warn(ctx, "config value is not a list", map[string]any{"key": key})
		return types.ListNull(types.StringType)
	}
	elems := make([]attr.Value, 0, len(items))
	for _, s := range items {
		elems = append(elems, types.StringValue(s))
	}
	return types.ListValueMust(types.StringType, elems)
}

// GetTfCfgMap returns cfg[key] as a map whose elements have elemType: strings (a
// map_string override) or objects of string, number and bool attributes (a map_nested
// override). The API may send the map as an object or as a JSON-encoded string.
func GetTfCfgMap(ctx context.Context, cfg map[string]any, key string, elemType attr.Type) (types.Map, diag.Diagnostics) {
	var diags diag.Diagnostics
	v, ok := cfg[key]
	if !ok || v == nil {
		return types.MapNull(elemType), diags
	}
	if text, isText := v.(string); isText {
		var decoded map[string]any
		if err := json.Unmarshal([]byte(text), &decoded); err != nil {
			diags.AddError("Invalid map value", fmt.Sprintf("%s is not a JSON object: %s", key, err))
			return types.MapNull(elemType), diags
		}
		v = decoded
	}
	raw, isMap := v.(map[string]any)
	if !isMap {
		diags.AddError("Invalid map value", fmt.Sprintf("%s is a %T, not an object", key, v))
		return types.MapNull(elemType), diags
	}
	elems := make(map[string]attr.Value, len(raw))
	for k, e := range raw {
		switch t := elemType.(type) {
		case types.ObjectType:
			fields, _ := e.(map[string]any)
			values := make(map[string]attr.Value, len(t.AttrTypes))
			for name, at := range t.AttrTypes {
				switch at {
				case types.Int64Type:
					values[name] = GetTfCfgInt64(ctx, fields, name)
				case types.BoolType:
					values[name] = GetTfCfgBool(ctx, fields, name)
				default:
					values[name] = GetTfCfgString(ctx, fields, name)
				}
			}
			obj, d := types.ObjectValue(t.AttrTypes, values)
			diags.Append(d...)
			elems[k] = obj
		default:
			elems[k] = GetTfCfgString(ctx, raw, k)
		}
	}
	m, d := types.MapValue(elemType, elems)
	diags.Append(d...)
	return m, diags
}

// MigrateDeprecatedValues moves values set under deprecated attribute names to their
// replacements in values (a map keyed by attribute name). aliases maps old name to new
// name. The old key is always removed; its value is copied only when the new attribute
// has none, because a value written under the new name wins.
func MigrateDeprecatedValues(values map[string]any, aliases map[string]string) map[string]any {
	if values == nil {
		return nil
	}
	for oldName, newName := range aliases {
		oldValue, present := values[oldName]
		if !present {
			continue
		}
		if oldValue != nil && values[newName] == nil {
			values[newName] = oldValue
		}
		delete(values, oldName)
	}
	return values
}
