// Package provider is a small plugin-framework provider that follows every rule of tfaudit's
// framework plan; the plan's self-tests break it one rule at a time.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

type soundProvider struct{}

func New() provider.Provider { return &soundProvider{} }

func (p *soundProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "sound"
}

func (p *soundProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Configures the sound provider.",
		Attributes: map[string]schema.Attribute{
			"endpoint":  schema.StringAttribute{Optional: true, Description: "The API's address; SOUND_ENDPOINT when unset."},
			"api_token": schema.StringAttribute{Optional: true, Sensitive: true, Description: "The API token; SOUND_TOKEN when unset."},
		},
	}
}

func (p *soundProvider) Configure(_ context.Context, _ provider.ConfigureRequest, _ *provider.ConfigureResponse) {
}

func (p *soundProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{NewWidgetResource}
}

func (p *soundProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{NewLookupDataSource}
}

func (p *soundProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{NewTokenEphemeralResource}
}

func (p *soundProvider) Functions(_ context.Context) []func() function.Function {
	return []func() function.Function{NewReverseFunction}
}
