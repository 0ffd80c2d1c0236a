package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccDataSourceTransform reads a transform created in the same configuration.
func TestAccDataSourceTransform(t *testing.T) {
	name := randomName("transform-ds")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_transform_rollup", transformGone),
		Steps: []resource.TestStep{
			{
				Config: providerConfig + fmt.Sprintf(`
resource "streamkap_transform_rollup" "test" {
  name                = %q
  input_topic_pattern = "tf_acc_test\\.orders"
  output_topic        = "tf_acc_test_rollup"
}

data "streamkap_transform" "test" {
  id = streamkap_transform_rollup.test.id
}
`, name),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.streamkap_transform.test", "name", name),
					resource.TestCheckResourceAttr("data.streamkap_transform.test", "transform_type", "rollup"),
					resource.TestCheckResourceAttrSet("data.streamkap_transform.test", "status"),
				),
			},
		},
	})
}
