terraform {
  required_providers {
    streamkap = {
      source  = "streamkap-com/streamkap"
      version = "~> 3.0"
    }
  }
}

# Credentials are read from STREAMKAP_CLIENT_ID and STREAMKAP_SECRET when they are not set here.
provider "streamkap" {
  host = "https://api.streamkap.com"
}
