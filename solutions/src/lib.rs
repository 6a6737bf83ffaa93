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
