// Package tag implements streamkap_tag.
package tag

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/example/terraform-provider-streamkap/internal/api"
	"github.com/example/terraform-provider-streamkap/internal/helper"
)

var (
	_ resource.Resource                = &Resource{}
	_ resource.ResourceWithConfigure   = &Resource{}
	_ resource.ResourceWithImportState = &Resource{}
)

// Resource implements streamkap_tag.
type Resource struct {
	client api.StreamkapAPI
}

// Model is the Terraform state of streamkap_tag.
type Model struct {
	ID          types.String   `tfsdk:"id"`
	Name        types.String   `tfsdk:"name"`
	Type        types.List     `tfsdk:"type"`
	Description types.String   `tfsdk:"description"`
	System      types.Bool     `tfsdk:"system"`
	Timeouts    timeouts.Value `tfsdk:"timeouts"`
}

// NewTagResource returns the streamkap_tag resource.
func NewTagResource() resource.Resource {
	return &Resource{}
}

// Metadata names the resource streamkap_tag.
func (r *Resource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tag"
}

// Schema declares the tag's attributes.
func (r *Resource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description:         "Manages a Streamkap tag, a label for sources, destinations, pipelines and transforms.",
		MarkdownDescription: "Manages a Streamkap tag, a label for sources, destinations, pipelines and transforms.\n\nTags created by Streamkap itself have `system` set and cannot be managed.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				Description:         "Identifier that Streamkap assigns to the tag.",
				MarkdownDescription: "Identifier that Streamkap assigns to the tag.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				Description:         "Name of the tag as shown in the Streamkap UI.",
				MarkdownDescription: "Name of the tag as shown in the Streamkap UI.",
			},
			"type": schema.ListAttribute{
				ElementType:         types.StringType,
				Required:            true,
				Description:         "Kinds of entities the tag can be attached to. Valid values: `sources`, `destinations`, `pipelines`, `transforms`.",
				MarkdownDescription: "Kinds of entities the tag can be attached to. Valid values: `sources`, `destinations`, `pipelines`, `transforms`.",
				Validators: []validator.List{
					listvalidator.SizeAtLeast(1),
					listvalidator.ValueStringsAre(stringvalidator.OneOf("sources", "destinations", "pipelines", "transforms")),
				},
			},
			"description": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				Description:         "Free-text description of the tag.",
				MarkdownDescription: "Free-text description of the tag.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"system": schema.BoolAttribute{
				Computed:            true,
				Description:         "Whether the tag is managed by Streamkap rather than by users.",
				MarkdownDescription: "Whether the tag is managed by Streamkap rather than by users.",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

// Configure receives the API client built by the provider.
func (r *Resource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
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

// Create creates the tag.
func (r *Resource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m Model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, m.Timeouts, "create")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	out, err := r.client.CreateTag(ctx, toAPI(ctx, m, &resp.Diagnostics))
	if err != nil {
		resp.Diagnostics.AddError("Error creating tag", err.Error())
		return
	}
	fromAPI(ctx, out, &m, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Read refreshes the state; a tag deleted outside Terraform leaves the state.
func (r *Resource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m Model
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, m.Timeouts, "read")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	out, err := r.client.GetTag(ctx, m.ID.ValueString())
	if api.IsNotFound(err) {
		tflog.Warn(ctx, "tag no longer exists, removing it from state", map[string]any{"id": m.ID.ValueString()})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Error reading tag", err.Error())
		return
	}
	fromAPI(ctx, out, &m, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Update renames the tag or changes its kinds and description.
func (r *Resource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m, prior Model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, m.Timeouts, "update")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	out, err := r.client.UpdateTag(ctx, prior.ID.ValueString(), toAPI(ctx, m, &resp.Diagnostics))
	if err != nil {
		resp.Diagnostics.AddError("Error updating tag", err.Error())
		return
	}
	m.ID = prior.ID
	fromAPI(ctx, out, &m, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Delete deletes the tag; one that is already gone counts as deleted.
func (r *Resource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var m Model
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, m.Timeouts, "delete")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	if err := r.client.DeleteTag(ctx, m.ID.ValueString()); err != nil && !api.IsNotFound(err) {
		resp.Diagnostics.AddError("Error deleting tag", err.Error())
	}
}

// ImportState imports by tag ID.
func (r *Resource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if err := helper.ValidateImportID(req.ID); err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

func toAPI(ctx context.Context, m Model, diags *diag.Diagnostics) api.Tag {
	t := api.Tag{Name: m.Name.ValueString(), Description: m.Description.ValueString()}
	diags.Append(m.Type.ElementsAs(ctx, &t.Type, false)...)
	return t
}

func fromAPI(ctx context.Context, t *api.Tag, m *Model, diags *diag.Diagnostics) {
	if t.ID != "" {
		m.ID = types.StringValue(t.ID)
	}
	m.Name = types.StringValue(t.Name)
	m.Description = types.StringValue(t.Description)
	m.System = types.BoolValue(t.System)
	kinds, d := types.ListValueFrom(ctx, types.StringType, t.Type)
	diags.Append(d...)
	m.Type = kinds
}
