// Python: `checker = HealthChecker()` raises TypeError. Rust: a trait is not a value at all.
#![allow(warnings)]

#[path = "../../src/ex1_health_checks.rs"]
mod ex1_health_checks;

use ex1_health_checks::HealthCheck;

fn main() {
    let checker = HealthCheck;
}
