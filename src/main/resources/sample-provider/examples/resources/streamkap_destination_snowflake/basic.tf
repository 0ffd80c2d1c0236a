# Minimal Snowflake destination: only the required attributes; everything else keeps its default.

variable "snowflake_private_key" {
  description = "PEM-encoded private key of the Snowflake user."
  type        = string
  sensitive   = true
}

resource "streamkap_destination_snowflake" "example" {
  name                    = "analytics-snowflake"
  snowflake_url_name      = "acme-analytics.snowflakecomputing.com"
  snowflake_user_name     = "STREAMKAP_USER"
  snowflake_private_key   = var.snowflake_private_key
  snowflake_database_name = "ANALYTICS"
  snowflake_schema_name   = "STREAMKAP"
}
