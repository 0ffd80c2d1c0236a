package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// Webhook sources need no external system, only Streamkap credentials.
func TestAccSourceWebhook(t *testing.T) {
	name := randomName("webhook")
	const addr = "streamkap_source_webhook.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_source_webhook", sourceGone),
		Steps: []resource.TestStep{
			{
				Config: testAccSourceWebhookConfig(name, 100),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrSet(addr, "id"),
					resource.TestCheckResourceAttr(addr, "tables.#", "2"),
					resource.TestCheckResourceAttr(addr, "payload_format", "json"),
					resource.TestCheckResourceAttr(addr, "max_batch_size", "100"),
				),
			},
			{
				Config: testAccSourceWebhookConfig(name, 500),
				Check:  resource.TestCheckResourceAttr(addr, "max_batch_size", "500"),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func testAccSourceWebhookConfig(name string, batch int) string {
	return providerConfig + fmt.Sprintf(`
resource "streamkap_source_webhook" "test" {
  name           = %q
  tables         = ["orders", "refunds"]
  max_batch_size = %d
  signing_secret = "tf-acc-test-signing-secret"
}
`, name, batch)
}
