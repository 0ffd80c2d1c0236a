package source

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/example/terraform-provider-streamkap/internal/generated"
	"github.com/example/terraform-provider-streamkap/internal/resource/connector"
)

// MySQLConfig describes streamkap_source_mysql to the base resource.
type MySQLConfig struct{}

var _ connector.ConnectorConfig = (*MySQLConfig)(nil)

// GetSchema returns the generated schema unchanged.
func (c *MySQLConfig) GetSchema() schema.Schema { return generated.SourceMySQLSchema() }

// GetFieldMappings returns the generated field mappings.
func (c *MySQLConfig) GetFieldMappings() map[string]string { return generated.SourceMySQLFieldMappings }

// GetConnectorType returns ConnectorTypeSource.
func (c *MySQLConfig) GetConnectorType() connector.ConnectorType {
	return connector.ConnectorTypeSource
}

// GetConnectorCode returns the backend's connector code.
func (c *MySQLConfig) GetConnectorCode() string { return "mysql" }

// GetResourceName returns the type name without the provider prefix.
func (c *MySQLConfig) GetResourceName() string { return "source_mysql" }

// NewModelInstance returns a zero generated model.
func (c *MySQLConfig) NewModelInstance() any { return &generated.SourceMySQLModel{} }

// NewMySQLResource returns the streamkap_source_mysql resource.
func NewMySQLResource() resource.Resource {
	return connector.NewBaseConnectorResource(&MySQLConfig{})
}
