# Read a transform created in the Streamkap UI and use it in a pipeline.

data "streamkap_transform" "example" {
  id = "6650f3c2a1b4c8d9e0f1a2c1"
}

output "transform_status" {
  value = data.streamkap_transform.example.status
}
