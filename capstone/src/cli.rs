//! # Area 5, CLI (3 of 3): arguments, the run, and exit codes
//!
//! ## The Python original (seed, Day 5 capstone: `scripts/run_monitor.py`)
//!
//! ```python
//! # scripts/run_monitor.py
//! from sre_monitor.runner import run_checks
//!
//! if __name__ == "__main__":
//!     args = parse_args()               # argparse: --config, --once, --interval, ...
//!     logger = setup_logging("sre-monitor", log_file=args.log_file)
//!     ok = run_checks(load_config(args.config))
//!     sys.exit(0 if ok else 1)
//! ```
//!
//! ## The Rust idea
//!
//! `src/main.rs` is the `if __name__ == "__main__":` of the crate: the binary target, one line
//! long, calling `cli::main` in the library, where the tests can reach it. The arguments are
//! parsed by hand (six flags do not need clap) into an `Args` that cannot be half-valid.
//! `main` returns an `ExitCode`, which is how a Rust program says `sys.exit(n)` without
//! skipping destructors: a monitor's exit status is its API for cron, systemd and CI.
//!
//! ## Your task
//!
//! 1. `parse_args` (the arguments after the program's name), in any order:
//!    `--config PATH` (required), `--once` (the default), `--interval SECS`, `--count N` (only
//!    with `--interval`), `--format table|json` (default `table`), `--log-file PATH`, and
//!    `--help` (or `-h`), which asks for `Command::Help`. `SECS` and `N` are whole numbers of 1
//!    or more. A `UsageError` says what is wrong for: a flag without its value, an unknown
//!    argument, a bad number or format, `--once` with `--interval`, a `--count` without
//!    `--interval`, no `--config`.
//! 2. `main(args)`, the whole program, in this order:
//!    - parse the arguments: `Help` prints `USAGE` on stdout and exits 0; a `UsageError` prints
//!      one line on stderr, e.g. `sre-monitor: --format must be table or json (see --help)`,
//!      and exits 2;
//!    - `Config::load`: an error prints **one** line on stderr naming the file and the field,
//!      `sre-monitor: bad config monitor.toml: servers[0].name: must not be empty`, and exits 2
//!      (logging is not set up yet, so that line is all stderr gets);
//!    - `logging::init(args.log_file)`: an error prints one line and exits 2;
//!    - `debug!(?config, "config loaded")` is safe: the pager key is a `Secret`;
//!    - build the monitor (`config.monitor()`) and run it on `LiveSystem` with `SystemClock`:
//!      once, or every `--interval` seconds for `--count` rounds (forever without `--count`);
//!    - print each report on **stdout** as it comes: `render_table` (a blank line between two
//!      tables), or `render_json` followed by a newline (one JSON object per line). Logs never go
//!      to stdout. When stdout is closed (`sre-monitor ... | head -1`), stop quietly: `println!`
//!      would panic, `writeln!` returns the error;
//!    - exit 0 when the last report is healthy (every check OK), else 1.
//!
//! Grade this area with `cargo capstone --area cli`; stuck? `cargo hint capstone cli`.

// The `todo!()` bodies leave parameters and imports unused until you write them.
#![allow(dead_code, unused)]

use std::fmt;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use tracing::debug;

use crate::checks::LiveSystem;
use crate::config::Config;
use crate::logging;
use crate::report::{render_json, render_table};
use crate::runner::{Schedule, SystemClock};

// ---------------------------------------------------------------------------------------------
// Given: the usage, the exit codes and the types. Yours: `parse_args` and `main`.
// ---------------------------------------------------------------------------------------------

/// What `--help` prints.
pub const USAGE: &str = "\
Usage: sre-monitor --config PATH [--once | --interval SECS [--count N]] [--format table|json] [--log-file PATH]

Runs the checks of the config file against this machine and prints a report on stdout.

Options:
  --config PATH      the config file (TOML): servers, checks, thresholds
  --once             run the checks once (the default)
  --interval SECS    run the checks every SECS seconds (1 or more), until stopped
  --count N          with --interval: stop after N rounds
  --format FORMAT    table (the default) or json (one JSON object per round, one per line)
  --log-file PATH    also append the logs to PATH (logs always go to stderr; RUST_LOG filters them)
  --help             print this help

Exit status: 0 when every check is OK, 1 when a check is WARNING or CRITICAL,
2 when the arguments, the config or the log file cannot be used.
";

/// The exit status when every check is OK.
pub const EXIT_HEALTHY: u8 = 0;
/// The exit status when a check is `Warning` or `Critical`.
pub const EXIT_UNHEALTHY: u8 = 1;
/// The exit status for bad arguments, a bad config or an unusable log file.
pub const EXIT_BAD_CONFIG: u8 = 2;

/// How to print a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
}

/// The arguments of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub config: PathBuf,
    /// `None`: run once. `Some(secs)`: run every `secs` seconds.
    pub interval: Option<u64>,
    /// With an interval: how many rounds (`None`: until stopped).
    pub count: Option<u64>,
    pub format: Format,
    pub log_file: Option<PathBuf>,
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    Run(Args),
}

/// Arguments that make no sense, with what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Parses the arguments (without the program name).
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, UsageError> {
    todo!("walk the arguments, then check the combinations")
}

/// The whole program: parse the arguments, load the config, set up logging, run, print, and
/// return the exit status.
pub fn main(args: impl IntoIterator<Item = String>) -> ExitCode {
    todo!("parse, load the config, set up logging, run, print, exit 0 / 1 / 2")
}
