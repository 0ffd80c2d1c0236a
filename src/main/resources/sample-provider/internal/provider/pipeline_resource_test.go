package provider

import (
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// The pipeline test builds a PostgreSQL source and a Snowflake destination first, so it
// needs the credentials of both.
func TestAccPipeline(t *testing.T) {
	pgHost := os.Getenv("STREAMKAP_TEST_POSTGRESQL_HOST")
	pgPassword := os.Getenv("STREAMKAP_TEST_POSTGRESQL_PASSWORD")
	sfURL := os.Getenv("STREAMKAP_TEST_SNOWFLAKE_URL")
	sfKey := os.Getenv("STREAMKAP_TEST_SNOWFLAKE_PRIVATE_KEY")
	if pgHost == "" || pgPassword == "" || sfURL == "" || sfKey == "" {
		t.Skip("the PostgreSQL and Snowflake test variables are not set")
	}
	name := randomName("pipeline")
	const addr = "streamkap_pipeline.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_pipeline", pipelineGone),
		Steps: []resource.TestStep{
			{
				Config: testAccPipelineConfig(name, pgHost, pgPassword, sfURL, sfKey, true),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrSet(addr, "id"),
					resource.TestCheckResourceAttrPair(addr, "source_id", "streamkap_source_postgresql.test", "id"),
					resource.TestCheckResourceAttr(addr, "topics.#", "1"),
					resource.TestCheckResourceAttr(addr, "snapshot_new_tables", "true"),
				),
			},
			{
				Config: testAccPipelineConfig(name, pgHost, pgPassword, sfURL, sfKey, false),
				Check:  resource.TestCheckResourceAttr(addr, "snapshot_new_tables", "false"),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func testAccPipelineConfig(name, pgHost, pgPassword, sfURL, sfKey string, snapshot bool) string {
	return providerConfig + fmt.Sprintf(`
resource "streamkap_source_postgresql" "test" {
  name                = "%[1]s-source"
  database_hostname   = %[2]q
  database_user       = "streamkap"
  database_password   = %[3]q
  database_dbname     = "orders"
  schema_include_list = "public"
  table_include_list  = "public.orders"
}

resource "streamkap_destination_snowflake" "test" {
  name                    = "%[1]s-destination"
  snowflake_url_name      = %[4]q
  snowflake_user_name     = "STREAMKAP_TEST"
  snowflake_private_key   = %[5]q
  snowflake_database_name = "TF_ACC_TEST"
  snowflake_schema_name   = "STREAMKAP"
}

resource "streamkap_pipeline" "test" {
  name                = %[1]q
  source_id           = streamkap_source_postgresql.test.id
  destination_id      = streamkap_destination_snowflake.test.id
  topics              = ["public.orders"]
  snapshot_new_tables = %[6]t
}
`, name, pgHost, pgPassword, sfURL, sfKey, snapshot)
}
