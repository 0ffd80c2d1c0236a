# A tag for every kind of entity, with a description.

resource "streamkap_tag" "complete" {
  name        = "team-payments"
  type        = ["sources", "destinations", "pipelines", "transforms"]
  description = "Owned by the payments team."

  timeouts {
    create = "5m"
    delete = "5m"
  }
}
