//! Config, another style: the checks validated inside one `match` per kind with small helper
//! functions, names kept in `Vec`s and searched with `position`, the monitor built with iterators.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::alerts::AlertManager;
use crate::checks::{
    DiskCheck, HealthCheck, MemoryCheck, PortCheck, ProcessCheck, ThresholdError, Thresholds,
};
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
        let alerts = match &self.pagerduty_key {
            Some(key) => AlertManager::new(self.min_severity).with_pager_key(key.clone()),
            None => AlertManager::new(self.min_severity),
        };
        self.servers
            .iter()
            .fold(Monitor::new(alerts), |mut monitor, entry| {
                let host = entry.server.host();
                monitor.add_server(
                    entry.server.clone(),
                    entry.checks.iter().map(|spec| spec.build(host)).collect(),
                );
                monitor
            })
    }
}

impl CheckSpec {
    /// The check this spec describes; a port check connects to `host`.
    pub fn build(&self, host: &str) -> Box<dyn HealthCheck> {
        match *self {
            CheckSpec::Disk {
                ref path,
                thresholds,
            } => Box::new(DiskCheck::new(path.clone(), thresholds)),
            CheckSpec::Memory { thresholds } => Box::new(MemoryCheck::new(thresholds)),
            CheckSpec::Process {
                ref process,
                severity,
            } => Box::new(ProcessCheck::new(process).with_severity(severity)),
            CheckSpec::Port {
                port,
                timeout,
                severity,
            } => {
                let check = PortCheck::new(host, port).with_severity(severity);
                Box::new(check.with_timeout(timeout))
            }
        }
    }
}

/// Checks every value of `raw`; the first problem found is the error, naming its field.
pub fn validate(raw: RawConfig) -> Result<Config, ConfigError> {
    let min_severity = severity_of(
        raw.alerts.min_severity,
        Status::Warning,
        "alerts.min_severity",
    )?;
    if raw.servers.is_empty() {
        return Err(ConfigError::invalid("servers", "no server to watch"));
    }
    let mut names: Vec<String> = Vec::new();
    let mut servers = Vec::with_capacity(raw.servers.len());
    for (i, raw_server) in raw.servers.into_iter().enumerate() {
        let at = format!("servers[{i}]");
        let server = match Server::new(&raw_server.name, &raw_server.host) {
            Ok(server) => server,
            Err(e @ ModelError::InvalidHost(_)) => {
                return Err(ConfigError::invalid(format!("{at}.host"), e));
            }
            Err(e) => return Err(ConfigError::invalid(format!("{at}.name"), e)),
        };
        if let Some(first) = names.iter().position(|name| *name == raw_server.name) {
            return Err(ConfigError::invalid(
                format!("{at}.name"),
                format!("servers[{first}] has this name already"),
            ));
        }
        names.push(raw_server.name.clone());
        let server = raw_server
            .tags
            .iter()
            .fold(server, |server, tag| server.with_tag(tag));
        if raw_server.checks.is_empty() {
            return Err(ConfigError::invalid(format!("{at}.checks"), "no check"));
        }
        let mut checks: Vec<CheckSpec> = Vec::new();
        let mut check_names: Vec<String> = Vec::new();
        for (j, raw_check) in raw_server.checks.into_iter().enumerate() {
            let here = format!("{at}.checks[{j}]");
            let spec = check_spec(raw_check, &here)?;
            let name = spec.build(server.host()).name();
            if check_names.contains(&name) {
                return Err(ConfigError::invalid(
                    here,
                    format!("another check of this server is named {name:?}"),
                ));
            }
            check_names.push(name);
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

fn severity_of(value: Option<Status>, default: Status, field: &str) -> Result<Status, ConfigError> {
    match value {
        Some(Status::Ok) => Err(ConfigError::invalid(field, "\"ok\" is not an alert")),
        Some(severity) => Ok(severity),
        None => Ok(default),
    }
}

fn levels(check: &RawCheck, at: &str) -> Result<Thresholds, ConfigError> {
    let warning = required(check.warning, at, "warning", check.kind)?;
    let critical = required(check.critical, at, "critical", check.kind)?;
    Thresholds::new(warning, critical).map_err(|e| {
        let field = match e {
            ThresholdError::OutOfRange { field, .. } => field,
            ThresholdError::WarningAboveCritical { .. } => "warning",
        };
        ConfigError::invalid(format!("{at}.{field}"), e)
    })
}

fn check_spec(check: RawCheck, at: &str) -> Result<CheckSpec, ConfigError> {
    if let [field, ..] = check.stray_fields()[..] {
        return Err(ConfigError::invalid(
            format!("{at}.{field}"),
            format!("not a field of a {} check", check.kind),
        ));
    }
    let severity = severity_of(check.severity, Status::Critical, &format!("{at}.severity"))?;
    match check.kind {
        CheckKind::Disk => {
            let thresholds = levels(&check, at)?;
            let path = PathBuf::from(required(check.path, at, "path", check.kind)?);
            if path.is_relative() {
                return Err(ConfigError::invalid(
                    format!("{at}.path"),
                    "must start with /",
                ));
            }
            Ok(CheckSpec::Disk { path, thresholds })
        }
        CheckKind::Memory => Ok(CheckSpec::Memory {
            thresholds: levels(&check, at)?,
        }),
        CheckKind::Process => match required(check.process, at, "process", check.kind)? {
            process if process.trim().is_empty() => {
                Err(ConfigError::invalid(format!("{at}.process"), "is blank"))
            }
            process => Ok(CheckSpec::Process { process, severity }),
        },
        CheckKind::Port => {
            let port = required(check.port, at, "port", check.kind)?;
            if !(1..=65535).contains(&port) {
                return Err(ConfigError::invalid(
                    format!("{at}.port"),
                    "must be 1 to 65535",
                ));
            }
            let timeout_ms = check.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS as i64);
            if !(1..=60_000).contains(&timeout_ms) {
                return Err(ConfigError::invalid(
                    format!("{at}.timeout_ms"),
                    "must be 1 to 60000",
                ));
            }
            Ok(CheckSpec::Port {
                port: port as u16,
                timeout: Duration::from_millis(timeout_ms as u64),
                severity,
            })
        }
    }
}
