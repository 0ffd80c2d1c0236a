// Package source holds the wrappers of the source connectors. Each one adapts a schema
// of internal/generated to connector.ConnectorConfig and adds what generation cannot
// know, such as the attribute names kept from v2.
package source

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/example/terraform-provider-streamkap/internal/generated"
	"github.com/example/terraform-provider-streamkap/internal/resource/connector"
)

// postgresqlAliases are the v2 names of the static-key and static-value settings (see
// cmd/tfgen/deprecations.json and docs/MIGRATION.md).
var postgresqlAliases = []connector.DeprecatedAlias{
	{Old: "insert_static_key_field_1", New: "transforms_insert_static_key1_static_field"},
	{Old: "insert_static_key_value_1", New: "transforms_insert_static_key1_static_value"},
	{Old: "insert_static_value_field_1", New: "transforms_insert_static_value1_static_field"},
	{Old: "insert_static_value_1", New: "transforms_insert_static_value1_static_value"},
	{Old: "insert_static_key_field_2", New: "transforms_insert_static_key2_static_field"},
	{Old: "insert_static_key_value_2", New: "transforms_insert_static_key2_static_value"},
	{Old: "insert_static_value_field_2", New: "transforms_insert_static_value2_static_field"},
	{Old: "insert_static_value_2", New: "transforms_insert_static_value2_static_value"},
}

// postgresqlFieldMappings are the generated mappings plus one entry per alias.
var postgresqlFieldMappings = connector.ExtendFieldMappings(generated.SourcePostgreSQLFieldMappings, postgresqlAliases)

// PostgreSQLConfig describes streamkap_source_postgresql to the base resource.
type PostgreSQLConfig struct{}

var (
	_ connector.ConnectorConfig       = (*PostgreSQLConfig)(nil)
	_ connector.WithDeprecatedAliases = (*PostgreSQLConfig)(nil)
)

// GetSchema returns the generated schema with the deprecated aliases added. An alias is
// Optional+Computed (Read fills it from the same API key as its replacement) and
// conflicts with its replacement, so a configuration cannot set both.
func (c *PostgreSQLConfig) GetSchema() schema.Schema {
	s := generated.SourcePostgreSQLSchema()
	for _, a := range postgresqlAliases {
		s.Attributes[a.Old] = schema.StringAttribute{
			Optional:            true,
			Computed:            true,
			DeprecationMessage:  "Use " + a.New + " instead. " + a.Old + " will be removed in 4.0.0.",
			Description:         "Deprecated: use `" + a.New + "` instead.",
			MarkdownDescription: "Deprecated: use `" + a.New + "` instead.",
			Validators: []validator.String{
				stringvalidator.ConflictsWith(path.MatchRoot(a.New)),
			},
			PlanModifiers: []planmodifier.String{
				stringplanmodifier.UseStateForUnknown(),
			},
		}
	}
	return s
}

// GetFieldMappings returns the generated mappings extended with the aliases.
func (c *PostgreSQLConfig) GetFieldMappings() map[string]string { return postgresqlFieldMappings }

// GetDeprecatedAliases lets the base move alias values to their replacements.
func (c *PostgreSQLConfig) GetDeprecatedAliases() []connector.DeprecatedAlias {
	return postgresqlAliases
}

// GetConnectorType returns ConnectorTypeSource.
func (c *PostgreSQLConfig) GetConnectorType() connector.ConnectorType {
	return connector.ConnectorTypeSource
}

// GetConnectorCode returns the backend's code for PostgreSQL.
func (c *PostgreSQLConfig) GetConnectorCode() string { return "postgresql" }

// GetResourceName returns the type name without the provider prefix.
func (c *PostgreSQLConfig) GetResourceName() string { return "source_postgresql" }

// NewModelInstance returns the generated model, which declares the alias fields too.
func (c *PostgreSQLConfig) NewModelInstance() any { return &generated.SourcePostgreSQLModel{} }

// NewPostgreSQLResource returns the streamkap_source_postgresql resource.
func NewPostgreSQLResource() resource.Resource {
	return connector.NewBaseConnectorResource(&PostgreSQLConfig{})
}
