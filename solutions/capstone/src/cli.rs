//! # CLI: arguments, exit codes, and the whole run (reference solution)
//!
//! Exit statuses follow the Nagios plugin convention; a closed stdout ends the run after the round
//! it could not print, and the status still tells what that round found.
//!
//! ## Read more
//!
//! The Rust Book, [ch. 12, a command line program](https://doc.rust-lang.org/book/ch12-00-an-io-project.html)
//! and [ch. 12.6, stderr](https://doc.rust-lang.org/book/ch12-06-writing-to-stderr-instead-of-stdout.html);
//! [`std::process::ExitCode`](https://doc.rust-lang.org/std/process/struct.ExitCode.html);
//! [the Nagios plugin return codes](https://nagios-plugins.org/doc/guidelines.html);
//! [clap](https://docs.rs/clap/latest/clap/), for when six flags grow to sixty.

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
    let mut args = args.into_iter();
    let mut config = None;
    let mut once = false;
    let mut interval = None;
    let mut count = None;
    let mut format = Format::Table;
    let mut log_file = None;
    while let Some(arg) = args.next() {
        // `--flag=value` is `--flag value`.
        let (flag, mut inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        if inline.is_some() && matches!(flag.as_str(), "--help" | "--once") {
            return Err(UsageError(format!("{flag} takes no value")));
        }
        let mut value = || {
            inline
                .take()
                .or_else(|| args.next())
                .filter(|value| !value.is_empty())
                .ok_or_else(|| UsageError(format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            "--config" => config = Some(PathBuf::from(value()?)),
            "--once" => once = true,
            "--interval" => interval = Some(positive("--interval", &value()?)?),
            "--count" => count = Some(positive("--count", &value()?)?),
            "--format" => {
                format = match value()?.as_str() {
                    "table" => Format::Table,
                    "json" => Format::Json,
                    other => {
                        return Err(UsageError(format!(
                            "--format must be table or json, got {other:?}"
                        )));
                    }
                }
            }
            "--log-file" => log_file = Some(PathBuf::from(value()?)),
            other => return Err(UsageError(format!("unknown argument {other:?}"))),
        }
    }
    let config = config.ok_or_else(|| UsageError("--config PATH is required".to_owned()))?;
    if once && interval.is_some() {
        return Err(UsageError(
            "--once and --interval cannot be used together".to_owned(),
        ));
    }
    if count.is_some() && interval.is_none() {
        return Err(UsageError("--count needs --interval".to_owned()));
    }
    Ok(Command::Run(Args {
        config,
        interval,
        count,
        format,
        log_file,
    }))
}

/// A whole number of 1 or more.
fn positive(flag: &str, value: &str) -> Result<u64, UsageError> {
    value
        .parse::<u64>()
        .ok()
        .filter(|&n| n >= 1)
        .ok_or_else(|| {
            UsageError(format!(
                "{flag} must be a whole number of 1 or more, got {value:?}"
            ))
        })
}

/// The exit status for a report's status: 0 OK, 1 WARNING, 2 CRITICAL.
pub fn exit_status(status: Status) -> u8 {
    match status {
        Status::Ok => EXIT_OK,
        Status::Warning => EXIT_WARNING,
        Status::Critical => EXIT_CRITICAL,
    }
}

/// The whole program: parse the arguments, load the config, set up logging, run, print, and
/// return the exit status.
pub fn main(args: impl IntoIterator<Item = String>) -> ExitCode {
    let args = match parse_args(args) {
        Ok(Command::Help) => {
            // Nothing to do if nobody reads it.
            let _ = std::io::stdout().write_all(USAGE.as_bytes());
            return ExitCode::from(EXIT_OK);
        }
        Ok(Command::Run(args)) => args,
        Err(e) => return unknown(format_args!("{e} (see --help)")),
    };
    let config = match Config::load(&args.config) {
        Ok(config) => config,
        Err(e) => return unknown(format_args!("bad config {}: {e}", args.config.display())),
    };
    if let Err(e) = logging::init(args.log_file.as_deref()) {
        return unknown(format_args!("{e}"));
    }
    debug!(?config, "config loaded");

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
    let mut monitor = config.monitor();
    let mut rounds = 0;
    let last = monitor.run(&LiveSystem, schedule, &mut SystemClock, &mut |report| {
        let mut out = std::io::stdout().lock();
        let written = match args.format {
            Format::Json => writeln!(out, "{}", render_json(report)),
            Format::Table if rounds > 0 => write!(out, "\n{}", render_table(report)),
            Format::Table => write!(out, "{}", render_table(report)),
        };
        rounds += 1;
        match written.and_then(|()| out.flush()) {
            Ok(()) => ControlFlow::Continue(()),
            // Whoever read the reports has gone (`| head -1`): stop, and let the status tell.
            Err(_) => ControlFlow::Break(()),
        }
    });
    ExitCode::from(last.map_or(EXIT_UNKNOWN, |report| exit_status(report.status)))
}

/// Says on stderr, in one line, why the monitor cannot run; the status is UNKNOWN.
fn unknown(why: fmt::Arguments<'_>) -> ExitCode {
    // A closed stderr must not turn this into a panic.
    let _ = writeln!(std::io::stderr(), "sre-monitor: {why}");
    ExitCode::from(EXIT_UNKNOWN)
}
