// Package transform implements the transform resources. Transforms live in their own
// API collection and have no connector code, so they get their own config interface
// (TransformConfig) and base resource; the conversion between model and API config is
// shared with the connectors (connector.ModelToConfigMap, connector.ConfigMapToModel).
package transform

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/example/terraform-provider-streamkap/internal/api"
	"github.com/example/terraform-provider-streamkap/internal/helper"
	"github.com/example/terraform-provider-streamkap/internal/resource/connector"
)

// TransformConfig is what a transform wrapper tells the base resource.
type TransformConfig interface {
	// GetSchema returns the transform's schema.
	GetSchema() schema.Schema
	// GetFieldMappings maps Terraform attribute names to API config keys.
	GetFieldMappings() map[string]string
	// GetTransformType is the API's transform type, e.g. "map_filter".
	GetTransformType() string
	// GetResourceName is the type name without the provider prefix.
	GetResourceName() string
	// NewModelInstance returns a pointer to a zero model struct.
	NewModelInstance() any
}

var (
	_ resource.Resource                = &BaseTransformResource{}
	_ resource.ResourceWithConfigure   = &BaseTransformResource{}
	_ resource.ResourceWithImportState = &BaseTransformResource{}
)

// BaseTransformResource implements every transform resource.
type BaseTransformResource struct {
	client api.StreamkapAPI
	config TransformConfig
}

// NewBaseTransformResource returns the resource for one transform type.
func NewBaseTransformResource(config TransformConfig) resource.Resource {
	return &BaseTransformResource{config: config}
}

// Metadata names the resource streamkap_<resource name>.
func (r *BaseTransformResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.config.GetResourceName()
}

// Schema is the wrapper's schema plus a timeouts block.
func (r *BaseTransformResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	s := r.config.GetSchema()
	s.Blocks = map[string]schema.Block{
		"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
	}
	resp.Schema = s
}

// Configure receives the API client built by the provider.
func (r *BaseTransformResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	client, ok := req.ProviderData.(api.StreamkapAPI)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data", fmt.Sprintf("expected api.StreamkapAPI, got %T", req.ProviderData))
		return
	}
	r.client = client
}

// Create creates the transform.
func (r *BaseTransformResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	model := r.config.NewModelInstance()
	resp.Diagnostics.Append(req.Plan.Get(ctx, model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, connector.ModelTimeouts(model), "create")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	in, err := r.request(ctx, model)
	if err != nil {
		resp.Diagnostics.AddError("Invalid configuration", err.Error())
		return
	}
	out, err := r.client.CreateTransform(ctx, in)
	if err != nil {
		resp.Diagnostics.AddError("Error creating "+r.config.GetResourceName(), err.Error())
		return
	}
	r.storeAnswer(ctx, out, model, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}

// Read refreshes the state; a transform deleted outside Terraform leaves the state.
func (r *BaseTransformResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	model := r.config.NewModelInstance()
	resp.Diagnostics.Append(req.State.Get(ctx, model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, connector.ModelTimeouts(model), "read")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	id := connector.ModelString(model, "id")
	out, err := r.client.GetTransform(ctx, id)
	if api.IsNotFound(err) {
		tflog.Warn(ctx, "transform no longer exists, removing it from state", map[string]any{"id": id})
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

// Update sends the planned configuration.
func (r *BaseTransformResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	model := r.config.NewModelInstance()
	resp.Diagnostics.Append(req.Plan.Get(ctx, model)...)
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, connector.ModelTimeouts(model), "update")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	in, err := r.request(ctx, model)
	if err != nil {
		resp.Diagnostics.AddError("Invalid configuration", err.Error())
		return
	}
	out, err := r.client.UpdateTransform(ctx, id.ValueString(), in)
	if err != nil {
		resp.Diagnostics.AddError("Error updating "+r.config.GetResourceName(), err.Error())
		return
	}
	connector.SetModelString(model, "id", id.ValueString())
	r.storeAnswer(ctx, out, model, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}

// Delete deletes the transform; one that is already gone counts as deleted.
func (r *BaseTransformResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	model := r.config.NewModelInstance()
	resp.Diagnostics.Append(req.State.Get(ctx, model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, connector.ModelTimeouts(model), "delete")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	if err := r.client.DeleteTransform(ctx, connector.ModelString(model, "id")); err != nil && !api.IsNotFound(err) {
		resp.Diagnostics.AddError("Error deleting "+r.config.GetResourceName(), err.Error())
	}
}

// ImportState imports by ID.
func (r *BaseTransformResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if err := helper.ValidateImportID(req.ID); err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

func (r *BaseTransformResource) request(ctx context.Context, model any) (api.Transform, error) {
	cfg, err := connector.ModelToConfigMap(ctx, model, r.config.GetFieldMappings(), nil)
	if err != nil {
		return api.Transform{}, err
	}
	return api.Transform{Name: connector.ModelString(model, "name"), TransformType: r.config.GetTransformType(), Config: cfg}, nil
}

func (r *BaseTransformResource) storeAnswer(ctx context.Context, out *api.Transform, model any, diags *diag.Diagnostics) {
	if out.ID != "" {
		connector.SetModelString(model, "id", out.ID)
	}
	if out.Name != "" {
		connector.SetModelString(model, "name", out.Name)
	}
	diags.Append(connector.ConfigMapToModel(ctx, out.Config, model, r.config.GetFieldMappings())...)
}
