package provider

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/example/terraform-provider-streamkap/internal/api"
)

// testAccProtoV6ProviderFactories serves the provider under test in-process.
var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"streamkap": providerserver.NewProtocol6WithError(New("test")()),
}

// providerConfig is prepended to every test configuration; credentials come from
// STREAMKAP_CLIENT_ID, STREAMKAP_SECRET and (optionally) STREAMKAP_HOST.
const providerConfig = `
provider "streamkap" {}
`

// testResourcePrefix starts the name of everything the tests create, so that the
// sweepers (sweep_test.go) can find what a failed run left behind.
const testResourcePrefix = "tf-acc-test-"

// testAccPreCheck fails fast when the API credentials are missing.
func testAccPreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("STREAMKAP_CLIENT_ID") == "" || os.Getenv("STREAMKAP_SECRET") == "" {
		t.Fatal("STREAMKAP_CLIENT_ID and STREAMKAP_SECRET must be set for acceptance tests")
	}
}

// randomName returns a unique, sweepable name such as tf-acc-test-postgresql-x7k2qa.
func randomName(kind string) string {
	return testResourcePrefix + kind + "-" + acctest.RandString(6)
}

// legacyProvider is the last v2 release, which migration tests start from.
func legacyProvider() map[string]resource.ExternalProvider {
	return map[string]resource.ExternalProvider{
		"streamkap": {
			Source:            "streamkap-com/streamkap",
			VersionConstraint: "2.1.18",
		},
	}
}

// testAPIClient returns an authenticated client for destroy checks, drift setup and sweepers.
func testAPIClient() (*api.Client, error) {
	c := api.NewClient(api.Config{BaseURL: os.Getenv("STREAMKAP_HOST")})
	if _, err := c.GetAccessToken(context.Background(), os.Getenv("STREAMKAP_CLIENT_ID"), os.Getenv("STREAMKAP_SECRET")); err != nil {
		return nil, err
	}
	return c, nil
}

// testAccCheckDestroyed returns a CheckDestroy that asserts every resource of typeName
// in the final state is gone: get must answer 404.
func testAccCheckDestroyed(typeName string, get func(context.Context, *api.Client, string) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		c, err := testAPIClient()
		if err != nil {
			return err
		}
		for _, rs := range s.RootModule().Resources {
			if rs.Type != typeName {
				continue
			}
			err := get(context.Background(), c, rs.Primary.ID)
			if err == nil {
				return fmt.Errorf("%s %s still exists after destroy", typeName, rs.Primary.ID)
			}
			if !api.IsNotFound(err) {
				return err
			}
		}
		return nil
	}
}

func sourceGone(ctx context.Context, c *api.Client, id string) error {
	_, err := c.GetSource(ctx, id)
	return err
}

func destinationGone(ctx context.Context, c *api.Client, id string) error {
	_, err := c.GetDestination(ctx, id)
	return err
}

func transformGone(ctx context.Context, c *api.Client, id string) error {
	_, err := c.GetTransform(ctx, id)
	return err
}

func pipelineGone(ctx context.Context, c *api.Client, id string) error {
	_, err := c.GetPipeline(ctx, id)
	return err
}

func tagGone(ctx context.Context, c *api.Client, id string) error {
	_, err := c.GetTag(ctx, id)
	return err
}

// stateID returns a check that copies the ID of resourceName into *id, for steps that
// change the remote object behind Terraform's back.
func stateID(resourceName string, id *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[resourceName]
		if !ok {
			return fmt.Errorf("%s is not in the state", resourceName)
		}
		*id = rs.Primary.ID
		return nil
	}
}

// fakeStreamkap points the provider at an in-process API that grants a token and
// answers everything else with handler (404 when handler is nil). Tests that only plan
// or that check error handling use it instead of real credentials.
func fakeStreamkap(t *testing.T, handler http.HandlerFunc) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/auth/oauth2/token" {
			_, _ = io.WriteString(w, `{"access_token":"fake","token_type":"Bearer","expires_in":3600}`)
			return
		}
		if handler == nil {
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"detail":"not found"}`)
			return
		}
		handler(w, r)
	}))
	t.Cleanup(srv.Close)
	t.Setenv("STREAMKAP_HOST", srv.URL)
	t.Setenv("STREAMKAP_CLIENT_ID", "fake-client")
	t.Setenv("STREAMKAP_SECRET", "fake-secret")
}
