// Package datasource implements the provider's data sources.
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
	_ datasource.DataSource              = &TransformDataSource{}
	_ datasource.DataSourceWithConfigure = &TransformDataSource{}
)

// TransformDataSource implements the streamkap_transform data source.
type TransformDataSource struct {
	client api.StreamkapAPI
}

// TransformModel is the state of the streamkap_transform data source.
type TransformModel struct {
	ID            types.String `tfsdk:"id"`
	Name          types.String `tfsdk:"name"`
	TransformType types.String `tfsdk:"transform_type"`
	Status        types.String `tfsdk:"status"`
}

// NewTransformDataSource returns the streamkap_transform data source.
func NewTransformDataSource() datasource.DataSource {
	return &TransformDataSource{}
}

// Metadata names the data source streamkap_transform.
func (d *TransformDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_transform"
}

// Schema declares the data source's attributes.
func (d *TransformDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description:         "Reads an existing Streamkap transform by ID.",
		MarkdownDescription: "Reads an existing Streamkap transform by ID, for example one created in the Streamkap UI, so that a `streamkap_pipeline` can use it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Required:            true,
				Description:         "ID of the transform to read.",
				MarkdownDescription: "ID of the transform to read.",
			},
			"name": schema.StringAttribute{
				Computed:            true,
				Description:         "Name of the transform as shown in the Streamkap UI.",
				MarkdownDescription: "Name of the transform as shown in the Streamkap UI.",
			},
			"transform_type": schema.StringAttribute{
				Computed:            true,
				Description:         "Kind of the transform, such as `map_filter` or `rollup`.",
				MarkdownDescription: "Kind of the transform, such as `map_filter` or `rollup`.",
			},
			"status": schema.StringAttribute{
				Computed:            true,
				Description:         "Deployment status that Streamkap reports for the transform.",
				MarkdownDescription: "Deployment status that Streamkap reports for the transform.",
			},
		},
	}
}

// Configure receives the API client built by the provider.
func (d *TransformDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
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

// Read fetches the transform.
func (d *TransformDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m TransformModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	out, err := d.client.GetTransform(ctx, m.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Error reading transform "+m.ID.ValueString(), err.Error())
		return
	}
	m.Name = types.StringValue(out.Name)
	m.TransformType = types.StringValue(out.TransformType)
	m.Status = types.StringValue(out.Status)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
