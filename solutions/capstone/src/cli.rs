//! # CLI: arguments, exit codes, and the whole run (reference solution)

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
    let mut args = args.into_iter();
    let mut config = None;
    let mut once = false;
    let mut interval = None;
    let mut count = None;
    let mut format = Format::Table;
    let mut log_file = None;
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .ok_or_else(|| UsageError(format!("{flag} needs a value")))
        };
        match arg.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            "--config" => config = Some(PathBuf::from(value("--config")?)),
            "--once" => once = true,
            "--interval" => interval = Some(positive("--interval", &value("--interval")?)?),
            "--count" => count = Some(positive("--count", &value("--count")?)?),
            "--format" => {
                format = match value("--format")?.as_str() {
                    "table" => Format::Table,
                    "json" => Format::Json,
                    other => {
                        return Err(UsageError(format!(
                            "--format must be table or json, got {other:?}"
                        )));
                    }
                }
            }
            "--log-file" => log_file = Some(PathBuf::from(value("--log-file")?)),
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

/// The whole program: parse the arguments, load the config, set up logging, run, print, and
/// return the exit status.
pub fn main(args: impl IntoIterator<Item = String>) -> ExitCode {
    let args = match parse_args(args) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::from(EXIT_HEALTHY);
        }
        Ok(Command::Run(args)) => args,
        Err(e) => {
            eprintln!("sre-monitor: {e} (see --help)");
            return ExitCode::from(EXIT_BAD_CONFIG);
        }
    };
    let config = match Config::load(&args.config) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("sre-monitor: bad config {}: {e}", args.config.display());
            return ExitCode::from(EXIT_BAD_CONFIG);
        }
    };
    if let Err(e) = logging::init(args.log_file.as_deref()) {
        eprintln!("sre-monitor: {e}");
        return ExitCode::from(EXIT_BAD_CONFIG);
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
        // Whoever read the reports has gone (`| head -1`): nothing more to say to them.
        if written.and_then(|()| out.flush()).is_err() {
            std::process::exit(i32::from(EXIT_HEALTHY));
        }
        rounds += 1;
    });
    if last.is_some_and(|report| report.is_healthy()) {
        ExitCode::from(EXIT_HEALTHY)
    } else {
        ExitCode::from(EXIT_UNHEALTHY)
    }
}
