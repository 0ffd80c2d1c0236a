package io.tfaudit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider model's extraction rules, each on a small module written for the test. */
class ProviderReaderTest {

    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private void goMod() throws IOException {
        write("go.mod", "module example.com/tfp\n\ngo 1.22\n");
    }

    private static final String PROVIDER_HEAD = """
            package provider

            import (
            \t"context"

            \t"github.com/hashicorp/terraform-plugin-framework/datasource"
            \t"github.com/hashicorp/terraform-plugin-framework/provider"
            \t"github.com/hashicorp/terraform-plugin-framework/resource"
            %s)

            type acmeProvider struct{}

            func (p *acmeProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
            \tresp.TypeName = "acme"
            }

            func (p *acmeProvider) DataSources(_ context.Context) []func() datasource.DataSource {
            \treturn nil
            }
            """;

    @Test
    void v2LiteralSchemaWithValidatorsDefaultsAndFlags() throws IOException {
        goMod();
        write("internal/provider/provider.go", PROVIDER_HEAD.formatted("") + """

                func (p *acmeProvider) Resources(_ context.Context) []func() resource.Resource {
                \treturn []func() resource.Resource{NewWidgetResource}
                }
                """);
        write("internal/provider/widget.go", """
                package provider

                import (
                \t"context"

                \t"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
                \t"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
                \t"github.com/hashicorp/terraform-plugin-framework/resource"
                \t"github.com/hashicorp/terraform-plugin-framework/resource/schema"
                \t"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
                \t"github.com/hashicorp/terraform-plugin-framework/schema/validator"
                )

                type widgetResource struct{}

                func NewWidgetResource() resource.Resource { return &widgetResource{} }

                func (r *widgetResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
                \tresp.TypeName = req.ProviderTypeName + "_widget"
                }

                func (r *widgetResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
                \tresp.Schema = schema.Schema{
                \t\tDescription: "Manages a widget.",
                \t\tAttributes: map[string]schema.Attribute{
                \t\t\t"mode": schema.StringAttribute{
                \t\t\t\tOptional: true,
                \t\t\t\tComputed: true,
                \t\t\t\tDefault:  stringdefault.StaticString("fast"),
                \t\t\t\tValidators: []validator.String{stringvalidator.OneOf("fast", "slow")},
                \t\t\t},
                \t\t\t"port": schema.Int64Attribute{
                \t\t\t\tRequired:   true,
                \t\t\t\tValidators: []validator.Int64{int64validator.Between(1, 65535)},
                \t\t\t},
                \t\t\t"secret": schema.StringAttribute{Required: true, Sensitive: true},
                \t\t},
                \t}
                }
                """);

        ProviderModel model = ProviderReader.read(dir);

        assertThat(model.providerTypeName()).isEqualTo("acme");
        assertThat(model.resources()).extracting(Resource::typeName).containsExactly("acme_widget");
        Resource widget = model.resources().get(0);
        assertThat(widget.unresolved()).isEmpty();
        assertThat(widget.schema().description()).isEqualTo("Manages a widget.");
        Map<String, Attribute> attrs = widget.schema().attributes();
        assertThat(attrs).containsOnlyKeys("mode", "port", "secret");
        assertThat(attrs.get("mode").optional()).isTrue();
        assertThat(attrs.get("mode").computed()).isTrue();
        assertThat(attrs.get("mode").defaultValue()).isEqualTo("fast");
        assertThat(attrs.get("mode").oneOfValues()).containsExactly("fast", "slow");
        assertThat(attrs.get("port").validators()).singleElement()
                .satisfies(v -> assertThat(v.arguments()).containsExactly(BigInteger.ONE, BigInteger.valueOf(65535)));
        assertThat(attrs.get("secret").sensitive()).isTrue();
        assertThat(attrs.get("mode").pos().fileAndLine()).isEqualTo("internal/provider/widget.go:26");
        assertThat(widget.category()).isEqualTo(Category.OTHER);
    }

    @Test
    void v3LayersLoopsCopyAndExtendMapsAndConstantsFromOtherPackages() throws IOException {
        goMod();
        write("internal/provider/provider.go", PROVIDER_HEAD.formatted("\n\t\"example.com/tfp/internal/resource/source\"\n") + """

                func (p *acmeProvider) Resources(_ context.Context) []func() resource.Resource {
                \tlist := []func() resource.Resource{source.NewPostgresResource}
                \treturn append(list, source.NewMysqlResource)
                }
                """);
        write("internal/names/names.go", """
                package names

                const SourcePrefix = "source_"
                """);
        write("internal/generated/source_postgres.go", """
                // Code generated by tfgen. DO NOT EDIT.

                package generated

                import "github.com/hashicorp/terraform-plugin-framework/resource/schema"

                func SourcePostgresSchema() schema.Schema {
                \treturn schema.Schema{
                \t\tAttributes: map[string]schema.Attribute{
                \t\t\t"hostname":        schema.StringAttribute{Required: true},
                \t\t\t"insert_key_field": schema.StringAttribute{Optional: true},
                \t\t\t"scratch":         schema.StringAttribute{Optional: true},
                \t\t},
                \t}
                }

                var SourcePostgresFieldMappings = map[string]string{
                \t"hostname":         "database.hostname.user.defined",
                \t"insert_key_field": "transforms.insert.key.field",
                }
                """);
        write("internal/resource/connector/base.go", """
                package connector

                import (
                \t"context"

                \t"github.com/hashicorp/terraform-plugin-framework/resource"
                \t"github.com/hashicorp/terraform-plugin-framework/resource/schema"
                )

                type ConnectorConfig interface {
                \tGetSchema() schema.Schema
                \tGetResourceName() string
                \tGetFieldMappings() map[string]string
                }

                type BaseResource struct {
                \tconfig ConnectorConfig
                }

                func NewBase(config ConnectorConfig) resource.Resource {
                \treturn &BaseResource{config: config}
                }

                func (r *BaseResource) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
                \tresp.TypeName = req.ProviderTypeName + "_" + r.config.GetResourceName()
                }

                func (r *BaseResource) Schema(ctx context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
                \ts := r.config.GetSchema()
                \ts.Attributes["id"] = schema.StringAttribute{Computed: true}
                \tdelete(s.Attributes, "scratch")
                \tresp.Schema = s
                }
                """);
        write("internal/resource/source/postgres_generated.go", """
                package source

                import (
                \t"github.com/hashicorp/terraform-plugin-framework/resource"
                \t"github.com/hashicorp/terraform-plugin-framework/resource/schema"

                \t"example.com/tfp/internal/generated"
                \t"example.com/tfp/internal/names"
                \tbase "example.com/tfp/internal/resource/connector"
                )

                var postgresMappings = func() map[string]string {
                \tm := make(map[string]string)
                \tfor k, v := range generated.SourcePostgresFieldMappings {
                \t\tm[k] = v
                \t}
                \tm["insert_key_field_1"] = "transforms.insert.key.field"
                \treturn m
                }()

                type PostgresConfig struct{}

                var _ base.ConnectorConfig = (*PostgresConfig)(nil)

                func (c *PostgresConfig) GetSchema() schema.Schema {
                \ts := generated.SourcePostgresSchema()
                \tfor _, alias := range []struct{ oldName, newName string }{
                \t\t{"insert_key_field_1", "insert_key_field"},
                \t} {
                \t\ts.Attributes[alias.oldName] = schema.StringAttribute{
                \t\t\tOptional:           true,
                \t\t\tDeprecationMessage: "Use '" + alias.newName + "' instead.",
                \t\t}
                \t}
                \treturn s
                }

                func (c *PostgresConfig) GetResourceName() string { return names.SourcePrefix + "postgres" }

                func (c *PostgresConfig) GetFieldMappings() map[string]string { return postgresMappings }

                func NewPostgresResource() resource.Resource { return base.NewBase(&PostgresConfig{}) }

                func NewMysqlResource() resource.Resource { return base.NewBase(&MysqlConfig{}) }

                type MysqlConfig struct{ PostgresConfig }

                func (c *MysqlConfig) GetResourceName() string { return "source_mysql" }

                func NewOrphanResource() resource.Resource { return base.NewBase(&PostgresConfig{}) }
                """);

        ProviderModel model = ProviderReader.read(dir);

        assertThat(model.resources()).extracting(Resource::typeName)
                .containsExactly("acme_source_postgres", "acme_source_mysql");
        Resource pg = model.resource("acme_source_postgres").orElseThrow();
        assertThat(pg.unresolved()).isEmpty();
        assertThat(pg.category()).isEqualTo(Category.SOURCE);
        assertThat(pg.schema().attributes()).containsOnlyKeys("hostname", "insert_key_field", "insert_key_field_1", "id");
        Attribute deprecated = pg.schema().attributes().get("insert_key_field_1");
        assertThat(deprecated.deprecationMessage()).isEqualTo("Use 'insert_key_field' instead.");
        assertThat(deprecated.pos().file()).isEqualTo("internal/resource/source/postgres_generated.go");
        assertThat(pg.schema().attributes().get("hostname").pos().file()).isEqualTo("internal/generated/source_postgres.go");
        assertThat(pg.fieldMappings()).containsEntry("hostname", "database.hostname.user.defined")
                .containsEntry("insert_key_field_1", "transforms.insert.key.field").hasSize(3);
        assertThat(pg.constructorFile()).isEqualTo("internal/resource/source/postgres_generated.go");
        assertThat(pg.implementationFile()).isEqualTo("internal/resource/connector/base.go");
        assertThat(pg.schemaFile()).isEqualTo("internal/generated/source_postgres.go");
        // The embedded config's methods are promoted; its own GetResourceName wins.
        assertThat(model.resource("acme_source_mysql").orElseThrow().schema().attributes()).containsKey("insert_key_field_1");
        assertThat(model.unregisteredConstructors()).singleElement().asString().startsWith("source.NewOrphanResource");
    }

    @Test
    void theModelStructFlattensEmbeddedModelsFromOtherPackages() throws IOException {
        goMod();
        write("internal/generated/models.go", """
                package generated

                import "github.com/hashicorp/terraform-plugin-framework/types"

                type SourceThingModel struct {
                \tName types.String `tfsdk:"name"`
                \tPort types.Int64  `tfsdk:"port" json:"p"`
                \tSkip types.String `tfsdk:"-"`
                }
                """);
        write("internal/resource/thing.go", """
                package resource

                import (
                \t"github.com/hashicorp/terraform-plugin-framework/types"

                \t"example.com/tfp/internal/generated"
                )

                type thingModelWithDeprecated struct {
                \tgenerated.SourceThingModel
                \tOldPort types.Int64 `tfsdk:"old_port"`
                }
                """);
        var reader = new ModelStructReader(io.tfaudit.go.program.GoModule.of(io.tfaudit.go.load.GoSourceTree.load(dir)));
        ModelStruct m = reader.read("example.com/tfp/internal/resource", "thingModelWithDeprecated").orElseThrow();
        assertThat(m.fields()).extracting(ModelStruct.ModelField::tfsdkName).containsExactly("name", "port", "old_port");
        assertThat(m.field("port").orElseThrow().declaredIn()).isEqualTo("SourceThingModel");
        assertThat(m.field("port").orElseThrow().goType()).isEqualTo("types.Int64");
        assertThat(m.field("old_port").orElseThrow().pos().fileAndLine()).isEqualTo("internal/resource/thing.go:11");
        assertThat(ModelStructReader.tagValue("tfsdk:\"a\" json:\"b,omitempty\"", "json")).isEqualTo("b,omitempty");
    }

    @Test
    void whatCannotBeResolvedIsSaidWithItsPlace() throws IOException {
        goMod();
        write("internal/provider/provider.go", PROVIDER_HEAD.formatted("") + """

                func (p *acmeProvider) Resources(_ context.Context) []func() resource.Resource {
                \treturn loadFromPlugins()
                }
                """);
        ProviderModel model = ProviderReader.read(dir);
        assertThat(model.resources()).isEmpty();
        assertThat(model.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.what()).startsWith("Resources() could not be enumerated");
            assertThat(u.pos().fileAndLine()).startsWith("internal/provider/provider.go:");
        });
    }

    @Test
    void initFunctionsThatGoDoesNotRunAreNamedWhenNothingIsRegistered() throws IOException {
        goMod();
        write("internal/provider/provider.go", PROVIDER_HEAD.formatted("\n\t\"example.com/tfp/internal/registry\"\n") + """

                func (p *acmeProvider) Resources(_ context.Context) []func() resource.Resource {
                \treturn registry.All()
                }
                """);
        write("internal/registry/registry.go", """
                package registry

                import "github.com/hashicorp/terraform-plugin-framework/resource"

                var all []func() resource.Resource

                // Register is called by each resource's package from its init function.
                func Register(f func() resource.Resource) { all = append(all, f) }

                func All() []func() resource.Resource { return all }
                """);
        write("internal/widget/widget.go", """
                package widget

                import (
                \t"github.com/hashicorp/terraform-plugin-framework/resource"

                \t"example.com/tfp/internal/registry"
                )

                func init() { registry.Register(NewWidgetResource) }

                type widgetResource struct{}

                func NewWidgetResource() resource.Resource { return &widgetResource{} }
                """);
        ProviderModel model = ProviderReader.read(dir);
        assertThat(model.resources()).isEmpty();
        assertThat(model.unresolved()).singleElement().hasToString("internal/provider/provider.go:23: Resources() could not be "
                + "enumerated: read statically it returns an empty list (from internal/registry/registry.go:5), but the module has "
                + "init functions that Go does not run before it, in packages the provider's main does not import "
                + "(internal/widget/widget.go:9), and the module has 1 resource "
                + "constructor(s) nothing registers (widget.NewWidgetResource (internal/widget/widget.go:13)); what is registered "
                + "at run time is not known to the audit");
    }

    @Test
    void aProviderThatRegistersNothingAndSaysSoIsNotUnresolved() throws IOException {
        goMod();
        write("internal/provider/provider.go", PROVIDER_HEAD.formatted("") + """

                func (p *acmeProvider) Resources(_ context.Context) []func() resource.Resource {
                \treturn nil
                }
                """);
        ProviderModel model = ProviderReader.read(dir);
        assertThat(model.resources()).isEmpty();
        assertThat(model.unresolved()).isEmpty();
    }

    @Test
    void aDirectoryWithoutAProviderSaysSo() throws IOException {
        write("main.go", "package main\n\nfunc main() {}\n");
        ProviderModel model = ProviderReader.read(dir);
        assertThat(model.providerTypeName()).isNull();
        assertThat(model.unresolved()).extracting(Unresolved::what).singleElement().asString().contains("no provider type found");
    }
}
