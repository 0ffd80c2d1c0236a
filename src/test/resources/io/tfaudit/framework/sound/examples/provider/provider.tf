provider "sound" {
  endpoint = "https://sound.example.com"
}
