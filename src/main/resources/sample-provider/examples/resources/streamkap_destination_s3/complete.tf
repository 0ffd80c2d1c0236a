# S3 destination with every configurable attribute set.

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
  aws_region            = "eu-west-1"
  s3_bucket_name        = "acme-cdc-archive"
  file_format           = "json"
  topics_dir            = "cdc"
  flush_size            = 5000
  aws_role_arn          = "arn:aws:iam::123456789012:role/streamkap-writer"

  timeouts {
    create = "30m"
    update = "30m"
    delete = "15m"
  }
}
