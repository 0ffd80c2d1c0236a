# Minimal MySQL source: only the required attributes; everything else keeps its default.

variable "mysql_password" {
  description = "Password of the MySQL user Streamkap connects as."
  type        = string
  sensitive   = true
}

resource "streamkap_source_mysql" "example" {
  name                  = "shop-mysql"
  database_hostname     = "mysql.example.internal"
  database_user         = "streamkap"
  database_password     = var.mysql_password
  database_include_list = "shop"
  table_include_list    = "shop.orders,shop.refunds"
}
