# PostgreSQL source with every configurable attribute set.
# var.postgresql_password is declared in basic.tf (one module per folder).

resource "streamkap_source_postgresql" "complete" {
  name                                         = "orders-postgresql"
  database_hostname                            = "pg.example.internal"
  database_port                                = 5432
  database_user                                = "streamkap"
  database_password                            = var.postgresql_password
  database_dbname                              = "orders"
  database_sslmode                             = "verify-full"
  snapshot_read_only                           = "Yes"
  schema_include_list                          = "public"
  table_include_list                           = "public.orders,public.customers"
  slot_name                                    = "streamkap_orders_slot"
  publication_name                             = "streamkap_orders_pub"
  heartbeat_enabled                            = true
  snapshot_parallelism                         = 4
  ssh_enabled                                  = false
  ssh_host                                     = "bastion.example.internal"
  ssh_port                                     = 22
  transforms_insert_static_key1_static_field   = "tenant"
  transforms_insert_static_key1_static_value   = "acme"
  transforms_insert_static_value1_static_field = "source_system"
  transforms_insert_static_value1_static_value = "orders-db"
  transforms_insert_static_key2_static_field   = "region"
  transforms_insert_static_key2_static_value   = "eu-west-1"
  transforms_insert_static_value2_static_field = "environment"
  transforms_insert_static_value2_static_value = "production"

  timeouts {
    create = "30m"
    update = "30m"
    delete = "15m"
  }
}
