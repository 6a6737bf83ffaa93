// A check that forgets `name()`: it must not compile (Python: "Can't instantiate abstract class").
#![allow(warnings)]

#[path = "../../src/ex1_health_checks.rs"]
mod ex1_health_checks;

use ex1_health_checks::{HealthCheck, Severity};

struct Nameless;

impl HealthCheck for Nameless {
    fn check(&self) -> bool {
        true
    }

    fn severity(&self) -> Severity {
        Severity::Info
    }
}

fn main() {
    let checks: Vec<Box<dyn HealthCheck>> = vec![Box::new(Nameless)];
}
