package datasource

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/example/terraform-provider-streamkap/internal/api"
)

var (
	_ datasource.DataSource              = &TagDataSource{}
	_ datasource.DataSourceWithConfigure = &TagDataSource{}
)

// TagDataSource implements the streamkap_tag data source.
type TagDataSource struct {
	client api.StreamkapAPI
}

// TagModel is the state of the streamkap_tag data source.
type TagModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Type        types.List   `tfsdk:"type"`
	Description types.String `tfsdk:"description"`
	System      types.Bool   `tfsdk:"system"`
}

// NewTagDataSource returns the streamkap_tag data source.
func NewTagDataSource() datasource.DataSource {
	return &TagDataSource{}
}

// Metadata names the data source streamkap_tag.
func (d *TagDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tag"
}

// Schema declares the data source's attributes.
func (d *TagDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description:         "Reads an existing Streamkap tag by ID.",
		MarkdownDescription: "Reads an existing Streamkap tag by ID, including the tags Streamkap manages itself.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Required:            true,
				Description:         "ID of the tag to read.",
				MarkdownDescription: "ID of the tag to read.",
			},
			"name": schema.StringAttribute{
				Computed:            true,
				Description:         "Name of the tag as shown in the Streamkap UI.",
				MarkdownDescription: "Name of the tag as shown in the Streamkap UI.",
			},
			"type": schema.ListAttribute{
				ElementType:         types.StringType,
				Computed:            true,
				Description:         "Kinds of entities the tag can be attached to.",
				MarkdownDescription: "Kinds of entities the tag can be attached to.",
			},
			"description": schema.StringAttribute{
				Computed:            true,
				Description:         "Free-text description of the tag.",
				MarkdownDescription: "Free-text description of the tag.",
			},
			"system": schema.BoolAttribute{
				Computed:            true,
				Description:         "Whether the tag is managed by Streamkap rather than by users.",
				MarkdownDescription: "Whether the tag is managed by Streamkap rather than by users.",
			},
		},
	}
}

// Configure receives the API client built by the provider.
func (d *TagDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	client, ok := req.ProviderData.(api.StreamkapAPI)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data", fmt.Sprintf("expected api.StreamkapAPI, got %T", req.ProviderData))
		return
	}
	d.client = client
}

// Read fetches the tag.
func (d *TagDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m TagModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	out, err := d.client.GetTag(ctx, m.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Error reading tag "+m.ID.ValueString(), err.Error())
		return
	}
	kinds, diags := types.ListValueFrom(ctx, types.StringType, out.Type)
	resp.Diagnostics.Append(diags...)
	m.Name = types.StringValue(out.Name)
	m.Type = kinds
	m.Description = types.StringValue(out.Description)
	m.System = types.BoolValue(out.System)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
