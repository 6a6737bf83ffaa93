//! The instructors' and maintainers' subcommands: `cargo grader batch`, `cargo grader release`,
//! `cargo grader gradescope` and `cargo grader check`.
//!
//! They need the grader's `instructor` feature (on by default: `cargo test` and `cargo run -p grader`
//! build it). The cargo aliases build the grader without it, for a shorter first build; there each
//! of these commands runs the same command line again with the full grader, built once.

use std::path::PathBuf;

#[cfg(feature = "instructor")]
mod check;
#[cfg(feature = "instructor")]
mod full;

#[cfg(feature = "instructor")]
pub use check::check_command;
#[cfg(feature = "instructor")]
pub use full::{batch_command, gradescope_command, release_command};
#[cfg(not(feature = "instructor"))]
pub use lean::{batch_command, check_command, gradescope_command, release_command};

/// What `cargo grader batch` was asked.
#[derive(Debug, PartialEq, Eq)]
pub struct BatchRequest {
    pub submissions: Vec<PathBuf>,
    pub units: Vec<String>,
    pub formats: Vec<String>,
    pub out: PathBuf,
    pub jobs: Option<usize>,
    pub require_sandbox: bool,
    pub no_cache: bool,
    pub work_dir: Option<PathBuf>,
}

/// The learners' build: each instructors' command runs again in the full grader.
#[cfg(not(feature = "instructor"))]
mod lean {
    use std::path::Path;
    use std::process::ExitCode;

    use grader::workbook::Workbook;

    use super::BatchRequest;
    use crate::relaunch::{Build, is_relaunched, relaunch};

    /// Runs this process's command line in the full grader, and ends as it ends.
    fn run_in_full_grader(command: &str) -> anyhow::Result<ExitCode> {
        if is_relaunched(Build::Full) {
            anyhow::bail!(
                "`{command}` needs the grader's `instructor` feature, and this grader was built \
                 without it: run `cargo run -p grader -- {command} …` from the workbook's folder"
            );
        }
        relaunch(
            Build::Full,
            &format!(
                "`cargo grader {command}` is for instructors and the workbook's maintainers: \
                 running it in the full grader (`cargo run -p grader`), which cargo builds the \
                 first time, in about a minute…"
            ),
        )
    }

    pub fn batch_command(_: &Workbook, _: BatchRequest) -> anyhow::Result<ExitCode> {
        run_in_full_grader("batch")
    }

    pub fn release_command(_: &Workbook, _: &Path, _: bool, _: bool) -> anyhow::Result<ExitCode> {
        run_in_full_grader("release")
    }

    pub fn gradescope_command(_: &Workbook, _: &Path, _: &[String]) -> anyhow::Result<ExitCode> {
        run_in_full_grader("gradescope")
    }

    pub fn check_command(_: &Workbook, _: bool, _: &[String], _: bool) -> anyhow::Result<ExitCode> {
        run_in_full_grader("check")
    }
}
