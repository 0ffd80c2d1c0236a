# A tag for sources.

resource "streamkap_tag" "example" {
  name = "production"
  type = ["sources"]
}
