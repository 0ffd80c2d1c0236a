package api

import (
	"context"
	"io"
	"net/http"
	"testing"
)

// TestEntityRequests_MethodAndPath checks that each update, list, get and delete call of the
// client sends the request the API expects.
func TestEntityRequests_MethodAndPath(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, method, path string
		call               func(c *Client) error
	}{
		{"ListDestinations", http.MethodGet, "/destinations", func(c *Client) error { _, err := c.ListDestinations(ctx, 1, 10); return err }},
		{"UpdateTransform", http.MethodPut, "/transforms/tr-1", func(c *Client) error { _, err := c.UpdateTransform(ctx, "tr-1", Transform{Name: "t"}); return err }},
		{"ListTransforms", http.MethodGet, "/transforms", func(c *Client) error { _, err := c.ListTransforms(ctx, 1, 10); return err }},
		{"UpdatePipeline", http.MethodPut, "/pipelines/pl-1", func(c *Client) error { _, err := c.UpdatePipeline(ctx, "pl-1", Pipeline{Name: "p"}); return err }},
		{"ListPipelines", http.MethodGet, "/pipelines", func(c *Client) error { _, err := c.ListPipelines(ctx, 1, 10); return err }},
		{"DeleteTopic", http.MethodDelete, "/topics/tp-1", func(c *Client) error { return c.DeleteTopic(ctx, "tp-1") }},
		{"GetTag", http.MethodGet, "/tags/tg-1", func(c *Client) error { _, err := c.GetTag(ctx, "tg-1"); return err }},
		{"UpdateTag", http.MethodPut, "/tags/tg-1", func(c *Client) error { _, err := c.UpdateTag(ctx, "tg-1", Tag{Name: "g"}); return err }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				if r.Method != tc.method || r.URL.Path != tc.path {
					t.Errorf("got %s %s, want %s %s", r.Method, r.URL.Path, tc.method, tc.path)
				}
				_, _ = io.WriteString(w, `{}`)
			})
			if err := tc.call(c); err != nil {
				t.Fatal(err)
			}
		})
	}
}
