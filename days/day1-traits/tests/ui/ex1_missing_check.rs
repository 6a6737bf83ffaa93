// A check that forgets `check()`: it must not compile.
#![allow(warnings)]

#[path = "../../src/ex1_health_checks.rs"]
mod ex1_health_checks;

use ex1_health_checks::{HealthCheck, Severity};

struct Unchecked;

impl HealthCheck for Unchecked {
    fn name(&self) -> String {
        "Unchecked".to_string()
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }
}

fn main() {
    let checks: Vec<Box<dyn HealthCheck>> = vec![Box::new(Unchecked)];
}
