package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"os"
	"sort"
	"strings"
)

// Kind is the framework value type of a generated model field.
type Kind string

// The value types tfgen emits.
const (
	KindString Kind = "types.String"
	KindInt64  Kind = "types.Int64"
	KindBool   Kind = "types.Bool"
	KindList   Kind = "types.List"
	KindMap    Kind = "types.Map"
)

// controlKinds maps each backend UI control to the value type of its attribute.
// A password is a string marked Sensitive; a one-select is a string with a OneOf
// validator; a slider is an integer with a Between validator. Unknown controls are an
// error, so that a new control type is noticed instead of silently becoming a string.
var controlKinds = map[string]Kind{
	"string":       KindString,
	"textarea":     KindString,
	"password":     KindString,
	"number":       KindInt64,
	"boolean":      KindBool,
	"toggle":       KindBool,
	"one-select":   KindString,
	"multi-select": KindList,
	"slider":       KindInt64,
}

// goAbbreviations are written in capitals inside Go identifiers (ssh_host -> SSHHost).
var goAbbreviations = []string{"ID", "SSH", "SSL", "SQL", "DB", "URL", "API", "AWS", "ARN", "QA"}

// securityNote ends the description of every sensitive attribute.
const securityNote = "Security: this value is sensitive and is never shown in plan output or logs."

// portRange bounds every attribute whose name ends in _port.
var portRange = [2]int64{1, 65535}

// goTypeNames spells connector codes as they should appear in Go identifiers when
// capitalising the code is not enough.
var goTypeNames = map[string]string{
	"postgresql": "PostgreSQL",
	"mysql":      "MySQL",
	"s3":         "S3",
	"map_filter": "MapFilter",
}

// Override replaces the generated attribute of one backend field with a richer type
// than its control allows (a map of strings, or a map of objects).
type Override struct {
	Entity    string        `json:"entity"`
	Connector string        `json:"connector"`
	APIField  string        `json:"api_field"`
	Type      string        `json:"type"` // map_string or map_nested
	Nested    []NestedField `json:"nested_attributes,omitempty"`
}

// NestedField is one attribute of the object of a map_nested override.
type NestedField struct {
	Name        string `json:"name"`
	Type        string `json:"type"` // string, int64 or bool
	Required    bool   `json:"required"`
	Description string `json:"description"`
	Min         *int64 `json:"min,omitempty"`
	Max         *int64 `json:"max,omitempty"`
}

// Deprecation is an attribute name kept from v2 that now maps to a new attribute.
type Deprecation struct {
	Old     string `json:"old"`
	New     string `json:"new"`
	Since   string `json:"since"`
	Removal string `json:"removal"`
}

// Generator turns parsed backend configurations into Go source for internal/generated.
type Generator struct {
	Overrides    []Override
	Deprecations map[string]map[string][]Deprecation // entity -> connector -> aliases
}

// LoadGenerator reads overrides.json and deprecations.json.
func LoadGenerator(overridesPath, deprecationsPath string) (*Generator, error) {
	g := &Generator{}
	var overrides struct {
		Overrides []Override `json:"overrides"`
	}
	if err := readJSON(overridesPath, &overrides); err != nil {
		return nil, err
	}
	g.Overrides = overrides.Overrides
	if err := readJSON(deprecationsPath, &g.Deprecations); err != nil {
		return nil, err
	}
	return g, nil
}

func readJSON(path string, into any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, into); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// attribute is one schema attribute as it will be written.
type attribute struct {
	Name        string
	GoName      string
	APIKey      string
	Kind        Kind
	SchemaType  string // String, Int64, Bool, List, Map or MapNested
	Required    bool
	Optional    bool
	Computed    bool
	Sensitive   bool
	Description string
	Default     string   // Go expression, empty when there is none
	Validators  []string // Go expressions
	Modifiers   []string // Go expressions
	Nested      []attribute
}

// file collects what one generated file needs while it is being written.
type file struct {
	imports map[string]bool
}

func (f *file) use(pkg string) { f.imports[pkg] = true }

var importPaths = map[string]string{
	"timeouts":           "github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts",
	"int64validator":     "github.com/hashicorp/terraform-plugin-framework-validators/int64validator",
	"stringvalidator":    "github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator",
	"schema":             "github.com/hashicorp/terraform-plugin-framework/resource/schema",
	"booldefault":        "github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault",
	"boolplanmodifier":   "github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier",
	"int64default":       "github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default",
	"listplanmodifier":   "github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier",
	"planmodifier":       "github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier",
	"stringdefault":      "github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault",
	"stringplanmodifier": "github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier",
	"validator":          "github.com/hashicorp/terraform-plugin-framework/schema/validator",
	"types":              "github.com/hashicorp/terraform-plugin-framework/types",
}

// Generate returns the formatted Go file for one connector.
func (g *Generator) Generate(entity, code string, cfg *BackendConfig) ([]byte, error) {
	f := &file{imports: map[string]bool{"schema": true, "types": true, "timeouts": true}}
	deprecations := g.Deprecations[entity][code]
	// The target of a deprecated alias may be set through the old name, so the new
	// attribute must accept a value it did not plan: Optional+Computed, kept from state.
	targets := map[string]bool{}
	for _, d := range deprecations {
		targets[d.New] = true
	}

	attrs := commonAttributes(f, entity)
	for _, field := range cfg.UserDefinedFields() {
		a, err := g.attribute(f, entity, code, field, targets[AttributeName(field.Name)])
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", entity, code, err)
		}
		attrs = append(attrs, a)
	}

	typeName := capitalize(entity) + connectorGoName(code)
	resourceType := "streamkap_" + entity + "_" + code
	description, markdown := resourceDescriptions(entity, cfg.DisplayName)

	var b bytes.Buffer
	fmt.Fprintf(&b, "// %sModel is the Terraform state of %s.\n", typeName, resourceType)
	fmt.Fprintf(&b, "type %sModel struct {\n", typeName)
	for _, a := range attrs {
		fmt.Fprintf(&b, "%s %s `tfsdk:%q`\n", a.GoName, a.Kind, a.Name)
	}
	if len(deprecations) > 0 {
		b.WriteString("\n// Deprecated aliases from cmd/tfgen/deprecations.json. Their schema attributes\n")
		b.WriteString("// are added by the wrapper, which also maps them to the new attribute's API key.\n")
		kinds := map[string]Kind{}
		for _, a := range attrs {
			kinds[a.Name] = a.Kind
		}
		for _, d := range deprecations {
			fmt.Fprintf(&b, "%s %s `tfsdk:%q`\n", goName(d.Old), kinds[d.New], d.Old)
		}
	}
	b.WriteString("\nTimeouts timeouts.Value `tfsdk:\"timeouts\"`\n}\n\n")

	fmt.Fprintf(&b, "// %sSchema returns the schema of %s, generated from the backend's\n", typeName, resourceType)
	fmt.Fprintf(&b, "// configuration for %q.\n", code)
	fmt.Fprintf(&b, "func %sSchema() schema.Schema {\nreturn schema.Schema{\n", typeName)
	fmt.Fprintf(&b, "Description: %q,\nMarkdownDescription: %q,\n", description, markdown)
	b.WriteString("Attributes: map[string]schema.Attribute{\n")
	for _, a := range attrs {
		writeAttribute(&b, a)
	}
	b.WriteString("},\n}\n}\n\n")

	fmt.Fprintf(&b, "// %sFieldMappings maps each attribute of %s to its key in the API's config object.\n", typeName, resourceType)
	fmt.Fprintf(&b, "var %sFieldMappings = map[string]string{\n", typeName)
	for _, a := range attrs {
		if a.APIKey != "" {
			fmt.Fprintf(&b, "%q: %q,\n", a.Name, a.APIKey)
		}
	}
	b.WriteString("}\n")

	var out bytes.Buffer
	out.WriteString("// Code generated by tfgen. DO NOT EDIT.\n\npackage generated\n\nimport (\n")
	names := make([]string, 0, len(f.imports))
	for name := range f.imports {
		names = append(names, importPaths[name])
	}
	sort.Strings(names)
	for _, p := range names {
		fmt.Fprintf(&out, "%q\n", p)
	}
	out.WriteString(")\n\n")
	out.Write(b.Bytes())
	return format.Source(out.Bytes())
}

// commonAttributes are the attributes every connector of an entity has; they are
// top-level fields of the API object, so they have no field mapping.
func commonAttributes(f *file, entity string) []attribute {
	f.use("planmodifier")
	f.use("stringplanmodifier")
	keep := []string{"stringplanmodifier.UseStateForUnknown()"}
	attrs := []attribute{
		{Name: "id", GoName: "ID", Kind: KindString, SchemaType: "String", Computed: true, Modifiers: keep,
			Description: fmt.Sprintf("Identifier that Streamkap assigns to the %s.", entity)},
		{Name: "name", GoName: "Name", Kind: KindString, SchemaType: "String", Required: true,
			Description: fmt.Sprintf("Display name of the %s in Streamkap.", entity)},
	}
	if entity != "transform" {
		attrs = append(attrs, attribute{Name: "connector", GoName: "Connector", Kind: KindString, SchemaType: "String",
			Computed: true, Modifiers: keep, Description: fmt.Sprintf("Connector code of the %s, as Streamkap reports it.", entity)})
	}
	return attrs
}

// attribute maps one backend field to a schema attribute: its type from the control
// (controlKinds; ports are Int64 whatever the control), Required or Optional, Sensitive for
// passwords and encrypted fields, validators for sliders, ports and one-selects, a static
// default (which makes it Optional+Computed), plan modifiers, and the description notes in
// the order the docs list them. An override from overrides.json replaces the type.
func (g *Generator) attribute(f *file, entity, code string, field BackendField, aliasTarget bool) (attribute, error) {
	name := AttributeName(field.Name)
	kind, ok := controlKinds[field.Value.Control]
	if !ok {
		return attribute{}, fmt.Errorf("field %s: unknown control %q", field.Name, field.Value.Control)
	}
	if isPortField(name) {
		kind = KindInt64 // ports arrive as text fields but are numbers
	}
	a := attribute{Name: name, GoName: goName(name), APIKey: field.Name, Kind: kind, SchemaType: strings.TrimPrefix(string(kind), "types."),
		Required: field.Required, Optional: !field.Required,
		Sensitive: field.Encrypt || field.Value.Control == "password"}

	var rangeNote string
	switch {
	case field.Value.Control == "slider":
		min, max, _, ok := field.SliderBounds()
		if !ok {
			return attribute{}, fmt.Errorf("slider %s has no min/max", field.Name)
		}
		a.Validators = append(a.Validators, fmt.Sprintf("int64validator.Between(%d, %d)", min, max))
		rangeNote = fmt.Sprintf(" Must be between `%d` and `%d`.", min, max)
	case isPortField(name):
		a.Validators = append(a.Validators, fmt.Sprintf("int64validator.Between(%d, %d)", portRange[0], portRange[1]))
		rangeNote = fmt.Sprintf(" Must be between `%d` and `%d`.", portRange[0], portRange[1])
	}
	if len(a.Validators) > 0 {
		f.use("int64validator")
		f.use("validator")
	}
	var enumNote string
	if field.Value.Control == "one-select" {
		values := field.EnumValues()
		quoted := make([]string, len(values))
		listed := make([]string, len(values))
		for i, v := range values {
			quoted[i] = fmt.Sprintf("%q", v)
			listed[i] = "`" + v + "`"
		}
		a.Validators = append(a.Validators, "stringvalidator.OneOf("+strings.Join(quoted, ", ")+")")
		enumNote = " Valid values: " + strings.Join(listed, ", ") + "."
		f.use("stringvalidator")
		f.use("validator")
	}

	var defaultNote string
	if text, ok := field.DefaultText(); ok {
		defaultNote = " Defaults to `" + text + "`."
		switch kind {
		case KindString:
			a.Default = fmt.Sprintf("stringdefault.StaticString(%q)", text)
			f.use("stringdefault")
		case KindInt64:
			n, err := field.DefaultInt64()
			if err != nil {
				return attribute{}, fmt.Errorf("field %s: %w", field.Name, err)
			}
			a.Default = fmt.Sprintf("int64default.StaticInt64(%d)", n)
			f.use("int64default")
		case KindBool:
			a.Default = fmt.Sprintf("booldefault.StaticBool(%s)", text)
			f.use("booldefault")
		}
		a.Computed = true // the framework requires Computed next to Default
	}

	if !a.Required && a.Default == "" && (aliasTarget || kind == KindList) {
		// Set through a deprecated alias, or returned as [] when unset: the API may
		// supply a value the configuration does not, so keep it from state.
		a.Computed = true
		a.Modifiers = append(a.Modifiers, useStateForUnknown(f, kind))
	}
	if field.SetOnce {
		f.use("planmodifier")
		f.use("stringplanmodifier")
		a.Modifiers = append(a.Modifiers, "stringplanmodifier.RequiresReplace()")
	}

	if o := g.override(entity, code, field.Name); o != nil {
		a.Validators, enumNote = nil, ""
		switch o.Type {
		case "map_string":
			a.Kind, a.SchemaType = KindMap, "Map"
		case "map_nested":
			a.Kind, a.SchemaType = KindMap, "MapNested"
			for _, n := range o.Nested {
				a.Nested = append(a.Nested, nestedAttribute(f, n))
			}
		default:
			return attribute{}, fmt.Errorf("override of %s: unknown type %q", field.Name, o.Type)
		}
	}

	var conditionNote string
	for _, c := range field.Conditions {
		verb := "is"
		if c.Operator == "NE" {
			verb = "is not"
		}
		conditionNote += fmt.Sprintf(" Used only when `%s` %s `%s`.", AttributeName(c.Config), verb, scalarText(c.Value))
	}
	var replaceNote string
	if field.SetOnce {
		replaceNote = " Changing it replaces the resource."
	}
	a.Description = ensurePeriod(field.Description) + conditionNote + replaceNote + defaultNote + enumNote + rangeNote
	if a.Sensitive {
		a.Description += " " + securityNote
	}
	return a, nil
}

func nestedAttribute(f *file, n NestedField) attribute {
	kinds := map[string]Kind{"string": KindString, "int64": KindInt64, "bool": KindBool}
	a := attribute{Name: n.Name, Kind: kinds[n.Type], Required: n.Required, Optional: !n.Required,
		Description: ensurePeriod(n.Description)}
	a.SchemaType = strings.TrimPrefix(string(a.Kind), "types.")
	if n.Min != nil && n.Max != nil {
		a.Validators = []string{fmt.Sprintf("int64validator.Between(%d, %d)", *n.Min, *n.Max)}
		a.Description += fmt.Sprintf(" Must be between `%d` and `%d`.", *n.Min, *n.Max)
		f.use("int64validator")
		f.use("validator")
	}
	return a
}

func useStateForUnknown(f *file, kind Kind) string {
	f.use("planmodifier")
	pkg := map[Kind]string{KindString: "stringplanmodifier", KindBool: "boolplanmodifier", KindList: "listplanmodifier"}[kind]
	f.use(pkg)
	return pkg + ".UseStateForUnknown()"
}

func (g *Generator) override(entity, code, apiField string) *Override {
	for i := range g.Overrides {
		o := &g.Overrides[i]
		if o.Entity == entity && o.Connector == code && o.APIField == apiField {
			return o
		}
	}
	return nil
}

// writeAttribute writes one map entry of schema.Schema.Attributes.
func writeAttribute(b *bytes.Buffer, a attribute) {
	fmt.Fprintf(b, "%q: schema.%sAttribute{\n", a.Name, a.SchemaType)
	if a.SchemaType == "List" || a.SchemaType == "Map" {
		b.WriteString("ElementType: types.StringType,\n")
	}
	for _, flag := range []struct {
		name string
		set  bool
	}{{"Required", a.Required}, {"Optional", a.Optional}, {"Computed", a.Computed}, {"Sensitive", a.Sensitive}} {
		if flag.set {
			fmt.Fprintf(b, "%s: true,\n", flag.name)
		}
	}
	// Both descriptions carry the same text: tools read Description, the registry and
	// tfplugindocs read MarkdownDescription.
	fmt.Fprintf(b, "Description: %q,\nMarkdownDescription: %q,\n", a.Description, a.Description)
	if a.Default != "" {
		fmt.Fprintf(b, "Default: %s,\n", a.Default)
	}
	valueType := a.SchemaType
	if valueType == "MapNested" {
		valueType = "Map"
	}
	if len(a.Validators) > 0 {
		fmt.Fprintf(b, "Validators: []validator.%s{\n", valueType)
		for _, v := range a.Validators {
			b.WriteString(v + ",\n")
		}
		b.WriteString("},\n")
	}
	if len(a.Modifiers) > 0 {
		fmt.Fprintf(b, "PlanModifiers: []planmodifier.%s{\n", valueType)
		for _, m := range a.Modifiers {
			b.WriteString(m + ",\n")
		}
		b.WriteString("},\n")
	}
	if len(a.Nested) > 0 {
		b.WriteString("NestedObject: schema.NestedAttributeObject{\nAttributes: map[string]schema.Attribute{\n")
		for _, n := range a.Nested {
			writeAttribute(b, n)
		}
		b.WriteString("},\n},\n")
	}
	b.WriteString("},\n")
}

// resourceDescriptions returns the plain and markdown descriptions of a resource, in the
// pattern agents look for: "Manages a {DisplayName} {entity} connector." and, in markdown,
// "Manages a **{DisplayName}** {entity} connector." followed by how a pipeline uses it.
func resourceDescriptions(entity, display string) (string, string) {
	article := articleFor(display)
	plain := fmt.Sprintf("Manages %s %s %s connector.", article, display, entity)
	markdown := fmt.Sprintf("Manages %s **%s** %s connector.", article, display, entity)
	hint := map[string]string{
		"source":      "Reference its `id` from the `source_id` of a `streamkap_pipeline`.",
		"destination": "Reference its `id` from the `destination_id` of a `streamkap_pipeline`.",
		"transform":   "Reference its `id` from the `transform_ids` of a `streamkap_pipeline`.",
	}[entity]
	return plain, markdown + "\n\n" + hint
}

// articleFor picks "a" or "an" for a display name ("an S3", "a Snowflake").
func articleFor(display string) string {
	if display == "" {
		return "a"
	}
	if strings.ContainsRune("AEIOU", rune(display[0])) || strings.HasPrefix(display, "S3") {
		return "an"
	}
	return "a"
}

func isPortField(name string) bool {
	return strings.HasSuffix(name, "_port")
}

// goName turns a snake_case attribute name into an exported Go identifier, keeping
// the abbreviations of goAbbreviations in capitals.
func goName(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(strings.ReplaceAll(name, "-", "_"), "_") {
		if part == "" {
			continue
		}
		if isAbbreviation(part) {
			b.WriteString(strings.ToUpper(part))
			continue
		}
		b.WriteString(capitalize(part))
	}
	return b.String()
}

func isAbbreviation(part string) bool {
	for _, a := range goAbbreviations {
		if strings.EqualFold(part, a) {
			return true
		}
	}
	return false
}

func connectorGoName(code string) string {
	if n, ok := goTypeNames[code]; ok {
		return n
	}
	return goName(code)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func ensurePeriod(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}
