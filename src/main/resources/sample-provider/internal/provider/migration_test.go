package provider

import (
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// Migration tests apply a configuration written for v2.1.18 with that release, then
// plan the same configuration with this provider: the plan must be empty, or users
// upgrading would see changes they did not ask for. The configurations deliberately use
// the deprecated v2 attribute names where a resource has them.

// TestAccSourcePostgreSQL_Migration upgrades a 2.1.18 PostgreSQL source that uses the deprecated static-key names.
func TestAccSourcePostgreSQL_Migration(t *testing.T) {
	host := os.Getenv("STREAMKAP_TEST_POSTGRESQL_HOST")
	password := os.Getenv("STREAMKAP_TEST_POSTGRESQL_PASSWORD")
	if host == "" || password == "" {
		t.Skip("STREAMKAP_TEST_POSTGRESQL_HOST and STREAMKAP_TEST_POSTGRESQL_PASSWORD are not set")
	}
	config := providerConfig + fmt.Sprintf(`
resource "streamkap_source_postgresql" "migrated" {
  name                      = %q
  database_hostname         = %q
  database_port             = 5432
  database_user             = "streamkap"
  database_password         = %q
  database_dbname           = "orders"
  schema_include_list       = "public"
  table_include_list        = "public.orders"
  insert_static_key_field_1 = "tenant"
  insert_static_key_value_1 = "acme"
}
`, randomName("pg-migration"), host, password)
	resource.Test(t, resource.TestCase{
		PreCheck:     func() { testAccPreCheck(t) },
		CheckDestroy: testAccCheckDestroyed("streamkap_source_postgresql", sourceGone),
		Steps: []resource.TestStep{
			{
				ExternalProviders: legacyProvider(),
				Config:            config,
			},
			{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Config:                   config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// TestAccSourceMySQL_Migration upgrades a 2.1.18 MySQL source.
func TestAccSourceMySQL_Migration(t *testing.T) {
	host := os.Getenv("STREAMKAP_TEST_MYSQL_HOST")
	password := os.Getenv("STREAMKAP_TEST_MYSQL_PASSWORD")
	if host == "" || password == "" {
		t.Skip("STREAMKAP_TEST_MYSQL_HOST and STREAMKAP_TEST_MYSQL_PASSWORD are not set")
	}
	config := providerConfig + fmt.Sprintf(`
resource "streamkap_source_mysql" "migrated" {
  name                  = %q
  database_hostname     = %q
  database_user         = "streamkap"
  database_password     = %q
  database_include_list = "shop"
  table_include_list    = "shop.orders"
}
`, randomName("mysql-migration"), host, password)
	resource.Test(t, resource.TestCase{
		PreCheck:     func() { testAccPreCheck(t) },
		CheckDestroy: testAccCheckDestroyed("streamkap_source_mysql", sourceGone),
		Steps: []resource.TestStep{
			{
				ExternalProviders: legacyProvider(),
				Config:            config,
			},
			{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Config:                   config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// TestAccDestinationSnowflake_Migration upgrades a 2.1.18 Snowflake destination that uses auto_schema_creation.
func TestAccDestinationSnowflake_Migration(t *testing.T) {
	url := os.Getenv("STREAMKAP_TEST_SNOWFLAKE_URL")
	key := os.Getenv("STREAMKAP_TEST_SNOWFLAKE_PRIVATE_KEY")
	if url == "" || key == "" {
		t.Skip("STREAMKAP_TEST_SNOWFLAKE_URL and STREAMKAP_TEST_SNOWFLAKE_PRIVATE_KEY are not set")
	}
	config := providerConfig + fmt.Sprintf(`
resource "streamkap_destination_snowflake" "migrated" {
  name                    = %q
  snowflake_url_name      = %q
  snowflake_user_name     = "STREAMKAP_TEST"
  snowflake_private_key   = %q
  snowflake_database_name = "TF_ACC_TEST"
  snowflake_schema_name   = "STREAMKAP"
  auto_schema_creation    = true
}
`, randomName("snowflake-migration"), url, key)
	resource.Test(t, resource.TestCase{
		PreCheck:     func() { testAccPreCheck(t) },
		CheckDestroy: testAccCheckDestroyed("streamkap_destination_snowflake", destinationGone),
		Steps: []resource.TestStep{
			{
				ExternalProviders: legacyProvider(),
				Config:            config,
			},
			{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Config:                   config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// TestAccDestinationS3_Migration upgrades a 2.1.18 S3 destination.
func TestAccDestinationS3_Migration(t *testing.T) {
	keyID := os.Getenv("STREAMKAP_TEST_S3_ACCESS_KEY_ID")
	secret := os.Getenv("STREAMKAP_TEST_S3_SECRET_ACCESS_KEY")
	bucket := os.Getenv("STREAMKAP_TEST_S3_BUCKET")
	if keyID == "" || secret == "" || bucket == "" {
		t.Skip("STREAMKAP_TEST_S3_ACCESS_KEY_ID, STREAMKAP_TEST_S3_SECRET_ACCESS_KEY and STREAMKAP_TEST_S3_BUCKET are not set")
	}
	config := providerConfig + fmt.Sprintf(`
resource "streamkap_destination_s3" "migrated" {
  name                  = %q
  aws_access_key_id     = %q
  aws_secret_access_key = %q
  s3_bucket_name        = %q
}
`, randomName("s3-migration"), keyID, secret, bucket)
	resource.Test(t, resource.TestCase{
		PreCheck:     func() { testAccPreCheck(t) },
		CheckDestroy: testAccCheckDestroyed("streamkap_destination_s3", destinationGone),
		Steps: []resource.TestStep{
			{
				ExternalProviders: legacyProvider(),
				Config:            config,
			},
			{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Config:                   config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}
