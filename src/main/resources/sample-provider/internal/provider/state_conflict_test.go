package provider

import (
	"context"
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/example/terraform-provider-streamkap/internal/api"
)

// State conflict tests change a PostgreSQL source behind Terraform's back and check
// that the provider notices. They need the same variables as TestAccSourcePostgreSQL.

func postgresqlTestEnv(t *testing.T) (host, password string) {
	t.Helper()
	host = os.Getenv("STREAMKAP_TEST_POSTGRESQL_HOST")
	password = os.Getenv("STREAMKAP_TEST_POSTGRESQL_PASSWORD")
	if host == "" || password == "" {
		t.Skip("STREAMKAP_TEST_POSTGRESQL_HOST and STREAMKAP_TEST_POSTGRESQL_PASSWORD are not set")
	}
	return host, password
}

// outOfBand runs change with an authenticated client, failing the test on error.
func outOfBand(t *testing.T, change func(ctx context.Context, c *api.Client) error) func() {
	return func() {
		c, err := testAPIClient()
		if err == nil {
			err = change(context.Background(), c)
		}
		if err != nil {
			t.Fatalf("out-of-band change: %v", err)
		}
	}
}

// TestAccSourcePostgreSQL_DriftDetection edits the source in the API; the next plan
// must want to put the configured value back.
func TestAccSourcePostgreSQL_DriftDetection(t *testing.T) {
	host, password := postgresqlTestEnv(t)
	name := randomName("pg-drift")
	var id string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_source_postgresql", sourceGone),
		Steps: []resource.TestStep{
			{
				Config: testAccSourcePostgreSQLConfig(name, host, password, "public.orders", "require"),
				Check:  stateID("streamkap_source_postgresql.test", &id),
			},
			{
				PreConfig: outOfBand(t, func(ctx context.Context, c *api.Client) error {
					src, err := c.GetSource(ctx, id)
					if err != nil {
						return err
					}
					src.Config["database.sslmode"] = "disable"
					_, err = c.UpdateSource(ctx, id, *src)
					return err
				}),
				Config:             testAccSourcePostgreSQLConfig(name, host, password, "public.orders", "require"),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// TestAccSourcePostgreSQL_ExternalDeletion deletes the source in the API; refresh must
// drop it from the state and the plan must create it again, without an error.
func TestAccSourcePostgreSQL_ExternalDeletion(t *testing.T) {
	host, password := postgresqlTestEnv(t)
	name := randomName("pg-deleted")
	var id string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_source_postgresql", sourceGone),
		Steps: []resource.TestStep{
			{
				Config: testAccSourcePostgreSQLConfig(name, host, password, "public.orders", "require"),
				Check:  stateID("streamkap_source_postgresql.test", &id),
			},
			{
				PreConfig: outOfBand(t, func(ctx context.Context, c *api.Client) error {
					return c.DeleteSource(ctx, id)
				}),
				Config:             testAccSourcePostgreSQLConfig(name, host, password, "public.orders", "require"),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// TestAccSourcePostgreSQL_ConcurrentModification renames the source in the API while
// the configuration changes another attribute; the apply must win on both.
func TestAccSourcePostgreSQL_ConcurrentModification(t *testing.T) {
	host, password := postgresqlTestEnv(t)
	name := randomName("pg-concurrent")
	var id string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroyed("streamkap_source_postgresql", sourceGone),
		Steps: []resource.TestStep{
			{
				Config: testAccSourcePostgreSQLConfig(name, host, password, "public.orders", "require"),
				Check:  stateID("streamkap_source_postgresql.test", &id),
			},
			{
				PreConfig: outOfBand(t, func(ctx context.Context, c *api.Client) error {
					src, err := c.GetSource(ctx, id)
					if err != nil {
						return err
					}
					src.Name = name + "-edited-elsewhere"
					_, err = c.UpdateSource(ctx, id, *src)
					return err
				}),
				Config: testAccSourcePostgreSQLConfig(name, host, password, "public.orders,public.customers", "require"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("streamkap_source_postgresql.test", "name", name),
					resource.TestCheckResourceAttr("streamkap_source_postgresql.test", "table_include_list", "public.orders,public.customers"),
				),
			},
		},
	})
}

// TestAccSourcePostgreSQL_ImportNonExistent imports an ID that does not exist.
func TestAccSourcePostgreSQL_ImportNonExistent(t *testing.T) {
	host, password := postgresqlTestEnv(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:        testAccSourcePostgreSQLConfig(randomName("pg-import"), host, password, "public.orders", "require"),
				ResourceName:  "streamkap_source_postgresql.test",
				ImportState:   true,
				ImportStateId: "000000000000000000000000",
				ExpectError:   regexp.MustCompile(`Cannot import non-existent remote object`),
			},
		},
	})
}

// TestAccSourcePostgreSQL_ImportMalformedID imports an ID that cannot be an ID.
func TestAccSourcePostgreSQL_ImportMalformedID(t *testing.T) {
	host, password := postgresqlTestEnv(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:        testAccSourcePostgreSQLConfig(randomName("pg-import"), host, password, "public.orders", "require"),
				ResourceName:  "streamkap_source_postgresql.test",
				ImportState:   true,
				ImportStateId: "sources/not an id",
				ExpectError:   regexp.MustCompile(`Invalid import ID`),
			},
		},
	})
}
