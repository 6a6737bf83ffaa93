// Python: isinstance(Thermometer(), Restartable) is False. Rust: the call does not compile.
#![allow(warnings)]

#[path = "../../src/ex3_restartable.rs"]
mod ex3_restartable;

use ex3_restartable::restart;

/// Has nothing to do with restarting.
struct Thermometer;

fn main() {
    restart(&mut Thermometer);
}
