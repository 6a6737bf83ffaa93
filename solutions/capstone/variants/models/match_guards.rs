//! Models, another style: `match` with guards for the checks, `Ordering` by hand in the sort, the
//! display types first and the constructors after, a `Secret` that shows a fixed mask through
//! `debug_tuple`.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

/// How a check went, ordered from good to bad: `Ok < Warning < Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warning,
    Critical,
}

impl Status {
    const fn label(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warning => "WARNING",
            Status::Critical => "CRITICAL",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.label())
    }
}

/// A value that must never be printed or logged.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Secret").field(&"<redacted>").finish()
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl Secret {
    pub fn new(value: &str) -> Secret {
        Secret(String::from(value))
    }

    pub fn expose(&self) -> &str {
        self.0.as_str()
    }
}

/// Why a model could not be built.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelError {
    EmptyName,
    InvalidHost(String),
    InvalidValue(f64),
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

fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// A server to watch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Server {
    name: String,
    host: String,
    tags: Vec<String>,
}

impl Server {
    pub fn new(name: &str, host: &str) -> Result<Server, ModelError> {
        match (name, host) {
            (name, _) if is_blank(name) => Err(ModelError::EmptyName),
            (_, host) if host.is_empty() || host.contains(char::is_whitespace) => {
                Err(ModelError::InvalidHost(host.to_string()))
            }
            (name, host) => Ok(Server {
                name: name.to_string(),
                host: host.to_string(),
                tags: vec![],
            }),
        }
    }

    pub fn with_tag(self, tag: &str) -> Server {
        let mut tags = self.tags;
        tags.push(tag.to_string());
        Server { tags, ..self }
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

/// One measured value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    name: String,
    value: f64,
    unit: String,
    timestamp: u64,
}

impl Metric {
    pub fn new(name: &str, value: f64, unit: &str, timestamp: u64) -> Result<Metric, ModelError> {
        match value {
            _ if is_blank(name) => Err(ModelError::EmptyName),
            v if v.is_nan() || v.is_infinite() || (v.is_sign_negative() && v != 0.0) => {
                Err(ModelError::InvalidValue(v))
            }
            value => Ok(Metric {
                name: name.to_string(),
                value,
                unit: unit.to_string(),
                timestamp,
            }),
        }
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

/// Sorts metrics by value, lowest first; equal values keep their order.
pub fn sort_by_value(metrics: &mut [Metric]) {
    // Values are finite (Metric::new refuses NaN), so partial_cmp always answers.
    metrics.sort_by(|a, b| a.value.partial_cmp(&b.value).unwrap_or(Ordering::Equal));
}

/// What one check of one server found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckResult {
    pub server: String,
    pub check: String,
    pub status: Status,
    pub metric: Option<Metric>,
    pub message: String,
}

/// A problem worth telling someone about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    server: String,
    check: String,
    severity: Status,
    message: String,
    opened_at: u64,
}

impl fmt::Display for Alert {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Alert {
            server,
            check,
            severity,
            message,
            ..
        } = self;
        write!(f, "[{severity}] {server} {check}: {message}")
    }
}

impl Alert {
    pub fn new(
        server: &str,
        check: &str,
        severity: Status,
        message: &str,
        opened_at: u64,
    ) -> Result<Alert, ModelError> {
        match severity {
            Status::Ok => Err(ModelError::NotAnAlert),
            severity => Ok(Alert {
                server: server.into(),
                check: check.into(),
                severity,
                message: message.into(),
                opened_at,
            }),
        }
    }

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
