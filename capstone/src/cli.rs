//! # Area 5, CLI (3 of 3): arguments, the run, and exit codes
//!
//! ## The Python
//!
//! The seed's capstone names `scripts/run_monitor.py` and gives no code for it. A sketch, with the
//! seed's Day 5 `setup_logging`:
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
//! skipping destructors: a monitor's exit status is its API for cron, systemd, CI and Nagios,
//! so it follows the Nagios plugin convention, 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
//!
//! Rust ignores `SIGPIPE`, so writing to a closed pipe (`sre-monitor ... | head -1`) is an
//! error, not a silent death as in C or Python: `println!` panics on it, `writeln!` returns it
//! for you to handle.
//!
//! ## Your task
//!
//! 1. `parse_args` (the arguments after the program's name), in any order:
//!    `--config PATH` (required), `--once` (the default), `--interval SECS`, `--count N` (only
//!    with `--interval`), `--format table|json` (default `table`), `--log-file PATH`, and
//!    `--help` (or `-h`), which asks for `Command::Help`. `SECS` and `N` are whole numbers of 1
//!    or more. A value may also follow its flag after an `=`, `--config=monitor.toml`: the value
//!    is everything after the first `=`, and `--once=...` or `--help=...` is an error. A
//!    `UsageError` says what is wrong for: a flag without its value (or with an empty one), an
//!    unknown argument, a bad number or format, `--once` with `--interval`, a `--count` without
//!    `--interval`, no `--config`.
//! 2. `exit_status(status)`: the exit status of a report with this status, `EXIT_OK`,
//!    `EXIT_WARNING` or `EXIT_CRITICAL`.
//! 3. `main(args)`, the whole program, in this order:
//!    - parse the arguments: `Help` prints `USAGE` on stdout and exits 0; a `UsageError` prints
//!      **one** line on stderr, e.g. `sre-monitor: --format must be table or json (see --help)`,
//!      and exits 3 (`EXIT_UNKNOWN`: the monitor did not check anything);
//!    - `Config::load`: an error prints **one** line on stderr naming the file and the field,
//!      `sre-monitor: bad config monitor.toml: servers[0].name: must not be empty`, and exits 3
//!      (logging is not set up yet, so that line is all stderr gets);
//!    - `logging::init(args.log_file)`: an error prints one line and exits 3;
//!    - `debug!(?config, "config loaded")` is safe: the pager key is a `Secret`;
//!    - build the monitor (`config.monitor()`) and run it on `LiveSystem` with `SystemClock`:
//!      once, or every `--interval` seconds for `--count` rounds (forever without `--count`);
//!    - print each report on **stdout** as it comes: `render_table` (a blank line between two
//!      tables), or `render_json` followed by a newline (one JSON object per line). Logs never go
//!      to stdout. When a report cannot be written (stdout closed: `sre-monitor ... | head -1`),
//!      nobody reads any more: never panic, and stop after that round
//!      (`ControlFlow::Break(())`), even with `--interval` and no `--count`;
//!    - exit with `exit_status` of the **last** report's status: what the checks found in the
//!      last round that ran, whatever the rounds before it found, and even when stdout was closed.
//!
//! Grade this area with `cargo capstone --area cli`; stuck? `cargo hint capstone cli`.
//!
//! ## Read more
//!
//! The Rust Book, [ch. 12, a command line program](https://doc.rust-lang.org/book/ch12-00-an-io-project.html)
//! and [ch. 12.6, stderr](https://doc.rust-lang.org/book/ch12-06-writing-to-stderr-instead-of-stdout.html);
//! [`std::process::ExitCode`](https://doc.rust-lang.org/std/process/struct.ExitCode.html);
//! [the Nagios plugin return codes](https://nagios-plugins.org/doc/guidelines.html);
//! [clap](https://docs.rs/clap/latest/clap/), for when six flags grow to sixty.

// The `todo!()` bodies leave parameters and imports unused until you write them.
#![allow(dead_code, unused)]

use std::fmt;
use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use tracing::debug;

use crate::checks::LiveSystem;
use crate::config::Config;
use crate::logging;
use crate::models::Status;
use crate::report::{render_json, render_table};
use crate::runner::{Schedule, SystemClock};

// ---------------------------------------------------------------------------------------------
// Given: the usage, the exit codes and the types. Yours: `parse_args`, `exit_status` and `main`.
// ---------------------------------------------------------------------------------------------

/// What `--help` prints.
pub const USAGE: &str = "\
Usage: sre-monitor --config PATH [--once | --interval SECS [--count N]] [--format table|json] [--log-file PATH]

Runs the checks of the config file against this machine and prints a report on stdout.

Options (a value may also follow an `=`: --config=monitor.toml):
  --config PATH      the config file (TOML): servers, checks, thresholds
  --once             run the checks once (the default)
  --interval SECS    run the checks every SECS seconds (1 or more), until stopped
  --count N          with --interval: stop after N rounds (1 or more)
  --format FORMAT    table (the default) or json (one JSON object per round, one per line)
  --log-file PATH    also append the logs to PATH (logs always go to stderr; RUST_LOG filters them)
  --help             print this help

Exit status, as for a Nagios plugin (with --interval, that of the last round):
  0  OK        every check is OK
  1  WARNING   the worst check is WARNING
  2  CRITICAL  a check is CRITICAL
  3  UNKNOWN   the arguments, the config or the log file cannot be used
";

/// The exit status when every check is OK.
pub const EXIT_OK: u8 = 0;
/// The exit status when the worst check is `Warning`.
pub const EXIT_WARNING: u8 = 1;
/// The exit status when a check is `Critical`.
pub const EXIT_CRITICAL: u8 = 2;
/// The exit status when the monitor cannot run: bad arguments, a bad config, an unusable log file.
pub const EXIT_UNKNOWN: u8 = 3;

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
    todo!("walk the arguments (splitting --flag=value), then check the combinations")
}

/// The exit status for a report's status: 0 OK, 1 WARNING, 2 CRITICAL.
pub fn exit_status(status: Status) -> u8 {
    todo!("EXIT_OK, EXIT_WARNING or EXIT_CRITICAL")
}

/// The whole program: parse the arguments, load the config, set up logging, run, print, and
/// return the exit status.
pub fn main(args: impl IntoIterator<Item = String>) -> ExitCode {
    todo!(
        "parse, load the config, set up logging, run, print; exit 0 / 1 / 2, or 3 when it cannot run"
    )
}
