package transform

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/example/terraform-provider-streamkap/internal/generated"
)

// RollupConfig describes streamkap_transform_rollup to the base transform resource.
type RollupConfig struct{}

var _ TransformConfig = (*RollupConfig)(nil)

// GetSchema returns the generated schema unchanged.
func (c *RollupConfig) GetSchema() schema.Schema { return generated.TransformRollupSchema() }

// GetFieldMappings returns the generated field mappings.
func (c *RollupConfig) GetFieldMappings() map[string]string {
	return generated.TransformRollupFieldMappings
}

// GetTransformType returns the API's transform type.
func (c *RollupConfig) GetTransformType() string { return "rollup" }

// GetResourceName returns the type name without the provider prefix.
func (c *RollupConfig) GetResourceName() string { return "transform_rollup" }

// NewModelInstance returns a zero generated model.
func (c *RollupConfig) NewModelInstance() any { return &generated.TransformRollupModel{} }

// NewRollupResource returns the streamkap_transform_rollup resource.
func NewRollupResource() resource.Resource {
	return NewBaseTransformResource(&RollupConfig{})
}
