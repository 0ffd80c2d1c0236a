package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccTransformMapFilter creates, updates, imports and destroys a map_filter transform.
func TestAccTransformMapFilter(t *testing.T) {
	name := randomName("map-filter")
	const addr = "streamkap_transform_map_filter.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_transform_map_filter", transformGone),
		Steps: []resource.TestStep{
			{
				Config: testAccTransformMapFilterConfig(name, "JavaScript"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrSet(addr, "id"),
					resource.TestCheckResourceAttr(addr, "language", "JavaScript"),
					resource.TestCheckResourceAttr(addr, "input_serialization_format", "Any"),
					resource.TestCheckResourceAttr(addr, "parallelism", "1"),
				),
			},
			{
				Config: testAccTransformMapFilterConfig(name, "Python"),
				Check:  resource.TestCheckResourceAttr(addr, "language", "Python"),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func testAccTransformMapFilterConfig(name, language string) string {
	return providerConfig + fmt.Sprintf(`
resource "streamkap_transform_map_filter" "test" {
  name                 = %q
  input_topic_pattern  = "tf_acc_test\\.orders"
  output_topic_pattern = "{topic}_filtered"
  language             = %q
}
`, name, language)
}
