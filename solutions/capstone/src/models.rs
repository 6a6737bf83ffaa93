//! # Models: `Server`, `Metric`, `Alert`, `Secret` (reference solution)
//!
//! Derives write the boilerplate, validating constructors play `__post_init__`, private fields
//! keep the constructors the only way in, and `Secret` redacts itself wherever it is printed.
//!
//! ## Read more
//!
//! The Rust Book, [ch. 5, Structs](https://doc.rust-lang.org/book/ch05-00-structs.html) and
//! [ch. 9.3, validating types](https://doc.rust-lang.org/book/ch09-03-to-panic-or-not-to-panic.html);
//! [`std::fmt`](https://doc.rust-lang.org/std/fmt/index.html) (`Display`, `Debug`, `pad`);
//! [`slice::sort_by`](https://doc.rust-lang.org/std/primitive.slice.html#method.sort_by) (stable);
//! [serde's derive](https://serde.rs/derive.html).

use std::fmt;

use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------------
// Status: how a check went, and how bad an alert is.
// ---------------------------------------------------------------------------------------------

/// How a check went, ordered from good to bad: `Ok < Warning < Critical`. An alert's severity is
/// a `Warning` or a `Critical`, never an `Ok`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warning,
    Critical,
}

impl fmt::Display for Status {
    /// `OK`, `WARNING` or `CRITICAL`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self {
            Status::Ok => "OK",
            Status::Warning => "WARNING",
            Status::Critical => "CRITICAL",
        };
        // `pad` (not `write_str`) honours widths like `{:<8}`.
        f.pad(label)
    }
}

// ---------------------------------------------------------------------------------------------
// What a constructor refuses.
// ---------------------------------------------------------------------------------------------

/// Why a model could not be built: Python's `ValueError` from `__post_init__`, as a type.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelError {
    /// A name that is empty or only whitespace.
    EmptyName,
    /// A host that is empty or contains whitespace.
    InvalidHost(String),
    /// A metric value that is negative, NaN or infinite.
    InvalidValue(f64),
    /// An alert with severity `Ok`: an OK result is not an alert.
    NotAnAlert,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::EmptyName => write!(f, "must not be empty"),
            ModelError::InvalidHost(host) => {
                write!(
                    f,
                    "must be a host name or address without spaces, got {host:?}"
                )
            }
            ModelError::InvalidValue(value) => {
                write!(f, "must be a finite number of 0 or more, got {value}")
            }
            ModelError::NotAnAlert => write!(f, "an alert must be a warning or critical"),
        }
    }
}

impl std::error::Error for ModelError {}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

/// A server to watch: a name for humans, a host to connect to, and tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Server {
    name: String,
    host: String,
    tags: Vec<String>,
}

impl Server {
    /// A server with no tags; rejects a blank name and a blank host or one with whitespace.
    pub fn new(name: &str, host: &str) -> Result<Server, ModelError> {
        if name.trim().is_empty() {
            return Err(ModelError::EmptyName);
        }
        if host.is_empty() || host.chars().any(char::is_whitespace) {
            return Err(ModelError::InvalidHost(host.to_owned()));
        }
        Ok(Server {
            name: name.to_owned(),
            host: host.to_owned(),
            tags: Vec::new(),
        })
    }

    /// Adds one tag to this server (and to no other).
    pub fn with_tag(mut self, tag: &str) -> Server {
        self.tags.push(tag.to_owned());
        self
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    pub fn tags(&self) -> &[String] {
        &self.tags
    }
}

// ---------------------------------------------------------------------------------------------
// Metric
// ---------------------------------------------------------------------------------------------

/// One measured value: `disk_used_percent = 42.0 %` at a Unix timestamp (seconds).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    name: String,
    value: f64,
    unit: String,
    timestamp: u64,
}

impl Metric {
    /// Rejects a blank name, and a value that is negative, NaN or infinite.
    pub fn new(name: &str, value: f64, unit: &str, timestamp: u64) -> Result<Metric, ModelError> {
        if name.trim().is_empty() {
            return Err(ModelError::EmptyName);
        }
        if !value.is_finite() || value < 0.0 {
            return Err(ModelError::InvalidValue(value));
        }
        Ok(Metric {
            name: name.to_owned(),
            value,
            unit: unit.to_owned(),
            timestamp,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn value(&self) -> f64 {
        self.value
    }

    pub fn unit(&self) -> &str {
        &self.unit
    }

    pub fn timestamp(&self) -> u64 {
        self.timestamp
    }
}

/// Sorts metrics by value, lowest first; metrics with equal values keep their order.
pub fn sort_by_value(metrics: &mut [Metric]) {
    metrics.sort_by(|a, b| a.value.total_cmp(&b.value));
}

// ---------------------------------------------------------------------------------------------
// CheckResult (given) and Alert
// ---------------------------------------------------------------------------------------------

/// What one check of one server found, as the runner reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckResult {
    /// The server's name.
    pub server: String,
    /// The check's name, e.g. `disk /` or `port 5432`.
    pub check: String,
    pub status: Status,
    /// The measured value, when the check measures one.
    pub metric: Option<Metric>,
    /// One line for a human, e.g. `disk / is 42.0% full`.
    pub message: String,
}

/// A problem worth telling someone about: a check of a server at `Warning` or `Critical`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    server: String,
    check: String,
    severity: Status,
    message: String,
    opened_at: u64,
}

impl Alert {
    /// Rejects a severity of `Ok`.
    pub fn new(
        server: &str,
        check: &str,
        severity: Status,
        message: &str,
        opened_at: u64,
    ) -> Result<Alert, ModelError> {
        if severity == Status::Ok {
            return Err(ModelError::NotAnAlert);
        }
        Ok(Alert {
            server: server.to_owned(),
            check: check.to_owned(),
            severity,
            message: message.to_owned(),
            opened_at,
        })
    }

    /// What identifies an alert: the server and the check. Two alerts with the same key are the
    /// same problem.
    pub fn key(&self) -> (&str, &str) {
        (&self.server, &self.check)
    }

    pub fn server(&self) -> &str {
        &self.server
    }

    pub fn check(&self) -> &str {
        &self.check
    }

    pub fn severity(&self) -> Status {
        self.severity
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn opened_at(&self) -> u64 {
        self.opened_at
    }
}

impl fmt::Display for Alert {
    /// `[CRITICAL] web-01 disk /: disk / is 95.0% full`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[{}] {} {}: {}",
            self.severity, self.server, self.check, self.message
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Secret
// ---------------------------------------------------------------------------------------------

/// A value that must never be printed or logged: an API key, a token, a password.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: &str) -> Secret {
        Secret(value.to_owned())
    }

    /// The value itself, for the one place that needs it (never a log line).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(****)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("****")
    }
}
