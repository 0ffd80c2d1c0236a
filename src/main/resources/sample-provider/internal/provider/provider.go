// Package provider is the streamkap provider: its configuration and the list of the
// resources and data sources it serves.
package provider

import (
	"context"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/example/terraform-provider-streamkap/internal/api"
	ds "github.com/example/terraform-provider-streamkap/internal/datasource"
	"github.com/example/terraform-provider-streamkap/internal/resource/destination"
	"github.com/example/terraform-provider-streamkap/internal/resource/pipeline"
	"github.com/example/terraform-provider-streamkap/internal/resource/source"
	"github.com/example/terraform-provider-streamkap/internal/resource/tag"
	"github.com/example/terraform-provider-streamkap/internal/resource/topic"
	"github.com/example/terraform-provider-streamkap/internal/resource/transform"
)

var _ provider.Provider = &streamkapProvider{}

// New returns a constructor of the provider for the given version ("dev" for local
// builds, "test" in acceptance tests, the release tag otherwise).
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &streamkapProvider{version: version}
	}
}

type streamkapProvider struct {
	version string
}

type providerModel struct {
	Host     types.String `tfsdk:"host"`
	ClientID types.String `tfsdk:"client_id"`
	Secret   types.String `tfsdk:"secret"`
}

// Metadata names the provider "streamkap", the prefix of every type name.
func (p *streamkapProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "streamkap"
	resp.Version = p.version
}

// Schema declares the provider configuration; each setting falls back to an
// environment variable.
func (p *streamkapProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description:         "Manages Streamkap sources, destinations, transforms, pipelines, topics and tags.",
		MarkdownDescription: "Manages [Streamkap](https://streamkap.com) sources, destinations, transforms, pipelines, topics and tags.",
		Attributes: map[string]schema.Attribute{
			"host": schema.StringAttribute{
				Optional:            true,
				Description:         "Base URL of the Streamkap API. Falls back to STREAMKAP_HOST, then to https://api.streamkap.com.",
				MarkdownDescription: "Base URL of the Streamkap API. Falls back to `STREAMKAP_HOST`, then to `https://api.streamkap.com`.",
			},
			"client_id": schema.StringAttribute{
				Optional:            true,
				Description:         "Client ID of a Streamkap API token. Falls back to STREAMKAP_CLIENT_ID.",
				MarkdownDescription: "Client ID of a Streamkap API token. Falls back to `STREAMKAP_CLIENT_ID`.",
			},
			"secret": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				Description:         "Secret of the Streamkap API token. Falls back to STREAMKAP_SECRET. Security: this value is sensitive and is never shown in plan output or logs.",
				MarkdownDescription: "Secret of the Streamkap API token. Falls back to `STREAMKAP_SECRET`. Security: this value is sensitive and is never shown in plan output or logs.",
			},
		},
	}
}

// Configure builds the API client, exchanges the credentials for a token and hands the
// client to every resource and data source.
func (p *streamkapProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	host := settingOrEnv(cfg.Host, os.Getenv("STREAMKAP_HOST"))
	clientID := settingOrEnv(cfg.ClientID, os.Getenv("STREAMKAP_CLIENT_ID"))
	secret := settingOrEnv(cfg.Secret, os.Getenv("STREAMKAP_SECRET"))
	if host == "" {
		host = api.DefaultHost
	}
	if clientID == "" {
		resp.Diagnostics.AddAttributeError(path.Root("client_id"), "Missing Streamkap client ID",
			"Set client_id in the provider block or the STREAMKAP_CLIENT_ID environment variable.")
	}
	if secret == "" {
		resp.Diagnostics.AddAttributeError(path.Root("secret"), "Missing Streamkap secret",
			"Set secret in the provider block or the STREAMKAP_SECRET environment variable.")
	}
	if resp.Diagnostics.HasError() {
		return
	}

	client := api.NewClient(api.Config{BaseURL: host})
	if _, err := client.GetAccessToken(ctx, clientID, secret); err != nil {
		resp.Diagnostics.AddError("Cannot authenticate to Streamkap", err.Error())
		return
	}
	resp.ResourceData = client
	resp.DataSourceData = client
}

// settingOrEnv prefers a configured value over the environment.
func settingOrEnv(v types.String, env string) string {
	if !v.IsNull() && !v.IsUnknown() && v.ValueString() != "" {
		return v.ValueString()
	}
	return env
}

// Resources lists the constructors of every resource.
func (p *streamkapProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		source.NewPostgreSQLResource,
		source.NewMySQLResource,
		source.NewWebhookResource,
		destination.NewSnowflakeResource,
		destination.NewS3Resource,
		transform.NewMapFilterResource,
		transform.NewRollupResource,
		pipeline.NewPipelineResource,
		topic.NewTopicResource,
		tag.NewTagResource,
	}
}

// DataSources lists the constructors of every data source.
func (p *streamkapProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		ds.NewTransformDataSource,
		ds.NewTagDataSource,
	}
}
