# Minimal pipeline between an existing source and destination.

variable "source_id" {
  description = "ID of the source to stream from."
  type        = string
}

variable "destination_id" {
  description = "ID of the destination to stream to."
  type        = string
}

resource "streamkap_pipeline" "example" {
  name           = "orders-to-snowflake"
  source_id      = var.source_id
  destination_id = var.destination_id
  topics         = ["public.orders"]
}
