// Package connector is the base layer of the provider's three layers:
//
//  1. internal/generated: schema, model and field mappings per connector, written by
//     cmd/tfgen from the backend configuration. No logic.
//  2. internal/resource/source and internal/resource/destination: one thin wrapper per
//     connector implementing ConnectorConfig; the place for deprecated aliases and other
//     hand-made adjustments.
//  3. This package: one resource implementation (BaseConnectorResource) that does the
//     CRUD, import and timeouts for every connector, converting between the model struct
//     and the API's config object by reflection over tfsdk tags and field mappings.
//
// Reflection keeps the per-connector code to a declaration: adding a connector is
// regenerating layer 1 and writing a ten-line wrapper, not another 400 lines of CRUD.
package connector

import (
	"context"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/example/terraform-provider-streamkap/internal/api"
	"github.com/example/terraform-provider-streamkap/internal/helper"
)

// ConnectorType says which API collection a connector lives in.
type ConnectorType string

// The two kinds of connectors.
const (
	ConnectorTypeSource      ConnectorType = "source"
	ConnectorTypeDestination ConnectorType = "destination"
)

// ConnectorConfig is what a wrapper tells the base resource about its connector.
type ConnectorConfig interface {
	// GetSchema returns the connector's schema (generated, plus the wrapper's changes).
	GetSchema() schema.Schema
	// GetFieldMappings maps Terraform attribute names to API config keys.
	GetFieldMappings() map[string]string
	// GetConnectorType tells whether this is a source or a destination.
	GetConnectorType() ConnectorType
	// GetConnectorCode is the backend's connector code, e.g. "postgresql".
	GetConnectorCode() string
	// GetResourceName is the type name without the provider prefix, e.g. "source_postgresql".
	GetResourceName() string
	// NewModelInstance returns a pointer to a zero model struct.
	NewModelInstance() any
}

// DeprecatedAlias is an attribute name kept from v2 and the attribute replacing it.
type DeprecatedAlias struct {
	Old string
	New string
}

// WithDeprecatedAliases is implemented by wrappers that keep deprecated attribute names.
type WithDeprecatedAliases interface {
	GetDeprecatedAliases() []DeprecatedAlias
}

// ExtendFieldMappings returns a copy of base in which each alias's old name maps to the
// API key of its new name. The generated map is shared, so it is never modified.
func ExtendFieldMappings(base map[string]string, aliases []DeprecatedAlias) map[string]string {
	out := make(map[string]string, len(base)+len(aliases))
	for name, key := range base {
		out[name] = key
	}
	for _, a := range aliases {
		out[a.Old] = base[a.New]
	}
	return out
}

// Ensure BaseConnectorResource implements the framework interfaces it is used as.
var (
	_ resource.Resource                = &BaseConnectorResource{}
	_ resource.ResourceWithConfigure   = &BaseConnectorResource{}
	_ resource.ResourceWithImportState = &BaseConnectorResource{}
)

// BaseConnectorResource implements every source and destination resource.
type BaseConnectorResource struct {
	client api.StreamkapAPI
	config ConnectorConfig
}

// NewBaseConnectorResource returns the resource for one connector.
func NewBaseConnectorResource(config ConnectorConfig) resource.Resource {
	return &BaseConnectorResource{config: config}
}

// Metadata names the resource streamkap_<resource name>.
func (r *BaseConnectorResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.config.GetResourceName()
}

// Schema is the wrapper's schema plus a timeouts block for all four operations.
func (r *BaseConnectorResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	s := r.config.GetSchema()
	s.Blocks = map[string]schema.Block{
		"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
	}
	resp.Schema = s
}

// Configure receives the API client built by the provider.
func (r *BaseConnectorResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil {
		return // the provider is not configured yet (validation runs before Configure)
	}
	client, ok := req.ProviderData.(api.StreamkapAPI)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data", fmt.Sprintf("expected api.StreamkapAPI, got %T", req.ProviderData))
		return
	}
	r.client = client
}

// Create creates the connector and stores what the API answered.
func (r *BaseConnectorResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	model := r.config.NewModelInstance()
	resp.Diagnostics.Append(req.Plan.Get(ctx, model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, ModelTimeouts(model), "create")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	config, err := r.modelToConfigMap(ctx, model)
	if err != nil {
		resp.Diagnostics.AddError("Invalid configuration", err.Error())
		return
	}
	in := api.Connector{Name: ModelString(model, "name"), Connector: r.config.GetConnectorCode(), Config: config}
	var out *api.Connector
	if r.config.GetConnectorType() == ConnectorTypeSource {
		out, err = r.client.CreateSource(ctx, in)
	} else {
		out, err = r.client.CreateDestination(ctx, in)
	}
	if err != nil {
		resp.Diagnostics.AddError("Error creating "+r.config.GetResourceName(), err.Error())
		return
	}
	r.storeAnswer(ctx, out, model, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}

// Read refreshes the state. A connector deleted outside Terraform is removed from the
// state, so that the next plan creates it again instead of failing.
func (r *BaseConnectorResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	model := r.config.NewModelInstance()
	resp.Diagnostics.Append(req.State.Get(ctx, model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, ModelTimeouts(model), "read")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	id := ModelString(model, "id")
	var out *api.Connector
	var err error
	if r.config.GetConnectorType() == ConnectorTypeSource {
		out, err = r.client.GetSource(ctx, id)
	} else {
		out, err = r.client.GetDestination(ctx, id)
	}
	if api.IsNotFound(err) {
		tflog.Warn(ctx, "connector no longer exists, removing it from state", map[string]any{"id": id})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Error reading "+r.config.GetResourceName(), err.Error())
		return
	}
	r.storeAnswer(ctx, out, model, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}

// Update sends the planned configuration. The ID comes from the prior state.
func (r *BaseConnectorResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	model := r.config.NewModelInstance()
	resp.Diagnostics.Append(req.Plan.Get(ctx, model)...)
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, ModelTimeouts(model), "update")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	config, err := r.modelToConfigMap(ctx, model)
	if err != nil {
		resp.Diagnostics.AddError("Invalid configuration", err.Error())
		return
	}
	in := api.Connector{Name: ModelString(model, "name"), Connector: r.config.GetConnectorCode(), Config: config}
	var out *api.Connector
	if r.config.GetConnectorType() == ConnectorTypeSource {
		out, err = r.client.UpdateSource(ctx, id.ValueString(), in)
	} else {
		out, err = r.client.UpdateDestination(ctx, id.ValueString(), in)
	}
	if err != nil {
		resp.Diagnostics.AddError("Error updating "+r.config.GetResourceName(), err.Error())
		return
	}
	SetModelString(model, "id", id.ValueString())
	r.storeAnswer(ctx, out, model, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}

// Delete deletes the connector; one that is already gone counts as deleted.
func (r *BaseConnectorResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	model := r.config.NewModelInstance()
	resp.Diagnostics.Append(req.State.Get(ctx, model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, ModelTimeouts(model), "delete")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	var err error
	if r.config.GetConnectorType() == ConnectorTypeSource {
		err = r.client.DeleteSource(ctx, ModelString(model, "id"))
	} else {
		err = r.client.DeleteDestination(ctx, ModelString(model, "id"))
	}
	if err != nil && !api.IsNotFound(err) {
		resp.Diagnostics.AddError("Error deleting "+r.config.GetResourceName(), err.Error())
	}
}

// ImportState imports by ID: the ID is checked, copied to "id" and Read does the rest.
func (r *BaseConnectorResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if err := helper.ValidateImportID(req.ID); err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// storeAnswer copies an API answer into the model.
func (r *BaseConnectorResource) storeAnswer(ctx context.Context, out *api.Connector, model any, diags *diag.Diagnostics) {
	if out.ID != "" {
		SetModelString(model, "id", out.ID)
	}
	if out.Name != "" {
		SetModelString(model, "name", out.Name)
	}
	SetModelString(model, "connector", out.Connector)
	diags.Append(r.configMapToModel(ctx, out.Config, model)...)
}

func (r *BaseConnectorResource) aliases() []DeprecatedAlias {
	if d, ok := r.config.(WithDeprecatedAliases); ok {
		return d.GetDeprecatedAliases()
	}
	return nil
}

// modelToConfigMap builds the API config object from the model.
func (r *BaseConnectorResource) modelToConfigMap(ctx context.Context, model any) (map[string]any, error) {
	return ModelToConfigMap(ctx, model, r.config.GetFieldMappings(), r.aliases())
}

// configMapToModel copies the API config object into the model.
func (r *BaseConnectorResource) configMapToModel(ctx context.Context, cfg map[string]any, model any) diag.Diagnostics {
	return ConfigMapToModel(ctx, cfg, model, r.config.GetFieldMappings())
}

// ModelToConfigMap converts a model struct (a pointer) into an API config object:
// every mapped attribute's value is read (extractTerraformValue), values written under
// deprecated names are moved to their replacements (helper.MigrateDeprecatedValues), and
// each value is stored under its API key. Null and unknown attributes are left out so
// that the backend applies its own default.
func ModelToConfigMap(ctx context.Context, model any, mappings map[string]string, aliases []DeprecatedAlias) (map[string]any, error) {
	values := map[string]any{}
	for name, field := range tfsdkFields(model) {
		if _, mapped := mappings[name]; !mapped {
			continue
		}
		v, err := extractTerraformValue(ctx, field)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", name, err)
		}
		values[name] = v
	}
	renames := make(map[string]string, len(aliases))
	for _, a := range aliases {
		renames[a.Old] = a.New
	}
	helper.MigrateDeprecatedValues(values, renames)

	out := make(map[string]any, len(values))
	for name, v := range values {
		if v != nil {
			out[mappings[name]] = v
		}
	}
	return out, nil
}

// ConfigMapToModel sets every mapped attribute of model from cfg (setTerraformValue).
// A deprecated alias and its replacement map to the same key, so both get the value.
func ConfigMapToModel(ctx context.Context, cfg map[string]any, model any, mappings map[string]string) diag.Diagnostics {
	var diags diag.Diagnostics
	fields := tfsdkFields(model)
	for name, key := range mappings {
		if field, ok := fields[name]; ok {
			diags.Append(setTerraformValue(ctx, cfg, key, field)...)
		}
	}
	return diags
}

// extractTerraformValue turns one model field into a plain Go value for JSON: string,
// int64, bool, []string or map[string]any. Null and unknown give nil.
func extractTerraformValue(ctx context.Context, field reflect.Value) (any, error) {
	switch v := field.Interface().(type) {
	case types.String:
		if v.IsNull() || v.IsUnknown() {
			return nil, nil
		}
		return v.ValueString(), nil
	case types.Int64:
		if v.IsNull() || v.IsUnknown() {
			return nil, nil
		}
		return v.ValueInt64(), nil
	case types.Bool:
		if v.IsNull() || v.IsUnknown() {
			return nil, nil
		}
		return v.ValueBool(), nil
	case types.List:
		if v.IsNull() || v.IsUnknown() {
			return nil, nil
		}
		var items []string
		if d := v.ElementsAs(ctx, &items, false); d.HasError() {
			return nil, fmt.Errorf("list elements are not strings")
		}
		return items, nil
	case types.Map:
		if v.IsNull() || v.IsUnknown() {
			return nil, nil
		}
		out := make(map[string]any, len(v.Elements()))
		for k, e := range v.Elements() {
			out[k] = plainValue(e)
		}
		return out, nil
	default:
		return nil, fmt.Errorf("unsupported model field type %T", v)
	}
}

// plainValue converts one element of a map attribute (a string, or an object of a
// map_nested attribute) into a plain Go value.
func plainValue(v attr.Value) any {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	switch x := v.(type) {
	case types.String:
		return x.ValueString()
	case types.Int64:
		return x.ValueInt64()
	case types.Bool:
		return x.ValueBool()
	case types.Object:
		out := map[string]any{}
		for name, a := range x.Attributes() {
			if p := plainValue(a); p != nil {
				out[name] = p
			}
		}
		return out
	default:
		return v.String()
	}
}

// setTerraformValue sets one model field from cfg[key] with the helper for its type.
// A key the API left out keeps the planned (or prior) value, since the API omits
// fields it has no value for; only an unknown value is replaced, by null, because the
// state must never hold unknowns.
func setTerraformValue(ctx context.Context, cfg map[string]any, key string, field reflect.Value) diag.Diagnostics {
	var diags diag.Diagnostics
	current, ok := field.Interface().(attr.Value)
	if !ok {
		return diags
	}
	if _, present := cfg[key]; !present && !current.IsUnknown() {
		return diags
	}
	var next attr.Value
	switch v := current.(type) {
	case types.String:
		next = helper.GetTfCfgString(ctx, cfg, key)
	case types.Int64:
		next = helper.GetTfCfgInt64(ctx, cfg, key)
	case types.Bool:
		next = helper.GetTfCfgBool(ctx, cfg, key)
	case types.List:
		next = helper.GetTfCfgListString(ctx, cfg, key)
	case types.Map:
		m, d := helper.GetTfCfgMap(ctx, cfg, key, v.ElementType(ctx))
		diags.Append(d...)
		next = m
	default:
		diags.AddError("Unsupported attribute type", fmt.Sprintf("%s has type %T", key, v))
		return diags
	}
	field.Set(reflect.ValueOf(next))
	return diags
}

// tfsdkFields indexes the fields of a model struct (a pointer) by their tfsdk tag.
func tfsdkFields(model any) map[string]reflect.Value {
	out := map[string]reflect.Value{}
	v := reflect.ValueOf(model).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		if tag := t.Field(i).Tag.Get("tfsdk"); tag != "" && tag != "-" {
			out[tag] = v.Field(i)
		}
	}
	return out
}

// ModelString returns the string attribute name of a model ("" when null or absent).
func ModelString(model any, name string) string {
	if f, ok := tfsdkFields(model)[name]; ok {
		if s, isString := f.Interface().(types.String); isString {
			return s.ValueString()
		}
	}
	return ""
}

// SetModelString sets the string attribute name of a model, if it has one.
func SetModelString(model any, name, value string) {
	if f, ok := tfsdkFields(model)[name]; ok {
		if _, isString := f.Interface().(types.String); isString {
			f.Set(reflect.ValueOf(types.StringValue(value)))
		}
	}
}

// ModelTimeouts returns the timeouts block of a model (null when it has none).
func ModelTimeouts(model any) timeouts.Value {
	if f, ok := tfsdkFields(model)["timeouts"]; ok {
		if t, isTimeouts := f.Interface().(timeouts.Value); isTimeouts {
			return t
		}
	}
	return timeouts.Value{}
}
