package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccTransformRollup creates, updates, imports and destroys a rollup transform.
func TestAccTransformRollup(t *testing.T) {
	name := randomName("rollup")
	const addr = "streamkap_transform_rollup.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_transform_rollup", transformGone),
		Steps: []resource.TestStep{
			{
				Config: testAccTransformRollupConfig(name, 60),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrSet(addr, "id"),
					resource.TestCheckResourceAttr(addr, "aggregation_function", "count"),
					resource.TestCheckResourceAttr(addr, "window_size_seconds", "60"),
				),
			},
			{
				Config: testAccTransformRollupConfig(name, 300),
				Check:  resource.TestCheckResourceAttr(addr, "window_size_seconds", "300"),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func testAccTransformRollupConfig(name string, window int) string {
	return providerConfig + fmt.Sprintf(`
resource "streamkap_transform_rollup" "test" {
  name                = %q
  input_topic_pattern = "tf_acc_test\\.orders"
  output_topic        = "tf_acc_test_orders_per_window"
  window_size_seconds = %d
  group_by_fields     = ["region"]
}
`, name, window)
}
