package transform

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/example/terraform-provider-streamkap/internal/generated"
)

// MapFilterConfig describes streamkap_transform_map_filter to the base transform resource.
type MapFilterConfig struct{}

var _ TransformConfig = (*MapFilterConfig)(nil)

// GetSchema returns the generated schema unchanged.
func (c *MapFilterConfig) GetSchema() schema.Schema { return generated.TransformMapFilterSchema() }

// GetFieldMappings returns the generated field mappings.
func (c *MapFilterConfig) GetFieldMappings() map[string]string {
	return generated.TransformMapFilterFieldMappings
}

// GetTransformType returns the API's transform type.
func (c *MapFilterConfig) GetTransformType() string { return "map_filter" }

// GetResourceName returns the type name without the provider prefix.
func (c *MapFilterConfig) GetResourceName() string { return "transform_map_filter" }

// NewModelInstance returns a zero generated model.
func (c *MapFilterConfig) NewModelInstance() any { return &generated.TransformMapFilterModel{} }

// NewMapFilterResource returns the streamkap_transform_map_filter resource.
func NewMapFilterResource() resource.Resource {
	return NewBaseTransformResource(&MapFilterConfig{})
}
