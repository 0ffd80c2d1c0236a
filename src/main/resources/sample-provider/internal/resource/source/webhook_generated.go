package source

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/example/terraform-provider-streamkap/internal/generated"
	"github.com/example/terraform-provider-streamkap/internal/resource/connector"
)

// WebhookConfig describes streamkap_source_webhook to the base resource.
type WebhookConfig struct{}

var _ connector.ConnectorConfig = (*WebhookConfig)(nil)

// GetSchema returns the generated schema unchanged.
func (c *WebhookConfig) GetSchema() schema.Schema { return generated.SourceWebhookSchema() }

// GetFieldMappings returns the generated field mappings.
func (c *WebhookConfig) GetFieldMappings() map[string]string {
	return generated.SourceWebhookFieldMappings
}

// GetConnectorType returns ConnectorTypeSource.
func (c *WebhookConfig) GetConnectorType() connector.ConnectorType {
	return connector.ConnectorTypeSource
}

// GetConnectorCode returns the backend's connector code.
func (c *WebhookConfig) GetConnectorCode() string { return "webhook" }

// GetResourceName returns the type name without the provider prefix.
func (c *WebhookConfig) GetResourceName() string { return "source_webhook" }

// NewModelInstance returns a zero generated model.
func (c *WebhookConfig) NewModelInstance() any { return &generated.SourceWebhookModel{} }

// NewWebhookResource returns the streamkap_source_webhook resource.
func NewWebhookResource() resource.Resource {
	return connector.NewBaseConnectorResource(&WebhookConfig{})
}
