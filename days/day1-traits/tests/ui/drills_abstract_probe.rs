// Drill 2: `Probe` is a trait, not a value. (Python: TypeError: Can't instantiate abstract class.)
#![allow(warnings)]

#[path = "../../src/drills.rs"]
mod drills;

use drills::Probe;

fn main() {
    let probe = Probe;
}
