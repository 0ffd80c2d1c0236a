package provider

import (
	"context"
	"regexp"
	"strings"
	"testing"

	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// Schema validation tests plan invalid configurations against a fake API and expect
// Terraform to reject them before anything is sent.

// rejection is an invalid configuration and the error Terraform must report.
type rejection struct {
	want   string
	config string
}

// planRejects plans each configuration and expects its error.
func planRejects(t *testing.T, cases ...rejection) {
	t.Helper()
	fakeStreamkap(t, nil)
	for _, tc := range cases {
		want, config := tc.want, tc.config
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{
				{
					Config:      providerConfig + config,
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(want),
				},
			},
		})
	}
}

// postgresqlWith is a valid PostgreSQL source with one line replaced or added.
func postgresqlWith(line string) string {
	return `
resource "streamkap_source_postgresql" "invalid" {
  name                = "tf-acc-test-invalid"
  database_user       = "streamkap"
  database_password   = "not-a-real-password"
  database_dbname     = "orders"
  schema_include_list = "public"
  table_include_list  = "public.orders"
  ` + line + `
}
`
}

// TestSchemaValidation_RequiredField expects an error when a required attribute is missing.
func TestSchemaValidation_RequiredField(t *testing.T) {
	planRejects(t,
		rejection{`The argument "database_hostname" is required`, postgresqlWith(``)},
	)
}

// TestSchemaValidation_Enum expects an error for a value outside a OneOf list.
func TestSchemaValidation_Enum(t *testing.T) {
	planRejects(t,
		rejection{`value must be one of`, postgresqlWith(`database_hostname = "pg.example.internal"
  database_sslmode  = "sometimes"`)},
		rejection{`value must be one of`, `
resource "streamkap_tag" "invalid" {
  name = "tf-acc-test-invalid"
  type = ["users"]
}
`},
	)
}

// TestSchemaValidation_Range expects an error for numbers outside their bounds.
func TestSchemaValidation_Range(t *testing.T) {
	planRejects(t,
		rejection{`must be between 1 and 8`, postgresqlWith(`database_hostname    = "pg.example.internal"
  snapshot_parallelism = 20`)},
		rejection{`must be between 1 and 100`, `
resource "streamkap_topic" "invalid" {
  topic_id        = "tf-acc-test-topic"
  partition_count = 0
}
`},
	)
}

// TestSchemaValidation_PortFormat expects errors for a port out of range and for a port that is not a number.
func TestSchemaValidation_PortFormat(t *testing.T) {
	planRejects(t,
		rejection{`must be between 1 and 65535`, postgresqlWith(`database_hostname = "pg.example.internal"
  database_port     = 0`)},
		rejection{`Inappropriate value for attribute "ssh_port"`, postgresqlWith(`database_hostname = "pg.example.internal"
  ssh_port          = "twenty-two"`)},
	)
}

// TestSchemaValidation_DeprecatedAliasConflict expects an error when an alias and its replacement are both set.
func TestSchemaValidation_DeprecatedAliasConflict(t *testing.T) {
	planRejects(t,
		rejection{`Invalid Attribute Combination`, postgresqlWith(`database_hostname                          = "pg.example.internal"
  insert_static_key_field_1                  = "tenant"
  transforms_insert_static_key1_static_field = "tenant"`)},
	)
}

// TestSchemaValidation_Sensitive checks that every attribute holding a credential is
// Sensitive (so Terraform never prints it) and says so in its description.
func TestSchemaValidation_Sensitive(t *testing.T) {
	secretish := regexp.MustCompile(`password|secret|private_key|access_key|passphrase`)
	for name, factory := range snapshotResources {
		attrs := snapshotOf(schemaOf(t, factory)).Attributes
		for attrName, a := range attrs {
			if !secretish.MatchString(attrName) {
				continue
			}
			if !a.Sensitive {
				t.Errorf("%s.%s holds a credential but is not Sensitive", name, attrName)
			}
			if !strings.Contains(a.Description, "Security:") {
				t.Errorf("%s.%s is Sensitive but its description has no security note", name, attrName)
			}
		}
	}
}

func schemaOf(t *testing.T, factory func() fwresource.Resource) schema.Schema {
	t.Helper()
	resp := &fwresource.SchemaResponse{}
	factory().Schema(context.Background(), fwresource.SchemaRequest{}, resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	return resp.Schema
}
