# Webhook source with every configurable attribute set.

variable "webhook_signing_secret" {
  description = "Secret that webhook callers sign their requests with."
  type        = string
  sensitive   = true
}

resource "streamkap_source_webhook" "complete" {
  name           = "storefront-webhook"
  tables         = ["orders", "refunds"]
  payload_format = "ndjson"
  max_batch_size = 250
  signing_secret = var.webhook_signing_secret

  timeouts {
    create = "30m"
    update = "30m"
    delete = "15m"
  }
}
