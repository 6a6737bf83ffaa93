//! The reference solutions as modules of one crate, so that `cargo clippy` and `cargo fmt` check them.
//!
//! Each file under `solutions/` mirrors a learner's file path for path; the grader lays them over the
//! stubs to grade them (see `docs/AUTHORING.md`). Add one `#[path]` module per solution file here.

#[path = "../days/day1-traits/src/drills.rs"]
pub mod day1_drills;
#[path = "../days/day1-traits/src/ex1_health_checks.rs"]
pub mod day1_ex1_health_checks;
#[path = "../days/day1-traits/src/ex2_mixins.rs"]
pub mod day1_ex2_mixins;
#[path = "../days/day1-traits/src/ex3_restartable.rs"]
pub mod day1_ex3_restartable;
#[path = "../days/day2-derives/src/drills.rs"]
pub mod day2_drills;
#[path = "../days/day2-derives/src/ex1_server.rs"]
pub mod day2_ex1_server;
#[path = "../days/day2-derives/src/ex2_frozen_config.rs"]
pub mod day2_ex2_frozen_config;
#[path = "../days/day2-derives/src/ex3_metrics.rs"]
pub mod day2_ex3_metrics;
#[path = "../days/day2-derives/src/ex4_log_entries.rs"]
pub mod day2_ex4_log_entries;

// Day 3. Exercise 2's package is a module tree that uses only `super::` paths, so it fits here as it
// is, and so does exercise 1's module `server_utils`. The rest are whole crates that do not fit as a
// module (binaries; sre-toolkit's modules use `crate::` paths and the `name.rs` + `name/` layout):
// `fleet/src/{lib,main}.rs` and `sre-toolkit/src/**` are linted with `cargo clippy -p fleet -p
// sre-toolkit` in a copy of the workbook with the solutions laid over the stubs.
#[path = "../days/day3-modules/src/drills.rs"]
pub mod day3_drills;
#[path = "../days/day3-modules/fleet/src/server_utils.rs"]
pub mod day3_ex1_server_utils;
#[path = "../days/day3-modules/src/ex2_monitoring/mod.rs"]
pub mod day3_ex2_monitoring;
