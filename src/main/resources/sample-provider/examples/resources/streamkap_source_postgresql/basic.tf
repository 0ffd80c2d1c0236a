# Minimal PostgreSQL source: only the required attributes; everything else keeps its default.

variable "postgresql_password" {
  description = "Password of the PostgreSQL user Streamkap connects as."
  type        = string
  sensitive   = true
}

resource "streamkap_source_postgresql" "example" {
  name                = "orders-postgresql"
  database_hostname   = "pg.example.internal"
  database_user       = "streamkap"
  database_password   = var.postgresql_password
  database_dbname     = "orders"
  schema_include_list = "public"
  table_include_list  = "public.orders,public.customers"
}
