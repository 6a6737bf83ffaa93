//! # Area 1, models: `Server`, `Metric`, `Alert` and a `Secret`
//!
//! ## The Python
//!
//! The seed's capstone only names this file, `models.py (dataclasses: Server, Metric, Alert)`, and
//! gives no code for it. Its Day 2 has the pieces, quoted here (trimmed); `Alert` is the
//! workbook's own design.
//!
//! ```python
//! @dataclass                                        # seed, Day 2: "field() and __post_init__"
//! class Server:
//!     name: str
//!     ip: str
//!     tags: List[str] = field(default_factory=list)   # each server its own list
//!
//!     def __post_init__(self):
//!         if not self.name:
//!             raise ValueError("Name is required")
//!
//! @dataclass(order=True)                            # seed, Day 2: "Ordered (sortable)"
//! class Metric:
//!     sort_key: float = field(init=False, repr=False)
//!     name: str
//!     value: float
//!     unit: str
//!     def __post_init__(self):
//!         self.sort_key = self.value               # sorted() orders by value
//! # Day 2's exercise 3 adds a timestamp and "validate value is positive".
//!
//! logger.info(f"Connecting with password={password}")   # seed, Day 5: BAD, never log a secret
//! ```
//!
//! ## The Rust idea
//!
//! The derives on each type below are Day 2's `@dataclass`: `Debug` is `__repr__`, `PartialEq` is
//! `__eq__`, `Clone` is a deep copy, `Serialize` is `asdict` + `json.dumps`. They are given, so
//! that the whole crate compiles while you work. `__post_init__` becomes a constructor that returns
//! `Result`: with private fields, `new` is the only way in, so an invalid `Server` never exists.
//! A `Secret` writes its own `Debug` and `Display`, so no `{:?}` of a config, however deep,
//! can print the key: the seed's "never log sensitive data", made impossible to forget.
//!
//! ## Your task
//!
//! 1. `Status`'s `Display`: `OK`, `WARNING`, `CRITICAL`. Use `f.pad(..)` (not `write!`), so that
//!    a width like `{:<8}` pads it.
//! 2. `Server::new`: refuse a blank name (empty or only whitespace) with `EmptyName`, and a host
//!    that is empty or contains whitespace with `InvalidHost(host)`. A new server has no tags;
//!    `with_tag` adds one tag to this server only.
//! 3. `Metric::new`: refuse a blank name with `EmptyName`, and a value that is negative, NaN or
//!    infinite with `InvalidValue(value)` (0.0 is fine). `sort_by_value`: lowest value first,
//!    metrics with equal values keep their order (`sort_by` is stable; `f64::total_cmp`).
//! 4. `Alert::new`: refuse `Status::Ok` with `NotAnAlert`. `key()` is `(server, check)`.
//!    `Display`: `[SEVERITY] server check: message`, e.g.
//!    `[WARNING] db-01 port 5432: connection refused`.
//! 5. `Secret`: `Debug` and `Display` that never show the value (`****` will do).
//!
//! Grade this area with `cargo capstone` (or `just capstone`); stuck? `cargo hint capstone models`.
//!
//! ## Read more
//!
//! The Rust Book, [ch. 5, Structs](https://doc.rust-lang.org/book/ch05-00-structs.html) and
//! [ch. 9.3, validating types](https://doc.rust-lang.org/book/ch09-03-to-panic-or-not-to-panic.html);
//! [`std::fmt`](https://doc.rust-lang.org/std/fmt/index.html) (`Display`, `Debug`, `pad`);
//! [`slice::sort_by`](https://doc.rust-lang.org/std/primitive.slice.html#method.sort_by) (stable);
//! [serde's derive](https://serde.rs/derive.html).

// The `todo!()` bodies leave parameters and fields unused until you write them.
#![allow(dead_code, unused)]

use std::fmt;

use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------------
// Status: how a check went, and how bad an alert is.
// ---------------------------------------------------------------------------------------------

/// How a check went, ordered from good to bad: `Ok < Warning < Critical` (the derived order
/// follows the variants, top to bottom). An alert's severity is a `Warning` or a `Critical`.
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
        let word = match *self {
            Status::Critical => "CRITICAL",
            Status::Warning => "WARNING",
            Status::Ok => "OK",
        };
        f.pad(word)
    }
}

// ---------------------------------------------------------------------------------------------
// Given: what a constructor refuses.
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
    /// A server with no tags; refuses a blank name and a blank host or one with whitespace.
    pub fn new(name: &str, host: &str) -> Result<Server, ModelError> {
        rules::not_blank(name)?;
        if host.is_empty() || host.chars().any(char::is_whitespace) {
            return Err(ModelError::InvalidHost(host.to_string()));
        }
        Ok(Server {
            name: name.into(),
            host: host.into(),
            tags: Vec::new(),
        })
    }

    /// Adds one tag to this server (and to no other).
    pub fn with_tag(mut self, tag: &str) -> Server {
        self.tags.push(String::from(tag));
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
    /// Refuses a blank name, and a value that is negative, NaN or infinite.
    pub fn new(name: &str, value: f64, unit: &str, timestamp: u64) -> Result<Metric, ModelError> {
        rules::not_blank(name)?;
        rules::measurable(value)?;
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

/// What one check of one server found, as the runner reports it. A plain record: every field is
/// public, there is nothing to validate.
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
    /// Refuses a severity of `Ok`.
    pub fn new(
        server: &str,
        check: &str,
        severity: Status,
        message: &str,
        opened_at: u64,
    ) -> Result<Alert, ModelError> {
        if let Status::Ok = severity {
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
        (self.server.as_str(), self.check.as_str())
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

/// A value that must never be printed or logged: an API key, a token, a password. serde reads it
/// from the config like a plain string (`transparent`).
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

// Not derived: a derived Debug would print the value.
impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<hidden>)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<hidden>")
    }
}

/// The validation rules shared by the constructors.
mod rules {
    use super::ModelError;

    pub(super) fn not_blank(name: &str) -> Result<(), ModelError> {
        if name.trim().is_empty() {
            Err(ModelError::EmptyName)
        } else {
            Ok(())
        }
    }

    pub(super) fn measurable(value: f64) -> Result<(), ModelError> {
        match value {
            v if v.is_finite() && v >= 0.0 => Ok(()),
            other => Err(ModelError::InvalidValue(other)),
        }
    }
}
