# S3 destination with every configurable attribute set.
# var.aws_access_key_id, var.aws_secret_access_key are declared in basic.tf (one module per folder).

resource "streamkap_destination_s3" "complete" {
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
