# Minimal Rollup transform: only the required attributes; everything else keeps its default.

resource "streamkap_transform_rollup" "example" {
  name                = "orders-per-minute"
  input_topic_pattern = "shop\\.orders"
  output_topic        = "orders_per_minute"
}
