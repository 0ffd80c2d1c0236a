package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
)

type reverseFunction struct{}

func NewReverseFunction() function.Function { return reverseFunction{} }

func (f reverseFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "reverse"
}

func (f reverseFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary:     "Reverses a string",
		Description: "Returns the string with its characters in reverse order.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "input", Description: "The string to reverse."},
		},
		Return: function.StringReturn{},
	}
}

func (f reverseFunction) Run(_ context.Context, _ function.RunRequest, _ *function.RunResponse) {}
