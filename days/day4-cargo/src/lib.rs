//! # Day 4: Cargo as venv and pip
//!
//! The seed's Day 4 (virtual environments, pip install/list/show/freeze, requirements.txt and
//! requirements-dev.txt, pinning and ranges, upgrading, a setup script) in Rust. Read `README.md`
//! first: it sets each Python idea beside its Cargo counterpart. Then the exercises, in order:
//!
//! 1. `projects/healthwatch/Cargo.toml`: set up a project (its manifest, lock file, toolchain pin
//!    and `.gitignore`); the task is in that file's header.
//! 2. `src/ex2_conflict.rs`: two versions of one crate in the project `projects/alert-router/`.
//! 3. `src/ex3_template.rs`: a function that writes a complete new project.
//! 4. `src/drills.rs`: the day's ten drills.
//!
//! The projects in `projects/` are workspaces of their own, built with the stand-in crates of
//! `registry/`, offline. The Rust files are compiled by their own test targets (`#[path]`), not
//! by this library, so one that does not compile never hides the others. Grade with `cargo day 4`.
