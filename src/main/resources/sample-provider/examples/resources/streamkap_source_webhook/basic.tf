# Minimal Webhook source: only the required attributes; everything else keeps its default.

resource "streamkap_source_webhook" "example" {
  name   = "storefront-webhook"
  tables = ["orders", "refunds"]
}
