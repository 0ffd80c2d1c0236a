module example.com/terraform-provider-sound

go 1.22
