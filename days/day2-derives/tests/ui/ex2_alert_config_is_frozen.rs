// Silencing the pager by editing the config: it must not compile.
#![allow(warnings)]

#[path = "../../src/ex2_frozen_config.rs"]
mod ex2_frozen_config;

use ex2_frozen_config::{AlertConfig, Severity};

fn main() {
    let mut alerts = AlertConfig::new(
        "oncall@example.com",
        "#alerts",
        "pd-key-123",
        Severity::Critical,
    );
    alerts.severity_threshold = Severity::Info;
}
