package provider

import (
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// S3 has no shared test bucket: this test runs where the variables are set and
// TestSmokeDestinationS3 (smoke_test.go) covers it everywhere else.
func TestAccDestinationS3(t *testing.T) {
	keyID := os.Getenv("STREAMKAP_TEST_S3_ACCESS_KEY_ID")
	secret := os.Getenv("STREAMKAP_TEST_S3_SECRET_ACCESS_KEY")
	bucket := os.Getenv("STREAMKAP_TEST_S3_BUCKET")
	if keyID == "" || secret == "" || bucket == "" {
		t.Skip("STREAMKAP_TEST_S3_ACCESS_KEY_ID, STREAMKAP_TEST_S3_SECRET_ACCESS_KEY and STREAMKAP_TEST_S3_BUCKET are not set")
	}
	name := randomName("s3")
	const addr = "streamkap_destination_s3.test"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_destination_s3", destinationGone),
		Steps: []resource.TestStep{
			{
				Config: testAccDestinationS3Config(name, keyID, secret, bucket, "parquet"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrSet(addr, "id"),
					resource.TestCheckResourceAttr(addr, "aws_region", "us-east-1"),
					resource.TestCheckResourceAttr(addr, "flush_size", "1000"),
				),
			},
			{
				Config: testAccDestinationS3Config(name, keyID, secret, bucket, "json"),
				Check:  resource.TestCheckResourceAttr(addr, "file_format", "json"),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func testAccDestinationS3Config(name, keyID, secret, bucket, format string) string {
	return providerConfig + fmt.Sprintf(`
resource "streamkap_destination_s3" "test" {
  name                  = %q
  aws_access_key_id     = %q
  aws_secret_access_key = %q
  s3_bucket_name        = %q
  file_format           = %q
}
`, name, keyID, secret, bucket, format)
}
