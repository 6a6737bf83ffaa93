//! `cargo capstone --demo`: the finished tool, built from the reference solution, run once.
//!
//! The solution is laid over a staged copy of the workbook (never over the learner's files), and
//! the unit's binary runs from that copy's root with the manifest's `[demo] args`. The copy builds
//! in a folder of its own (so the reference binary never takes the place of the learner's in
//! `target/debug`), which starts from the dependencies the workspace has already built.

use std::fmt;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::compile::{CompileError, cargo_command};
use crate::stage::{StageError, TreeCopy, copy_tree_keeping_times, stage};
use crate::workbook::{Unit, Workbook};

#[derive(Debug)]
pub enum DemoError {
    NoDemo(String),
    Stage(StageError),
    Cargo(CompileError),
    NoSolution(String),
    Killed,
}

impl fmt::Display for DemoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DemoError::NoDemo(unit) => write!(
                f,
                "{unit} has no `[demo]` in its exercises.toml, so there is nothing to show"
            ),
            DemoError::Stage(error) => fmt::Display::fmt(error, f),
            DemoError::Cargo(error) => fmt::Display::fmt(error, f),
            DemoError::NoSolution(unit) => write!(
                f,
                "this copy of the workbook has no reference solution of {unit} (no solutions/ folder: a release \
                 for learners), and the demo runs it: finish the capstone and run `cargo run -p sre-monitor` \
                 to see your own"
            ),
            DemoError::Killed => f.write_str("the demo was stopped by a signal"),
        }
    }
}

// Every variant's message says its cause (the inner errors give no source of their own).
impl std::error::Error for DemoError {}

impl From<StageError> for DemoError {
    fn from(error: StageError) -> Self {
        DemoError::Stage(error)
    }
}

impl From<CompileError> for DemoError {
    fn from(error: CompileError) -> Self {
        DemoError::Cargo(error)
    }
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
    let build_dir = work_dir.join("build");
    let target_dir = crate::workbook::build_folder(&workbook.root);
    // Best effort: what cannot be linked or copied is built.
    let _ = seed_build_folder(&target_dir.join("debug"), &build_dir.join("debug"));
    let cargo = cargo_command();
    let status = crate::process::status_own(
        Command::new(&cargo)
            .current_dir(&staged_root)
            .env("CARGO_TARGET_DIR", &build_dir)
            .args(["run", "--quiet", "--package", &unit.package, "--"])
            .args(&demo.args)
            .stdin(Stdio::null()),
    )
    .map_err(|source| CompileError::CargoMissing { cargo, source })?;
    status.code().ok_or(DemoError::Killed)
}

/// Starts the demo's build folder from the workspace's: every compiled dependency in `deps/` and
/// `build/` is hard-linked (copied where links are not possible), and cargo's fingerprints are
/// copied with their times, so cargo finds the dependencies fresh and builds only the workbook's
/// own crates. Files already there are left alone. The registry's crates build alike at any path,
/// so they are shared; the staged copy's own crates are new to cargo and built afresh.
fn seed_build_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    // A fingerprint is rewritten in place when its unit is rebuilt: never shared.
    for (folder, link) in [("deps", true), ("build", true), (".fingerprint", false)] {
        let source = from.join(folder);
        if source.is_dir() {
            let how = TreeCopy {
                link,
                keep_existing: true,
            };
            copy_tree_keeping_times(&source, &to.join(folder), how)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn a_demo_error_says_what_is_missing_and_a_build_error_shows_through_it() {
        let no_demo = DemoError::NoDemo("Day 3".into());
        assert_eq!(
            no_demo.to_string(),
            "Day 3 has no `[demo]` in its exercises.toml, so there is nothing to show"
        );
        assert!(std::error::Error::source(&no_demo).is_none());
        // Transparent: the stage error's message, which says the cause.
        let stage = DemoError::from(StageError::Copy {
            from: PathBuf::from("solutions/a.rs"),
            to: PathBuf::from("demo/a.rs"),
            source: std::io::Error::other("disk full"),
        });
        assert_eq!(
            stage.to_string(),
            "failed to copy solutions/a.rs to demo/a.rs: disk full"
        );
        assert!(
            std::error::Error::source(&stage).is_none(),
            "the message says the cause; given as the source too, a chain would print it twice"
        );
    }
}
