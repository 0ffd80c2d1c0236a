package io.tfaudit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shapes terraform-plugin-framework providers are written in, each in a small provider
 * written for this test (src/test/resources/io/tfaudit/provider/fixtures): registries
 * filled by init functions, nested types to any depth, versioned schemas, the provider's
 * own block, ephemeral resources and functions. The model and the {@code schema} export are
 * both checked.
 */
class FrameworkShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProviderModel read(String fixture) throws URISyntaxException {
        return ProviderReader.readSchemas(Path.of(FrameworkShapesTest.class.getResource("fixtures/" + fixture).toURI()));
    }

    private static JsonNode export(ProviderModel model) throws Exception {
        JsonNode root = JSON.readTree(SchemaExport.toJson(model));
        return root.path("provider_schemas").elements().next();
    }

    private static List<String> unresolvedOf(Resource r) {
        return r.unresolved().stream().map(Unresolved::toString).toList();
    }

    @Test
    void initFunctionsFillRegistriesBeforeResourcesIsCalledInGoOrder() throws Exception {
        ProviderModel model = read("init-registry");
        assertThat(model.unresolved()).isEmpty();
        // widget registers from init(), gadget from init() with a package-level name, and its
        // data source from a blank package-level var; orphan's init is in no package main imports.
        assertThat(model.resources()).extracting(Resource::typeName).containsExactly("initreg_gadget", "initreg_widget");
        assertThat(model.dataSources()).extracting(Resource::typeName).containsExactly("initreg_gadgets");
        Resource widget = model.resource("initreg_widget").orElseThrow();
        assertThat(widget.schema().version()).isEqualTo(1L);
        assertThat(widget.schema().attributes()).containsOnlyKeys("id", "name");
        assertThat(widget.schema().attributes().get("name").required()).isTrue();
        assertThat(model.resource("initreg_gadget").orElseThrow().schema().attributes().get("size").type()).isEqualTo(TfType.NUMBER);
        assertThat(model.resources()).allSatisfy(r -> assertThat(r.unresolved()).isEmpty());

        JsonNode p = export(model);
        assertThat(p.path("resource_schemas").path("initreg_widget").path("version").asInt()).isEqualTo(1);
        assertThat(p.path("data_source_schemas").path("initreg_gadgets").path("block").path("attributes").path("names")
                .path("type").toString()).isEqualTo("[\"list\",\"string\"]");
        // An empty provider Schema method is a provider without configuration, not an unknown.
        assertThat(p.path("provider").path("block").isObject()).isTrue();
    }

    @Test
    void nestedTypesAreExactToAnyDepthAndWhatIsUnknownIsSaidNotShownAsDynamic() throws Exception {
        ProviderModel model = read("nested");
        Resource chain = model.dataSource("nested_chain").orElseThrow();
        var attrs = chain.schema().attributes();
        TfType extension = new TfType.ObjectType(java.util.Map.of("critical", TfType.BOOL, "oid", TfType.STRING,
                "values", new TfType.Collection("list", new TfType.Collection("list", TfType.NUMBER))));
        assertThat(attrs.get("links").type()).isEqualTo(new TfType.Collection("list", new TfType.ObjectType(java.util.Map.of(
                "subject", TfType.STRING, "is_ca", TfType.BOOL, "depth", TfType.NUMBER, "ratio", TfType.NUMBER,
                "usages", new TfType.Collection("set", TfType.STRING), "extension", extension))));
        assertThat(attrs.get("headers").type()).isEqualTo(new TfType.Collection("map", new TfType.Collection("list", TfType.STRING)));
        assertThat(attrs.get("anything").type()).isEqualTo(TfType.DYNAMIC);
        assertThat(attrs.get("colours").type()).isEqualTo(new TfType.Collection("list", TfType.STRING));
        assertThat(attrs.get("mystery").type().isKnown()).isFalse();
        assertThat(unresolvedOf(chain)).containsExactly(
                "internal/provider/other.go:11: type of attribute mystery: type is the result of typesource.Pick()");

        JsonNode a = export(model).path("data_source_schemas").path("nested_chain").path("block").path("attributes");
        assertThat(a.path("links").path("type").toString()).isEqualTo("[\"list\",[\"object\",{\"depth\":\"number\","
                + "\"extension\":[\"object\",{\"critical\":\"bool\",\"oid\":\"string\",\"values\":[\"list\",[\"list\",\"number\"]]}],"
                + "\"is_ca\":\"bool\",\"ratio\":\"number\",\"subject\":\"string\",\"usages\":[\"set\",\"string\"]}]]");
        assertThat(a.path("pair").path("type").toString()).isEqualTo(
                "[\"object\",{\"left\":[\"tuple\",[\"string\",\"bool\"]],\"right\":[\"map\",[\"object\",{\"n\":\"number\"}]]}]");
        assertThat(a.path("colour").path("type").asText()).isEqualTo("string");
        assertThat(a.path("anything").path("type").asText()).isEqualTo("dynamic");
        assertThat(a.path("mystery").has("type")).as("an unknown type is left out, never dynamic").isFalse();
        assertThat(a.path("mystery").path("optional").asBoolean()).isTrue();
    }

    @Test
    void nestedAttributesAndBlocksKeepTheirNestingModes() throws Exception {
        JsonNode shelf = export(read("nested")).path("resource_schemas").path("nested_shelf").path("block");
        JsonNode books = shelf.path("attributes").path("books").path("nested_type");
        assertThat(books.path("nesting_mode").asText()).isEqualTo("list");
        JsonNode publisher = books.path("attributes").path("publisher").path("nested_type");
        assertThat(publisher.path("nesting_mode").asText()).isEqualTo("single");
        assertThat(publisher.path("attributes").path("addresses").path("nested_type").path("nesting_mode").asText()).isEqualTo("set");
        assertThat(publisher.path("attributes").path("addresses").path("nested_type").path("attributes").path("city")
                .path("type").asText()).isEqualTo("string");
        assertThat(books.path("attributes").path("tags").path("type").toString()).isEqualTo("[\"set\",\"string\"]");
        assertThat(shelf.path("attributes").path("labels").path("nested_type").path("nesting_mode").asText()).isEqualTo("map");
        JsonNode bracket = shelf.path("block_types").path("bracket");
        assertThat(bracket.path("nesting_mode").asText()).isEqualTo("list");
        assertThat(bracket.path("block").path("block_types").path("screw").path("nesting_mode").asText()).isEqualTo("single");
        assertThat(bracket.path("block").path("block_types").path("screw").path("block").path("attributes").path("size")
                .path("type").asText()).isEqualTo("number");
        assertThat(shelf.path("block_types").path("finish").path("nesting_mode").asText()).isEqualTo("set");
    }

    @Test
    void versionsProviderBlockEphemeralResourcesAndFunctions() throws Exception {
        ProviderModel model = read("versioned");
        assertThat(model.resource("versioned_key").orElseThrow().schema().version()).isEqualTo(2L);
        Resource note = model.resource("versioned_note").orElseThrow();
        assertThat(note.schema().version()).isNull();
        assertThat(unresolvedOf(note)).containsExactly(
                "internal/provider/note_resource.go:22: schema version is not static: len of os.Getenv(…)");
        assertThat(model.providerSchema().attributes()).containsOnlyKeys("endpoint", "token");
        assertThat(model.ephemeralResources()).extracting(Resource::typeName, Resource::category)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("versioned_token", Category.EPHEMERAL_RESOURCE));
        assertThat(model.resources()).extracting(Resource::typeName).doesNotContain("versioned_token");
        Function split = model.functions().get(0);
        assertThat(split.name()).isEqualTo("split");
        assertThat(split.parameters()).extracting(Function.Parameter::name, Function.Parameter::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("input", TfType.STRING),
                org.assertj.core.groups.Tuple.tuple("limits", new TfType.Collection("list", TfType.NUMBER)));
        assertThat(split.unresolved()).isEmpty();

        JsonNode p = export(model);
        assertThat(p.path("resource_schemas").path("versioned_key").path("version").asInt()).isEqualTo(2);
        assertThat(p.path("resource_schemas").path("versioned_note").has("version"))
                .as("a version that is not known is left out, never 0").isFalse();
        JsonNode provider = p.path("provider");
        assertThat(provider.path("version").asInt()).isZero();
        assertThat(provider.path("block").path("attributes").path("token").path("sensitive").asBoolean()).isTrue();
        assertThat(provider.path("block").path("block_types").path("retry").path("nesting_mode").asText()).isEqualTo("single");
        assertThat(p.path("ephemeral_resource_schemas").path("versioned_token").path("block").path("attributes").path("value")
                .path("sensitive").asBoolean()).isTrue();
        JsonNode fn = p.path("functions").path("split");
        assertThat(fn.path("summary").asText()).isEqualTo("Splits a string");
        assertThat(fn.path("description").asText()).isEqualTo("Splits a string at each separator.");
        assertThat(fn.path("return_type").toString()).isEqualTo("[\"object\",{\"count\":\"number\",\"parts\":[\"list\",\"string\"]}]");
        assertThat(fn.path("parameters").get(1).path("is_nullable").asBoolean()).isTrue();
        assertThat(fn.path("parameters").get(1).path("type").toString()).isEqualTo("[\"list\",\"number\"]");
        assertThat(fn.path("variadic_parameter").path("name").asText()).isEqualTo("separators");
    }

    @Test
    void readingSchemasReadsNoExamples() throws Exception {
        Path dir = Path.of(FrameworkShapesTest.class.getResource("fixtures/versioned").toURI());
        // The fixture's example is malformed: the whole reading reports it, the schema reading never opens it.
        assertThat(ProviderReader.read(dir).files().problems()).isNotEmpty();
        ProviderModel model = ProviderReader.readSchemas(dir);
        assertThat(model.files().examples()).isEmpty();
        assertThat(model.files().problems()).isEmpty();
        assertThat(model.resources()).hasSize(2);
    }
}
