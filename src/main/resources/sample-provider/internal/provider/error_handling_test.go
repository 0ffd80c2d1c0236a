package provider

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/example/terraform-provider-streamkap/internal/api"
)

// TestAPIErrorHandling serves each error status the API can answer and checks that the
// client reports it with the API's detail, retrying only the gateway errors.
func TestAPIErrorHandling(t *testing.T) {
	cases := []struct {
		status  int
		detail  string
		retried bool
	}{
		{http.StatusUnauthorized, "Token expired", false},
		{http.StatusForbidden, "Service is read-only for this token", false},
		{http.StatusNotFound, "Source not found", false},
		{http.StatusUnprocessableEntity, "database.port.user.defined: not a valid port", false},
		{http.StatusInternalServerError, "Unexpected error", false},
		{http.StatusBadGateway, "Bad gateway", true},
		{http.StatusServiceUnavailable, "Maintenance in progress", true},
		{http.StatusGatewayTimeout, "Upstream timed out", true},
	}
	for _, tc := range cases {
		tc := tc
		t.Run(http.StatusText(tc.status), func(t *testing.T) {
			var calls int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/auth/oauth2/token" {
					_, _ = io.WriteString(w, `{"access_token":"t","expires_in":3600}`)
					return
				}
				atomic.AddInt32(&calls, 1)
				w.WriteHeader(tc.status)
				_, _ = io.WriteString(w, `{"detail":"`+tc.detail+`"}`)
			}))
			defer srv.Close()
			policy := api.RetryPolicy{MaxAttempts: 3, InitialBackoff: time.Millisecond, MaxBackoff: time.Millisecond}
			c := api.NewClient(api.Config{BaseURL: srv.URL, Retry: policy})
			if _, err := c.GetAccessToken(context.Background(), "id", "secret"); err != nil {
				t.Fatal(err)
			}

			_, err := c.GetSource(context.Background(), "src-1")
			var apiErr *api.Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tc.status || apiErr.Detail != tc.detail {
				t.Fatalf("got %v, want status %d with detail %q", err, tc.status, tc.detail)
			}
			want := int32(1)
			if tc.retried {
				want = int32(policy.MaxAttempts)
			}
			if calls != want {
				t.Errorf("%d calls, want %d", calls, want)
			}
			if api.IsNotFound(err) != (tc.status == http.StatusNotFound) {
				t.Errorf("IsNotFound misclassifies %d", tc.status)
			}
		})
	}
}

// TestAPIErrorHandling_Timeout checks that a request the server does not answer in time
// fails as a timeout after the retries are used up.
func TestAPIErrorHandling_Timeout(t *testing.T) {
	var calls int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/auth/oauth2/token" {
			_, _ = io.WriteString(w, `{"access_token":"t","expires_in":3600}`)
			return
		}
		atomic.AddInt32(&calls, 1)
		time.Sleep(300 * time.Millisecond)
	}))
	defer srv.Close()
	c := api.NewClient(api.Config{
		BaseURL:    srv.URL,
		HTTPClient: &http.Client{Timeout: 50 * time.Millisecond},
		Retry:      api.RetryPolicy{MaxAttempts: 2, InitialBackoff: time.Millisecond, MaxBackoff: time.Millisecond},
	})
	if _, err := c.GetAccessToken(context.Background(), "id", "secret"); err != nil {
		t.Fatal(err)
	}
	_, err := c.GetPipeline(context.Background(), "p-1")
	var netErr net.Error
	if !errors.As(err, &netErr) || !netErr.Timeout() {
		t.Fatalf("got %v, want a timeout", err)
	}
	if calls != 2 {
		t.Errorf("%d calls, want 2", calls)
	}
}

// TestErrorHandling_DetailReachesTerraform checks that the API's message is what the
// user sees when an apply fails.
func TestErrorHandling_DetailReachesTerraform(t *testing.T) {
	fakeStreamkap(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnprocessableEntity)
		_, _ = io.WriteString(w, `{"detail":[{"loc":["body","config","tables.user.defined"],"msg":"table name orders is reserved"}]}`)
	})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: providerConfig + `
resource "streamkap_source_webhook" "rejected" {
  name   = "tf-acc-test-rejected"
  tables = ["orders"]
}
`,
				ExpectError: regexp.MustCompile(`table name orders is reserved`),
			},
		},
	})
}

// TestErrorHandling_ForbiddenReachesTerraform checks a 403 on create.
func TestErrorHandling_ForbiddenReachesTerraform(t *testing.T) {
	fakeStreamkap(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		_, _ = io.WriteString(w, `{"detail":"This token cannot create tags"}`)
	})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: providerConfig + `
resource "streamkap_tag" "forbidden" {
  name = "tf-acc-test-forbidden"
  type = ["sources"]
}
`,
				ExpectError: regexp.MustCompile(`This token cannot create tags`),
			},
		},
	})
}

// TestErrorHandling_BadCredentials checks that a rejected token exchange (401) stops
// the provider's configuration with a clear error.
func TestErrorHandling_BadCredentials(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"detail":"Invalid client credentials"}`)
	}))
	defer srv.Close()
	t.Setenv("STREAMKAP_HOST", srv.URL)
	t.Setenv("STREAMKAP_CLIENT_ID", "wrong")
	t.Setenv("STREAMKAP_SECRET", "wrong")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: providerConfig + `
resource "streamkap_tag" "unauthorized" {
  name = "tf-acc-test-unauthorized"
  type = ["sources"]
}
`,
				ExpectError: regexp.MustCompile(`Invalid client credentials`),
			},
		},
	})
}
