// Package destination holds the wrappers of the destination connectors. Each one adapts
// a schema of internal/generated to connector.ConnectorConfig.
package destination

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/boolvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/example/terraform-provider-streamkap/internal/generated"
	"github.com/example/terraform-provider-streamkap/internal/resource/connector"
)

// snowflakeAliases keeps the v2 name of create_schema_auto.
var snowflakeAliases = []connector.DeprecatedAlias{
	{Old: "auto_schema_creation", New: "create_schema_auto"},
}

// snowflakeFieldMappings are the generated mappings plus the alias.
var snowflakeFieldMappings = connector.ExtendFieldMappings(generated.DestinationSnowflakeFieldMappings, snowflakeAliases)

// SnowflakeConfig describes streamkap_destination_snowflake to the base resource.
type SnowflakeConfig struct{}

var (
	_ connector.ConnectorConfig       = (*SnowflakeConfig)(nil)
	_ connector.WithDeprecatedAliases = (*SnowflakeConfig)(nil)
)

// GetSchema returns the generated schema with the auto_schema_creation alias, a
// boolean like its replacement.
func (c *SnowflakeConfig) GetSchema() schema.Schema {
	s := generated.DestinationSnowflakeSchema()
	s.Attributes["auto_schema_creation"] = schema.BoolAttribute{
		Optional:            true,
		Computed:            true,
		DeprecationMessage:  "Use create_schema_auto instead. auto_schema_creation will be removed in 4.0.0.",
		Description:         "Deprecated: use `create_schema_auto` instead.",
		MarkdownDescription: "Deprecated: use `create_schema_auto` instead.",
		Validators: []validator.Bool{
			boolvalidator.ConflictsWith(path.MatchRoot("create_schema_auto")),
		},
		PlanModifiers: []planmodifier.Bool{
			boolplanmodifier.UseStateForUnknown(),
		},
	}
	return s
}

// GetFieldMappings returns the generated mappings extended with the alias.
func (c *SnowflakeConfig) GetFieldMappings() map[string]string { return snowflakeFieldMappings }

// GetDeprecatedAliases lets the base move alias values to their replacements.
func (c *SnowflakeConfig) GetDeprecatedAliases() []connector.DeprecatedAlias { return snowflakeAliases }

// GetConnectorType returns ConnectorTypeDestination.
func (c *SnowflakeConfig) GetConnectorType() connector.ConnectorType {
	return connector.ConnectorTypeDestination
}

// GetConnectorCode returns the backend's code for Snowflake.
func (c *SnowflakeConfig) GetConnectorCode() string { return "snowflake" }

// GetResourceName returns the type name without the provider prefix.
func (c *SnowflakeConfig) GetResourceName() string { return "destination_snowflake" }

// NewModelInstance returns the generated model, which declares the alias field too.
func (c *SnowflakeConfig) NewModelInstance() any { return &generated.DestinationSnowflakeModel{} }

// NewSnowflakeResource returns the streamkap_destination_snowflake resource.
func NewSnowflakeResource() resource.Resource {
	return connector.NewBaseConnectorResource(&SnowflakeConfig{})
}
