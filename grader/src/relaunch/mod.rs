//! Runs this command line again in a grader built with more of its features, and ends as it ends.
//!
//! The cargo aliases build the grader without its optional features (the instructors' commands,
//! `--watch`'s file notifications), so that a fresh clone's first report comes sooner. A command
//! that needs one of them runs itself again through `cargo run -p grader` with it, which cargo
//! builds the first time. A variable in that grader's environment keeps it from handing the
//! command back.

use std::ffi::OsString;
use std::io::Write as _;
use std::process::{Command, ExitCode};

#[cfg(windows)]
mod windows;

/// The grader to run the command line in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// Every default feature: `cargo run -p grader` (the instructors' commands).
    #[cfg_attr(
        all(feature = "instructor", not(test)),
        expect(
            dead_code,
            reason = "the full grader runs the instructors' commands itself"
        )
    )]
    Full,
    /// Only this feature: `cargo run -p grader --no-default-features --features NAME`.
    With(&'static str),
}

impl Build {
    /// The variable set in the relaunched grader's environment.
    fn guard(self) -> &'static str {
        match self {
            Build::Full => "WORKBOOK_GRADER_FULL",
            Build::With(_) => "WORKBOOK_GRADER_RELAUNCHED",
        }
    }
}

/// `cargo run --package grader [features] -- ARGS`.
pub fn command(cargo: &str, build: Build, args: impl IntoIterator<Item = OsString>) -> Command {
    let mut command = Command::new(cargo);
    command.args(["run", "--package", "grader"]);
    if let Build::With(feature) = build {
        command.args(["--no-default-features", "--features", feature]);
    }
    command.arg("--").args(args).env(build.guard(), "1");
    command
}

/// Whether this grader is itself a relaunched one, which must not relaunch again.
pub fn is_relaunched(build: Build) -> bool {
    std::env::var_os(build.guard()).is_some()
}

/// Prints `announcement`, then runs this process's command line in the grader `build`, from the
/// same folder, and returns its exit status.
pub fn relaunch(build: Build, announcement: &str) -> anyhow::Result<ExitCode> {
    let _ = writeln!(anstream::stderr(), "{announcement}");
    // Cargo replaces `target/debug/grader` with the other build: Windows cannot remove a
    // program that is running, this one, but can rename it.
    #[cfg(windows)]
    windows::step_aside();
    let cargo = grader::compile::cargo_command();
    let status = grader::process::status_of_relaunched(&mut command(
        &cargo,
        build,
        std::env::args_os().skip(1),
    ))
    .map_err(|source| grader::compile::CompileError::CargoMissing {
        cargo: cargo.clone(),
        source,
    })?;
    Ok(match status.code() {
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        None => ExitCode::from(130),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args_of(command: &Command) -> Vec<&std::ffi::OsStr> {
        command.get_args().collect()
    }

    fn guarded(command: &Command, guard: &str) -> bool {
        command
            .get_envs()
            .any(|(name, value)| name == guard && value.is_some())
    }

    #[test]
    fn the_full_grader_runs_the_same_command_line_and_never_hands_it_back() {
        let command = command(
            "cargo",
            Build::Full,
            ["batch", "submissions/alice", "--unit", "day1"].map(OsString::from),
        );
        assert_eq!(
            args_of(&command),
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
            guarded(&command, "WORKBOOK_GRADER_FULL"),
            "the full grader is told it was handed the command"
        );
    }

    #[test]
    fn a_grader_with_one_feature_leaves_out_the_others() {
        let command = command(
            "cargo",
            Build::With("file-notifications"),
            ["day", "1", "--watch"].map(OsString::from),
        );
        assert_eq!(
            args_of(&command),
            [
                "run",
                "--package",
                "grader",
                "--no-default-features",
                "--features",
                "file-notifications",
                "--",
                "day",
                "1",
                "--watch"
            ]
        );
        assert!(guarded(&command, "WORKBOOK_GRADER_RELAUNCHED"));
    }
}
