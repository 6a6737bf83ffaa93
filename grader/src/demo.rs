//! `cargo capstone --demo`: the finished tool, built from the reference solution, run once.
//!
//! The solution is laid over a staged copy of the workbook (never over the learner's files), and
//! the unit's binary runs from that copy's root with the manifest's `[demo] args`.

use std::process::{Command, Stdio};

use crate::compile::{CompileError, cargo_command};
use crate::stage::{StageError, stage};
use crate::workbook::{Unit, Workbook};

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("{0} has no `[demo]` in its exercises.toml, so there is nothing to show")]
    NoDemo(String),
    #[error(transparent)]
    Stage(#[from] StageError),
    #[error(transparent)]
    Cargo(#[from] CompileError),
    #[error(
        "this copy of the workbook has no reference solution of {0} (no solutions/ folder: a release \
         for learners), and the demo runs it: finish the capstone and run `cargo run -p sre-monitor` \
         to see your own"
    )]
    NoSolution(String),
    #[error("the demo was stopped by a signal")]
    Killed,
}

/// Builds the reference solution of `unit` in a stage and runs its binary once; returns its exit
/// code. Cargo's progress and the tool's own output go straight to the terminal.
pub fn run_demo(workbook: &Workbook, unit: &Unit) -> Result<i32, DemoError> {
    let demo = unit
        .manifest
        .demo
        .as_ref()
        .ok_or_else(|| DemoError::NoDemo(unit.label()))?;
    if !workbook.root.join("solutions").join(&unit.dir).is_dir() {
        return Err(DemoError::NoSolution(unit.label()));
    }
    let work_dir = workbook.root.join("target").join("grader").join("demo");
    let staged_root = work_dir.join("workbook");
    stage(
        workbook,
        Some(&workbook.root.join("solutions")),
        &staged_root,
    )?;
    let cargo = cargo_command();
    let status = crate::process::status_own(
        Command::new(&cargo)
            .current_dir(&staged_root)
            .env("CARGO_TARGET_DIR", work_dir.join("build"))
            .args(["run", "--quiet", "--package", &unit.package, "--"])
            .args(&demo.args)
            .stdin(Stdio::null()),
    )
    .map_err(|source| CompileError::CargoMissing { cargo, source })?;
    status.code().ok_or(DemoError::Killed)
}
