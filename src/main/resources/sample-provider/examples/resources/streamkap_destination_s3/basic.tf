# Minimal S3 destination: only the required attributes; everything else keeps its default.

variable "aws_access_key_id" {
  description = "Access key ID that Streamkap writes to S3 with."
  type        = string
  sensitive   = true
}

variable "aws_secret_access_key" {
  description = "Secret access key that Streamkap writes to S3 with."
  type        = string
  sensitive   = true
}

resource "streamkap_destination_s3" "example" {
  name                  = "cdc-archive-s3"
  aws_access_key_id     = var.aws_access_key_id
  aws_secret_access_key = var.aws_secret_access_key
  s3_bucket_name        = "acme-cdc-archive"
}
