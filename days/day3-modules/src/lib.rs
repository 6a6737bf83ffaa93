//! # Day 3: modules and packages
//!
//! The seed's Day 3 (modules, packages, `__init__.py`, `__all__`, relative imports, `__main__`,
//! the `src/` layout) in Rust. Read `README.md` first: it sets each Python idea beside its Rust
//! counterpart. Then the exercises, in order:
//!
//! 1. `fleet/src/server_utils.rs`: a module with three functions and a struct, declared in
//!    `fleet/src/lib.rs` and used from the binary `fleet/src/main.rs` in the three import styles.
//!    A crate of its own (`fleet/`), because it has a binary.
//! 2. `src/ex2_monitoring/mod.rs`: the `monitoring` package (checks, alerts, formatters) with its
//!    public face re-exported at the top, internals `pub(crate)`, and `super::` between siblings.
//! 3. `sre-toolkit/src/lib.rs`: the seed's `sre-toolkit/` layout, as a library with nested
//!    modules, a binary and integration tests. A crate of its own (`sre-toolkit/`).
//! 4. `src/drills.rs`: the day's ten drills.
//!
//! Each exercise is compiled by its own test targets, not by this library: exercise 2 and the
//! drills are included by `tests/ex2_monitoring.rs` and `tests/drills.rs` with `#[path]`, and
//! exercises 1 and 3 are packages of their own with their own `tests/`. So an exercise that does
//! not compile yet (today that is often the lesson: a missing `mod` or `pub use`) never hides the
//! results of the others, and this file declares no module. Grade your work with `cargo day 3`.
