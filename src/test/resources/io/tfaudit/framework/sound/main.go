package main

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"example.com/terraform-provider-sound/internal/provider"
)

func main() {
	providerserver.Serve(context.Background(), provider.New, providerserver.ServeOpts{Address: "example.com/sound/sound"})
}
