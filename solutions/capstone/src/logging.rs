//! # Logging: tracing to stderr at `RUST_LOG`, and to a rotating file at DEBUG (reference solution)
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

/// Logging could not be set up.
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
pub struct RotatingFile {
    path: PathBuf,
    file: File,
    size: u64,
    max_bytes: u64,
    backups: usize,
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
        let size = file.metadata()?.len();
        Ok(RotatingFile {
            path,
            file,
            size,
            max_bytes,
            backups,
        })
    }

    /// `path.{i}`: the file name with `.i` appended.
    fn backup(&self, i: usize) -> PathBuf {
        let mut name = OsString::from(self.path.as_os_str());
        name.push(format!(".{i}"));
        PathBuf::from(name)
    }

    /// Drops the oldest backup, shifts the others up by one, and starts a new empty `path`.
    fn rotate(&mut self) -> io::Result<()> {
        remove_if_there(&self.backup(self.backups))?;
        for i in (1..self.backups).rev() {
            let from = self.backup(i);
            if from.exists() {
                fs::rename(from, self.backup(i + 1))?;
            }
        }
        fs::rename(&self.path, self.backup(1))?;
        self.file = append_to(&self.path)?;
        self.size = 0;
        Ok(())
    }
}

impl Write for RotatingFile {
    /// Writes one record whole, rotating first if it would take the file past `max_bytes`.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let too_big = self.size + buf.len() as u64 > self.max_bytes;
        if self.max_bytes > 0 && self.backups > 0 && self.size > 0 && too_big {
            self.rotate()?;
        }
        self.file.write_all(buf)?;
        self.size += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

fn append_to(path: &Path) -> io::Result<File> {
    OpenOptions::new().create(true).append(true).open(path)
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Sends the events that `RUST_LOG` lets through (default `info`) to stderr, and, with a
/// `log_file`, this crate's events from DEBUG up to that file, without colours, rotating it at
/// 10 MB with 5 backups.
pub fn init(log_file: Option<&Path>) -> Result<(), LoggingError> {
    let console_filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let console = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_filter(console_filter);
    let file = match log_file {
        None => None,
        Some(path) => {
            let file =
                RotatingFile::open(path, LOG_FILE_MAX_BYTES, LOG_FILE_BACKUPS).map_err(|e| {
                    LoggingError::LogFile {
                        path: path.to_owned(),
                        message: e.to_string(),
                    }
                })?;
            Some(
                tracing_subscriber::fmt::layer()
                    .with_writer(Mutex::new(file))
                    .with_ansi(false)
                    .with_filter(EnvFilter::new(FILE_FILTER)),
            )
        }
    };
    tracing_subscriber::registry()
        .with(console)
        .with(file)
        .try_init()
        .map_err(|e| LoggingError::AlreadySet(e.to_string()))
}
