package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccTag creates, updates, imports and destroys a tag.
func TestAccTag(t *testing.T) {
	name := randomName("tag")
	const addr = "streamkap_tag.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_tag", tagGone),
		Steps: []resource.TestStep{
			{
				Config: testAccTagConfig(name, "Created by an acceptance test."),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrSet(addr, "id"),
					resource.TestCheckResourceAttr(addr, "type.#", "2"),
					resource.TestCheckResourceAttr(addr, "system", "false"),
				),
			},
			{
				Config: testAccTagConfig(name, "Updated by an acceptance test."),
				Check:  resource.TestCheckResourceAttr(addr, "description", "Updated by an acceptance test."),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func testAccTagConfig(name, description string) string {
	return providerConfig + fmt.Sprintf(`
resource "streamkap_tag" "test" {
  name        = %q
  type        = ["sources", "pipelines"]
  description = %q
}
`, name, description)
}
