package transform

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// fakeTransform is the smallest TransformConfig: one required name.
type fakeTransform struct{}

func (fakeTransform) GetSchema() schema.Schema {
	return schema.Schema{Attributes: map[string]schema.Attribute{"name": schema.StringAttribute{Required: true}}}
}
func (fakeTransform) GetFieldMappings() map[string]string { return map[string]string{"name": "name"} }
func (fakeTransform) GetTransformType() string            { return "fake" }
func (fakeTransform) GetResourceName() string             { return "transform_fake" }
func (fakeTransform) NewModelInstance() any               { return &struct{}{} }

// TestBaseTransform_NameAndTimeouts checks the type name and that users can set timeouts.
func TestBaseTransform_NameAndTimeouts(t *testing.T) {
	r := NewBaseTransformResource(fakeTransform{})
	meta := &resource.MetadataResponse{}
	r.Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "streamkap"}, meta)
	if meta.TypeName != "streamkap_transform_fake" {
		t.Fatalf("TypeName = %q", meta.TypeName)
	}
	s := &resource.SchemaResponse{}
	r.Schema(context.Background(), resource.SchemaRequest{}, s)
	if _, ok := s.Schema.Blocks["timeouts"]; !ok {
		t.Fatal("no timeouts block")
	}
	if _, ok := s.Schema.Attributes["name"]; !ok {
		t.Fatal("the wrapper's attributes are missing")
	}
}
