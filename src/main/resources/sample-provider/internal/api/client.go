// Package api is the Streamkap REST client used by every resource and data source.
//
// Every request carries "Authorization: Bearer <token>"; the token comes from an OAuth2
// client-credentials exchange and is renewed shortly before it expires. Errors keep the
// HTTP status and the API's "detail" message, and transient failures (502, 503, 504 and
// network timeouts) are retried as retry.go describes.
package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// CreatedFromTerraform is sent as "created_from" with every create request, so that the
// Streamkap UI can show which entities are managed by Terraform.
const CreatedFromTerraform = "terraform"

// DefaultHost is used when neither the provider configuration nor STREAMKAP_HOST set one.
const DefaultHost = "https://api.streamkap.com"

// secretReturned asks the API to include secret config values in its response; without
// it passwords come back masked and every plan would show a change.
const secretReturned = "secret_returned=true"

// StreamkapAPI is what resources need from the API. Tests replace it with fakes.
type StreamkapAPI interface {
	GetAccessToken(ctx context.Context, clientID, secret string) (*Token, error)

	CreateSource(ctx context.Context, in Connector) (*Connector, error)
	GetSource(ctx context.Context, id string) (*Connector, error)
	UpdateSource(ctx context.Context, id string, in Connector) (*Connector, error)
	DeleteSource(ctx context.Context, id string) error
	ListSources(ctx context.Context, page, pageSize int) (*ConnectorPage, error)

	CreateDestination(ctx context.Context, in Connector) (*Connector, error)
	GetDestination(ctx context.Context, id string) (*Connector, error)
	UpdateDestination(ctx context.Context, id string, in Connector) (*Connector, error)
	DeleteDestination(ctx context.Context, id string) error
	ListDestinations(ctx context.Context, page, pageSize int) (*ConnectorPage, error)

	CreateTransform(ctx context.Context, in Transform) (*Transform, error)
	GetTransform(ctx context.Context, id string) (*Transform, error)
	UpdateTransform(ctx context.Context, id string, in Transform) (*Transform, error)
	DeleteTransform(ctx context.Context, id string) error
	ListTransforms(ctx context.Context, page, pageSize int) (*TransformPage, error)

	CreatePipeline(ctx context.Context, in Pipeline) (*Pipeline, error)
	GetPipeline(ctx context.Context, id string) (*Pipeline, error)
	UpdatePipeline(ctx context.Context, id string, in Pipeline) (*Pipeline, error)
	DeletePipeline(ctx context.Context, id string) error
	ListPipelines(ctx context.Context, page, pageSize int) (*PipelinePage, error)

	GetTopic(ctx context.Context, id string) (*Topic, error)
	UpdateTopic(ctx context.Context, id string, in Topic) (*Topic, error)
	DeleteTopic(ctx context.Context, id string) error

	CreateTag(ctx context.Context, in Tag) (*Tag, error)
	GetTag(ctx context.Context, id string) (*Tag, error)
	UpdateTag(ctx context.Context, id string, in Tag) (*Tag, error)
	DeleteTag(ctx context.Context, id string) error
}

// Config configures a client. Only BaseURL is required.
type Config struct {
	BaseURL    string
	HTTPClient *http.Client // defaults to a client with a 60 s timeout
	Retry      RetryPolicy  // defaults to DefaultRetryPolicy()
}

// Token is the OAuth2 access token returned by the token endpoint.
type Token struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
}

// Error is a non-2xx answer of the API.
type Error struct {
	StatusCode int
	Method     string
	Path       string
	Detail     string
}

// Error renders the method, path, status and detail of the failed request.
func (e *Error) Error() string {
	return fmt.Sprintf("streamkap API %s %s: %d %s: %s", e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode), e.Detail)
}

// IsNotFound reports whether err is the API's 404, which resources treat as "deleted
// outside Terraform".
func IsNotFound(err error) bool {
	apiErr, ok := err.(*Error)
	return ok && apiErr.StatusCode == http.StatusNotFound
}

// Client implements StreamkapAPI over HTTP.
type Client struct {
	baseURL string
	http    *http.Client
	retry   RetryPolicy

	mu           sync.Mutex
	token        string
	expiresAt    time.Time
	clientID     string
	clientSecret string
}

var _ StreamkapAPI = (*Client)(nil)

// NewClient returns a client; call GetAccessToken before any other method.
func NewClient(cfg Config) *Client {
	c := &Client{baseURL: strings.TrimRight(cfg.BaseURL, "/"), http: cfg.HTTPClient, retry: cfg.Retry}
	if c.baseURL == "" {
		c.baseURL = DefaultHost
	}
	if c.http == nil {
		c.http = &http.Client{Timeout: 60 * time.Second}
	}
	if c.retry.MaxAttempts == 0 {
		c.retry = DefaultRetryPolicy()
	}
	return c
}

// GetAccessToken exchanges the client credentials for a bearer token (OAuth2 client
// credentials grant) and keeps both, so that the token can be renewed later.
func (c *Client) GetAccessToken(ctx context.Context, clientID, secret string) (*Token, error) {
	form := url.Values{}
	form.Set("grant_type", "client_credentials")
	form.Set("client_id", clientID)
	form.Set("client_secret", secret)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/auth/oauth2/token", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("requesting access token: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return nil, newError(resp.StatusCode, http.MethodPost, "/auth/oauth2/token", body)
	}
	var tok Token
	if err := json.Unmarshal(body, &tok); err != nil {
		return nil, fmt.Errorf("decoding access token: %w", err)
	}
	c.mu.Lock()
	c.token = tok.AccessToken
	c.expiresAt = time.Now().Add(time.Duration(tok.ExpiresIn) * time.Second)
	c.clientID, c.clientSecret = clientID, secret
	c.mu.Unlock()
	return &tok, nil
}

// bearer returns a valid token, renewing it when less than a minute is left.
func (c *Client) bearer(ctx context.Context) (string, error) {
	c.mu.Lock()
	token, expires, id, secret := c.token, c.expiresAt, c.clientID, c.clientSecret
	c.mu.Unlock()
	if token != "" && (expires.IsZero() || time.Until(expires) > time.Minute) {
		return token, nil
	}
	if id == "" {
		return token, nil // no credentials to renew with; let the API answer 401
	}
	tok, err := c.GetAccessToken(ctx, id, secret)
	if err != nil {
		return "", err
	}
	return tok.AccessToken, nil
}

// do sends one API request, retrying transient failures, and decodes the JSON answer
// into out (when out is not nil). The body is encoded once and replayed on each try.
func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	var payload []byte
	if in != nil {
		var err error
		if payload, err = json.Marshal(in); err != nil {
			return fmt.Errorf("encoding request: %w", err)
		}
	}
	return withRetry(ctx, c.retry, func() error {
		token, err := c.bearer(ctx)
		if err != nil {
			return err
		}
		req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, bytes.NewReader(payload))
		if err != nil {
			return err
		}
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Accept", "application/json")
		if payload != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := c.http.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return newError(resp.StatusCode, method, path, body)
		}
		if out == nil || len(body) == 0 {
			return nil
		}
		if err := json.Unmarshal(body, out); err != nil {
			return fmt.Errorf("decoding %s %s: %w", method, path, err)
		}
		return nil
	})
}

// newError builds an Error from an answer body. The API puts its message in "detail",
// either as a string or, for validation errors (422), as a list of {loc, msg} objects.
func newError(status int, method, path string, body []byte) *Error {
	e := &Error{StatusCode: status, Method: method, Path: path}
	var parsed struct {
		Detail json.RawMessage `json:"detail"`
	}
	if json.Unmarshal(body, &parsed) == nil && len(parsed.Detail) > 0 {
		var text string
		var items []struct {
			Loc []any  `json:"loc"`
			Msg string `json:"msg"`
		}
		switch {
		case json.Unmarshal(parsed.Detail, &text) == nil:
			e.Detail = text
		case json.Unmarshal(parsed.Detail, &items) == nil:
			msgs := make([]string, 0, len(items))
			for _, it := range items {
				msgs = append(msgs, fmt.Sprintf("%v: %s", it.Loc, it.Msg))
			}
			e.Detail = strings.Join(msgs, "; ")
		default:
			e.Detail = string(parsed.Detail)
		}
	}
	if e.Detail == "" {
		e.Detail = strings.TrimSpace(string(body))
	}
	return e
}

// Connector is a source or a destination.
type Connector struct {
	ID          string         `json:"id,omitempty"`
	Name        string         `json:"name"`
	Connector   string         `json:"connector"`
	Config      map[string]any `json:"config"`
	CreatedFrom string         `json:"created_from,omitempty"`
}

// ConnectorPage is one page of a connector listing.
type ConnectorPage struct {
	Result []Connector `json:"result"`
	Total  int         `json:"total"`
}

func pageQuery(page, pageSize int) string {
	return fmt.Sprintf("page=%d&page_size=%d", page, pageSize)
}

// CreateSource creates a source; the answer includes secrets (secret_returned=true).
func (c *Client) CreateSource(ctx context.Context, in Connector) (*Connector, error) {
	in.CreatedFrom = CreatedFromTerraform
	var out Connector
	return &out, c.do(ctx, http.MethodPost, "/sources?"+secretReturned, in, &out)
}

// GetSource reads a source, secrets included.
func (c *Client) GetSource(ctx context.Context, id string) (*Connector, error) {
	var out Connector
	return &out, c.do(ctx, http.MethodGet, "/sources/"+url.PathEscape(id)+"?"+secretReturned, nil, &out)
}

// UpdateSource replaces a source's name and config.
func (c *Client) UpdateSource(ctx context.Context, id string, in Connector) (*Connector, error) {
	var out Connector
	return &out, c.do(ctx, http.MethodPut, "/sources/"+url.PathEscape(id)+"?"+secretReturned, in, &out)
}

// DeleteSource deletes a source.
func (c *Client) DeleteSource(ctx context.Context, id string) error {
	return c.do(ctx, http.MethodDelete, "/sources/"+url.PathEscape(id), nil, nil)
}

// ListSources returns one page of sources (pages start at 1).
func (c *Client) ListSources(ctx context.Context, page, pageSize int) (*ConnectorPage, error) {
	var out ConnectorPage
	return &out, c.do(ctx, http.MethodGet, "/sources?"+pageQuery(page, pageSize), nil, &out)
}

// CreateDestination creates a destination.
func (c *Client) CreateDestination(ctx context.Context, in Connector) (*Connector, error) {
	in.CreatedFrom = CreatedFromTerraform
	var out Connector
	return &out, c.do(ctx, http.MethodPost, "/destinations?"+secretReturned, in, &out)
}

// GetDestination reads a destination, secrets included.
func (c *Client) GetDestination(ctx context.Context, id string) (*Connector, error) {
	var out Connector
	return &out, c.do(ctx, http.MethodGet, "/destinations/"+url.PathEscape(id)+"?"+secretReturned, nil, &out)
}

// UpdateDestination replaces a destination's name and config.
func (c *Client) UpdateDestination(ctx context.Context, id string, in Connector) (*Connector, error) {
	var out Connector
	return &out, c.do(ctx, http.MethodPut, "/destinations/"+url.PathEscape(id)+"?"+secretReturned, in, &out)
}

// DeleteDestination deletes a destination.
func (c *Client) DeleteDestination(ctx context.Context, id string) error {
	return c.do(ctx, http.MethodDelete, "/destinations/"+url.PathEscape(id), nil, nil)
}

// ListDestinations returns one page of destinations (pages start at 1).
func (c *Client) ListDestinations(ctx context.Context, page, pageSize int) (*ConnectorPage, error) {
	var out ConnectorPage
	return &out, c.do(ctx, http.MethodGet, "/destinations?"+pageQuery(page, pageSize), nil, &out)
}
