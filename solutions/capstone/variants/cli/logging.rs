//! Logging, another style: the layers gathered in a `Vec` of boxed layers (a `Vec` of layers is a
//! layer too), each boxed with its own filter, the file's a plain `LevelFilter::DEBUG`; a
//! `RotatingFile` that asks the file its size at each write, names its backups with
//! `with_file_name`, and shifts them with a loop over `windows`.

use std::fmt;
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer, Registry};

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

/// A file that rotates by size.
pub struct RotatingFile {
    path: PathBuf,
    file: File,
    limit: Option<u64>,
    backups: usize,
}

impl RotatingFile {
    /// Opens `path` for appending (creating it), counting what it already holds.
    pub fn open(
        path: impl Into<PathBuf>,
        max_bytes: u64,
        backups: usize,
    ) -> io::Result<RotatingFile> {
        let path: PathBuf = path.into();
        let file = File::options().append(true).create(true).open(&path)?;
        let limit = (max_bytes != 0 && backups != 0).then_some(max_bytes);
        Ok(RotatingFile {
            path,
            file,
            limit,
            backups,
        })
    }

    fn name(&self, i: usize) -> PathBuf {
        let mut name = self.path.file_name().unwrap_or_default().to_owned();
        name.push(".");
        name.push(i.to_string());
        self.path.with_file_name(name)
    }
}

impl Write for RotatingFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let size = self.file.metadata()?.len();
        if let Some(limit) = self.limit
            && size != 0
            && size.saturating_add(buf.len() as u64) > limit
        {
            // path, path.1, ..., path.{backups}: the last goes, each other moves one place on.
            let names: Vec<PathBuf> = std::iter::once(self.path.clone())
                .chain((1..=self.backups).map(|i| self.name(i)))
                .collect();
            if let Some(oldest) = names.last()
                && oldest.exists()
            {
                std::fs::remove_file(oldest)?;
            }
            for pair in names.windows(2).rev() {
                if pair[0].exists() {
                    std::fs::rename(&pair[0], &pair[1])?;
                }
            }
            self.file = File::options().append(true).create(true).open(&self.path)?;
        }
        self.file.write_all(buf).map(|()| buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Sends the events that `RUST_LOG` lets through (default `info`) to stderr, and, with a
/// `log_file`, this crate's events from DEBUG up to that file, without colours, rotating it at
/// 10 MB with 5 backups.
pub fn init(log_file: Option<&Path>) -> Result<(), LoggingError> {
    let console_filter = match EnvFilter::try_from_default_env() {
        Ok(filter) => filter,
        Err(_) => EnvFilter::new(DEFAULT_FILTER),
    };
    let mut layers: Vec<Box<dyn Layer<Registry> + Send + Sync>> = vec![
        tracing_subscriber::fmt::layer()
            .with_ansi(std::io::stderr().is_terminal())
            .with_writer(std::io::stderr)
            .with_filter(console_filter)
            .boxed(),
    ];
    if let Some(path) = log_file {
        let file = RotatingFile::open(path, LOG_FILE_MAX_BYTES, LOG_FILE_BACKUPS).map_err(|e| {
            LoggingError::LogFile {
                path: path.to_path_buf(),
                message: e.to_string(),
            }
        })?;
        layers.push(
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(Mutex::new(file))
                .with_filter(LevelFilter::DEBUG)
                .boxed(),
        );
    }
    tracing_subscriber::registry()
        .with(layers)
        .try_init()
        .map_err(|e| LoggingError::AlreadySet(e.to_string()))
}
