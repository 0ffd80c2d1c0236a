# Manage the partitions of a topic of a source defined elsewhere, with explicit timeouts.

variable "orders_topic_id" {
  description = "ID of the orders topic, as listed in the Streamkap UI."
  type        = string
}

resource "streamkap_topic" "complete" {
  topic_id        = var.orders_topic_id
  partition_count = 12

  timeouts {
    create = "10m"
    update = "10m"
    delete = "10m"
  }
}
