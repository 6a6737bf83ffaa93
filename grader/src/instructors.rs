//! The instructors' subcommands: `cargo grader batch`, `cargo grader release` and
//! `cargo grader gradescope`.
//!
//! They need the grader's `instructor` feature (on by default: `cargo test` and `cargo run -p grader`
//! build it). The cargo aliases build the grader without it, for a shorter first build; there each
//! of these commands runs the same command line again with the full grader, built once.

use std::path::PathBuf;

#[cfg(feature = "instructor")]
mod full;

#[cfg(feature = "instructor")]
pub use full::{batch_command, gradescope_command, release_command};
#[cfg(not(feature = "instructor"))]
pub use lean::{batch_command, gradescope_command, release_command};

/// What `cargo grader batch` was asked.
#[cfg_attr(
    not(feature = "instructor"),
    expect(dead_code, reason = "the learners' build only refuses a batch")
)]
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
    use std::io::Write as _;
    use std::path::Path;
    use std::process::{Command, ExitCode};

    use anyhow::Context as _;
    use grader::workbook::Workbook;

    use super::BatchRequest;

    /// Set in the full grader's environment, so that it never hands a command back.
    const DELEGATED: &str = "WORKBOOK_GRADER_FULL";

    /// `cargo run -p grader -- ARGS`: the grader with its default features, this command line.
    fn full_grader_command(
        cargo: &str,
        args: impl IntoIterator<Item = std::ffi::OsString>,
    ) -> Command {
        let mut command = Command::new(cargo);
        command
            .args(["run", "--package", "grader", "--"])
            .args(args)
            .env(DELEGATED, "1");
        command
    }

    /// Runs this process's command line in the full grader, from the same folder, and ends as it
    /// ends.
    fn run_in_full_grader(command: &str) -> anyhow::Result<ExitCode> {
        if std::env::var_os(DELEGATED).is_some() {
            anyhow::bail!(
                "`{command}` needs the grader's `instructor` feature, and this grader was built \
                 without it: run `cargo run -p grader -- {command} …` from the workbook's folder"
            );
        }
        let _ = writeln!(
            anstream::stderr(),
            "`{command}` is an instructors' command: running it in the full grader (`cargo run -p \
             grader`), which cargo builds the first time, in about a minute…"
        );
        let cargo = grader::compile::cargo_command();
        let status = grader::process::status_own(&mut full_grader_command(
            &cargo,
            std::env::args_os().skip(1),
        ))
        .with_context(|| format!("failed to run `{cargo} run -p grader`: is cargo installed?"))?;
        Ok(match status.code() {
            Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
            None => ExitCode::from(130),
        })
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

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_full_grader_runs_the_same_command_line_and_never_hands_it_back() {
            let command = full_grader_command(
                "cargo",
                ["batch", "submissions/alice", "--unit", "day1"].map(std::ffi::OsString::from),
            );
            let args: Vec<&std::ffi::OsStr> = command.get_args().collect();
            assert_eq!(
                args,
                [
                    "run",
                    "--package",
                    "grader",
                    "--",
                    "batch",
                    "submissions/alice",
                    "--unit",
                    "day1"
                ]
            );
            assert!(
                command
                    .get_envs()
                    .any(|(name, value)| name == DELEGATED && value.is_some()),
                "the full grader is told it was handed the command"
            );
        }
    }
}
