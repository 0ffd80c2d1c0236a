package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestAccWidget_basic(t *testing.T) {
	resource.Test(t, resource.TestCase{
		CheckDestroy: testAccCheckWidgetDestroy,
		Steps: []resource.TestStep{
			{Config: `resource "sound_widget" "test" { name = "one" }`},
			{Config: `resource "sound_widget" "test" { name = "two" }`},
			{ResourceName: "sound_widget.test", ImportState: true, ImportStateVerify: true},
		},
	})
}

func TestAccWidget_upgradeFromV0(t *testing.T) {
	resource.Test(t, resource.TestCase{
		CheckDestroy: testAccCheckWidgetDestroy,
		Steps: []resource.TestStep{
			{
				ExternalProviders: map[string]resource.ExternalProvider{"sound": {Source: "example.com/sound/sound", VersionConstraint: "0.9.0"}},
				Config:            `resource "sound_widget" "test" { name = "one" }`,
			},
			{Config: `resource "sound_widget" "test" { name = "one" }`, PlanOnly: true},
		},
	})
}

func testAccCheckWidgetDestroy(_ *terraform.State) error {
	return nil
}

func TestAccLookup_basic(t *testing.T) {
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: `data "sound_lookup" "test" { name = "one" }`},
		},
	})
}

func TestAccToken_basic(t *testing.T) {
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: `ephemeral "sound_token" "test" { scope = "read" }`},
		},
	})
}
