// Command terraform-provider-streamkap serves the provider over Terraform's plugin
// protocol.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/example/terraform-provider-streamkap/internal/provider"
)

// `go generate ./...` regenerates internal/generated from the backend named by
// STREAMKAP_BACKEND_PATH (cmd/tfgen/testdata/backend reproduces it exactly), then formats
// the examples and renders docs/ from the schemas and examples, in that order.
//go:generate go run ./cmd/tfgen generate -backend-path=${STREAMKAP_BACKEND_PATH} -output=internal/generated
//go:generate terraform fmt -recursive ./examples/
//go:generate go run github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs generate

// version is set by the release build.
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run with support for debuggers such as delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/streamkap-com/streamkap",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
