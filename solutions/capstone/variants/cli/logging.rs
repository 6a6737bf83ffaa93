//! Logging, another style: the layers gathered in a `Vec` of boxed layers (a `Vec` of layers is a
//! layer too), the file opened with `File::options`.

use std::fmt;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer, Registry};

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
    let filter = match EnvFilter::try_from_default_env() {
        Ok(filter) => filter,
        Err(_) => EnvFilter::new(DEFAULT_FILTER),
    };
    let mut layers: Vec<Box<dyn Layer<Registry> + Send + Sync>> = vec![Box::new(
        tracing_subscriber::fmt::layer()
            .with_ansi(std::io::stderr().is_terminal())
            .with_writer(std::io::stderr),
    )];
    if let Some(path) = log_file {
        let file = std::fs::File::options()
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| LoggingError::LogFile {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?;
        layers.push(Box::new(
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(Mutex::new(file)),
        ));
    }
    tracing_subscriber::registry()
        .with(layers)
        .with(filter)
        .try_init()
        .map_err(|e| LoggingError::AlreadySet(e.to_string()))
}
