resource "sound_widget" "example" {
  name   = "example"
  size   = 2
  labels = { team = "audio" }
}
