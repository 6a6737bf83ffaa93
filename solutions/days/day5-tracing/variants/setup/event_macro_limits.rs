//! # Exercise 1: a logging setup
//!
//! ## The Python original (seed, Day 5, abridged)
//!
//! ```python
//! def setup_logging(name, log_file=None, level=logging.INFO):
//!     logger = logging.getLogger(name)
//!     console = logging.StreamHandler(sys.stderr)
//!     console.setLevel(logging.INFO)                  # the console: INFO and above
//!     logger.addHandler(console)
//!     file_handler = logging.handlers.RotatingFileHandler(
//!         log_file, maxBytes=10 * 1024 * 1024, backupCount=5)
//!     file_handler.setLevel(logging.DEBUG)            # the file: everything
//!     logger.addHandler(file_handler)
//!
//! logger.debug("Detailed debugging info")             # and info, warning, error, critical
//! logger.error("Connection failed to db-01:5432", exc_info=True)
//!
//! # monitoring/checks.py:  logger = logging.getLogger(__name__)   # "monitoring.checks"
//! logging.getLogger("monitoring.checks").setLevel(logging.DEBUG)
//! logging.getLogger("monitoring.alerts").setLevel(logging.WARNING)
//! ```
//!
//! Exercise 1 asks for: a) console and file handlers, b) a `RotatingFileHandler` with 5 MB max,
//! c) a log line at all five levels, d) an exception logged with its traceback, e) per-module
//! loggers for two modules.
//!
//! ## The Rust idea
//!
//! | Python `logging` | Rust `tracing` + `tracing-subscriber` |
//! |---|---|
//! | `logger.info("...")` | `tracing::info!("...")`: an *event* |
//! | `getLogger(__name__)`, the logger's name | nothing to create: every event's *target* is its module path (`module_path!()`), e.g. `my_tool::checks` |
//! | `extra={"host": "web-01"}` | fields: `tracing::warn!(host, used_percent, "disk almost full")` |
//! | a handler (`StreamHandler`, `FileHandler`) | a *layer*: `tracing_subscriber::fmt::layer().with_writer(w)` |
//! | `handler.setLevel(...)` | a filter on that layer only: `layer.with_filter(LevelFilter::DEBUG)` |
//! | `getLogger("monitoring.checks").setLevel(DEBUG)` | an `EnvFilter` directive: `info,my_tool::checks=debug` (what `RUST_LOG` holds) |
//! | `basicConfig(format=...)` | the fmt layer's options: `.without_time()`, `.with_ansi(false)`, `.with_target(...)` |
//! | `exc_info=True` / `logger.exception` | the error as a field: `error = &err as &dyn std::error::Error` |
//! | the root logger with its handlers | a *subscriber*: `tracing_subscriber::registry().with(layer).with(layer)` |
//!
//! **Levels.** tracing has five: `TRACE`, `DEBUG`, `INFO`, `WARN`, `ERROR`. There is no `CRITICAL`
//! (and no `FATAL`): the seed's `logger.critical("System is down!")` becomes an `ERROR` event with
//! a field that says so, `tracing::error!(critical = true, "System is down!")`, which a filter or an
//! alerting rule can pick out. `TRACE` is below `DEBUG`: finer than anything Python has by default.
//!
//! **Per-module loggers.** Python names a logger with `__name__`; in Rust every event already
//! carries its module's path as its target, so the two modules below (`checks` and `alerts`) need no
//! logger objects. A filter *directive* `path=level` sets a level for a module and everything in it;
//! the path must be the module's whole path, as `module_path!()` gives it (inside this file,
//! `module_path!()` is this file's module; `format!("{}::checks", module_path!())` is the path of
//! its `checks`). Directives are how `RUST_LOG=info,my_tool::checks=debug` works too; here you
//! write them in code (read no environment variable: the tests must see the same levels on every
//! machine).
//!
//! **One filter per layer.** A filter added to the registry (`registry().with(filter)`) filters
//! for *every* layer, like `logger.setLevel`. A filter attached to one layer
//! (`layer.with_filter(filter)`, from the `Layer` trait) filters for that layer only, like
//! `handler.setLevel`: that is how the console shows INFO while the file keeps DEBUG.
//!
//! **The traceback.** A Rust error carries no stack trace, but it carries its *causes*: a
//! `std::error::Error` may return another error from `source()`, which may have a source of its
//! own. Logging `"{err}"` in the message keeps only the top error's text; recording the error as a
//! field, `error = err as &dyn std::error::Error`, hands the subscriber the error itself, so it
//! can walk the whole chain (the fmt layer prints the causes; a JSON layer can store them).
//!
//! **Rotation by size.** `tracing-appender` (a crate of the tracing project) rotates files by time
//! (hourly, daily) but not by size, so you write the `RotatingFileHandler` yourself: a small
//! `std::io::Write` type. The fmt layer writes each event with a single `write_all` of the whole
//! line, so one call of your `write` is one record, and a record is never split across files.
//!
//! ## Your task
//!
//! Events take their module's path as their target: write them with `tracing::debug!`,
//! `tracing::warn!`, ... and no `target:`. Fields may be written `host`, `host = host`, `%host` or
//! `?host`: the tests read the value either way.
//!
//! 1. **`log_every_level`** (c): six events, in this order: one at each of tracing's five levels,
//!    `TRACE`, `DEBUG`, `INFO`, `WARN`, `ERROR` (any message, e.g. the seed's), then the seed's
//!    critical one as an `ERROR` event with the field `critical = true` (and only that one has
//!    it).
//! 2. **`checks::check_disk(host, used_percent)`** (e): returns whether the disk is healthy, that is
//!    `used_percent <= 90.0`. Every call logs a `DEBUG` event with the message `disk checked` and
//!    the fields `host` and `used_percent`; above 90.0 (strictly) it then logs a `WARN` event with
//!    the message `disk almost full` and the same two fields.
//! 3. **`alerts::send_alert(host, summary)`** (e): logs an `INFO` event with the message
//!    `alert queued`, then a `WARN` event with the message `alert sent`, each with the fields
//!    `host` and `summary`. (Not a field called `message`: tracing keeps that name for the event's
//!    message, so `info!(message, "alert queued")` would give the event two messages.)
//! 4. **`log_failure(err)`** (d): one `ERROR` event (any message) with the field
//!    `error = err as &dyn std::error::Error`, so that the error's source chain is recorded.
//!    `ConfigError` and `load_port` are given: `load_port("port = 80a")` fails with a
//!    `ConfigError::Parse` whose `source()` is the `ParseIntError`.
//! 5. **`RotatingFile`** (b): the seed's `RotatingFileHandler(path, maxBytes, backupCount)`.
//!    - `RotatingFile::open(path, max_bytes, backups)` opens `path` for appending, creating it if
//!      needed (what it holds is kept), and counts the bytes it already holds. An error (a folder
//!      that does not exist) is returned, never unwrapped.
//!    - `write(buf)` writes all of `buf` to the file before it returns `Ok(buf.len())` (no
//!      `BufWriter` inside: the fmt layer never flushes, so a buffered record could be lost).
//!      Before writing, it *rotates* when all of these hold: `max_bytes > 0`, `backups > 0`, the
//!      file is not empty, and its size plus `buf.len()` would be larger than `max_bytes`. So the
//!      file may reach exactly `max_bytes` (Python's handler rotates already when a record would
//!      reach it: here the text above is the rule). With `max_bytes == 0` or `backups == 0` it
//!      never rotates (as in Python).
//!    - Rotating: delete `path.{backups}` if it exists; rename `path.{i}` to `path.{i+1}` for `i`
//!      from `backups - 1` down to 1 (those that exist); rename `path` to `path.1`; open a new,
//!      empty `path`. So `path` holds the newest records, then `path.1`, `path.2`, ... up to
//!      `path.{backups}`, and nothing older is kept. Backup `i` is named by appending `.i` to the
//!      whole file name: `app.log.1`, not `app.1` (build it from the path as an `OsString`:
//!      `Path::with_extension` would replace the `.log`). Renaming onto an existing file fails on
//!      Windows, which is why the oldest goes first and the shifts run from the top down.
//!    - A record larger than `max_bytes` is written whole, in a file of its own (after rotating
//!      away a non-empty file), never split.
//!    - `flush` flushes the file.
//! 6. **`subscriber(console, log_file, max_bytes, backups)`** (a, e): a registry with two fmt
//!    layers, each with its own filter (`Layer::with_filter`), boxed:
//!    - the console layer writes to `console`, at `INFO` and above, except this file's module
//!      `checks` at `DEBUG` and its module `alerts` at `WARN` (directives with the modules' whole
//!      paths, from `module_path!()`). In Python the seed's `getLogger(...).setLevel` is a first
//!      stage for every handler and each handler's level a second; here the module levels are on
//!      the console layer alone, on purpose: the file keeps everything from `DEBUG` up. Its format is the fmt layer's default format without the
//!      time and without colours (`.without_time().with_ansi(false)`), so each event is one line:
//!      the level right-aligned in five columns, a space, the target, `: `, the message, then each
//!      field as ` name=value` (a `&str` field in quotes; a `%field` prints its Display text,
//!      without them), e.g.
//!      ` WARN my_tool::checks: disk almost full host="db-01" used_percent=97.5`;
//!    - the file layer writes to a `RotatingFile::open(log_file, max_bytes, backups)` through a
//!      `std::sync::Mutex` (`.with_writer(Mutex::new(file))`: tracing-subscriber makes a writer
//!      of a `Mutex` of any `Write`), at `DEBUG` and above for every module, in the default format
//!      with the time (first on the line) and without colours.
//!
//!    If the file cannot be opened, `subscriber` returns the error. The tests install what it
//!    returns with `tracing::subscriber::with_default`, log through it, and read the console (an
//!    in-memory writer) and the files, with a tiny `max_bytes` to see rotation. They never read the
//!    time. In a program you would call it once in `main` with `std::io::stderr` as the console,
//!    `Path::new("app.log")`, `5 * 1024 * 1024` and a few backups, and install it with
//!    `tracing::subscriber::set_global_default`.
//!
//! ## Read more
//!
//! - tracing, the crate's overview (events, levels, fields, `%` and `?`): <https://docs.rs/tracing/latest/tracing/>
//! - tracing-subscriber, per-layer filtering: <https://docs.rs/tracing-subscriber/latest/tracing_subscriber/layer/index.html#per-layer-filtering>
//! - tracing-subscriber, `EnvFilter` directives: <https://docs.rs/tracing-subscriber/latest/tracing_subscriber/filter/struct.EnvFilter.html>
//! - tracing-subscriber, the fmt layer and its formats: <https://docs.rs/tracing-subscriber/latest/tracing_subscriber/fmt/index.html>
//! - Python, `RotatingFileHandler`: <https://docs.python.org/3/library/logging.handlers.html#rotatingfilehandler>
//!
//! Run the tests with `cargo day 5` (or `just day 5`); stuck? `cargo hint 5 setup`.

// The `todo!()` bodies leave parameters, fields and imports unused until you write them.
#![allow(unused)]

use std::error::Error;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::num::ParseIntError;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::Layer;
use tracing_subscriber::filter::{EnvFilter, LevelFilter};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;

/// Step 1: one event at each level, then the critical one.
pub fn log_every_level() {
    use tracing::{Level, event};
    event!(Level::TRACE, "tracing every step");
    event!(Level::DEBUG, "Detailed debugging info");
    event!(Level::INFO, "General information");
    event!(Level::WARN, "Warning message");
    event!(Level::ERROR, "Error occurred");
    event!(Level::ERROR, critical = true, "System is down!");
}

/// Step 2: the seed's `monitoring/checks.py`, a module with its own target.
pub mod checks {
    /// Whether the disk is healthy (`used_percent <= 90.0`), logged as the task says.
    pub fn check_disk(host: &str, used_percent: f64) -> bool {
        tracing::debug!(host = %host, used_percent, "disk checked");
        let healthy = used_percent <= 90.0;
        if !healthy {
            tracing::warn!(host = %host, used_percent, "disk almost full");
        }
        healthy
    }
}

/// Step 3: the seed's `monitoring/alerts.py`.
pub mod alerts {
    /// Sends an alert about `host`, logged as the task says.
    pub fn send_alert(host: &str, summary: &str) {
        tracing::info!(?host, ?summary, "alert queued");
        tracing::warn!(host = host, summary = summary, "alert sent");
    }
}

/// Why a config could not be loaded (given).
#[derive(Debug)]
pub enum ConfigError {
    /// No `port = ...` line.
    MissingPort,
    /// The port on line `line` (counted from 1) is not a number from 0 to 65535.
    Parse { line: usize, source: ParseIntError },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::MissingPort => write!(f, "no port in the config"),
            ConfigError::Parse { line, .. } => write!(f, "line {line}: the port is not a number"),
        }
    }
}

impl Error for ConfigError {
    /// The cause, as `raise ... from err` keeps it in Python.
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            ConfigError::MissingPort => None,
            ConfigError::Parse { source, .. } => Some(source),
        }
    }
}

/// Reads the port from a config of `key = value` lines (given).
pub fn load_port(text: &str) -> Result<u16, ConfigError> {
    for (index, line) in text.lines().enumerate() {
        if let Some(("port", value)) = line.split_once('=').map(|(k, v)| (k.trim(), v.trim())) {
            return value.parse().map_err(|source| ConfigError::Parse {
                line: index + 1,
                source,
            });
        }
    }
    Err(ConfigError::MissingPort)
}

/// Step 4: the seed's `logger.error(..., exc_info=True)`.
pub fn log_failure(err: &ConfigError) {
    let error: &dyn Error = err;
    tracing::error!(error, "could not load the config");
}

/// Step 5: a file that rotates by size, like Python's `RotatingFileHandler`.
///
/// The fields are yours to choose: these are one choice.
pub struct RotatingFile {
    file: File,
    written: u64,
    /// `None` when the file never rotates.
    limits: Option<(u64, usize)>,
    path: PathBuf,
}

fn numbered(path: &Path, n: usize) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(format!(".{n}"));
    PathBuf::from(name)
}

fn append_to(path: &Path) -> io::Result<File> {
    OpenOptions::new().create(true).append(true).open(path)
}

impl RotatingFile {
    /// Opens `path` for appending (creating it), counting what it already holds.
    pub fn open(
        path: impl Into<PathBuf>,
        max_bytes: u64,
        backups: usize,
    ) -> io::Result<RotatingFile> {
        let path = path.into();
        let file = append_to(&path)?;
        let written = file.metadata()?.len();
        let limits = if max_bytes == 0 || backups == 0 {
            None
        } else {
            Some((max_bytes, backups))
        };
        Ok(RotatingFile {
            file,
            written,
            limits,
            path,
        })
    }

    fn roll_over(&mut self, backups: usize) -> io::Result<()> {
        let oldest = numbered(&self.path, backups);
        if oldest.exists() {
            fs::remove_file(&oldest)?;
        }
        let mut i = backups - 1;
        while i >= 1 {
            let from = numbered(&self.path, i);
            if from.exists() {
                fs::rename(&from, numbered(&self.path, i + 1))?;
            }
            i -= 1;
        }
        fs::rename(&self.path, numbered(&self.path, 1))?;
        self.file = append_to(&self.path)?;
        self.written = 0;
        Ok(())
    }
}

impl Write for RotatingFile {
    /// Writes one record, rotating first if it would make the file larger than `max_bytes`.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some((max_bytes, backups)) = self.limits {
            if self.written > 0 && self.written + buf.len() as u64 > max_bytes {
                self.roll_over(backups)?;
            }
        }
        self.file.write_all(buf)?;
        self.written += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Step 6: the seed's `setup_logging`: a console layer and a rotating-file layer, each with its
/// own filter, in one subscriber.
pub fn subscriber<W>(
    console: W,
    log_file: &Path,
    max_bytes: u64,
    backups: usize,
) -> io::Result<Box<dyn tracing::Subscriber + Send + Sync>>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    use tracing::Level;
    use tracing_subscriber::filter::Targets;
    let here = module_path!();
    let console_filter = Targets::new()
        .with_default(Level::INFO)
        .with_target(format!("{here}::checks"), Level::DEBUG)
        .with_target(format!("{here}::alerts"), Level::WARN);
    let console_layer = tracing_subscriber::fmt::layer()
        .with_writer(console)
        .with_ansi(false)
        .without_time()
        .with_filter(console_filter);
    let rotating = RotatingFile::open(log_file, max_bytes, backups)?;
    let file_layer = tracing_subscriber::fmt::layer()
        .with_ansi(false)
        .with_writer(Mutex::new(rotating))
        .with_filter(LevelFilter::DEBUG);
    let registry = tracing_subscriber::registry()
        .with(file_layer)
        .with(console_layer);
    Ok(Box::new(registry))
}
