// Package pipeline implements streamkap_pipeline. Pipelines have no backend
// configuration file to generate from, so schema, model and CRUD are written by hand.
package pipeline

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
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

// Resource implements streamkap_pipeline.
type Resource struct {
	client api.StreamkapAPI
}

// Model is the Terraform state of streamkap_pipeline.
type Model struct {
	ID                types.String   `tfsdk:"id"`
	Name              types.String   `tfsdk:"name"`
	SourceID          types.String   `tfsdk:"source_id"`
	DestinationID     types.String   `tfsdk:"destination_id"`
	Topics            types.List     `tfsdk:"topics"`
	TransformIDs      types.List     `tfsdk:"transform_ids"`
	SnapshotNewTables types.Bool     `tfsdk:"snapshot_new_tables"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

// NewPipelineResource returns the streamkap_pipeline resource.
func NewPipelineResource() resource.Resource {
	return &Resource{}
}

// Metadata names the resource streamkap_pipeline.
func (r *Resource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_pipeline"
}

// Schema declares the pipeline's attributes.
func (r *Resource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description:         "Manages a Streamkap pipeline, which streams the topics of a source to a destination.",
		MarkdownDescription: "Manages a Streamkap pipeline, which streams the topics of a source to a destination.\n\nTransforms listed in `transform_ids` are applied on the way, in order.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				Description:         "Identifier that Streamkap assigns to the pipeline.",
				MarkdownDescription: "Identifier that Streamkap assigns to the pipeline.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				Description:         "Display name of the pipeline in Streamkap.",
				MarkdownDescription: "Display name of the pipeline in Streamkap.",
			},
			"source_id": schema.StringAttribute{
				Required:            true,
				Description:         "ID of the source the pipeline reads from. Changing it replaces the pipeline.",
				MarkdownDescription: "ID of the source the pipeline reads from. Changing it replaces the pipeline.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"destination_id": schema.StringAttribute{
				Required:            true,
				Description:         "ID of the destination the pipeline writes to. Changing it replaces the pipeline.",
				MarkdownDescription: "ID of the destination the pipeline writes to. Changing it replaces the pipeline.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"topics": schema.ListAttribute{
				ElementType:         types.StringType,
				Required:            true,
				Description:         "Topics of the source that the pipeline streams; at least one.",
				MarkdownDescription: "Topics of the source that the pipeline streams; at least one.",
				Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
			},
			"transform_ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				Computed:            true,
				Description:         "IDs of the transforms applied between source and destination, in order.",
				MarkdownDescription: "IDs of the transforms applied between source and destination, in order.",
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
			"snapshot_new_tables": schema.BoolAttribute{
				Optional:            true,
				Computed:            true,
				Description:         "Whether tables added to the source later are snapshotted before they stream. Defaults to `true`.",
				MarkdownDescription: "Whether tables added to the source later are snapshotted before they stream. Defaults to `true`.",
				Default:             booldefault.StaticBool(true),
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

// Create creates the pipeline.
func (r *Resource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m Model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, m.Timeouts, "create")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	out, err := r.client.CreatePipeline(ctx, toAPI(ctx, m, &resp.Diagnostics))
	if err != nil {
		resp.Diagnostics.AddError("Error creating pipeline", err.Error())
		return
	}
	fromAPI(ctx, out, &m, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Read refreshes the state; a pipeline deleted outside Terraform leaves the state.
func (r *Resource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m Model
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, m.Timeouts, "read")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	out, err := r.client.GetPipeline(ctx, m.ID.ValueString())
	if api.IsNotFound(err) {
		tflog.Warn(ctx, "pipeline no longer exists, removing it from state", map[string]any{"id": m.ID.ValueString()})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Error reading pipeline", err.Error())
		return
	}
	fromAPI(ctx, out, &m, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Update changes name, topics, transforms and snapshot setting in place.
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

	out, err := r.client.UpdatePipeline(ctx, prior.ID.ValueString(), toAPI(ctx, m, &resp.Diagnostics))
	if err != nil {
		resp.Diagnostics.AddError("Error updating pipeline", err.Error())
		return
	}
	m.ID = prior.ID
	fromAPI(ctx, out, &m, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Delete deletes the pipeline; one that is already gone counts as deleted.
func (r *Resource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var m Model
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, m.Timeouts, "delete")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	if err := r.client.DeletePipeline(ctx, m.ID.ValueString()); err != nil && !api.IsNotFound(err) {
		resp.Diagnostics.AddError("Error deleting pipeline", err.Error())
	}
}

// ImportState imports by pipeline ID.
func (r *Resource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if err := helper.ValidateImportID(req.ID); err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

func toAPI(ctx context.Context, m Model, diags *diag.Diagnostics) api.Pipeline {
	p := api.Pipeline{
		Name:              m.Name.ValueString(),
		SourceID:          m.SourceID.ValueString(),
		DestinationID:     m.DestinationID.ValueString(),
		SnapshotNewTables: m.SnapshotNewTables.ValueBool(),
		Topics:            []string{},
		TransformIDs:      []string{},
	}
	diags.Append(m.Topics.ElementsAs(ctx, &p.Topics, false)...)
	if !m.TransformIDs.IsNull() && !m.TransformIDs.IsUnknown() {
		diags.Append(m.TransformIDs.ElementsAs(ctx, &p.TransformIDs, false)...)
	}
	return p
}

func fromAPI(ctx context.Context, p *api.Pipeline, m *Model, diags *diag.Diagnostics) {
	if p.ID != "" {
		m.ID = types.StringValue(p.ID)
	}
	m.Name = types.StringValue(p.Name)
	m.SourceID = types.StringValue(p.SourceID)
	m.DestinationID = types.StringValue(p.DestinationID)
	m.SnapshotNewTables = types.BoolValue(p.SnapshotNewTables)
	topics, d := types.ListValueFrom(ctx, types.StringType, p.Topics)
	diags.Append(d...)
	m.Topics = topics
	transforms, d := types.ListValueFrom(ctx, types.StringType, nonNil(p.TransformIDs))
	diags.Append(d...)
	m.TransformIDs = transforms
}

// nonNil turns a missing JSON array into an empty list, which is what an omitted
// transform_ids plans to after the first apply.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
