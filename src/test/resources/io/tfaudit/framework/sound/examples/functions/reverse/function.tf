output "reversed" {
  value = provider::sound::reverse("abc")
}
