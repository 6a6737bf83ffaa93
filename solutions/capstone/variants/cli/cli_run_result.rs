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
    let mut config: Option<PathBuf> = None;
    let mut once = false;
    let mut interval: Option<u64> = None;
    let mut count: Option<u64> = None;
    let mut format = Format::Table;
    let mut log_file: Option<PathBuf> = None;

    let mut rest = args.into_iter();
    while let Some(arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "--help" | "-h" | "--once" => {
                if inline.is_some() {
                    return Err(UsageError(format!("{flag} takes no value")));
                }
                if flag == "--once" {
                    once = true;
                } else {
                    return Ok(Command::Help);
                }
            }
            "--config" | "--interval" | "--count" | "--format" | "--log-file" => {
                let value = match inline {
                    Some(v) => v,
                    None => rest.next().unwrap_or_default(),
                };
                if value.is_empty() {
                    return Err(UsageError(format!("{flag} needs a value")));
                }
                match flag.as_str() {
                    "--config" => config = Some(PathBuf::from(value)),
                    "--log-file" => log_file = Some(PathBuf::from(value)),
                    "--interval" => interval = Some(whole_number(&flag, &value)?),
                    "--count" => count = Some(whole_number(&flag, &value)?),
                    _ => {
                        format = match value.as_str() {
                            "table" => Format::Table,
                            "json" => Format::Json,
                            other => {
                                return Err(UsageError(format!(
                                    "--format must be table or json, not {other:?}"
                                )));
                            }
                        }
                    }
                }
            }
            _ => return Err(UsageError(format!("unknown argument {arg:?}"))),
        }
    }
    if once && interval.is_some() {
        return Err(UsageError(
            "--once and --interval exclude each other".into(),
        ));
    }
    if count.is_some() && interval.is_none() {
        return Err(UsageError("--count needs --interval".into()));
    }
    let Some(config) = config else {
        return Err(UsageError("--config PATH is required".into()));
    };
    Ok(Command::Run(Args {
        config,
        interval,
        count,
        format,
        log_file,
    }))
}

fn whole_number(flag: &str, text: &str) -> Result<u64, UsageError> {
    match text.parse::<u64>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(UsageError(format!(
            "{flag} must be a whole number of 1 or more, got {text:?}"
        ))),
    }
}

/// The exit status for a report's status: 0 OK, 1 WARNING, 2 CRITICAL.
pub fn exit_status(status: Status) -> u8 {
    [EXIT_OK, EXIT_WARNING, EXIT_CRITICAL][status as usize]
}

/// The whole program: parse the arguments, load the config, set up logging, run, print, and
/// return the exit status.
pub fn main(args: impl IntoIterator<Item = String>) -> ExitCode {
    match run(args) {
        Ok(code) => ExitCode::from(code),
        Err(line) => {
            eprintln!("sre-monitor: {line}");
            ExitCode::from(EXIT_UNKNOWN)
        }
    }
}

/// The program; `Err` is the one line that says why it could not run.
fn run(args: impl IntoIterator<Item = String>) -> Result<u8, String> {
    let args = match parse_args(args).map_err(|e| format!("{e} (see --help)"))? {
        Command::Help => {
            print!("{USAGE}");
            return Ok(EXIT_OK);
        }
        Command::Run(args) => args,
    };
    let config = Config::load(&args.config)
        .map_err(|e| format!("config file {}: {e}", args.config.display()))?;
    logging::init(args.log_file.as_deref()).map_err(|e| e.to_string())?;
    debug!(?config, "config loaded");

    let mut monitor = config.monitor();
    let schedule = match args.interval {
        None => Schedule {
            interval: Duration::ZERO,
            rounds: Some(1),
        },
        Some(secs) => Schedule {
            interval: Duration::from_secs(secs),
            rounds: args.count,
        },
    };
    let mut printed = 0u64;
    let mut on_report = |report: &crate::runner::Report| {
        let text = match args.format {
            Format::Json => format!("{}\n", render_json(report)),
            Format::Table if printed > 0 => format!("\n{}", render_table(report)),
            Format::Table => render_table(report),
        };
        printed += 1;
        let mut out = std::io::stdout().lock();
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => ControlFlow::Continue(()),
            Err(_) => ControlFlow::Break(()),
        }
    };
    let last = monitor.run(&LiveSystem, schedule, &mut SystemClock, &mut on_report);
    Ok(last.map_or(EXIT_OK, |report| exit_status(report.status)))
}
