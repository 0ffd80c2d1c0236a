package api

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// newTestClient serves handler and returns a client that already holds a token.
func newTestClient(t *testing.T, handler http.HandlerFunc) *Client {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	c := NewClient(Config{BaseURL: srv.URL, Retry: RetryPolicy{MaxAttempts: 3, InitialBackoff: time.Millisecond, MaxBackoff: time.Millisecond}})
	c.token = "test-token"
	return c
}

// TestGetAccessToken_ClientCredentials checks the OAuth2 client-credentials exchange.
func TestGetAccessToken_ClientCredentials(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/auth/oauth2/token" || r.Method != http.MethodPost {
			t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
		}
		if err := r.ParseForm(); err != nil {
			t.Fatal(err)
		}
		if r.Form.Get("grant_type") != "client_credentials" || r.Form.Get("client_id") != "id-1" || r.Form.Get("client_secret") != "s3cret" {
			t.Errorf("unexpected form %v", r.Form)
		}
		_, _ = io.WriteString(w, `{"access_token":"tok-1","token_type":"Bearer","expires_in":3600}`)
	})
	tok, err := c.GetAccessToken(context.Background(), "id-1", "s3cret")
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken != "tok-1" || c.token != "tok-1" {
		t.Fatalf("token not kept: %+v", tok)
	}
}

// TestRequests_SendBearerToken checks the Authorization header.
func TestRequests_SendBearerToken(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Authorization"); got != "Bearer test-token" {
			t.Errorf("Authorization = %q", got)
		}
		_, _ = io.WriteString(w, `{"id":"t1","partition_count":3}`)
	})
	if _, err := c.GetTopic(context.Background(), "t1"); err != nil {
		t.Fatal(err)
	}
}

// TestCreateSource_SecretReturnedAndCreatedFrom checks secret_returned=true and created_from on source creation.
func TestCreateSource_SecretReturnedAndCreatedFrom(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("secret_returned") != "true" {
			t.Errorf("secret_returned missing from %s", r.URL)
		}
		var body map[string]any
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		if body["created_from"] != CreatedFromTerraform {
			t.Errorf("created_from = %v", body["created_from"])
		}
		_, _ = io.WriteString(w, `{"id":"src-1","name":"n","connector":"postgresql","config":{"database.password":"pw"}}`)
	})
	out, err := c.CreateSource(context.Background(), Connector{Name: "n", Connector: "postgresql", Config: map[string]any{}})
	if err != nil {
		t.Fatal(err)
	}
	if out.ID != "src-1" || out.Config["database.password"] != "pw" {
		t.Fatalf("unexpected answer %+v", out)
	}
}

// TestGetSource_SecretReturned checks secret_returned=true on source reads.
func TestGetSource_SecretReturned(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/sources/src-1" || r.URL.Query().Get("secret_returned") != "true" {
			t.Errorf("unexpected request %s", r.URL)
		}
		_, _ = io.WriteString(w, `{"id":"src-1"}`)
	})
	if _, err := c.GetSource(context.Background(), "src-1"); err != nil {
		t.Fatal(err)
	}
}

// TestErrors_CarryDetail checks that the API's detail reaches the error.
func TestErrors_CarryDetail(t *testing.T) {
	cases := []struct {
		name, body, want string
		status           int
	}{
		{"string detail", `{"detail":"Source not found"}`, "Source not found", http.StatusNotFound},
		{"validation list", `{"detail":[{"loc":["body","name"],"msg":"field required"}]}`, "field required", http.StatusUnprocessableEntity},
		{"no json", `upstream exploded`, "upstream exploded", http.StatusInternalServerError},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tc.status)
				_, _ = io.WriteString(w, tc.body)
			})
			_, err := c.GetSource(context.Background(), "x")
			apiErr, ok := err.(*Error)
			if !ok || apiErr.StatusCode != tc.status || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v", err)
			}
		})
	}
}

// TestListSources_Pagination checks the page query of listings.
func TestListSources_Pagination(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") != "2" || r.URL.Query().Get("page_size") != "50" {
			t.Errorf("unexpected query %s", r.URL.RawQuery)
		}
		_, _ = io.WriteString(w, `{"result":[{"id":"a","name":"tf-acc-test-a"}],"total":51}`)
	})
	page, err := c.ListSources(context.Background(), 2, 50)
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 51 || len(page.Result) != 1 {
		t.Fatalf("unexpected page %+v", page)
	}
}

// TestIsNotFound checks the 404 classification.
func TestIsNotFound(t *testing.T) {
	if !IsNotFound(&Error{StatusCode: http.StatusNotFound}) || IsNotFound(&Error{StatusCode: http.StatusForbidden}) {
		t.Fatal("IsNotFound misclassifies")
	}
}
