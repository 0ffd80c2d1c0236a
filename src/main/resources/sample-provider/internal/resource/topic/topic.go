// Package topic implements streamkap_topic. Sources create their topics; this resource
// takes one over to manage its partition count.
package topic

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
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

// Resource implements streamkap_topic.
type Resource struct {
	client api.StreamkapAPI
}

// Model is the Terraform state of streamkap_topic.
type Model struct {
	ID             types.String   `tfsdk:"id"`
	TopicID        types.String   `tfsdk:"topic_id"`
	PartitionCount types.Int64    `tfsdk:"partition_count"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

// NewTopicResource returns the streamkap_topic resource.
func NewTopicResource() resource.Resource {
	return &Resource{}
}

// Metadata names the resource streamkap_topic.
func (r *Resource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_topic"
}

// Schema declares the topic's attributes.
func (r *Resource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description:         "Manages the partition count of a Kafka topic written by a Streamkap source.",
		MarkdownDescription: "Manages the partition count of a Kafka topic written by a Streamkap source.\n\nThe topic itself is created by its source; destroying this resource deletes the topic and its data.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				Description:         "Same as `topic_id`.",
				MarkdownDescription: "Same as `topic_id`.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"topic_id": schema.StringAttribute{
				Required:            true,
				Description:         "ID of the topic to manage, as listed in the Streamkap UI. Changing it replaces the resource.",
				MarkdownDescription: "ID of the topic to manage, as listed in the Streamkap UI. Changing it replaces the resource.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"partition_count": schema.Int64Attribute{
				Required:            true,
				Description:         "Number of partitions of the topic; Kafka can only raise it. Must be between `1` and `100`.",
				MarkdownDescription: "Number of partitions of the topic; Kafka can only raise it. Must be between `1` and `100`.",
				Validators:          []validator.Int64{int64validator.Between(1, 100)},
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

// Create takes the topic over by setting its partition count.
func (r *Resource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m Model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, m.Timeouts, "create")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	out, err := r.client.UpdateTopic(ctx, m.TopicID.ValueString(), api.Topic{PartitionCount: m.PartitionCount.ValueInt64()})
	if err != nil {
		resp.Diagnostics.AddError("Error configuring topic", err.Error())
		return
	}
	store(out, &m)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Read refreshes the partition count; a deleted topic leaves the state.
func (r *Resource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m Model
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, m.Timeouts, "read")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	out, err := r.client.GetTopic(ctx, m.ID.ValueString())
	if api.IsNotFound(err) {
		tflog.Warn(ctx, "topic no longer exists, removing it from state", map[string]any{"id": m.ID.ValueString()})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Error reading topic", err.Error())
		return
	}
	store(out, &m)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Update sets the new partition count.
func (r *Resource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m Model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, m.Timeouts, "update")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	out, err := r.client.UpdateTopic(ctx, m.TopicID.ValueString(), api.Topic{PartitionCount: m.PartitionCount.ValueInt64()})
	if err != nil {
		resp.Diagnostics.AddError("Error updating topic", err.Error())
		return
	}
	store(out, &m)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Delete deletes the topic; one that is already gone counts as deleted.
func (r *Resource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var m Model
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := helper.OperationContext(ctx, m.Timeouts, "delete")
	defer cancel()
	resp.Diagnostics.Append(diags...)

	if err := r.client.DeleteTopic(ctx, m.ID.ValueString()); err != nil && !api.IsNotFound(err) {
		resp.Diagnostics.AddError("Error deleting topic", err.Error())
	}
}

// ImportState imports by topic ID.
func (r *Resource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if err := helper.ValidateImportID(req.ID); err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

func store(t *api.Topic, m *Model) {
	m.ID = types.StringValue(t.ID)
	m.TopicID = types.StringValue(t.ID)
	m.PartitionCount = types.Int64Value(t.PartitionCount)
}
