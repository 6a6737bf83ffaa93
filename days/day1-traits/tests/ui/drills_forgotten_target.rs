// Drill 1: both of Probe's methods are required, so a probe that forgets `target()` must not compile.
#![allow(warnings)]

#[path = "../../src/drills.rs"]
mod drills;

use drills::Probe;

struct Anonymous;

impl Probe for Anonymous {
    fn is_up(&self) -> bool {
        true
    }
}

fn main() {
    let probe: Box<dyn Probe> = Box::new(Anonymous);
}
