package provider

import (
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccSourcePostgreSQL creates, updates, imports and destroys a PostgreSQL source.
func TestAccSourcePostgreSQL(t *testing.T) {
	host := os.Getenv("STREAMKAP_TEST_POSTGRESQL_HOST")
	password := os.Getenv("STREAMKAP_TEST_POSTGRESQL_PASSWORD")
	if host == "" || password == "" {
		t.Skip("STREAMKAP_TEST_POSTGRESQL_HOST and STREAMKAP_TEST_POSTGRESQL_PASSWORD are not set")
	}
	name := randomName("postgresql")
	const addr = "streamkap_source_postgresql.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_source_postgresql", sourceGone),
		Steps: []resource.TestStep{
			{
				Config: testAccSourcePostgreSQLConfig(name, host, password, "public.orders", "disable"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrSet(addr, "id"),
					resource.TestCheckResourceAttr(addr, "name", name),
					resource.TestCheckResourceAttr(addr, "connector", "postgresql"),
					resource.TestCheckResourceAttr(addr, "database_port", "5432"),
					resource.TestCheckResourceAttr(addr, "database_sslmode", "disable"),
					resource.TestCheckResourceAttr(addr, "snapshot_parallelism", "2"),
					resource.TestCheckResourceAttr(addr, "slot_name", "streamkap_slot"),
				),
			},
			{
				Config: testAccSourcePostgreSQLConfig(name+"-renamed", host, password, "public.orders,public.customers", "require"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(addr, "name", name+"-renamed"),
					resource.TestCheckResourceAttr(addr, "table_include_list", "public.orders,public.customers"),
					resource.TestCheckResourceAttr(addr, "database_sslmode", "require"),
				),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func testAccSourcePostgreSQLConfig(name, host, password, tables, sslMode string) string {
	return providerConfig + fmt.Sprintf(`
resource "streamkap_source_postgresql" "test" {
  name                = %q
  database_hostname   = %q
  database_user       = "streamkap"
  database_password   = %q
  database_dbname     = "orders"
  database_sslmode    = %q
  schema_include_list = "public"
  table_include_list  = %q
}
`, name, host, password, sslMode, tables)
}
