package api

import (
	"context"
	"net/http"
	"net/url"
)

// Transform is a stream transform (map_filter, rollup, ...).
type Transform struct {
	ID            string         `json:"id,omitempty"`
	Name          string         `json:"name"`
	TransformType string         `json:"transform_type"`
	Status        string         `json:"status,omitempty"`
	Config        map[string]any `json:"config"`
	CreatedFrom   string         `json:"created_from,omitempty"`
}

// TransformPage is one page of a transform listing.
type TransformPage struct {
	Result []Transform `json:"result"`
	Total  int         `json:"total"`
}

// Pipeline connects a source to a destination, optionally through transforms.
type Pipeline struct {
	ID                string   `json:"id,omitempty"`
	Name              string   `json:"name"`
	SourceID          string   `json:"source_id"`
	DestinationID     string   `json:"destination_id"`
	Topics            []string `json:"topics"`
	TransformIDs      []string `json:"transform_ids"`
	SnapshotNewTables bool     `json:"snapshot_new_tables"`
	CreatedFrom       string   `json:"created_from,omitempty"`
}

// PipelinePage is one page of a pipeline listing.
type PipelinePage struct {
	Result []Pipeline `json:"result"`
	Total  int        `json:"total"`
}

// Topic is the adjustable part of a Kafka topic that a source writes.
type Topic struct {
	ID             string `json:"id,omitempty"`
	PartitionCount int64  `json:"partition_count"`
}

// Tag labels Streamkap entities.
type Tag struct {
	ID          string   `json:"id,omitempty"`
	Name        string   `json:"name"`
	Type        []string `json:"type"`
	Description string   `json:"description,omitempty"`
	System      bool     `json:"system,omitempty"`
	CreatedFrom string   `json:"created_from,omitempty"`
}

// CreateTransform creates a transform.
func (c *Client) CreateTransform(ctx context.Context, in Transform) (*Transform, error) {
	in.CreatedFrom = CreatedFromTerraform
	var out Transform
	return &out, c.do(ctx, http.MethodPost, "/transforms", in, &out)
}

// GetTransform reads a transform.
func (c *Client) GetTransform(ctx context.Context, id string) (*Transform, error) {
	var out Transform
	return &out, c.do(ctx, http.MethodGet, "/transforms/"+url.PathEscape(id), nil, &out)
}

// UpdateTransform replaces a transform's name and config.
func (c *Client) UpdateTransform(ctx context.Context, id string, in Transform) (*Transform, error) {
	var out Transform
	return &out, c.do(ctx, http.MethodPut, "/transforms/"+url.PathEscape(id), in, &out)
}

// DeleteTransform deletes a transform.
func (c *Client) DeleteTransform(ctx context.Context, id string) error {
	return c.do(ctx, http.MethodDelete, "/transforms/"+url.PathEscape(id), nil, nil)
}

// ListTransforms returns one page of transforms (pages start at 1).
func (c *Client) ListTransforms(ctx context.Context, page, pageSize int) (*TransformPage, error) {
	var out TransformPage
	return &out, c.do(ctx, http.MethodGet, "/transforms?"+pageQuery(page, pageSize), nil, &out)
}

// CreatePipeline creates a pipeline.
func (c *Client) CreatePipeline(ctx context.Context, in Pipeline) (*Pipeline, error) {
	in.CreatedFrom = CreatedFromTerraform
	var out Pipeline
	return &out, c.do(ctx, http.MethodPost, "/pipelines", in, &out)
}

// GetPipeline reads a pipeline.
func (c *Client) GetPipeline(ctx context.Context, id string) (*Pipeline, error) {
	var out Pipeline
	return &out, c.do(ctx, http.MethodGet, "/pipelines/"+url.PathEscape(id), nil, &out)
}

// UpdatePipeline replaces a pipeline's settings.
func (c *Client) UpdatePipeline(ctx context.Context, id string, in Pipeline) (*Pipeline, error) {
	var out Pipeline
	return &out, c.do(ctx, http.MethodPut, "/pipelines/"+url.PathEscape(id), in, &out)
}

// DeletePipeline deletes a pipeline.
func (c *Client) DeletePipeline(ctx context.Context, id string) error {
	return c.do(ctx, http.MethodDelete, "/pipelines/"+url.PathEscape(id), nil, nil)
}

// ListPipelines returns one page of pipelines (pages start at 1).
func (c *Client) ListPipelines(ctx context.Context, page, pageSize int) (*PipelinePage, error) {
	var out PipelinePage
	return &out, c.do(ctx, http.MethodGet, "/pipelines?"+pageQuery(page, pageSize), nil, &out)
}

// GetTopic reads a topic's settings.
func (c *Client) GetTopic(ctx context.Context, id string) (*Topic, error) {
	var out Topic
	return &out, c.do(ctx, http.MethodGet, "/topics/"+url.PathEscape(id), nil, &out)
}

// UpdateTopic changes a topic's settings. Topics are created by sources, so there is no
// create call: managing a topic starts with an update.
func (c *Client) UpdateTopic(ctx context.Context, id string, in Topic) (*Topic, error) {
	var out Topic
	return &out, c.do(ctx, http.MethodPut, "/topics/"+url.PathEscape(id), in, &out)
}

// DeleteTopic deletes a topic and its data.
func (c *Client) DeleteTopic(ctx context.Context, id string) error {
	return c.do(ctx, http.MethodDelete, "/topics/"+url.PathEscape(id), nil, nil)
}

// CreateTag creates a tag.
func (c *Client) CreateTag(ctx context.Context, in Tag) (*Tag, error) {
	in.CreatedFrom = CreatedFromTerraform
	var out Tag
	return &out, c.do(ctx, http.MethodPost, "/tags", in, &out)
}

// GetTag reads a tag.
func (c *Client) GetTag(ctx context.Context, id string) (*Tag, error) {
	var out Tag
	return &out, c.do(ctx, http.MethodGet, "/tags/"+url.PathEscape(id), nil, &out)
}

// UpdateTag replaces a tag's name, kinds and description.
func (c *Client) UpdateTag(ctx context.Context, id string, in Tag) (*Tag, error) {
	var out Tag
	return &out, c.do(ctx, http.MethodPut, "/tags/"+url.PathEscape(id), in, &out)
}

// DeleteTag deletes a tag.
func (c *Client) DeleteTag(ctx context.Context, id string) error {
	return c.do(ctx, http.MethodDelete, "/tags/"+url.PathEscape(id), nil, nil)
}
