package destination

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/example/terraform-provider-streamkap/internal/generated"
	"github.com/example/terraform-provider-streamkap/internal/resource/connector"
)

// S3Config describes streamkap_destination_s3 to the base resource.
type S3Config struct{}

var _ connector.ConnectorConfig = (*S3Config)(nil)

// GetSchema returns the generated schema unchanged.
func (c *S3Config) GetSchema() schema.Schema { return generated.DestinationS3Schema() }

// GetFieldMappings returns the generated field mappings.
func (c *S3Config) GetFieldMappings() map[string]string { return generated.DestinationS3FieldMappings }

// GetConnectorType returns ConnectorTypeDestination.
func (c *S3Config) GetConnectorType() connector.ConnectorType {
	return connector.ConnectorTypeDestination
}

// GetConnectorCode returns the backend's connector code.
func (c *S3Config) GetConnectorCode() string { return "s3" }

// GetResourceName returns the type name without the provider prefix.
func (c *S3Config) GetResourceName() string { return "destination_s3" }

// NewModelInstance returns a zero generated model.
func (c *S3Config) NewModelInstance() any { return &generated.DestinationS3Model{} }

// NewS3Resource returns the streamkap_destination_s3 resource.
func NewS3Resource() resource.Resource {
	return connector.NewBaseConnectorResource(&S3Config{})
}
