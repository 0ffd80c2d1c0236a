ephemeral "sound_token" "example" {
  scope = "read"
}
