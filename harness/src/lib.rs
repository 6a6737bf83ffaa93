//! The canonical tests' own harness: it runs a test target's tests like libtest does for a person,
//! and for the grader reports each result through a channel that learner code cannot forge.
//!
//! With libtest the grader could only read a pass from the bytes a test binary prints, and learner
//! code compiled into that binary can print the same bytes. Here a pass is a result file carrying
//! a secret that the grader hands the harness on stdin before any test code runs, written only after
//! the test function has returned ([`protocol`] has the format, `docs/GRADING.md` the threat model).
//!
//! A test target opts in with `harness = false` in its crate's `Cargo.toml` and ends with the list of
//! its tests, which are plain functions (no `#[test]`):
//!
//! ```text
//! #[path = "../src/ex1_health_checks.rs"]
//! mod ex1_health_checks;
//!
//! fn a_disk_check_fails_above_its_threshold() {
//!     assert_eq!(/* … */ 1, 1, "a message that teaches");
//! }
//!
//! workbook_harness::main!(a_disk_check_fails_above_its_threshold);
//! ```
//!
//! A function left out of the list is never run; clippy's `dead_code` warning (denied in the
//! self-check) names it. Tests that the learner adds to an exercise file with `#[test]` are not
//! compiled into such a target at all, so they never count as canonical results.

mod args;
mod console;
mod graded;
pub mod protocol;

use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// One canonical test: its name and its function.
#[derive(Debug, Clone, Copy)]
pub struct Test {
    name: &'static str,
    function: fn(),
}

impl Test {
    pub const fn new(name: &'static str, function: fn()) -> Test {
        Test { name, function }
    }

    pub fn name(&self) -> &'static str {
        self.name
    }
}

/// What the running test explains once it has passed: see [`explain`].
static EXPLANATION: Mutex<Option<String>> = Mutex::new(None);

/// Records why the answer the test just checked is right, for the learner to read once it passes.
///
/// A test of a graded choice (a drill's "which command does this?") calls it after its assertions:
/// a wrong answer fails with feedback on that answer alone, and the whole explanation, which gives
/// the answer away, is shown only with the pass (`cargo day N --exercise drills` shows it; the
/// JSON report carries it as `explanation`). The last call of a test wins.
pub fn explain(text: &str) {
    if let Ok(mut explanation) = EXPLANATION.lock() {
        *explanation = Some(text.to_owned());
    }
}

/// The running test's explanation, taken so that the next test starts without one.
fn take_explanation() -> Option<String> {
    EXPLANATION.lock().ok().and_then(|mut e| e.take())
}

/// Set by the first [`run`]: a test that calls it again is refused.
static STARTED: AtomicBool = AtomicBool::new(false);

/// The test binary's `main`: lists or runs `tests` as the command line asks. Use [`main!`].
///
/// # Panics
///
/// When called a second time in one process, as code under test might try to.
pub fn run(tests: &[Test]) -> ExitCode {
    assert!(
        !STARTED.swap(true, Ordering::SeqCst),
        "workbook_harness::run is the test binary's main and runs once per process"
    );
    let args = match args::Args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Some(duplicate) = tests
        .iter()
        .enumerate()
        .find(|(i, t)| tests[..*i].iter().any(|u| u.name == t.name))
    {
        eprintln!("workbook_harness::main! lists `{}` twice", duplicate.1.name);
        return ExitCode::from(2);
    }
    if args.list {
        console::list(tests, &args);
        return ExitCode::SUCCESS;
    }
    match std::env::var_os(protocol::RESULT_FILE_ENV) {
        Some(result_file) => graded::run_one(tests, &args, result_file.into()),
        None => console::run_all(tests, &args),
    }
}

/// The text of a panic's payload: what `panic!`, `assert!` and `todo!` carry.
fn payload_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "the test panicked with a value that is not text".to_owned())
}

/// Ends a test target: imports the standard assertion macros by absolute path and defines `main`,
/// which runs the listed test functions through [`run`].
///
/// The imports guard the tests' assertions: a `#[macro_export]` macro named `assert_eq` (or any of
/// these) in a learner's file lands in the crate root, where it would silently replace the standard
/// one; with these imports beside it, rustc refuses it ("defined multiple times") instead.
#[macro_export]
macro_rules! main {
    ($($test:ident),+ $(,)?) => {
        // `env!` and `include_str!` too: a test that runs `env!("CARGO_BIN_EXE_x")` must run that.
        #[allow(unused_imports)]
        use ::std::{
            assert, assert_eq, assert_ne, column, concat, dbg, debug_assert, debug_assert_eq,
            debug_assert_ne, env, eprint, eprintln, file, format, format_args, include_bytes,
            include_str, line, matches, module_path, option_env, panic, print, println, stringify,
            thread_local, todo, unimplemented, unreachable, vec, write, writeln,
        };

        fn main() -> ::std::process::ExitCode {
            $crate::run(&[$($crate::Test::new(::std::stringify!($test), $test)),+])
        }
    };
}
