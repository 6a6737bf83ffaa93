//! # Logging: tracing to stderr, and to a file if asked (reference solution)
//!
//! ## Read more
//!
//! [tracing-subscriber](https://docs.rs/tracing-subscriber/latest/tracing_subscriber/): the
//! [`fmt` layer](https://docs.rs/tracing-subscriber/latest/tracing_subscriber/fmt/index.html)
//! and [`EnvFilter`](https://docs.rs/tracing-subscriber/latest/tracing_subscriber/filter/struct.EnvFilter.html);
//! [tracing-appender's rolling files](https://docs.rs/tracing-appender/latest/tracing_appender/rolling/index.html)
//! (by time); [`OpenOptions`](https://doc.rust-lang.org/std/fs/struct.OpenOptions.html).

use std::fmt;
use std::fs::OpenOptions;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// The filter when `RUST_LOG` is not set.
pub const DEFAULT_FILTER: &str = "info";

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

/// Sends every event that `RUST_LOG` lets through (default `info`) to stderr, and, with a
/// `log_file`, also appends it to that file, without colours.
pub fn init(log_file: Option<&Path>) -> Result<(), LoggingError> {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    let file = match log_file {
        None => None,
        Some(path) => {
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|e| LoggingError::LogFile {
                    path: path.to_owned(),
                    message: e.to_string(),
                })?;
            Some(
                tracing_subscriber::fmt::layer()
                    .with_writer(Mutex::new(file))
                    .with_ansi(false),
            )
        }
    };
    tracing_subscriber::registry()
        .with(filter)
        .with(stderr)
        .with(file)
        .try_init()
        .map_err(|e| LoggingError::AlreadySet(e.to_string()))
}
