package provider

import (
	"context"
	"regexp"
	"testing"

	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/example/terraform-provider-streamkap/internal/generated"
	"github.com/example/terraform-provider-streamkap/internal/resource/connector"
	"github.com/example/terraform-provider-streamkap/internal/resource/destination"
	"github.com/example/terraform-provider-streamkap/internal/resource/source"
)

// Smoke tests cover the connectors that have no shared test infrastructure (MySQL and
// S3; see docs/DEVELOPMENT.md). Without credentials they check what an acceptance test
// would otherwise prove first: the schema builds, every attribute is documented and
// mapped, the model converts to the API config and back, and validators reject bad
// input. They need the terraform binary but no Streamkap account.

// smokeSchema builds a resource's schema and checks that every attribute has both
// descriptions and every field mapping names an attribute.
func smokeSchema(t *testing.T, r fwresource.Resource, mappings map[string]string) {
	t.Helper()
	resp := &fwresource.SchemaResponse{}
	r.Schema(context.Background(), fwresource.SchemaRequest{}, resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("schema: %v", resp.Diagnostics)
	}
	for name, a := range resp.Schema.Attributes {
		if a.GetDescription() == "" || a.GetMarkdownDescription() == "" {
			t.Errorf("attribute %s lacks a description", name)
		}
	}
	for name := range mappings {
		if _, ok := resp.Schema.Attributes[name]; !ok {
			t.Errorf("field mapping %s names no attribute", name)
		}
	}
}

// TestSmokeSourceMySQL checks the MySQL source without a MySQL database.
func TestSmokeSourceMySQL(t *testing.T) {
	cfg := &source.MySQLConfig{}
	smokeSchema(t, source.NewMySQLResource(), cfg.GetFieldMappings())

	ctx := context.Background()
	model := cfg.NewModelInstance().(*generated.SourceMySQLModel)
	model.DatabaseHostname = types.StringValue("mysql.example.internal")
	model.DatabasePort = types.Int64Value(3306)
	model.HeartbeatEnabled = types.BoolValue(true)
	model.DatabasePassword = types.StringNull()
	apiConfig, err := connector.ModelToConfigMap(ctx, model, cfg.GetFieldMappings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if apiConfig["database.hostname.user.defined"] != "mysql.example.internal" || apiConfig["database.port.user.defined"] != int64(3306) {
		t.Fatalf("unexpected API config %v", apiConfig)
	}
	if _, ok := apiConfig["database.password"]; ok {
		t.Fatal("a null attribute must not be sent")
	}
	back := cfg.NewModelInstance().(*generated.SourceMySQLModel)
	apiConfig["database.port.user.defined"] = "3306" // the API answers ports as text
	if diags := connector.ConfigMapToModel(ctx, apiConfig, back, cfg.GetFieldMappings()); diags.HasError() {
		t.Fatal(diags)
	}
	if back.DatabasePort.ValueInt64() != 3306 || !back.HeartbeatEnabled.ValueBool() {
		t.Fatalf("round trip lost values: %+v", back)
	}

	fakeStreamkap(t, nil)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:             smokeMySQLConfig(`binary_handling_mode = "hex"`),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config:      smokeMySQLConfig(`binary_handling_mode = "utf8"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`value must be one of`),
			},
			{
				Config:      smokeMySQLConfig(`database_port = 70000`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`must be between 1 and 65535`),
			},
		},
	})
}

func smokeMySQLConfig(extra string) string {
	return providerConfig + `
resource "streamkap_source_mysql" "smoke" {
  name                  = "tf-acc-test-smoke-mysql"
  database_hostname     = "mysql.example.internal"
  database_user         = "streamkap"
  database_password     = "not-a-real-password"
  database_include_list = "shop"
  table_include_list    = "shop.orders"
  ` + extra + `
}
`
}

// TestSmokeDestinationS3 checks the S3 destination without an AWS account.
func TestSmokeDestinationS3(t *testing.T) {
	cfg := &destination.S3Config{}
	smokeSchema(t, destination.NewS3Resource(), cfg.GetFieldMappings())

	ctx := context.Background()
	model := cfg.NewModelInstance().(*generated.DestinationS3Model)
	model.S3BucketName = types.StringValue("acme-cdc-archive")
	model.FlushSize = types.Int64Unknown() // unknown until apply: not sent
	apiConfig, err := connector.ModelToConfigMap(ctx, model, cfg.GetFieldMappings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if apiConfig["s3.bucket.name"] != "acme-cdc-archive" || len(apiConfig) != 1 {
		t.Fatalf("unexpected API config %v", apiConfig)
	}
	back := cfg.NewModelInstance().(*generated.DestinationS3Model)
	back.FlushSize = types.Int64Unknown()
	if diags := connector.ConfigMapToModel(ctx, map[string]any{"flush.size": float64(5000)}, back, cfg.GetFieldMappings()); diags.HasError() {
		t.Fatal(diags)
	}
	if back.FlushSize.ValueInt64() != 5000 {
		t.Fatalf("flush.size not read back: %v", back.FlushSize)
	}

	fakeStreamkap(t, nil)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:             smokeS3Config(`file_format = "csv"`),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config:      smokeS3Config(`aws_region = "mars-north-1"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`value must be one of`),
			},
		},
	})
}

func smokeS3Config(extra string) string {
	return providerConfig + `
resource "streamkap_destination_s3" "smoke" {
  name                  = "tf-acc-test-smoke-s3"
  aws_access_key_id     = "AKIAEXAMPLEEXAMPLE"
  aws_secret_access_key = "not-a-real-secret"
  s3_bucket_name        = "acme-cdc-archive"
  ` + extra + `
}
`
}
