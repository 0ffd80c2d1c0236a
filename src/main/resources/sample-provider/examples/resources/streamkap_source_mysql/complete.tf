# MySQL source with every configurable attribute set.
# var.mysql_password is declared in basic.tf (one module per folder).

resource "streamkap_source_mysql" "complete" {
  name                         = "shop-mysql"
  database_hostname            = "mysql.example.internal"
  database_port                = 3306
  database_user                = "streamkap"
  database_password            = var.mysql_password
  database_include_list        = "shop"
  table_include_list           = "shop.orders,shop.refunds"
  database_connection_timezone = "UTC"
  snapshot_gtid                = "No"
  binary_handling_mode         = "base64"
  heartbeat_enabled            = true

  snapshot_custom_table_config = {
    "shop.orders"  = { chunks = 8 }
    "shop.refunds" = { chunks = 2 }
  }

  timeouts {
    create = "30m"
    update = "30m"
    delete = "15m"
  }
}
