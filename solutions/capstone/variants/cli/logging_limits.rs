//! # Area 5, CLI (2 of 3): logging, to stderr and to a file that rotates
//!
//! ## The Python (seed, Day 5: "Production Logging Setup", trimmed)
//!
//! ```python
//! def setup_logging(name, log_file=None, level=logging.INFO):
//!     logger = logging.getLogger(name)
//!     formatter = logging.Formatter("%(asctime)s [%(levelname)-8s] %(name)s - %(message)s")
//!
//!     console = logging.StreamHandler(sys.stderr)        # handler 1: the console
//!     console.setLevel(logging.INFO)
//!     console.setFormatter(formatter)
//!     logger.addHandler(console)
//!
//!     if log_file:                                       # handler 2: a file
//!         file_handler = logging.handlers.RotatingFileHandler(
//!             log_file,
//!             maxBytes=10 * 1024 * 1024,     # 10 MB per file
//!             backupCount=5,                  # keep 5 rotated files
//!         )
//!         file_handler.setLevel(logging.DEBUG)    # log everything to file
//!         file_handler.setFormatter(formatter)
//!         logger.addHandler(file_handler)
//! ```
//!
//! ## The Rust idea
//!
//! This is Day 5's lesson put to work: its exercise 1 (`days/day5-tracing/src/ex1_setup.rs`)
//! builds the same two outputs and writes the same `RotatingFile`. If you wrote it there, bring
//! yours: the API and the behaviour below are the same.
//!
//! `tracing` splits Python's logger in two. The code emits events (`info!`, `debug!`) and knows
//! nothing about where they go; one **subscriber**, set once in `main`, decides. With
//! tracing-subscriber the subscriber is a `registry()` with **layers** stacked on it, one `fmt`
//! layer per destination (Python's handlers). A `fmt` layer's formatter already writes the time,
//! the level, the module and the fields.
//!
//! Each handler in the seed has its own level: the console INFO, the file DEBUG. In Rust each
//! layer gets its own **filter**, with `layer.with_filter(filter)` (the `Layer` trait): a filter
//! given to the registry with `.with(filter)` would filter every layer alike. `EnvFilter` reads
//! directives like `debug` or `warn,sre_monitor::alerts=debug` (the per-module levels of the
//! seed), from `RUST_LOG` (`EnvFilter::try_from_default_env()`) or from a string
//! (`EnvFilter::new("...")`). The console follows `RUST_LOG`; the file keeps everything this
//! crate says from DEBUG up, whatever `RUST_LOG` says: `FILE_FILTER` (the `debug!(?config,
//! "config loaded")` of `cli::main` reaches the file, never the console at the default `info`).
//!
//! Logs go to **stderr**, never stdout: stdout is the report, which a script may pipe into `jq`.
//! A file gets no colour codes.
//!
//! The seed's `RotatingFileHandler` rotates by **size** and has no twin in the tracing world: the
//! `tracing-appender` crate's `rolling` files rotate by **time** (every minute, hour or day),
//! never by size. So you write the writer, `RotatingFile`, about forty lines. A `fmt` layer
//! writes each event with one `write_all` of the whole line, so one `write` call is one
//! **record**; tracing-subscriber makes a writer of any `Mutex<W>` where `W: Write`, so the file
//! layer takes `.with_writer(Mutex::new(rotating_file))`.
//!
//! ## Your task
//!
//! 1. `RotatingFile::open(path, max_bytes, backups)`: open `path` to append, creating it if
//!    needed (`OpenOptions`), and remember how many bytes it already holds (`metadata().len()`).
//!    Errors are returned, never unwrapped.
//! 2. `Write for RotatingFile`: before writing a buffer, if `max_bytes > 0`, `backups > 0`, the
//!    file is not empty, and its size plus the buffer's length would be **larger** than
//!    `max_bytes`, rotate first:
//!    - delete `path.{backups}` if it exists (nothing older is kept);
//!    - rename `path.{i}` to `path.{i+1}`, for each `i` from `backups - 1` **down** to 1 that
//!      exists (the oldest first, so that no rename lands on a file still to move);
//!    - rename `path` to `path.1`, and open a new, empty `path`.
//!
//!    Then write the whole buffer to the file and return its length: a record is never split
//!    across two files, and one larger than `max_bytes` gets a file of its own. With
//!    `max_bytes == 0` or `backups == 0` it never rotates (Python: "if either maxBytes or
//!    backupCount is zero, rollover never occurs"). The newest records are in `path`, older ones
//!    in `path.1`, `path.2`, ... up to `path.{backups}`. Backup `i`'s name is the file name with
//!    `.i` appended, `monitor.log.1` (an `OsString` you `push` onto, not `with_extension`, which
//!    would replace `.log`). `std::fs::rename` onto an existing file fails on Windows: the oldest
//!    is deleted before the shifts, so no rename has a target. `flush` flushes the file.
//! 3. `init(log_file)`:
//!    - the console: a `tracing_subscriber::fmt::layer()` writing to `std::io::stderr`, with
//!      colours only when stderr is a terminal (`.with_ansi(std::io::stderr().is_terminal())`),
//!      filtered by `EnvFilter::try_from_default_env()`, else `EnvFilter::new(DEFAULT_FILTER)`;
//!    - with a `log_file`: `RotatingFile::open(path, LOG_FILE_MAX_BYTES, LOG_FILE_BACKUPS)` (the
//!      seed's 10 MB and 5 backups); if it cannot be opened, return `LoggingError::LogFile`. A
//!      second `fmt` layer writes to it, without colours, filtered by
//!      `EnvFilter::new(FILE_FILTER)`. An `Option<Layer>` is a layer too;
//!    - `tracing_subscriber::registry().with(..).with(..).try_init()`, its error mapped to
//!      `LoggingError::AlreadySet`.
//!
//! Grade this area with `cargo capstone --area cli`; stuck? `cargo hint capstone cli`.
//!
//! ## Read more
//!
//! [tracing-subscriber](https://docs.rs/tracing-subscriber/latest/tracing_subscriber/): the
//! [`fmt` layer](https://docs.rs/tracing-subscriber/latest/tracing_subscriber/fmt/index.html),
//! [`EnvFilter`](https://docs.rs/tracing-subscriber/latest/tracing_subscriber/filter/struct.EnvFilter.html)
//! and [per-layer filters](https://docs.rs/tracing-subscriber/latest/tracing_subscriber/layer/index.html#per-layer-filtering);
//! [tracing-appender's rolling files](https://docs.rs/tracing-appender/latest/tracing_appender/rolling/index.html)
//! (by time); [`OpenOptions`](https://doc.rust-lang.org/std/fs/struct.OpenOptions.html),
//! [`std::fs::rename`](https://doc.rust-lang.org/std/fs/fn.rename.html),
//! [`OsString::push`](https://doc.rust-lang.org/std/ffi/struct.OsString.html#method.push).

// The `todo!()` bodies leave parameters, fields and imports unused until you write them.
#![allow(dead_code, unused)]

use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// The console's filter when `RUST_LOG` is not set.
pub const DEFAULT_FILTER: &str = "info";

/// The log file's filter, whatever `RUST_LOG` says: this crate's events from DEBUG up, other
/// crates' from WARN up.
pub const FILE_FILTER: &str = "warn,sre_monitor=debug";

/// The seed's `maxBytes=10 * 1024 * 1024`: the log file rotates before it grows past 10 MB.
pub const LOG_FILE_MAX_BYTES: u64 = 10 * 1024 * 1024;

/// The seed's `backupCount=5`: `monitor.log.1` to `monitor.log.5` are kept.
pub const LOG_FILE_BACKUPS: usize = 5;

/// Given: logging could not be set up.
#[derive(Debug)]
pub enum LoggingError {
    /// The log file cannot be opened for appending.
    LogFile { path: PathBuf, message: String },
    /// A global subscriber is already set.
    AlreadySet(String),
}

impl fmt::Display for LoggingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoggingError::LogFile { path, message } => {
                write!(f, "cannot open the log file {}: {message}", path.display())
            }
            LoggingError::AlreadySet(message) => write!(f, "cannot set up logging: {message}"),
        }
    }
}

impl std::error::Error for LoggingError {}

/// A file that rotates by size, like Python's `RotatingFileHandler`: `path` holds the newest
/// records, `path.1` the ones before, up to `path.{backups}`.
///
/// The fields are a suggestion: change them as you like (only `open` and `Write` are used).
pub struct RotatingFile {
    file: File,
    held: u64,
    /// `(max_bytes, backups)`, or `None` when the file never rotates.
    limits: Option<(u64, usize)>,
    path: PathBuf,
}

fn backup_name(path: &Path, n: usize) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(".");
    name.push(n.to_string());
    name.into()
}

fn open_append(path: &Path) -> io::Result<File> {
    OpenOptions::new().append(true).create(true).open(path)
}

impl RotatingFile {
    /// Opens `path` for appending (creating it), counting what it already holds.
    pub fn open(
        path: impl Into<PathBuf>,
        max_bytes: u64,
        backups: usize,
    ) -> io::Result<RotatingFile> {
        let path: PathBuf = path.into();
        let file = open_append(&path)?;
        let held = file.metadata()?.len();
        let limits = (max_bytes > 0 && backups > 0).then_some((max_bytes, backups));
        Ok(RotatingFile {
            file,
            held,
            limits,
            path,
        })
    }

    fn rotate(&mut self, backups: usize) -> io::Result<()> {
        let oldest = backup_name(&self.path, backups);
        if oldest.exists() {
            fs::remove_file(&oldest)?;
        }
        for i in (1..backups).rev() {
            let from = backup_name(&self.path, i);
            if from.exists() {
                fs::rename(&from, backup_name(&self.path, i + 1))?;
            }
        }
        fs::rename(&self.path, backup_name(&self.path, 1))?;
        self.file = open_append(&self.path)?;
        self.held = 0;
        Ok(())
    }
}

impl Write for RotatingFile {
    /// Writes one record whole, rotating first if it would take the file past `max_bytes`.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some((max_bytes, backups)) = self.limits {
            let after = self.held + buf.len() as u64;
            if self.held > 0 && after > max_bytes {
                self.rotate(backups)?;
            }
        }
        self.file.write_all(buf)?;
        self.held += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Sends the events that `RUST_LOG` lets through (default `info`) to stderr, and, with a
/// `log_file`, this crate's events from DEBUG up to that file, without colours, rotating it at
/// 10 MB with 5 backups.
pub fn init(log_file: Option<&Path>) -> Result<(), LoggingError> {
    let console_filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let console = tracing_subscriber::fmt::layer()
        .with_writer(io::stderr)
        .with_ansi(io::stderr().is_terminal())
        .with_filter(console_filter);
    let file_layer =
        match log_file {
            None => None,
            Some(path) => {
                let rotating = RotatingFile::open(path, LOG_FILE_MAX_BYTES, LOG_FILE_BACKUPS)
                    .map_err(|e| LoggingError::LogFile {
                        path: path.to_path_buf(),
                        message: e.to_string(),
                    })?;
                Some(
                    tracing_subscriber::fmt::layer()
                        .with_ansi(false)
                        .with_writer(Mutex::new(rotating))
                        .with_filter(EnvFilter::new(FILE_FILTER)),
                )
            }
        };
    tracing_subscriber::registry()
        .with(file_layer)
        .with(console)
        .try_init()
        .map_err(|e| LoggingError::AlreadySet(e.to_string()))
}
