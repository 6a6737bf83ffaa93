// The learner's `monitoring` package, used from outside as the seed's main.py would.
#![allow(warnings)]

#[path = "../../src/ex2_monitoring/mod.rs"]
mod monitoring;

fn main() {
    // The public face is `monitoring::DiskCheck`; the module behind it stays private.
    let _: Option<monitoring::checks::DiskCheck> = None;
}
