package io.tfaudit.criteria;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A small v3-shaped provider written for the criteria's self-tests: one source, one
 * destination and one transform over generated / wrapper / base layers. It passes every
 * criterion it is built for; tests break one file to see a criterion fail.
 */
public final class MiniProvider {

    private final Map<String, String> files = new LinkedHashMap<>();

    private MiniProvider() {}

    public static MiniProvider sound() {
        MiniProvider p = new MiniProvider();
        p.files.put("go.mod", "module example.com/acme\n\ngo 1.22\n");
        p.files.put("inventory.txt", "source acme_source_postgresql\ndestination acme_destination_snowflake\ntransform acme_transform_filter\n");
        p.files.put("internal/provider/provider.go", """
                package provider

                import (
                \t"context"

                \t"github.com/hashicorp/terraform-plugin-framework/datasource"
                \t"github.com/hashicorp/terraform-plugin-framework/provider"
                \t"github.com/hashicorp/terraform-plugin-framework/resource"

                \t"example.com/acme/internal/resource/destination"
                \t"example.com/acme/internal/resource/source"
                \t"example.com/acme/internal/resource/transform"
                )

                type acmeProvider struct{}

                func (p *acmeProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
                \tresp.TypeName = "acme"
                }

                func (p *acmeProvider) Resources(_ context.Context) []func() resource.Resource {
                \treturn []func() resource.Resource{source.NewPostgresqlResource, destination.NewSnowflakeResource, transform.NewFilterResource}
                }

                func (p *acmeProvider) DataSources(_ context.Context) []func() datasource.DataSource {
                \treturn nil
                }
                """);
        p.files.put("internal/resource/connector/base.go", """
                package connector

                import (
                \t"context"
                \t"time"

                \t"github.com/hashicorp/terraform-plugin-framework/path"
                \t"github.com/hashicorp/terraform-plugin-framework/resource"
                \t"github.com/hashicorp/terraform-plugin-framework/resource/schema"
                \t"github.com/hashicorp/terraform-plugin-framework/types"

                \t"example.com/acme/internal/helper"
                )

                // ConnectorConfig is what each wrapper provides to the shared base.
                type ConnectorConfig interface {
                \tGetSchema() schema.Schema
                \tGetResourceName() string
                \tGetFieldMappings() map[string]string
                }

                // BaseResource implements CRUD once for every connector.
                type BaseResource struct{ config ConnectorConfig }

                // NewBase wraps a connector's configuration into a resource.
                func NewBase(c ConnectorConfig) resource.Resource { return &BaseResource{config: c} }

                func (r *BaseResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
                \tresp.TypeName = req.ProviderTypeName + "_" + r.config.GetResourceName()
                }

                func (r *BaseResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
                \tresp.Schema = r.config.GetSchema()
                }

                func (r *BaseResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
                \tctx, cancel := context.WithTimeout(ctx, 20*time.Minute)
                \tdefer cancel()
                \t_ = r.modelToConfigMap(ctx, nil)
                }

                func (r *BaseResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
                \tctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
                \tdefer cancel()
                \tr.configMapToModel(ctx, map[string]any{})
                }

                func (r *BaseResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
                \tctx, cancel := context.WithTimeout(ctx, 20*time.Minute)
                \tdefer cancel()
                \t_ = r.modelToConfigMap(ctx, nil)
                }

                func (r *BaseResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
                \tctx, cancel := context.WithTimeout(ctx, 20*time.Minute)
                \tdefer cancel()
                }

                func (r *BaseResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
                \tresource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
                }

                // modelToConfigMap renames model values to API keys through the field mappings.
                func (r *BaseResource) modelToConfigMap(ctx context.Context, model map[string]any) map[string]any {
                \tout := map[string]any{}
                \tfor attr, apiKey := range r.config.GetFieldMappings() {
                \t\tout[apiKey] = extractTerraformValue(model[attr])
                \t}
                \treturn out
                }

                // configMapToModel reads API values back through the field mappings.
                func (r *BaseResource) configMapToModel(ctx context.Context, cfg map[string]any) map[string]any {
                \tmodel := map[string]any{}
                \tfor attr, apiKey := range r.config.GetFieldMappings() {
                \t\tmodel[attr] = setTerraformValue(ctx, cfg, apiKey, model[attr])
                \t}
                \treturn model
                }

                func extractTerraformValue(v any) any {
                \tswitch x := v.(type) {
                \tcase types.String:
                \t\treturn x.ValueString()
                \tcase types.Int64:
                \t\treturn x.ValueInt64()
                \tcase types.Bool:
                \t\treturn x.ValueBool()
                \tcase types.List:
                \t\tvar out []string
                \t\tx.ElementsAs(context.Background(), &out, false)
                \t\treturn out
                \t}
                \treturn nil
                }

                func setTerraformValue(ctx context.Context, cfg map[string]any, key string, current any) any {
                \tswitch current.(type) {
                \tcase types.String:
                \t\treturn helper.GetTfCfgString(ctx, cfg, key)
                \tcase types.Int64:
                \t\treturn helper.GetTfCfgInt64(ctx, cfg, key)
                \tcase types.Bool:
                \t\treturn helper.GetTfCfgBool(ctx, cfg, key)
                \tcase types.List:
                \t\treturn helper.GetTfCfgListString(ctx, cfg, key)
                \t}
                \treturn nil
                }
                """);
        p.files.put("internal/helper/helper.go", """
                package helper

                import (
                \t"context"
                \t"strconv"

                \t"github.com/hashicorp/terraform-plugin-framework/types"
                )

                // GetTfCfgString reads a string, null when absent or not a string.
                func GetTfCfgString(ctx context.Context, cfg map[string]any, key string) types.String {
                \tif s, ok := cfg[key].(string); ok {
                \t\treturn types.StringValue(s)
                \t}
                \treturn types.StringNull()
                }

                // GetTfCfgInt64 reads a number given as float64, int or numeric string.
                func GetTfCfgInt64(ctx context.Context, cfg map[string]any, key string) types.Int64 {
                \tswitch v := cfg[key].(type) {
                \tcase float64:
                \t\treturn types.Int64Value(int64(v))
                \tcase string:
                \t\tif n, err := strconv.ParseInt(v, 10, 64); err == nil {
                \t\t\treturn types.Int64Value(n)
                \t\t}
                \t}
                \treturn types.Int64Null()
                }

                // GetTfCfgBool reads a bool.
                func GetTfCfgBool(ctx context.Context, cfg map[string]any, key string) types.Bool {
                \tif b, ok := cfg[key].(bool); ok {
                \t\treturn types.BoolValue(b)
                \t}
                \treturn types.BoolNull()
                }

                // GetTfCfgListString reads a list of strings, skipping nil elements.
                func GetTfCfgListString(ctx context.Context, cfg map[string]any, key string) types.List {
                \treturn types.ListNull(types.StringType)
                }

                // MigrateDeprecatedValues moves each old key's value to its new key.
                func MigrateDeprecatedValues(cfg map[string]any, aliases map[string]string) map[string]any {
                \tfor oldKey, newKey := range aliases {
                \t\tif v, ok := cfg[oldKey]; ok {
                \t\t\tcfg[newKey] = v
                \t\t\tdelete(cfg, oldKey)
                \t\t}
                \t}
                \treturn cfg
                }
                """);
        p.files.put("internal/helper/helper_test.go", """
                package helper

                import (
                \t"context"
                \t"testing"
                )

                func TestGetTfCfgString(t *testing.T) {
                \tcases := []struct {
                \t\tname string
                \t\tcfg  map[string]any
                \t}{
                \t\t{"value", map[string]any{"k": "v"}},
                \t\t{"nil value", map[string]any{"k": nil}},
                \t\t{"missing key", map[string]any{}},
                \t\t{"not a string", map[string]any{"k": 42}},
                \t}
                \tfor _, c := range cases {
                \t\t_ = GetTfCfgString(context.Background(), c.cfg, "k")
                \t}
                }

                func TestGetTfCfgInt64(t *testing.T) {
                \t_ = GetTfCfgInt64(context.Background(), map[string]any{"k": 5.0}, "k")
                \t_ = GetTfCfgInt64(context.Background(), map[string]any{"k": "5"}, "k")
                \t_ = GetTfCfgInt64(context.Background(), map[string]any{"k": nil}, "k")
                }

                func TestGetTfCfgBool(t *testing.T) {
                \t_ = GetTfCfgBool(context.Background(), map[string]any{"k": nil}, "k")
                \t_ = GetTfCfgBool(context.Background(), map[string]any{}, "missing key")
                }

                func TestGetTfCfgListString(t *testing.T) {
                \t_ = GetTfCfgListString(context.Background(), map[string]any{"k": []any{}}, "k")
                \t_ = GetTfCfgListString(context.Background(), map[string]any{"k": []any{"a", nil}}, "k")
                }

                func TestMigrateDeprecatedValues(t *testing.T) {
                \t_ = MigrateDeprecatedValues(map[string]any{"old": 1}, map[string]string{"old": "new"})
                }
                """);
        p.files.put("internal/api/client.go", """
                package api

                import (
                \t"context"
                \t"encoding/json"
                \t"errors"
                \t"net/http"
                \t"strings"
                )

                const createdFromKey = "created_from"

                // Origin marks what created an entity.
                const Origin = "terraform"

                type Client struct {
                \thttp  *http.Client
                \ttoken string
                }

                type apiError struct {
                \tDetail string `json:"detail"`
                }

                // GetAccessToken exchanges client credentials for a bearer token.
                func (c *Client) GetAccessToken(ctx context.Context, clientID, secret string) (string, error) {
                \tbody := strings.NewReader(`{"client_id":"` + clientID + `","secret":"` + secret + `"}`)
                \treq, _ := http.NewRequestWithContext(ctx, http.MethodPost, "/auth/access-token", body)
                \tresp, err := c.http.Do(req)
                \tif err != nil {
                \t\treturn "", err
                \t}
                \tvar out struct {
                \t\tAccessToken string `json:"access_token"`
                \t}
                \terr = json.NewDecoder(resp.Body).Decode(&out)
                \treturn out.AccessToken, err
                }

                func (c *Client) doRequest(req *http.Request, out any) error {
                \treq.Header.Set("Authorization", "Bearer "+c.token)
                \tresp, err := c.http.Do(req)
                \tif err != nil {
                \t\treturn err
                \t}
                \tif resp.StatusCode >= 400 {
                \t\tvar e apiError
                \t\t_ = json.NewDecoder(resp.Body).Decode(&e)
                \t\treturn errors.New(e.Detail)
                \t}
                \treturn json.NewDecoder(resp.Body).Decode(out)
                }

                // CreateSource creates a source, asking for its secrets back.
                func (c *Client) CreateSource(ctx context.Context, payload map[string]any) error {
                \tpayload[createdFromKey] = Origin
                \treq, _ := http.NewRequestWithContext(ctx, http.MethodPost, "/sources?secret_returned=true", nil)
                \treturn c.doRequest(req, nil)
                }

                // GetSource reads a source with its secrets.
                func (c *Client) GetSource(ctx context.Context, id string) error {
                \treq, _ := http.NewRequestWithContext(ctx, http.MethodGet, "/sources/"+id+"?secret_returned=true", nil)
                \treturn c.doRequest(req, nil)
                }

                // CreateDestination creates a destination.
                func (c *Client) CreateDestination(ctx context.Context, payload map[string]any) error {
                \tpayload["created_from"] = "terraform"
                \treq, _ := http.NewRequestWithContext(ctx, http.MethodPost, "/destinations", nil)
                \treturn c.doRequest(req, nil)
                }
                """);
        p.files.put("internal/api/retry.go", """
                package api

                import (
                \t"errors"
                \t"net"
                \t"net/http"
                )

                // retryable: gateway errors and timeouts are worth another try.
                func retryable(status int, err error) bool {
                \tvar ne net.Error
                \tif errors.As(err, &ne) && ne.Timeout() {
                \t\treturn true
                \t}
                \tswitch status {
                \tcase http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
                \t\treturn true
                \t}
                \treturn false
                }
                """);
        p.files.put("internal/api/client_test.go", """
                package api

                import "testing"

                func TestGetAccessToken(t *testing.T) {}
                """);
        p.connector("source", "postgresql", "Postgresql", List.of(
                "transforms_insert_static_key1_static_field", "transforms_insert_static_key1_static_value",
                "transforms_insert_static_value1_static_field", "transforms_insert_static_value1_static_value",
                "transforms_insert_static_key2_static_field", "transforms_insert_static_key2_static_value",
                "transforms_insert_static_value2_static_field", "transforms_insert_static_value2_static_value"), List.of(
                "insert_static_key_field_1", "insert_static_key_value_1", "insert_static_value_field_1", "insert_static_value_1",
                "insert_static_key_field_2", "insert_static_key_value_2", "insert_static_value_field_2", "insert_static_value_2"));
        p.connector("destination", "snowflake", "Snowflake", List.of("create_schema_auto"), List.of("auto_schema_creation"));
        p.connector("transform", "filter", "Filter", List.of(), List.of());
        p.files.put("internal/provider/migration_test.go", migrationTests());
        p.files.put("internal/provider/schema_compat_test.go", """
                package provider

                import "testing"

                func TestSchemaBackwardsCompatibility_SourcePostgresql(t *testing.T) {
                	compareWithSnapshot(t, "testdata/schemas/source_postgresql_v1.json")
                }
                """);
        p.files.put("internal/provider/testdata/schemas/source_postgresql_v1.json", """
                {"version": "v1", "attributes": {
                  "name": {"required": true, "optional": false, "computed": false, "sensitive": false},
                  "transforms_insert_static_key1_static_field": {"required": false, "optional": true, "computed": false, "sensitive": false}
                }}
                """);
        p.files.put("docs/MIGRATION.md", "# Migration\n\nNo computed attribute changed.\n");
        p.files.put("docs/audits/architecture-comparison-report.md", """
                # Architecture comparison

                Code generation: schemas come from the backend's configuration, so that they cannot drift from it.

                Reflection-based marshaling: one conversion for every connector, because per-connector code repeated itself.

                Thin wrapper pattern: a wrapper holds what generation cannot know, instead of editing generated files.

                JSON-based deprecations and overrides: data reviewers can read, which avoids special cases in the generator.
                """);
        return p;
    }

    /**
     * One connector over the three layers: a generated schema with {@code name} and
     * {@code attributes} and their field mappings, a wrapper implementing ConnectorConfig that
     * adds {@code deprecated[i]} as a deprecated alias of {@code attributes[i]} (same API
     * field, ConflictsWith the new name), and a constructor registered by the provider.
     */
    private void connector(String category, String name, String goName, List<String> attributes, List<String> deprecated) {
        String schemaFunc = cap(category) + goName;
        StringBuilder attrs = new StringBuilder();
        StringBuilder maps = new StringBuilder("\t\"name\": \"name\",\n");
        for (String a : attributes) {
            attrs.append("\t\t\t\"").append(a).append("\": schema.StringAttribute{Optional: true, Description: \"")
                    .append(a).append(".\", MarkdownDescription: \"").append(a).append(".\"},\n");
            maps.append("\t\"").append(a).append("\": \"api.").append(a).append("\",\n");
        }
        files.put("internal/generated/" + category + "_" + name + ".go", """
                // Code generated by tfgen. DO NOT EDIT.

                package generated

                import "github.com/hashicorp/terraform-plugin-framework/resource/schema"

                // %3$sSchema is the %2$s %1$s's schema.
                func %3$sSchema() schema.Schema {
                \treturn schema.Schema{
                \t\tDescription: "Manages a %2$s %1$s.",
                \t\tAttributes: map[string]schema.Attribute{
                \t\t\t"name": schema.StringAttribute{Required: true, Description: "Name.", MarkdownDescription: "Name."},
                %4$s\t\t},
                \t}
                }

                // %3$sFieldMappings maps attributes to API fields.
                var %3$sFieldMappings = map[string]string{
                %5$s}
                """.formatted(category, name, schemaFunc, attrs, maps));
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < deprecated.size(); i++) {
            aliases.append("\t\t{\"").append(deprecated.get(i)).append("\", \"").append(attributes.get(i)).append("\"},\n");
        }
        files.put("internal/resource/" + category + "/" + name + "_generated.go", """
                package %1$s

                import (
                \t"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
                \t"github.com/hashicorp/terraform-plugin-framework/path"
                \t"github.com/hashicorp/terraform-plugin-framework/resource"
                \t"github.com/hashicorp/terraform-plugin-framework/resource/schema"
                \t"github.com/hashicorp/terraform-plugin-framework/schema/validator"

                \t"example.com/acme/internal/generated"
                \t"example.com/acme/internal/resource/connector"
                )

                // %3$sConfig is the %2$s wrapper.
                type %3$sConfig struct{}

                var _ connector.ConnectorConfig = (*%3$sConfig)(nil)

                var %2$sAliases = []struct{ oldName, newName string }{
                %5$s}

                func (c *%3$sConfig) GetSchema() schema.Schema {
                \ts := generated.%4$sSchema()
                \tfor _, a := range %2$sAliases {
                \t\ts.Attributes[a.oldName] = schema.StringAttribute{
                \t\t\tOptional:           true,
                \t\t\tDeprecationMessage: "Use '" + a.newName + "' instead.",
                \t\t\tValidators:         []validator.String{stringvalidator.ConflictsWith(path.MatchRoot(a.newName))},
                \t\t}
                \t}
                \treturn s
                }

                func (c *%3$sConfig) GetResourceName() string { return "%1$s_%2$s" }

                func (c *%3$sConfig) GetFieldMappings() map[string]string {
                \tm := map[string]string{}
                \tfor k, v := range generated.%4$sFieldMappings {
                \t\tm[k] = v
                \t}
                \tfor _, a := range %2$sAliases {
                \t\tm[a.oldName] = generated.%4$sFieldMappings[a.newName]
                \t}
                \treturn m
                }

                // New%3$sResource creates the resource.
                func New%3$sResource() resource.Resource { return connector.NewBase(&%3$sConfig{}) }
                """.formatted(category, name, goName, schemaFunc, aliases));
    }

    /**
     * The same three connectors in the v2 shape: each resource writes its own schema (here
     * {@code attributes} of them, about 5 lines each) and its own CRUD in one file.
     */
    public static MiniProvider v2(int attributes) {
        MiniProvider p = new MiniProvider();
        p.files.put("go.mod", "module example.com/acme\n\ngo 1.21\n");
        p.files.put("inventory.txt", "source acme_source_postgresql\ndestination acme_destination_snowflake\ntransform acme_transform_filter\n");
        StringBuilder registered = new StringBuilder();
        for (String[] c : new String[][] {{"source", "postgresql", "SourcePostgresql"}, {"destination", "snowflake", "DestinationSnowflake"},
                {"transform", "filter", "TransformFilter"}}) {
            registered.append("New").append(c[2]).append("Resource, ");
            StringBuilder attrs = new StringBuilder();
            for (int i = 0; i < attributes; i++) {
                attrs.append("""
                        \t\t\t"field_%d": schema.StringAttribute{
                        \t\t\t\tOptional:    true,
                        \t\t\t\tDescription: "Field %d.",
                        \t\t\t},
                        """.formatted(i, i));
            }
            p.files.put("internal/provider/" + c[0] + "_" + c[1] + ".go", """
                    package provider

                    import (
                    \t"context"

                    \t"github.com/hashicorp/terraform-plugin-framework/path"
                    \t"github.com/hashicorp/terraform-plugin-framework/resource"
                    \t"github.com/hashicorp/terraform-plugin-framework/resource/schema"
                    )

                    type %1$sResource struct{}

                    func New%1$sResource() resource.Resource { return &%1$sResource{} }

                    func (r *%1$sResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
                    \tresp.TypeName = req.ProviderTypeName + "_%2$s_%3$s"
                    }

                    func (r *%1$sResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
                    \tresp.Schema = schema.Schema{
                    \t\tAttributes: map[string]schema.Attribute{
                    \t\t\t"name": schema.StringAttribute{Required: true},
                    %4$s\t\t},
                    \t}
                    }

                    func (r *%1$sResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {}

                    func (r *%1$sResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {}

                    func (r *%1$sResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {}

                    func (r *%1$sResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {}

                    func (r *%1$sResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
                    \tresource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
                    }
                    """.formatted(c[2], c[0], c[1], attrs));
        }
        p.files.put("internal/provider/provider.go", """
                package provider

                import (
                \t"context"

                \t"github.com/hashicorp/terraform-plugin-framework/provider"
                \t"github.com/hashicorp/terraform-plugin-framework/resource"
                )

                type acmeProvider struct{}

                func (p *acmeProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
                \tresp.TypeName = "acme"
                }

                func (p *acmeProvider) Resources(_ context.Context) []func() resource.Resource {
                \treturn []func() resource.Resource{%s}
                }
                """.formatted(registered));
        return p;
    }

    /** The 13 migration tests the PRD names, each pinning v2.1.18 and expecting an empty plan. */
    private static String migrationTests() {
        StringBuilder sb = new StringBuilder("""
                package provider

                import (
                \t"testing"

                \t"github.com/hashicorp/terraform-plugin-testing/helper/resource"
                \t"github.com/hashicorp/terraform-plugin-testing/plancheck"
                )

                func legacy() map[string]resource.ExternalProvider {
                \treturn map[string]resource.ExternalProvider{"acme": {Source: "example/acme", VersionConstraint: "2.1.18"}}
                }
                """);
        for (String n : List.of("SourcePostgreSQL", "SourceMySQL", "SourceMongoDB", "SourceDynamoDB", "SourceSQLServer",
                "SourceKafkaDirect", "DestinationSnowflake", "DestinationClickHouse", "DestinationDatabricks",
                "DestinationPostgreSQL", "DestinationS3", "DestinationIceberg", "DestinationKafka")) {
            sb.append("""

                    func TestAcc%s_Migration(t *testing.T) {
                    \tresource.Test(t, resource.TestCase{Steps: []resource.TestStep{
                    \t\t{ExternalProviders: legacy(), Config: `resource "acme_x" "m" {}`},
                    \t\t{Config: `resource "acme_x" "m" {}`, ConfigPlanChecks: resource.ConfigPlanChecks{
                    \t\t\tPreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
                    \t}})
                    }
                    """.formatted(n));
        }
        return sb.toString();
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** One more connector over the three layers, registered and in the inventory. */
    public MiniProvider withConnector(String category, String name, String goName) {
        connector(category, name, goName, List.of(), List.of());
        edit("internal/provider/provider.go", s -> s.replace("return []func() resource.Resource{",
                "return []func() resource.Resource{" + category + ".New" + goName + "Resource, "));
        edit("inventory.txt", s -> s + category + " acme_" + category + "_" + name + "\n");
        return this;
    }

    /** Replaces a file's text (or adds the file). */
    public MiniProvider with(String path, String content) {
        files.put(path, content);
        return this;
    }

    /** Edits a file's text; fails when the edit changes nothing, so a test cannot break nothing. */
    public MiniProvider edit(String path, UnaryOperator<String> edit) {
        String before = files.get(path);
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the edit of " + path + " changed nothing");
        }
        files.put(path, after);
        return this;
    }

    public MiniProvider without(String path) {
        if (files.remove(path) == null) {
            throw new IllegalArgumentException("no file " + path);
        }
        return this;
    }

    public Path writeTo(Path dir) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
