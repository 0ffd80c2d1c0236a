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

                \t"github.com/hashicorp/terraform-plugin-framework/resource"
                \t"github.com/hashicorp/terraform-plugin-framework/resource/schema"
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

                func (r *BaseResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {}

                func (r *BaseResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {}

                func (r *BaseResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {}

                func (r *BaseResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {}
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
