# Map Filter transform with every configurable attribute set.

resource "streamkap_transform_map_filter" "complete" {
  name                       = "clean-orders"
  input_topic_pattern        = "shop\\.orders.*"
  output_topic_pattern       = "{topic}_clean"
  language                   = "Python"
  input_serialization_format = "Avro"
  parallelism                = 2

  timeouts {
    create = "30m"
    update = "30m"
    delete = "15m"
  }
}
