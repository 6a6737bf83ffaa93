//! # Config: read, check and build the monitor from a TOML file (reference solution)
//!
//! serde reads the file into the `Raw*` types; `validate` checks every value and names the field
//! at fault (`servers[0].checks[1].critical`); `Config::monitor` builds the checks.
//!
//! ## Read more
//!
//! [serde](https://serde.rs/) ([field attributes](https://serde.rs/field-attrs.html) such as
//! `default`, and `deny_unknown_fields`); [toml](https://docs.rs/toml/latest/toml/); the Rust
//! Book, [ch. 9.3, custom types for validation](https://doc.rust-lang.org/book/ch09-03-to-panic-or-not-to-panic.html#creating-custom-types-for-validation);
//! ["Parse, don't validate"](https://lexi-lambda.github.io/blog/2019/11/05/parse-don-t-validate/);
//! [`TryFrom`](https://doc.rust-lang.org/std/convert/trait.TryFrom.html) (`u16::try_from`).

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
// Given: the file as serde reads it, before any check.
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
// The checked config
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
            let checks = entry
                .checks
                .iter()
                .map(|spec| spec.build(entry.server.host()))
                .collect();
            monitor.add_server(entry.server.clone(), checks);
        }
        monitor
    }
}

impl CheckSpec {
    /// The check this spec describes; a port check connects to `host`.
    pub fn build(&self, host: &str) -> Box<dyn HealthCheck> {
        match self {
            CheckSpec::Disk { path, thresholds } => Box::new(DiskCheck::new(path, *thresholds)),
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
    let min_severity = alert_severity(raw.alerts.min_severity, Status::Warning)
        .map_err(|problem| ConfigError::invalid("alerts.min_severity", problem))?;
    if raw.servers.is_empty() {
        return Err(ConfigError::invalid(
            "servers",
            "at least one [[servers]] is required",
        ));
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut servers = Vec::new();
    for (i, raw_server) in raw.servers.into_iter().enumerate() {
        let at = format!("servers[{i}]");
        let mut server = Server::new(&raw_server.name, &raw_server.host).map_err(|e| {
            let field = match e {
                ModelError::InvalidHost(_) => "host",
                _ => "name",
            };
            ConfigError::invalid(format!("{at}.{field}"), e)
        })?;
        if let Some(first) = seen.insert(raw_server.name.clone(), i) {
            return Err(ConfigError::invalid(
                format!("{at}.name"),
                format!(
                    "{:?} is already the name of servers[{first}]",
                    raw_server.name
                ),
            ));
        }
        for tag in &raw_server.tags {
            server = server.with_tag(tag);
        }
        if raw_server.checks.is_empty() {
            return Err(ConfigError::invalid(
                format!("{at}.checks"),
                "a server needs at least one [[servers.checks]]",
            ));
        }
        // Alerts are kept by (server, check name): two checks with one name would share alerts.
        let mut names: HashMap<String, usize> = HashMap::new();
        let mut checks = Vec::new();
        for (j, raw_check) in raw_server.checks.into_iter().enumerate() {
            let at = format!("{at}.checks[{j}]");
            let spec = validate_check(raw_check, &at)?;
            let name = spec.build(server.host()).name();
            if let Some(first) = names.insert(name.clone(), j) {
                return Err(ConfigError::invalid(
                    at,
                    format!("{name:?} is already the name of servers[{i}].checks[{first}]"),
                ));
            }
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

fn validate_check(check: RawCheck, at: &str) -> Result<CheckSpec, ConfigError> {
    let kind = check.kind;
    if let Some(field) = check.stray_fields().first() {
        return Err(ConfigError::invalid(
            format!("{at}.{field}"),
            format!("a {kind} check has no `{field}`"),
        ));
    }
    let thresholds = |warning, critical| -> Result<Thresholds, ConfigError> {
        let warning = required(warning, at, "warning", kind)?;
        let critical = required(critical, at, "critical", kind)?;
        Thresholds::new(warning, critical)
            .map_err(|e| ConfigError::invalid(format!("{at}.{}", e.field()), e))
    };
    let severity = alert_severity(check.severity, Status::Critical)
        .map_err(|problem| ConfigError::invalid(format!("{at}.severity"), problem))?;
    Ok(match kind {
        CheckKind::Disk => {
            let path = required(check.path, at, "path", kind)?;
            if !Path::new(&path).is_absolute() {
                return Err(ConfigError::invalid(
                    format!("{at}.path"),
                    format!("must be an absolute path like \"/\" or \"/var\", got {path:?}"),
                ));
            }
            CheckSpec::Disk {
                path: PathBuf::from(path),
                thresholds: thresholds(check.warning, check.critical)?,
            }
        }
        CheckKind::Memory => CheckSpec::Memory {
            thresholds: thresholds(check.warning, check.critical)?,
        },
        CheckKind::Process => {
            let process = required(check.process, at, "process", kind)?;
            if process.trim().is_empty() {
                return Err(ConfigError::invalid(
                    format!("{at}.process"),
                    "must name a process",
                ));
            }
            CheckSpec::Process { process, severity }
        }
        CheckKind::Port => {
            let port = required(check.port, at, "port", kind)?;
            let port = u16::try_from(port)
                .ok()
                .filter(|&port| port != 0)
                .ok_or_else(|| {
                    ConfigError::invalid(
                        format!("{at}.port"),
                        format!("must be from 1 to 65535, got {port}"),
                    )
                })?;
            let timeout_ms = match check.timeout_ms {
                None => DEFAULT_TIMEOUT_MS,
                Some(ms) => u64::try_from(ms)
                    .ok()
                    .filter(|ms| (1..=60_000).contains(ms))
                    .ok_or_else(|| {
                        ConfigError::invalid(
                            format!("{at}.timeout_ms"),
                            format!("must be from 1 to 60000 milliseconds, got {ms}"),
                        )
                    })?,
            };
            CheckSpec::Port {
                port,
                timeout: Duration::from_millis(timeout_ms),
                severity,
            }
        }
    })
}

/// A severity for alerts: `default` when absent, never `ok`.
fn alert_severity(severity: Option<Status>, default: Status) -> Result<Status, String> {
    match severity.unwrap_or(default) {
        Status::Ok => Err("must be \"warning\" or \"critical\", not \"ok\"".to_owned()),
        severity => Ok(severity),
    }
}
