# Raise the partition count of a topic written by a source.

resource "streamkap_topic" "example" {
  topic_id        = "source_6650f3c2a1b4.public.orders"
  partition_count = 6
}
