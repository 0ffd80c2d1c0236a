# Minimal Map Filter transform: only the required attributes; everything else keeps its default.

resource "streamkap_transform_map_filter" "example" {
  name                 = "clean-orders"
  input_topic_pattern  = "shop\\.orders.*"
  output_topic_pattern = "{topic}_clean"
}
