//! # Area 5, CLI (2 of 3): logging, to stderr and to a file
//!
//! ## The Python (seed, Day 5: "Production Logging Setup", trimmed)
//!
//! ```python
//! def setup_logging(name, log_file=None, level=logging.INFO):
//!     logger = logging.getLogger(name)
//!     logger.setLevel(level)
//!     formatter = logging.Formatter("%(asctime)s [%(levelname)-8s] %(name)s - %(message)s")
//!
//!     console = logging.StreamHandler(sys.stderr)        # handler 1: the console
//!     console.setFormatter(formatter)
//!     logger.addHandler(console)
//!
//!     if log_file:                                       # handler 2: a file
//!         file_handler = logging.handlers.RotatingFileHandler(log_file, ...)
//!         file_handler.setFormatter(formatter)
//!         logger.addHandler(file_handler)
//! ```
//!
//! ## The Rust idea
//!
//! `tracing` splits Python's logger in two. The code emits events (`info!`, `warn!`) and knows
//! nothing about where they go; one **subscriber**, set once in `main`, decides. With
//! tracing-subscriber the subscriber is a `registry()` with **layers** stacked on it: a filter
//! (`EnvFilter`, read from `RUST_LOG` like `RUST_LOG=debug` or
//! `RUST_LOG=sre_monitor::alerts=debug,info`: the per-module levels of the seed) and one `fmt`
//! layer per destination (the handlers). A `fmt` layer's formatter already writes the time, the
//! level, the module and the fields.
//!
//! Logs go to **stderr**, never stdout: stdout is the report, which a script may pipe into `jq`.
//! A file gets no colour codes. This tool appends and never rotates. The seed's
//! `RotatingFileHandler(maxBytes=10 MB, backupCount=5)` rotates by **size**, and has no twin in
//! the tracing world: the `tracing-appender` crate's `rolling` files rotate by **time** (every
//! minute, hour or day, `max_log_files` playing `backupCount`), never by size. For rotation by
//! size, leave the file to logrotate (`size 10M`, `rotate 5`) or choose a crate that offers it.
//!
//! ## Your task
//!
//! `init(log_file)`:
//!
//! 1. The filter: `EnvFilter::try_from_default_env()` (reads `RUST_LOG`), else
//!    `EnvFilter::new(DEFAULT_FILTER)`.
//! 2. A `tracing_subscriber::fmt::layer()` writing to `std::io::stderr`, with colours only when
//!    stderr is a terminal (`.with_ansi(std::io::stderr().is_terminal())`).
//! 3. With a `log_file`: open it to append, creating it if needed (`OpenOptions`); if it cannot be
//!    opened, return `LoggingError::LogFile`. A second `fmt` layer writes to it
//!    (`.with_writer(Mutex::new(file))`), without colours. An `Option<Layer>` is a layer too.
//! 4. `tracing_subscriber::registry().with(filter).with(..).with(..).try_init()`, its error
//!    mapped to `LoggingError::AlreadySet`.
//!
//! Grade this area with `cargo capstone --area cli`; stuck? `cargo hint capstone cli`.
//!
//! ## Read more
//!
//! [tracing-subscriber](https://docs.rs/tracing-subscriber/latest/tracing_subscriber/): the
//! [`fmt` layer](https://docs.rs/tracing-subscriber/latest/tracing_subscriber/fmt/index.html)
//! and [`EnvFilter`](https://docs.rs/tracing-subscriber/latest/tracing_subscriber/filter/struct.EnvFilter.html);
//! [tracing-appender's rolling files](https://docs.rs/tracing-appender/latest/tracing_appender/rolling/index.html)
//! (by time); [`OpenOptions`](https://doc.rust-lang.org/std/fs/struct.OpenOptions.html).

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(dead_code, unused)]

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

/// Sends every event that `RUST_LOG` lets through (default `info`) to stderr, and, with a
/// `log_file`, also appends it to that file, without colours.
pub fn init(log_file: Option<&Path>) -> Result<(), LoggingError> {
    todo!("a registry with an EnvFilter, a stderr layer and, with a log file, a file layer")
}
