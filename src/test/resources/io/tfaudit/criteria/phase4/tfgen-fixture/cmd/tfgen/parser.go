package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Connector is what tfgen reads from one configuration.latest.json.
type Connector struct {
	Title  string  `json:"display_name"`
	Fields []Field `json:"config"`
}

// Field is one entry of the connector's config array.
type Field struct {
	Key         string `json:"name"`
	Description string `json:"description"`
	UserDefined bool   `json:"user_defined"`
	Required    bool   `json:"required"`
	Encrypt     bool   `json:"encrypt"`
	SetOnce     bool   `json:"set_once"`
	Value       Value  `json:"value"`
	Conditions  []When `json:"conditions"`
}

// Value says how the field is edited.
type Value struct {
	Control   string   `json:"control"`
	Type      string   `json:"type"`
	Default   any      `json:"default"`
	RawValues []any    `json:"raw_values"`
	Min       *float64 `json:"min"`
	Max       *float64 `json:"max"`
	Step      *float64 `json:"step"`
}

// When makes a field relevant only for some value of another field.
type When struct {
	Operator string `json:"operator"`
	Config   string `json:"config"`
	Value    any    `json:"value"`
}

// ReadConnector decodes one backend file.
func ReadConnector(path string) (*Connector, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c := &Connector{}
	if err := json.Unmarshal(raw, c); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return c, nil
}

// Exposed keeps the fields a user types in; the backend fills in the rest (and resolves dynamic values).
func (c *Connector) Exposed() []Field {
	var out []Field
	for _, f := range c.Fields {
		if f.UserDefined && f.Value.Type != "dynamic" {
			out = append(out, f)
		}
	}
	return out
}

// Choices are the allowed values of a one-select.
func (f Field) Choices() []string {
	var out []string
	for _, v := range f.Value.RawValues {
		out = append(out, text(v))
	}
	return out
}

// Bounds are a slider's min, max and step.
func (f Field) Bounds() (lo, hi, step int64, ok bool) {
	if f.Value.Min == nil || f.Value.Max == nil {
		return 0, 0, 0, false
	}
	step = 1
	if f.Value.Step != nil {
		step = int64(*f.Value.Step)
	}
	return int64(*f.Value.Min), int64(*f.Value.Max), step, true
}

// Conditional tells whether the field only applies for some value of another field.
func (f Field) Conditional() bool { return len(f.Conditions) > 0 }

// AttrName turns "database.port.user.defined" into "database_port".
func AttrName(key string) string {
	key = strings.TrimSuffix(key, ".user.defined")
	var b strings.Builder
	for i, r := range key {
		switch {
		case r == '.' || r == '-':
			b.WriteByte('_')
		case r >= 'A' && r <= 'Z':
			if i > 0 && key[i-1] >= 'a' && key[i-1] <= 'z' {
				b.WriteByte('_')
			}
			b.WriteRune(r + 32)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}
