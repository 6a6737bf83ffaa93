//! Exercise 2, another correct style: `PartialEq` and `Hash` written by hand, and agreeing (both
//! over every field, as tuples); `with_port` through `new`; `alerts_on` as `<=` the other way round.

use std::hash::{Hash, Hasher};

/// How bad an alert is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

/// Where a service's database is, and how to reach it.
#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    host: String,
    port: u16,
    database: String,
    username: String,
    max_connections: u32,
}

impl DatabaseConfig {
    fn key(&self) -> (&str, u16, &str, &str, u32) {
        (
            &self.host,
            self.port,
            &self.database,
            &self.username,
            self.max_connections,
        )
    }
}

impl PartialEq for DatabaseConfig {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for DatabaseConfig {}

impl Hash for DatabaseConfig {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl DatabaseConfig {
    pub fn new(
        host: &str,
        port: u16,
        database: &str,
        username: &str,
        max_connections: u32,
    ) -> DatabaseConfig {
        DatabaseConfig {
            host: host.into(),
            port,
            database: database.into(),
            username: username.into(),
            max_connections,
        }
    }

    pub fn host(&self) -> &str {
        self.host.as_str()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn database(&self) -> &str {
        self.database.as_str()
    }

    pub fn username(&self) -> &str {
        self.username.as_str()
    }

    pub fn max_connections(&self) -> u32 {
        self.max_connections
    }

    /// `dataclasses.replace(config, port=port)`.
    pub fn with_port(&self, port: u16) -> DatabaseConfig {
        DatabaseConfig::new(
            &self.host,
            port,
            &self.database,
            &self.username,
            self.max_connections,
        )
    }
}

/// Where alerts go, and from which severity on.
#[derive(Debug, Clone)]
pub struct AlertConfig {
    email_to: String,
    slack_channel: String,
    pagerduty_key: String,
    severity_threshold: Severity,
}

impl PartialEq for AlertConfig {
    fn eq(&self, other: &Self) -> bool {
        self.email_to == other.email_to
            && self.slack_channel == other.slack_channel
            && self.pagerduty_key == other.pagerduty_key
            && self.severity_threshold == other.severity_threshold
    }
}

impl Eq for AlertConfig {}

// Hashing fewer fields than `eq` compares is allowed: equal configs still hash alike.
impl Hash for AlertConfig {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.email_to.hash(state);
        self.severity_threshold.hash(state);
    }
}

impl AlertConfig {
    pub fn new(
        email_to: &str,
        slack_channel: &str,
        pagerduty_key: &str,
        severity_threshold: Severity,
    ) -> AlertConfig {
        AlertConfig {
            email_to: email_to.to_owned(),
            slack_channel: slack_channel.to_owned(),
            pagerduty_key: pagerduty_key.to_owned(),
            severity_threshold,
        }
    }

    pub fn email_to(&self) -> &str {
        &self.email_to
    }

    pub fn slack_channel(&self) -> &str {
        &self.slack_channel
    }

    pub fn pagerduty_key(&self) -> &str {
        &self.pagerduty_key
    }

    pub fn severity_threshold(&self) -> Severity {
        self.severity_threshold
    }

    /// An alert of this severity is sent when it is at or above the threshold.
    pub fn alerts_on(&self, severity: Severity) -> bool {
        self.severity_threshold <= severity
    }
}
