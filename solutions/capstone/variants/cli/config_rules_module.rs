//! # Area 5, CLI (1 of 3): the config file
//!
//! ## The Python
//!
//! The seed gives no config file for the capstone. Day 2's exercise asks for a frozen
//! `AlertConfig` with `email_to, slack_channel, pagerduty_key, severity_threshold` (a sketch of it
//! below), and its `Server` validates in `__post_init__` (quoted):
//!
//! ```python
//! @dataclass(frozen=True)
//! class AlertConfig:                    # a sketch of Day 2's exercise
//!     pagerduty_key: str
//!     severity_threshold: str
//!
//! def __post_init__(self):              # seed, Day 2: Server
//!     if self.port < 1 or self.port > 65535:
//!         raise ValueError(f"Invalid port: {self.port}")
//! ```
//!
//! ## The Rust idea
//!
//! Two steps, two kinds of type. serde reads the TOML file into the `Raw*` types below (given):
//! it already refuses a wrong type, a misspelt key (`deny_unknown_fields`) or a missing one, and
//! `from_toml` turns its error into one line. `validate` (yours) then checks every value and
//! builds the `Config`, made of types that cannot hold a bad value (`Server`, `Thresholds`,
//! `u16` ports). Everything after it trusts the config: "parse, don't validate".
//!
//! A bad config must be fixable from one line, so every error names its field by its path in
//! the file: `servers[0].checks[1].critical: must be a percentage from 0 to 100, got 150`.
//! Build errors with `ConfigError::invalid(field, problem)`; its `Display` is `field: problem`.
//!
//! ```toml
//! [alerts]
//! min_severity = "warning"        # optional: "warning" (the default) or "critical"
//! pagerduty_key = "..."           # optional: a Secret
//!
//! [[servers]]                     # servers[0]
//! name = "web-01"
//! host = "localhost"
//! tags = ["prod"]                 # optional
//!
//! [[servers.checks]]              # servers[0].checks[0]
//! type = "disk"                   # disk: path, warning, critical
//! path = "/"                      # memory: warning, critical
//! warning = 80.0                  # process: process, severity (optional)
//! critical = 90.0                 # port: port, timeout_ms (optional), severity (optional)
//! ```
//!
//! ## Your task
//!
//! 1. `validate(raw)`, returning the first problem found: the alerts, then the servers in order,
//!    each server before its checks, the checks in order (within one check, any order will do):
//!    - `alerts.min_severity`: `Warning` when absent; `ok` is refused. `alerts.pagerduty_key` is
//!      kept as it is (a `Secret`).
//!    - `servers`: at least one server.
//!    - for each server `servers[i]`: `Server::new` (an `EmptyName` is the field `name`, an
//!      `InvalidHost` the field `host`); a `name` already used by an earlier server is refused
//!      (`servers[i].name`); the tags are added; it needs at least one check (`servers[i].checks`).
//!    - for each check `servers[i].checks[j]`: a field its type does not use is refused
//!      (`RawCheck::stray_fields`); the fields its type needs must be there (the given `required`
//!      helper names them); `Thresholds::new` (its `ThresholdError::field()` names the level);
//!      a disk `path` must be absolute; a `process` name must not be blank; a `port` must be
//!      1 to 65535 (0, negatives and 65536 are refused); `timeout_ms` 1 to 60000 (a minute),
//!      `DEFAULT_TIMEOUT_MS` when absent; a `severity` is `Critical` when absent, and `ok` is
//!      refused.
//!    - two checks of one server with the same name (`HealthCheck::name`: two `memory` checks,
//!      two `port 22`, two `disk /var`) are refused at the second one, `servers[i].checks[j]`:
//!      alerts are kept by (server, check name), so the two would share, open and resolve one
//!      alert between them.
//! 2. `CheckSpec::build(host)`: the check a spec describes (a port check connects to `host`).
//! 3. `Config::monitor()`: an `AlertManager` with the config's minimum severity and, if there is
//!    one, its pager key; then every server with its checks, in the config's order. Every value
//!    of the config reaches its check: a port check connects to its own server's `host`, with its
//!    `timeout_ms` and `severity`.
//!
//! A config error must never show a secret. `from_toml` (given) already words an error about
//! `pagerduty_key` without its value (toml would quote it: "invalid type: integer `51870923`");
//! never put a `Secret`'s value in a message of yours either.
//!
//! Grade this area with `cargo capstone --area cli`; stuck? `cargo hint capstone cli`.
//!
//! ## Read more
//!
//! [serde](https://serde.rs/) ([field attributes](https://serde.rs/field-attrs.html) such as
//! `default`, and `deny_unknown_fields`); [toml](https://docs.rs/toml/latest/toml/); the Rust
//! Book, [ch. 9.3, custom types for validation](https://doc.rust-lang.org/book/ch09-03-to-panic-or-not-to-panic.html#creating-custom-types-for-validation);
//! ["Parse, don't validate"](https://lexi-lambda.github.io/blog/2019/11/05/parse-don-t-validate/);
//! [`TryFrom`](https://doc.rust-lang.org/std/convert/trait.TryFrom.html) (`u16::try_from`).

// The `todo!()` bodies leave parameters and fields unused until you write them.
#![allow(dead_code, unused)]

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::alerts::AlertManager;
use crate::checks::{DiskCheck, HealthCheck, MemoryCheck, PortCheck, ProcessCheck, Thresholds};
use crate::models::{ModelError, Secret, Server, Status};
use crate::runner::Monitor;

// ---------------------------------------------------------------------------------------------
// Given: the file as serde reads it, before any check, and its errors.
// ---------------------------------------------------------------------------------------------

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    #[serde(default)]
    pub alerts: RawAlerts,
    #[serde(default)]
    pub servers: Vec<RawServer>,
}

/// `[alerts]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlerts {
    pub min_severity: Option<Status>,
    pub pagerduty_key: Option<Secret>,
}

/// `[[servers]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawServer {
    pub name: String,
    pub host: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub checks: Vec<RawCheck>,
}

/// `[[servers.checks]]`. Which fields a check needs depends on its `type`; `validate` checks them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCheck {
    #[serde(rename = "type")]
    pub kind: CheckKind,
    pub path: Option<String>,
    pub warning: Option<f64>,
    pub critical: Option<f64>,
    pub process: Option<String>,
    pub port: Option<i64>,
    pub timeout_ms: Option<i64>,
    pub severity: Option<Status>,
}

/// A check's `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckKind {
    Disk,
    Memory,
    Process,
    Port,
}

impl CheckKind {
    /// The fields a check of this type may set (besides `type`).
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            CheckKind::Disk => &["path", "warning", "critical"],
            CheckKind::Memory => &["warning", "critical"],
            CheckKind::Process => &["process", "severity"],
            CheckKind::Port => &["port", "timeout_ms", "severity"],
        }
    }
}

impl fmt::Display for CheckKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CheckKind::Disk => "disk",
            CheckKind::Memory => "memory",
            CheckKind::Process => "process",
            CheckKind::Port => "port",
        })
    }
}

impl RawCheck {
    /// The fields set in the file that this check's type does not use, e.g. `["port"]` for a
    /// disk check with a port.
    pub fn stray_fields(&self) -> Vec<&'static str> {
        let set = [
            ("path", self.path.is_some()),
            ("warning", self.warning.is_some()),
            ("critical", self.critical.is_some()),
            ("process", self.process.is_some()),
            ("port", self.port.is_some()),
            ("timeout_ms", self.timeout_ms.is_some()),
            ("severity", self.severity.is_some()),
        ];
        set.into_iter()
            .filter(|&(name, is_set)| is_set && !self.kind.fields().contains(&name))
            .map(|(name, _)| name)
            .collect()
    }
}

/// A field a check's type needs: its value, or an error naming `{at}.{name}`.
pub fn required<T>(
    value: Option<T>,
    at: &str,
    name: &str,
    kind: CheckKind,
) -> Result<T, ConfigError> {
    value.ok_or_else(|| {
        ConfigError::invalid(
            format!("{at}.{name}"),
            format!("a {kind} check needs `{name}`"),
        )
    })
}

/// A config that cannot be used. Its `Display` is the one line the CLI prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The file cannot be read.
    Read { path: PathBuf, message: String },
    /// A value is missing or wrong: `field` is its path, e.g. `servers[0].checks[1].critical`.
    Invalid { field: String, problem: String },
}

impl ConfigError {
    pub fn invalid(field: impl Into<String>, problem: impl fmt::Display) -> ConfigError {
        ConfigError::Invalid {
            field: field.into(),
            problem: problem.to_string(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Read { path, message } => {
                write!(f, "cannot read {}: {message}", path.display())
            }
            ConfigError::Invalid { field, problem } => write!(f, "{field}: {problem}"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The keys whose values are secrets: an error about one names the key and the problem, never
/// the value (toml quotes a value of the wrong type: "invalid type: integer `51870923`").
pub const SECRET_KEYS: &[&str] = &["pagerduty_key"];

/// A TOML or type error, on one line: the field (named in serde's message for a missing or
/// unknown field, else the key on the line at fault), the problem and the line number. About a
/// secret's key, the problem is said in fixed words, so that the value never shows.
fn from_toml_error(error: &toml::de::Error, text: &str) -> ConfigError {
    let message = error.message().lines().next().unwrap_or("").trim();
    let line_start = error.span().map(|span| {
        let start = span.start.min(text.len());
        text[..start].rfind('\n').map_or(0, |i| i + 1)
    });
    let line_number = line_start.map(|start| text[..start].matches('\n').count() + 1);
    let named = (message.starts_with("missing field") || message.starts_with("unknown field"))
        .then(|| message.split('`').nth(1))
        .flatten();
    let key_on_line = line_start.and_then(|start| {
        let line = text[start..].lines().next()?;
        let (key, _) = line.split_once('=')?;
        Some(key.trim())
    });
    let field = named.or(key_on_line);
    let message = match field {
        Some(key) if SECRET_KEYS.contains(&key) => {
            if message.starts_with("duplicate key") {
                "is set twice"
            } else if message.starts_with("invalid type") {
                "must be a string in quotes, like \"...\" (the value is a secret: it is not shown)"
            } else {
                "is not a valid string in quotes (the value is a secret: it is not shown)"
            }
        }
        _ => message,
    };
    let problem = match line_number {
        Some(line) => format!("{message} (line {line})"),
        None => message.to_owned(),
    };
    match field {
        Some(field) => ConfigError::invalid(field, problem),
        None => ConfigError::invalid(
            line_number.map_or_else(|| "config".to_owned(), |line| format!("line {line}")),
            message,
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Given: the checked config. Yours: `monitor`, `build` and `validate`.
// ---------------------------------------------------------------------------------------------

/// A config whose every value has been checked.
#[derive(Debug)]
pub struct Config {
    pub servers: Vec<ServerConfig>,
    /// Results at this severity or worse open alerts (default `Warning`).
    pub min_severity: Status,
    /// Never printed: `Secret` redacts itself.
    pub pagerduty_key: Option<Secret>,
}

/// One server and its checks.
#[derive(Debug)]
pub struct ServerConfig {
    pub server: Server,
    pub checks: Vec<CheckSpec>,
}

/// One checked `[[servers.checks]]`.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckSpec {
    Disk {
        path: PathBuf,
        thresholds: Thresholds,
    },
    Memory {
        thresholds: Thresholds,
    },
    Process {
        process: String,
        severity: Status,
    },
    Port {
        port: u16,
        timeout: Duration,
        severity: Status,
    },
}

/// A port check's timeout when the config gives none.
pub const DEFAULT_TIMEOUT_MS: u64 = 3000;

impl Config {
    /// Given: parses and checks a config from TOML text.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| from_toml_error(&e, text))?;
        validate(raw)
    }

    /// Given: reads, parses and checks the config file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        Config::from_toml(&text)
    }

    /// Builds the monitor: an alert manager with the config's minimum severity (and pager key, if
    /// any), and each server with its checks, in the config's order.
    pub fn monitor(&self) -> Monitor {
        let mut alerts = AlertManager::new(self.min_severity);
        if let Some(key) = &self.pagerduty_key {
            alerts = alerts.with_pager_key(key.clone());
        }
        let mut monitor = Monitor::new(alerts);
        for entry in &self.servers {
            let host = entry.server.host();
            let checks = entry.checks.iter().map(|spec| spec.build(host)).collect();
            monitor.add_server(entry.server.clone(), checks);
        }
        monitor
    }
}

impl CheckSpec {
    /// The check this spec describes; a port check connects to `host`.
    pub fn build(&self, host: &str) -> Box<dyn HealthCheck> {
        match self {
            CheckSpec::Disk { path, thresholds } => {
                Box::new(DiskCheck::new(path.clone(), *thresholds))
            }
            CheckSpec::Memory { thresholds } => Box::new(MemoryCheck::new(*thresholds)),
            CheckSpec::Process { process, severity } => {
                Box::new(ProcessCheck::new(process).with_severity(*severity))
            }
            CheckSpec::Port {
                port,
                timeout,
                severity,
            } => Box::new(
                PortCheck::new(host, *port)
                    .with_timeout(*timeout)
                    .with_severity(*severity),
            ),
        }
    }
}

/// Checks every value of `raw`; the first problem found is the error, naming its field.
pub fn validate(raw: RawConfig) -> Result<Config, ConfigError> {
    let min_severity = match raw.alerts.min_severity {
        None => Status::Warning,
        Some(Status::Ok) => {
            return Err(ConfigError::invalid(
                "alerts.min_severity",
                "must be warning or critical, not ok",
            ));
        }
        Some(level) => level,
    };
    if raw.servers.is_empty() {
        return Err(ConfigError::invalid(
            "servers",
            "the config lists no server",
        ));
    }
    let mut servers: Vec<ServerConfig> = Vec::with_capacity(raw.servers.len());
    for (i, raw_server) in raw.servers.into_iter().enumerate() {
        let here = format!("servers[{i}]");
        let mut server = Server::new(&raw_server.name, &raw_server.host).map_err(|e| {
            let field = match e {
                ModelError::InvalidHost(_) => "host",
                _ => "name",
            };
            ConfigError::invalid(format!("{here}.{field}"), e)
        })?;
        if servers.iter().any(|s| s.server.name() == server.name()) {
            return Err(ConfigError::invalid(
                format!("{here}.name"),
                format!("{:?} is the name of an earlier server", raw_server.name),
            ));
        }
        for tag in &raw_server.tags {
            server = server.with_tag(tag);
        }
        if raw_server.checks.is_empty() {
            return Err(ConfigError::invalid(
                format!("{here}.checks"),
                "a server needs at least one check",
            ));
        }
        let mut checks: Vec<CheckSpec> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for (j, raw_check) in raw_server.checks.into_iter().enumerate() {
            let at = format!("{here}.checks[{j}]");
            let spec = rules::check(raw_check, &at)?;
            let name = spec.build(server.host()).name();
            if names.contains(&name) {
                return Err(ConfigError::invalid(
                    at,
                    format!("a second check named `{name}` in this server"),
                ));
            }
            names.push(name);
            checks.push(spec);
        }
        servers.push(ServerConfig { server, checks });
    }
    Ok(Config {
        servers,
        min_severity,
        pagerduty_key: raw.alerts.pagerduty_key,
    })
}

/// One check's rules, by type.
mod rules {
    use std::path::{Path, PathBuf};
    use std::time::Duration;

    use super::{CheckKind, CheckSpec, ConfigError, DEFAULT_TIMEOUT_MS, RawCheck, required};
    use crate::checks::Thresholds;
    use crate::models::Status;

    pub(super) fn check(raw: RawCheck, at: &str) -> Result<CheckSpec, ConfigError> {
        if let Some(stray) = raw.stray_fields().first() {
            return Err(ConfigError::invalid(
                format!("{at}.{stray}"),
                format!("a {} check has no `{stray}`", raw.kind),
            ));
        }
        let kind = raw.kind;
        match kind {
            CheckKind::Disk => {
                let path = required(raw.path, at, "path", kind)?;
                let thresholds = levels(raw.warning, raw.critical, at, kind)?;
                if !Path::new(&path).is_absolute() {
                    return Err(ConfigError::invalid(
                        format!("{at}.path"),
                        format!("must be an absolute path, got {path:?}"),
                    ));
                }
                Ok(CheckSpec::Disk {
                    path: PathBuf::from(path),
                    thresholds,
                })
            }
            CheckKind::Memory => Ok(CheckSpec::Memory {
                thresholds: levels(raw.warning, raw.critical, at, kind)?,
            }),
            CheckKind::Process => {
                let process = required(raw.process, at, "process", kind)?;
                if process.trim().is_empty() {
                    return Err(ConfigError::invalid(
                        format!("{at}.process"),
                        "must not be blank",
                    ));
                }
                Ok(CheckSpec::Process {
                    process,
                    severity: severity(raw.severity, at)?,
                })
            }
            CheckKind::Port => {
                let port = required(raw.port, at, "port", kind)?;
                let port = match u16::try_from(port) {
                    Ok(p) if p >= 1 => p,
                    _ => {
                        return Err(ConfigError::invalid(
                            format!("{at}.port"),
                            format!("must be from 1 to 65535, got {port}"),
                        ));
                    }
                };
                let millis = raw.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS as i64);
                if !(1..=60_000).contains(&millis) {
                    return Err(ConfigError::invalid(
                        format!("{at}.timeout_ms"),
                        format!("must be from 1 to 60000 ms, got {millis}"),
                    ));
                }
                Ok(CheckSpec::Port {
                    port,
                    timeout: Duration::from_millis(millis as u64),
                    severity: severity(raw.severity, at)?,
                })
            }
        }
    }

    fn levels(
        warning: Option<f64>,
        critical: Option<f64>,
        at: &str,
        kind: CheckKind,
    ) -> Result<Thresholds, ConfigError> {
        let warning = required(warning, at, "warning", kind)?;
        let critical = required(critical, at, "critical", kind)?;
        Thresholds::new(warning, critical)
            .map_err(|e| ConfigError::invalid(format!("{at}.{}", e.field()), e))
    }

    fn severity(value: Option<Status>, at: &str) -> Result<Status, ConfigError> {
        match value.unwrap_or(Status::Critical) {
            Status::Ok => Err(ConfigError::invalid(
                format!("{at}.severity"),
                "must be warning or critical, not ok",
            )),
            other => Ok(other),
        }
    }
}
