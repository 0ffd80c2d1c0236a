package provider

import (
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccDestinationSnowflake creates, updates, imports and destroys a Snowflake destination.
func TestAccDestinationSnowflake(t *testing.T) {
	url := os.Getenv("STREAMKAP_TEST_SNOWFLAKE_URL")
	key := os.Getenv("STREAMKAP_TEST_SNOWFLAKE_PRIVATE_KEY")
	if url == "" || key == "" {
		t.Skip("STREAMKAP_TEST_SNOWFLAKE_URL and STREAMKAP_TEST_SNOWFLAKE_PRIVATE_KEY are not set")
	}
	name := randomName("snowflake")
	const addr = "streamkap_destination_snowflake.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_destination_snowflake", destinationGone),
		Steps: []resource.TestStep{
			{
				Config: testAccDestinationSnowflakeConfig(name, url, key, "append"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrSet(addr, "id"),
					resource.TestCheckResourceAttr(addr, "ingestion_mode", "append"),
					resource.TestCheckResourceAttr(addr, "snowflake_role_name", "STREAMKAP_ROLE"),
					resource.TestCheckResourceAttr(addr, "auto_qa_dedupe_table_mapping.orders", "orders_dedup"),
				),
			},
			{
				Config: testAccDestinationSnowflakeConfig(name, url, key, "upsert"),
				Check:  resource.TestCheckResourceAttr(addr, "ingestion_mode", "upsert"),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func testAccDestinationSnowflakeConfig(name, url, key, mode string) string {
	return providerConfig + fmt.Sprintf(`
resource "streamkap_destination_snowflake" "test" {
  name                    = %q
  snowflake_url_name      = %q
  snowflake_user_name     = "STREAMKAP_TEST"
  snowflake_private_key   = %q
  snowflake_database_name = "TF_ACC_TEST"
  snowflake_schema_name   = "STREAMKAP"
  ingestion_mode          = %q
  create_schema_auto      = true

  auto_qa_dedupe_table_mapping = {
    orders = "orders_dedup"
  }
}
`, name, url, key, mode)
}
