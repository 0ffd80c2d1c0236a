package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// BackendConfig is one connector's configuration.latest.json as the backend ships it.
// Only the parts tfgen needs are declared; everything else in the file is ignored.
type BackendConfig struct {
	DisplayName string         `json:"display_name"`
	Config      []BackendField `json:"config"`
}

// BackendField is one entry of a connector's "config" array.
type BackendField struct {
	Name        string      `json:"name"`
	Description string      `json:"description"`
	UserDefined bool        `json:"user_defined"`
	Required    bool        `json:"required"`
	Encrypt     bool        `json:"encrypt"`
	SetOnce     bool        `json:"set_once"`
	Value       FieldValue  `json:"value"`
	Conditions  []Condition `json:"conditions"`
}

// FieldValue describes how the UI edits a field: its control, its default, the choices of
// a one-select and the bounds of a slider.
type FieldValue struct {
	Control   string   `json:"control"`
	Type      string   `json:"type"` // "raw" for user input, "dynamic" for values the backend resolves
	Default   any      `json:"default"`
	RawValues []any    `json:"raw_values"`
	Min       *float64 `json:"min"`
	Max       *float64 `json:"max"`
	Step      *float64 `json:"step"`
}

// Condition makes a field relevant only when another field has (or has not) a value.
type Condition struct {
	Operator string `json:"operator"` // EQ, NE or IN
	Config   string `json:"config"`
	Value    any    `json:"value"`
}

// ParseBackendConfig reads and decodes one configuration.latest.json file.
func ParseBackendConfig(path string) (*BackendConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg BackendConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &cfg, nil
}

// UserDefinedFields keeps the fields a user sets. Fields with user_defined=false are
// resolved by the backend (for example database.hostname, derived from the user's
// hostname and the SSH settings) and must never become Terraform attributes.
func (c *BackendConfig) UserDefinedFields() []BackendField {
	var out []BackendField
	for _, f := range c.Config {
		if f.UserDefined && f.Value.Type != "dynamic" {
			out = append(out, f)
		}
	}
	return out
}

// AttributeName turns a backend key into a Terraform attribute name: the
// ".user.defined" suffix is dropped, dots and dashes become underscores and CamelCase
// segments become snake_case ("transforms.InsertStaticKey1.static.field" gives
// "transforms_insert_static_key1_static_field").
func AttributeName(key string) string {
	key = strings.TrimSuffix(key, ".user.defined")
	key = strings.NewReplacer(".", "_", "-", "_").Replace(key)
	return camelToSnake(key)
}

// camelToSnake lowers a camelCase key into snake_case, inserting an underscore only where
// a capital follows a lower-case letter or a digit, so that runs of capitals stay together.
func camelToSnake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				prev := s[i-1]
				if (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9') {
					b.WriteByte('_')
				}
			}
			b.WriteRune(r + ('a' - 'A'))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// EnumValues returns the choices of a one-select, as strings.
func (f BackendField) EnumValues() []string {
	out := make([]string, 0, len(f.Value.RawValues))
	for _, v := range f.Value.RawValues {
		out = append(out, scalarText(v))
	}
	return out
}

// DefaultText returns the default as text and whether there is one.
func (f BackendField) DefaultText() (string, bool) {
	if f.Value.Default == nil {
		return "", false
	}
	return scalarText(f.Value.Default), true
}

// DefaultInt64 returns the default of a numeric field. Backends often write numbers as
// strings ("5432"), so both forms are accepted.
func (f BackendField) DefaultInt64() (int64, error) {
	text, ok := f.DefaultText()
	if !ok {
		return 0, fmt.Errorf("%s has no default", f.Name)
	}
	return strconv.ParseInt(text, 10, 64)
}

// SliderBounds returns min, max and step of a slider; ok is false when min or max is missing.
func (f BackendField) SliderBounds() (min, max, step int64, ok bool) {
	if f.Value.Min == nil || f.Value.Max == nil {
		return 0, 0, 0, false
	}
	step = 1
	if f.Value.Step != nil {
		step = int64(*f.Value.Step)
	}
	return int64(*f.Value.Min), int64(*f.Value.Max), step, true
}

// scalarText renders a JSON scalar the way it appears in HCL and in descriptions:
// whole floats without a fraction, booleans as true/false.
func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case bool:
		return strconv.FormatBool(x)
	case float64:
		if x == float64(int64(x)) {
			return strconv.FormatInt(int64(x), 10)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return fmt.Sprint(x)
	}
}
