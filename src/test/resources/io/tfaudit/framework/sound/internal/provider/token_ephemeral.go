package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
)

type tokenEphemeral struct{}

func NewTokenEphemeralResource() ephemeral.EphemeralResource { return &tokenEphemeral{} }

func (e *tokenEphemeral) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_token"
}

func (e *tokenEphemeral) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A short-lived API token.",
		Attributes: map[string]schema.Attribute{
			"scope": schema.StringAttribute{Required: true, Description: "What the token may do."},
			"token": schema.StringAttribute{Computed: true, Sensitive: true, Description: "The token."},
		},
	}
}

func (e *tokenEphemeral) Open(_ context.Context, _ ephemeral.OpenRequest, _ *ephemeral.OpenResponse) {}
