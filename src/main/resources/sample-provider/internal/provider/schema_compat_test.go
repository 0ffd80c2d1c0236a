package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/example/terraform-provider-streamkap/internal/resource/destination"
	"github.com/example/terraform-provider-streamkap/internal/resource/pipeline"
	"github.com/example/terraform-provider-streamkap/internal/resource/source"
	"github.com/example/terraform-provider-streamkap/internal/resource/tag"
	"github.com/example/terraform-provider-streamkap/internal/resource/topic"
	"github.com/example/terraform-provider-streamkap/internal/resource/transform"
)

// snapshotVersion is the provider release the snapshots in testdata/schemas describe.
const snapshotVersion = "3.0.0-beta.1"

// snapshot is one file of testdata/schemas: a resource's attributes in the shape of the
// "block" of `terraform providers schema -json` (false flags omitted), plus the release
// it was taken from. Blocks (timeouts) are not recorded.
type snapshot struct {
	Version         string                       `json:"version"`
	Description     string                       `json:"description,omitempty"`
	DescriptionKind string                       `json:"description_kind,omitempty"`
	Attributes      map[string]snapshotAttribute `json:"attributes"`
}

type snapshotAttribute struct {
	Type            json.RawMessage `json:"type,omitempty"`
	NestedType      *snapshotNested `json:"nested_type,omitempty"`
	Description     string          `json:"description,omitempty"`
	DescriptionKind string          `json:"description_kind,omitempty"`
	Required        bool            `json:"required,omitempty"`
	Optional        bool            `json:"optional,omitempty"`
	Computed        bool            `json:"computed,omitempty"`
	Sensitive       bool            `json:"sensitive,omitempty"`
	Deprecated      bool            `json:"deprecated,omitempty"`
}

type snapshotNested struct {
	Attributes  map[string]snapshotAttribute `json:"attributes"`
	NestingMode string                       `json:"nesting_mode"`
}

// snapshotResources are the resources with a snapshot, by file name (the type name
// without the provider prefix).
var snapshotResources = map[string]func() fwresource.Resource{
	"source_postgresql":     source.NewPostgreSQLResource,
	"source_mysql":          source.NewMySQLResource,
	"source_webhook":        source.NewWebhookResource,
	"destination_snowflake": destination.NewSnowflakeResource,
	"destination_s3":        destination.NewS3Resource,
	"transform_map_filter":  transform.NewMapFilterResource,
	"transform_rollup":      transform.NewRollupResource,
	"pipeline":              pipeline.NewPipelineResource,
	"topic":                 topic.NewTopicResource,
	"tag":                   tag.NewTagResource,
}

// TestSchemaBackwardsCompatibility compares each resource's schema with its snapshot and
// fails on changes that break existing configurations: a removed attribute, an optional
// attribute that became required, a new required attribute, a changed type, or a
// sensitive attribute that is no longer sensitive. Computed-only changes are logged.
// UPDATE_SNAPSHOTS=1 rewrites the snapshots after an intended change.
func TestSchemaBackwardsCompatibility(t *testing.T) {
	for name, factory := range snapshotResources {
		name, factory := name, factory
		t.Run(name, func(t *testing.T) {
			resp := &fwresource.SchemaResponse{}
			factory().Schema(context.Background(), fwresource.SchemaRequest{}, resp)
			if resp.Diagnostics.HasError() {
				t.Fatalf("schema: %v", resp.Diagnostics)
			}
			current := snapshotOf(resp.Schema)
			file := filepath.Join("testdata", "schemas", name+".json")

			if os.Getenv("UPDATE_SNAPSHOTS") != "" {
				data, err := json.MarshalIndent(current, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, append(data, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("updated %s", file)
				return
			}

			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("no snapshot (run with UPDATE_SNAPSHOTS=1 to create it): %v", err)
			}
			var base snapshot
			if err := json.Unmarshal(data, &base); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			for attrName, old := range base.Attributes {
				now, ok := current.Attributes[attrName]
				switch {
				case !ok && old.Required:
					t.Errorf("BREAKING: required attribute %q was removed", attrName)
				case !ok:
					t.Errorf("BREAKING: attribute %q was removed", attrName)
				case old.Optional && now.Required:
					t.Errorf("BREAKING: attribute %q changed from optional to required", attrName)
				case old.Sensitive && !now.Sensitive:
					t.Errorf("BREAKING: attribute %q is no longer sensitive", attrName)
				case typeKey(old) != typeKey(now):
					t.Errorf("BREAKING: attribute %q changed type from %s to %s", attrName, typeKey(old), typeKey(now))
				case old.Computed != now.Computed:
					t.Logf("warning: attribute %q computed changed from %t to %t", attrName, old.Computed, now.Computed)
				}
			}
			for attrName, now := range current.Attributes {
				if _, ok := base.Attributes[attrName]; !ok && now.Required {
					t.Errorf("BREAKING: new required attribute %q", attrName)
				}
			}
		})
	}
}

func snapshotOf(s schema.Schema) snapshot {
	out := snapshot{Version: snapshotVersion, Attributes: map[string]snapshotAttribute{}}
	out.Description, out.DescriptionKind = describe(s.Description, s.MarkdownDescription)
	for name, a := range s.Attributes {
		out.Attributes[name] = snapshotAttributeOf(a)
	}
	return out
}

func snapshotAttributeOf(a schema.Attribute) snapshotAttribute {
	sa := snapshotAttribute{
		Required: a.IsRequired(), Optional: a.IsOptional(), Computed: a.IsComputed(), Sensitive: a.IsSensitive(),
		Deprecated: a.GetDeprecationMessage() != "",
	}
	sa.Description, sa.DescriptionKind = describe(a.GetDescription(), a.GetMarkdownDescription())
	if nested, ok := a.(schema.MapNestedAttribute); ok {
		sa.NestedType = &snapshotNested{Attributes: map[string]snapshotAttribute{}, NestingMode: "map"}
		for name, inner := range nested.NestedObject.Attributes {
			sa.NestedType.Attributes[name] = snapshotAttributeOf(inner)
		}
		return sa
	}
	sa.Type = typeJSON(a.GetType())
	return sa
}

// describe prefers the markdown description, as Terraform does.
func describe(plain, markdown string) (string, string) {
	if markdown != "" {
		return markdown, "markdown"
	}
	if plain != "" {
		return plain, "plain"
	}
	return "", ""
}

// typeJSON writes a type as Terraform's JSON does: "string", ["list","string"], ...
func typeJSON(t attr.Type) json.RawMessage {
	switch v := t.(type) {
	case types.ListType:
		return json.RawMessage(`["list",` + string(typeJSON(v.ElemType)) + `]`)
	case types.MapType:
		return json.RawMessage(`["map",` + string(typeJSON(v.ElemType)) + `]`)
	}
	switch t {
	case types.Int64Type:
		return json.RawMessage(`"number"`)
	case types.BoolType:
		return json.RawMessage(`"bool"`)
	}
	return json.RawMessage(`"string"`)
}

// typeKey makes types comparable whatever their whitespace in the file.
func typeKey(a snapshotAttribute) string {
	if a.NestedType != nil {
		return a.NestedType.NestingMode + "(object)"
	}
	var b bytes.Buffer
	if err := json.Compact(&b, a.Type); err != nil {
		return string(a.Type)
	}
	return b.String()
}
