//go:build sweep

package provider

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// Sweepers delete what failed acceptance runs left behind: every source, destination,
// transform and pipeline whose name starts with testResourcePrefix ("tf-acc-test-").
// Run them with: go test ./internal/provider -v -tags sweep -sweep=all
// Pipelines go first (a source or destination in use cannot be deleted), which is
// what the Dependencies below say.

// TestMain lets `-sweep` run the sweepers instead of the tests.
func TestMain(m *testing.M) {
	resource.TestMain(m)
}

func init() {
	resource.AddTestSweepers("streamkap_pipeline", &resource.Sweeper{
		Name: "streamkap_pipeline",
		F:    sweepPipelines,
	})
	resource.AddTestSweepers("streamkap_source", &resource.Sweeper{
		Name:         "streamkap_source",
		F:            sweepSources,
		Dependencies: []string{"streamkap_pipeline"},
	})
	resource.AddTestSweepers("streamkap_destination", &resource.Sweeper{
		Name:         "streamkap_destination",
		F:            sweepDestinations,
		Dependencies: []string{"streamkap_pipeline"},
	})
	resource.AddTestSweepers("streamkap_transform", &resource.Sweeper{
		Name:         "streamkap_transform",
		F:            sweepTransforms,
		Dependencies: []string{"streamkap_pipeline"},
	})
}

// sweepPageSize is the page size used while listing.
const sweepPageSize = 50

// named is what a sweeper needs of a listed entity.
type named struct {
	ID   string
	Name string
}

// lister returns one page of entities (pages start at 1) and the total count.
type lister func(ctx context.Context, page int) ([]named, int, error)

// sweep lists every page first and deletes afterwards: deleting while paging would
// shift later entries onto pages already read, and they would be skipped.
func sweep(kind string, list lister, del func(ctx context.Context, id string) error) error {
	ctx := context.Background()
	var doomed []named
	for page := 1; ; page++ {
		items, total, err := list(ctx, page)
		if err != nil {
			return fmt.Errorf("listing %s: %w", kind, err)
		}
		for _, it := range items {
			if strings.HasPrefix(it.Name, testResourcePrefix) {
				doomed = append(doomed, it)
			}
		}
		if len(items) < sweepPageSize || page*sweepPageSize >= total {
			break
		}
	}
	var failed []string
	for _, it := range doomed {
		log.Printf("[INFO] sweeping %s %s (%s)", kind, it.Name, it.ID)
		if err := del(ctx, it.ID); err != nil {
			failed = append(failed, fmt.Sprintf("%s: %v", it.Name, err))
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("could not sweep %d %s: %s", len(failed), kind, strings.Join(failed, "; "))
	}
	return nil
}

func sweepSources(_ string) error {
	c, err := testAPIClient()
	if err != nil {
		return err
	}
	return sweep("sources", func(ctx context.Context, page int) ([]named, int, error) {
		p, err := c.ListSources(ctx, page, sweepPageSize)
		if err != nil {
			return nil, 0, err
		}
		out := make([]named, 0, len(p.Result))
		for _, s := range p.Result {
			out = append(out, named{s.ID, s.Name})
		}
		return out, p.Total, nil
	}, c.DeleteSource)
}

func sweepDestinations(_ string) error {
	c, err := testAPIClient()
	if err != nil {
		return err
	}
	return sweep("destinations", func(ctx context.Context, page int) ([]named, int, error) {
		p, err := c.ListDestinations(ctx, page, sweepPageSize)
		if err != nil {
			return nil, 0, err
		}
		out := make([]named, 0, len(p.Result))
		for _, d := range p.Result {
			out = append(out, named{d.ID, d.Name})
		}
		return out, p.Total, nil
	}, c.DeleteDestination)
}

func sweepTransforms(_ string) error {
	c, err := testAPIClient()
	if err != nil {
		return err
	}
	return sweep("transforms", func(ctx context.Context, page int) ([]named, int, error) {
		p, err := c.ListTransforms(ctx, page, sweepPageSize)
		if err != nil {
			return nil, 0, err
		}
		out := make([]named, 0, len(p.Result))
		for _, tr := range p.Result {
			out = append(out, named{tr.ID, tr.Name})
		}
		return out, p.Total, nil
	}, c.DeleteTransform)
}

func sweepPipelines(_ string) error {
	c, err := testAPIClient()
	if err != nil {
		return err
	}
	return sweep("pipelines", func(ctx context.Context, page int) ([]named, int, error) {
		p, err := c.ListPipelines(ctx, page, sweepPageSize)
		if err != nil {
			return nil, 0, err
		}
		out := make([]named, 0, len(p.Result))
		for _, pl := range p.Result {
			out = append(out, named{pl.ID, pl.Name})
		}
		return out, p.Total, nil
	}, c.DeletePipeline)
}

// requireSweepCredentials skips the TestSweep* wrappers unless acceptance tests are on.
func requireSweepCredentials(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set")
	}
}

// TestSweepSources runs the source sweeper.
func TestSweepSources(t *testing.T) {
	requireSweepCredentials(t)
	if err := sweepSources(""); err != nil {
		t.Fatal(err)
	}
}

// TestSweepDestinations runs the destination sweeper.
func TestSweepDestinations(t *testing.T) {
	requireSweepCredentials(t)
	if err := sweepDestinations(""); err != nil {
		t.Fatal(err)
	}
}

// TestSweepTransforms runs the transform sweeper.
func TestSweepTransforms(t *testing.T) {
	requireSweepCredentials(t)
	if err := sweepTransforms(""); err != nil {
		t.Fatal(err)
	}
}

// TestSweepPipelines runs the pipeline sweeper.
func TestSweepPipelines(t *testing.T) {
	requireSweepCredentials(t)
	if err := sweepPipelines(""); err != nil {
		t.Fatal(err)
	}
}
