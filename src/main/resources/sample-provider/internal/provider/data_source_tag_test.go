package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccDataSourceTag reads a tag created in the same configuration.
func TestAccDataSourceTag(t *testing.T) {
	name := randomName("tag-ds")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_tag", tagGone),
		Steps: []resource.TestStep{
			{
				Config: providerConfig + fmt.Sprintf(`
resource "streamkap_tag" "test" {
  name = %q
  type = ["sources"]
}

data "streamkap_tag" "test" {
  id = streamkap_tag.test.id
}
`, name),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.streamkap_tag.test", "name", "streamkap_tag.test", "name"),
					resource.TestCheckResourceAttr("data.streamkap_tag.test", "type.0", "sources"),
					resource.TestCheckResourceAttr("data.streamkap_tag.test", "system", "false"),
				),
			},
		},
	})
}
