// A check that forgets `severity()`: like a subclass that leaves one abstract method out, it must
// not compile (Python: "Can't instantiate abstract class ... with abstract method severity").
#![allow(warnings)]

#[path = "../../src/ex1_health_checks.rs"]
mod ex1_health_checks;

use ex1_health_checks::HealthCheck;

struct Unrated;

impl HealthCheck for Unrated {
    fn check(&self) -> bool {
        true
    }

    fn name(&self) -> String {
        "Unrated".to_string()
    }
}

fn main() {
    let check: Box<dyn HealthCheck> = Box::new(Unrated);
}
