// Drill 8: a probe that forgets `is_up()` must not compile.
#![allow(warnings)]

#[path = "../../src/drills.rs"]
mod drills;

use drills::Probe;

struct Forgetful;

impl Probe for Forgetful {
    fn target(&self) -> String {
        "web-01".to_string()
    }
}

fn main() {
    let probe: Box<dyn Probe> = Box::new(Forgetful);
}
