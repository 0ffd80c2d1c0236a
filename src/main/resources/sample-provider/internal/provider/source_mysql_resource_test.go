package provider

import (
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// MySQL has no shared test database: this test runs where the variables are set and
// TestSmokeSourceMySQL (smoke_test.go) covers it everywhere else.
func TestAccSourceMySQL(t *testing.T) {
	host := os.Getenv("STREAMKAP_TEST_MYSQL_HOST")
	password := os.Getenv("STREAMKAP_TEST_MYSQL_PASSWORD")
	if host == "" || password == "" {
		t.Skip("STREAMKAP_TEST_MYSQL_HOST and STREAMKAP_TEST_MYSQL_PASSWORD are not set")
	}
	name := randomName("mysql")
	const addr = "streamkap_source_mysql.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_source_mysql", sourceGone),
		Steps: []resource.TestStep{
			{
				Config: testAccSourceMySQLConfig(name, host, password, "shop.orders"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrSet(addr, "id"),
					resource.TestCheckResourceAttr(addr, "database_port", "3306"),
					resource.TestCheckResourceAttr(addr, "binary_handling_mode", "bytes"),
					resource.TestCheckResourceAttr(addr, "snapshot_custom_table_config.shop.orders.chunks", "4"),
				),
			},
			{
				Config: testAccSourceMySQLConfig(name, host, password, "shop.orders,shop.refunds"),
				Check:  resource.TestCheckResourceAttr(addr, "table_include_list", "shop.orders,shop.refunds"),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func testAccSourceMySQLConfig(name, host, password, tables string) string {
	return providerConfig + fmt.Sprintf(`
resource "streamkap_source_mysql" "test" {
  name                  = %q
  database_hostname     = %q
  database_user         = "streamkap"
  database_password     = %q
  database_include_list = "shop"
  table_include_list    = %q

  snapshot_custom_table_config = {
    "shop.orders" = { chunks = 4 }
  }
}
`, name, host, password, tables)
}
