//! The sandbox around a submission's build and tests (instructors' batches): which protections this
//! system offers, and a command wrapped in them.
//!
//! A wrapped command runs the grader's own binary first, with a hidden first argument
//! ([`WRAPPER_ARG`]): that process restricts itself (resource limits, Landlock on Linux) and then
//! replaces itself with the real program, which inherits every restriction. No code runs in a
//! forked child before `exec` (the workspace forbids `unsafe`, so there is no `pre_exec`): the
//! restrictions are a program's own, applied in the open. On Linux a network namespace
//! (`unshare --net`) comes first, where the system allows one.
//!
//! What the system does not offer is reported, never assumed: [`Sandbox::protections`] says what
//! enforces each protection, and [`Sandbox::is_real`] whether file-system and network isolation
//! both hold.
//!
//! - `linux.rs`: detection (a Landlock probe on a throwaway thread, an `unshare` probe) and the
//!   protections it finds; `linux_restrict.rs`: the wrapper's own restrictions (rlimits, loopback,
//!   Landlock).
//! - `fallback.rs`: every other system, and the learners' build without the `instructor` feature:
//!   no sandbox, and saying so.
//! - `wrapper.rs`: the wrapper's hidden command line, written and read.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, ExitCode};

#[cfg(not(all(target_os = "linux", feature = "instructor")))]
mod fallback;
#[cfg(all(target_os = "linux", feature = "instructor"))]
mod linux;
#[cfg(all(target_os = "linux", feature = "instructor"))]
mod linux_restrict;
mod wrapper;

#[cfg(not(all(target_os = "linux", feature = "instructor")))]
use fallback as os;
#[cfg(all(target_os = "linux", feature = "instructor"))]
use linux as os;

pub use wrapper::{WRAPPER_ARG, WrapperArgs, WrapperError};

/// Asks a binary whether it is the sandbox's wrapper: it then prints [`WRAPPER_ANSWER`].
const WRAPPER_CHECK: &str = "--check";
const WRAPPER_ANSWER: &str = "grader sandbox wrapper\n";

/// The exit status of a wrapper that could not put the sandbox in place: the program never ran.
pub const WRAPPER_FAILED: u8 = 125;

/// What the report says where commands are not wrapped.
#[cfg(any(feature = "instructor", not(target_os = "linux")))]
const NO_SANDBOX: &str = "no sandbox on this system: the build and tests can read and write \
    whatever the grading user can, and use the network";
/// What the report says in the learners' build on Linux, which leaves the sandbox out.
#[cfg(all(not(feature = "instructor"), target_os = "linux"))]
const NO_SANDBOX: &str = "no sandbox in this build of the grader (without its `instructor` \
    feature, as `cargo day` builds it): the build and tests can read and write whatever the \
    grading user can, and use the network";

/// What one submission's processes may touch.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scope {
    /// Folders they may read and write (and run programs from): the submission's stage and
    /// build folder. Created when missing.
    pub writable: Vec<PathBuf>,
    /// Folders they may read (and run programs from), besides the system's and the toolchain's.
    pub readable: Vec<PathBuf>,
    /// Their private temporary folder: `TMPDIR`, `TMP` and `TEMP`, readable and writable.
    pub temp_dir: PathBuf,
}

impl Scope {
    /// This scope with `dir` writable too.
    pub fn with_writable(&self, dir: &std::path::Path) -> Scope {
        let mut scope = self.clone();
        scope.writable.push(dir.to_owned());
        scope
    }

    /// This scope with every path absolute (from the grader's working folder): the wrapper runs in
    /// the program's.
    fn absolute(&self) -> Scope {
        let absolute = |path: &PathBuf| std::path::absolute(path).unwrap_or_else(|_| path.clone());
        Scope {
            writable: self.writable.iter().map(absolute).collect(),
            readable: self.readable.iter().map(absolute).collect(),
            temp_dir: absolute(&self.temp_dir),
        }
    }
}

/// The sandbox this system offers, detected once.
#[derive(Debug, Clone)]
pub struct Sandbox {
    /// The program that applies the sandbox and runs the real one: the grader's binary.
    wrapper_program: Option<PathBuf>,
    offer: os::Offer,
}

impl Sandbox {
    /// What this system offers, with the running binary (the grader) as the wrapper. Probes once
    /// (a thread and one short process); never fails: what is missing is reported.
    pub fn detect() -> Sandbox {
        Sandbox::detect_with_wrapper(std::env::current_exe().ok())
    }

    /// As [`Sandbox::detect`], with `wrapper_program` as the binary that applies the sandbox: one
    /// whose `main` starts with [`run_if_wrapper`] (the grader's). For callers that are not the
    /// grader's binary themselves, such as tests (`env!("CARGO_BIN_EXE_grader")`). A binary that
    /// does not answer the wrapper's check is not used: there is then no sandbox, and the
    /// protections say so.
    pub fn detect_with_wrapper(wrapper_program: Option<PathBuf>) -> Sandbox {
        // A binary whose `main` does not start with `run_if_wrapper` (a test harness, say) would
        // take the wrapper's arguments for its own and run something else entirely.
        let wrapper_program = wrapper_program.filter(|program| os::WRAPS && is_wrapper(program));
        let offer = match &wrapper_program {
            Some(_) => os::Offer::detect(),
            None => os::Offer::none(),
        };
        Sandbox {
            wrapper_program,
            offer,
        }
    }

    /// Whether file-system AND network isolation are in force.
    pub fn is_real(&self) -> bool {
        self.offer.is_real()
    }

    /// One line per protection, each saying what enforces it; without a sandbox, says so plainly.
    pub fn protections(&self) -> Vec<String> {
        let mut lines = match &self.wrapper_program {
            Some(_) => self.offer.protections(),
            _ => vec![NO_SANDBOX.to_owned()],
        };
        lines.push(format!("tests: {}", crate::process::protections()));
        lines
    }

    /// `command` wrapped in the sandbox for `scope`. Its program, arguments, explicit environment
    /// and working folder are carried over; its stdio and process group are not (a `Command`
    /// cannot tell them): set those on the returned command. Without a sandbox, `command` comes
    /// back as it is, but for its temporary folder.
    pub fn wrap(&self, command: Command, scope: &Scope) -> Command {
        let scope = &scope.absolute();
        let Some(wrapper_program) = &self.wrapper_program else {
            let mut command = command;
            set_temp_dir(&mut command, scope);
            return command;
        };
        let _ = std::fs::create_dir_all(&scope.temp_dir);
        let args = self.offer.wrapper_args(scope, &command);
        let mut wrapped = match self.offer.namespace_prefix() {
            Some((unshare, flags)) => {
                let mut wrapped = Command::new(unshare);
                wrapped.args(flags).arg("--").arg(wrapper_program);
                wrapped
            }
            None => Command::new(wrapper_program),
        };
        wrapped.args(args.to_args());
        for (key, value) in command.get_envs() {
            match value {
                Some(value) => wrapped.env(key, value),
                None => wrapped.env_remove(key),
            };
        }
        if let Some(dir) = command.get_current_dir() {
            wrapped.current_dir(dir);
        }
        set_temp_dir(&mut wrapped, scope);
        wrapped
    }
}

/// Whether `program` answers the wrapper's check as [`run_if_wrapper`] does.
fn is_wrapper(program: &std::path::Path) -> bool {
    crate::process::output_own(
        Command::new(program)
            .args([WRAPPER_ARG, WRAPPER_CHECK])
            .stdin(std::process::Stdio::null()),
    )
    .is_ok_and(|out| out.status.success() && out.stdout == WRAPPER_ANSWER.as_bytes())
}

fn set_temp_dir(command: &mut Command, scope: &Scope) {
    for key in ["TMPDIR", "TMP", "TEMP"] {
        command.env(key, &scope.temp_dir);
    }
}

/// When this process was started as the sandbox's wrapper (its first argument is
/// [`WRAPPER_ARG`]): puts the sandbox in place and becomes the program, or, if it cannot, says why
/// and returns the status to exit with ([`WRAPPER_FAILED`]). `None` for any other start: the
/// first line of the grader's `main`, so that the command line a learner sees is unchanged.
pub fn run_if_wrapper() -> Option<ExitCode> {
    let mut args = std::env::args_os();
    let _program = args.next();
    if args.next().as_deref() != Some(std::ffi::OsStr::new(WRAPPER_ARG)) {
        return None;
    }
    let rest: Vec<OsString> = args.collect();
    if rest.first().is_some_and(|arg| arg == WRAPPER_CHECK) {
        print!("{WRAPPER_ANSWER}");
        return Some(ExitCode::SUCCESS);
    }
    let error = match WrapperArgs::parse(rest) {
        Ok(parsed) => os::enter_and_run(&parsed),
        Err(error) => error.to_string(),
    };
    eprintln!("grader sandbox: {error}; the program was not run");
    Some(ExitCode::from(WRAPPER_FAILED))
}
