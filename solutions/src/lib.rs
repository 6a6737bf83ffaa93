//! The reference solutions as modules of one crate, so that `cargo clippy` and `cargo fmt` check them.
//!
//! Each file under `solutions/` mirrors a learner's file path for path; the grader lays them over the
//! stubs to grade them (see `docs/AUTHORING.md`). Add one `#[path]` module per solution file here.
