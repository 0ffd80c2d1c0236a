# Snowflake destination with every configurable attribute set.
# var.snowflake_private_key is declared in basic.tf (one module per folder).

variable "snowflake_key_passphrase" {
  description = "Passphrase of the Snowflake private key."
  type        = string
  sensitive   = true
}

resource "streamkap_destination_snowflake" "complete" {
  name                             = "analytics-snowflake"
  snowflake_url_name               = "acme-analytics.snowflakecomputing.com"
  snowflake_user_name              = "STREAMKAP_USER"
  snowflake_private_key            = var.snowflake_private_key
  snowflake_private_key_passphrase = var.snowflake_key_passphrase
  snowflake_database_name          = "ANALYTICS"
  snowflake_schema_name            = "STREAMKAP"
  snowflake_role_name              = "LOADER"
  ingestion_mode                   = "upsert"
  create_schema_auto               = true

  auto_qa_dedupe_table_mapping = {
    ORDERS_RAW  = "ORDERS"
    REFUNDS_RAW = "REFUNDS"
  }

  timeouts {
    create = "30m"
    update = "30m"
    delete = "15m"
  }
}
