// Changing a frozen config from outside its module: it must not compile.
#![allow(warnings)]

#[path = "../../src/ex2_frozen_config.rs"]
mod ex2_frozen_config;

use ex2_frozen_config::DatabaseConfig;

fn main() {
    let mut db = DatabaseConfig::new("db-01.internal", 5432, "orders", "app", 20);
    db.port = 9090;
}
