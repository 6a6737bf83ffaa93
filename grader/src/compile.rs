//! Builds a crate's test targets with cargo, keeping going past targets that do not compile.
//!
//! A build of the tests has a limit on the time it goes *without progress*: every line cargo or
//! the compiler prints restarts the clock, so a cold first build that compiles the dependencies
//! for minutes is never stopped, while a constant or a macro that never finishes evaluating (the
//! compiler falls silent, but for its warnings that the evaluation is taking long, which are not
//! progress) is. Cargo and everything it started are then stopped, and every test target that was
//! not built by then is reported with the limit and what to check.

use std::path::Path;
use std::time::Duration;

use crate::sandbox::{Sandbox, Scope};

mod error;
mod messages;
mod output;
mod process_tree;
mod run;

pub use error::CompileError;
pub use output::{BuildOutput, TargetKey};

use run::{Place, run_cargo};

/// The sandbox a build or test runs in, and what it may touch; `None` for none (a learner's run).
pub type SandboxUse<'a> = Option<(&'a Sandbox, &'a Scope)>;

/// The cargo to run: the one that started us (`cargo day 1` sets `CARGO`), else the one on PATH.
pub fn cargo_command() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Builds every test target of `packages` in the workspace at `root`.
///
/// The build is stopped when it goes `stall_limit` without progress (no line from cargo or the
/// compiler); what was built by then is in the output, and [`BuildOutput::why_not_built`] explains
/// the rest. `progress` receives cargo's status lines ("Compiling sysinfo v0.40.4") as they come,
/// so that a first build of the dependencies is never a silent minute.
pub fn build_tests(
    root: &Path,
    packages: &[&str],
    target_dir: Option<&Path>,
    stall_limit: Duration,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<BuildOutput, CompileError> {
    build_tests_sandboxed(root, packages, target_dir, stall_limit, progress, None)
}

/// [`build_tests`], with cargo and all it runs in `sandbox` (a submission's build), if given.
pub fn build_tests_sandboxed(
    root: &Path,
    packages: &[&str],
    target_dir: Option<&Path>,
    stall_limit: Duration,
    progress: &(dyn Fn(&str) + Sync),
    sandbox: SandboxUse<'_>,
) -> Result<BuildOutput, CompileError> {
    let place = Place {
        root,
        target_dir,
        sandbox,
    };
    run_cargo(
        place,
        &["build", "--tests"],
        packages,
        &[],
        Some(stall_limit),
        progress,
    )
}

/// Builds only the named test targets of `packages` (and what they need: the library, the binaries).
pub fn build_test_targets(
    root: &Path,
    packages: &[&str],
    targets: &[&str],
    target_dir: Option<&Path>,
    stall_limit: Duration,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<BuildOutput, CompileError> {
    build_test_targets_sandboxed(
        root,
        packages,
        targets,
        target_dir,
        stall_limit,
        progress,
        None,
    )
}

/// [`build_test_targets`], with cargo and all it runs in `sandbox`, if given.
pub fn build_test_targets_sandboxed(
    root: &Path,
    packages: &[&str],
    targets: &[&str],
    target_dir: Option<&Path>,
    stall_limit: Duration,
    progress: &(dyn Fn(&str) + Sync),
    sandbox: SandboxUse<'_>,
) -> Result<BuildOutput, CompileError> {
    let mut command = vec!["build"];
    for target in targets {
        command.extend(["--test", target]);
    }
    let place = Place {
        root,
        target_dir,
        sandbox,
    };
    run_cargo(place, &command, packages, &[], Some(stall_limit), progress)
}

/// Runs clippy on every target of `packages` with warnings denied; its findings are the errors.
pub fn clippy(
    root: &Path,
    packages: &[&str],
    target_dir: Option<&Path>,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<BuildOutput, CompileError> {
    let deny = ["-D", "warnings"];
    let place = Place {
        root,
        target_dir,
        sandbox: None,
    };
    run_cargo(
        place,
        &["clippy", "--all-targets"],
        packages,
        &deny,
        None,
        progress,
    )
}

/// Stops every build that is running now, with everything it started: for a Ctrl-C handler.
///
/// On Unix each build runs in a process group of its own, which the terminal's Ctrl-C (sent to the
/// grader's group) no longer reaches, so whoever handles Ctrl-C calls this before exiting. On
/// Windows cargo gets Ctrl-C from the console itself, and this does nothing.
pub fn stop_running_builds() {
    process_tree::stop_all();
}
