package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

type lookupDataSource struct{}

func NewLookupDataSource() datasource.DataSource { return &lookupDataSource{} }

func (d *lookupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_lookup"
}

func (d *lookupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks a widget up by name.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{Required: true, Description: "The name to look up."},
			"size": schema.Int64Attribute{Computed: true, Description: "The widget's size."},
		},
	}
}

func (d *lookupDataSource) Read(_ context.Context, _ datasource.ReadRequest, _ *datasource.ReadResponse) {}
