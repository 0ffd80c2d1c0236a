data "sound_lookup" "example" {
  name = "example"
}
