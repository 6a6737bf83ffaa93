//! CLI, another style: the flags looked up with `strip_prefix`, the values pulled from a
//! `VecDeque`, the run split in two functions joined by `Result`, and the exit status by `if`.

use std::collections::VecDeque;
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
    let mut queue: VecDeque<String> = args.into_iter().collect();
    let mut args = Args {
        config: PathBuf::new(),
        interval: None,
        count: None,
        format: Format::Table,
        log_file: None,
    };
    let mut has_config = false;
    let mut once = false;
    let error = |message: String| Err(UsageError(message));
    while let Some(arg) = queue.pop_front() {
        let Some(long) = arg.strip_prefix("--") else {
            if arg == "-h" {
                return Ok(Command::Help);
            }
            return error(format!("unexpected argument {arg:?}"));
        };
        let (name, attached) = match long.find('=') {
            Some(at) => (&long[..at], Some(long[at + 1..].to_string())),
            None => (long, None),
        };
        if matches!(name, "help" | "once") {
            if attached.is_some() {
                return error(format!("--{name} takes no value"));
            }
            if name == "help" {
                return Ok(Command::Help);
            }
            once = true;
            continue;
        }
        let value = match attached.or_else(|| queue.pop_front()) {
            Some(value) if !value.is_empty() => value,
            _ => return error(format!("--{name} needs a value")),
        };
        let number = || match value.parse::<u64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(UsageError(format!(
                "--{name} wants a whole number of 1 or more, not {value:?}"
            ))),
        };
        match name {
            "config" => {
                args.config = PathBuf::from(&value);
                has_config = true;
            }
            "interval" => args.interval = Some(number()?),
            "count" => args.count = Some(number()?),
            "format" if value == "table" => args.format = Format::Table,
            "format" if value == "json" => args.format = Format::Json,
            "format" => return error(format!("--format is table or json, not {value:?}")),
            "log-file" => args.log_file = Some(PathBuf::from(&value)),
            _ => return error(format!("unknown flag --{name}")),
        }
    }
    if !has_config {
        return error("--config PATH is missing".to_string());
    }
    if once && args.interval.is_some() {
        return error("--once or --interval, not both".to_string());
    }
    if args.count.is_some() && args.interval.is_none() {
        return error("--count works with --interval only".to_string());
    }
    Ok(Command::Run(args))
}

/// The exit status for a report's status: 0 OK, 1 WARNING, 2 CRITICAL.
pub fn exit_status(status: Status) -> u8 {
    if status == Status::Critical {
        EXIT_CRITICAL
    } else if status == Status::Warning {
        EXIT_WARNING
    } else {
        EXIT_OK
    }
}

/// The whole program: parse the arguments, load the config, set up logging, run, print, and
/// return the exit status.
pub fn main(args: impl IntoIterator<Item = String>) -> ExitCode {
    match run(args) {
        Ok(status) => ExitCode::from(status),
        Err(why) => {
            let _ = writeln!(std::io::stderr(), "sre-monitor: {why}");
            ExitCode::from(EXIT_UNKNOWN)
        }
    }
}

/// Runs the monitor; `Ok` is the exit status, `Err` the line that says why it could not run.
fn run(args: impl IntoIterator<Item = String>) -> Result<u8, String> {
    let args = match parse_args(args).map_err(|e| format!("{e} (see --help)"))? {
        Command::Help => {
            let _ = write!(std::io::stdout(), "{USAGE}");
            return Ok(EXIT_OK);
        }
        Command::Run(args) => args,
    };
    let config = Config::load(&args.config)
        .map_err(|e| format!("bad config {}: {e}", args.config.display()))?;
    logging::init(args.log_file.as_deref()).map_err(|e| e.to_string())?;
    debug!(?config, "config loaded");
    let schedule = Schedule {
        interval: Duration::from_secs(args.interval.unwrap_or(0)),
        rounds: if args.interval.is_some() {
            args.count
        } else {
            Some(1)
        },
    };
    let mut first = true;
    let last = config
        .monitor()
        .run(&LiveSystem, schedule, &mut SystemClock, &mut |report| {
            let text = match args.format {
                Format::Json => render_json(report) + "\n",
                Format::Table => render_table(report),
            };
            let separator = if first || args.format == Format::Json {
                ""
            } else {
                "\n"
            };
            first = false;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            if out
                .write_all(separator.as_bytes())
                .and_then(|()| out.write_all(text.as_bytes()))
                .and_then(|()| out.flush())
                .is_err()
            {
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        });
    Ok(last.map_or(EXIT_UNKNOWN, |report| exit_status(report.status)))
}
