# Rollup transform with every configurable attribute set.

resource "streamkap_transform_rollup" "complete" {
  name                 = "orders-per-minute"
  input_topic_pattern  = "shop\\.orders"
  output_topic         = "orders_per_minute"
  window_size_seconds  = 300
  aggregation_function = "sum"
  group_by_fields      = ["region", "currency"]

  timeouts {
    create = "30m"
    update = "30m"
    delete = "15m"
  }
}
