package provider

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/example/terraform-provider-streamkap/internal/api"
)

// Topics belong to sources, so the test takes over an existing topic named by
// STREAMKAP_TEST_TOPIC_ID. Destroying the resource deletes the topic: use a topic that
// exists only for tests.
func TestAccTopic(t *testing.T) {
	topicID := os.Getenv("STREAMKAP_TEST_TOPIC_ID")
	if topicID == "" {
		t.Skip("STREAMKAP_TEST_TOPIC_ID is not set")
	}
	const addr = "streamkap_topic.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: testAccCheckDestroyed("streamkap_topic", func(ctx context.Context, c *api.Client, id string) error {
			_, err := c.GetTopic(ctx, id)
			return err
		}),
		Steps: []resource.TestStep{
			{
				Config: testAccTopicConfig(topicID, 3),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(addr, "id", topicID),
					resource.TestCheckResourceAttr(addr, "partition_count", "3"),
				),
			},
			{
				Config: testAccTopicConfig(topicID, 6),
				Check:  resource.TestCheckResourceAttr(addr, "partition_count", "6"),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func testAccTopicConfig(topicID string, partitions int) string {
	return providerConfig + fmt.Sprintf(`
resource "streamkap_topic" "test" {
  topic_id        = %q
  partition_count = %d
}
`, topicID, partitions)
}
