# A PostgreSQL source, a transform and a Snowflake destination joined by a pipeline.

variable "postgresql_password" {
  description = "Password of the PostgreSQL user Streamkap connects as."
  type        = string
  sensitive   = true
}

variable "snowflake_private_key" {
  description = "PEM-encoded private key of the Snowflake user."
  type        = string
  sensitive   = true
}

resource "streamkap_source_postgresql" "orders" {
  name                = "orders-postgresql"
  database_hostname   = "pg.example.internal"
  database_user       = "streamkap"
  database_password   = var.postgresql_password
  database_dbname     = "orders"
  schema_include_list = "public"
  table_include_list  = "public.orders"
}

resource "streamkap_transform_map_filter" "clean" {
  name                 = "clean-orders"
  input_topic_pattern  = "public\\.orders"
  output_topic_pattern = "{topic}_clean"
}

resource "streamkap_destination_snowflake" "analytics" {
  name                    = "analytics-snowflake"
  snowflake_url_name      = "acme-analytics.snowflakecomputing.com"
  snowflake_user_name     = "STREAMKAP_USER"
  snowflake_private_key   = var.snowflake_private_key
  snowflake_database_name = "ANALYTICS"
  snowflake_schema_name   = "STREAMKAP"
}

resource "streamkap_pipeline" "complete" {
  name                = "orders-to-snowflake"
  source_id           = streamkap_source_postgresql.orders.id
  destination_id      = streamkap_destination_snowflake.analytics.id
  topics              = ["public.orders"]
  transform_ids       = [streamkap_transform_map_filter.clean.id]
  snapshot_new_tables = false

  timeouts {
    create = "30m"
    update = "30m"
    delete = "15m"
  }
}
