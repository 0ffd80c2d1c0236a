# Read an existing tag, for example one that Streamkap manages itself.

data "streamkap_tag" "example" {
  id = "6650f3c2a1b4c8d9e0f1a2d4"
}

output "tag_kinds" {
  value = data.streamkap_tag.example.type
}
