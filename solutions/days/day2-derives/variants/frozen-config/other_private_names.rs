//! Exercise 2, another correct style: the private fields have names of their own (so `db.port`
//! from outside names a method, not a field), the derives are written in another order, and the
//! getters and `alerts_on` are written with `match`es and `matches!`.

/// How bad an alert is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

/// Where a service's database is, and how to reach it.
#[derive(Hash, Eq, PartialEq, Clone, Debug)]
pub struct DatabaseConfig {
    db_host: String,
    db_port: u16,
    db_name: String,
    user: String,
    pool_size: u32,
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
            db_host: String::from(host),
            db_port: port,
            db_name: String::from(database),
            user: String::from(username),
            pool_size: max_connections,
        }
    }

    pub fn host(&self) -> &str {
        &self.db_host
    }

    pub fn port(&self) -> u16 {
        self.db_port
    }

    pub fn database(&self) -> &str {
        &self.db_name
    }

    pub fn username(&self) -> &str {
        &self.user
    }

    pub fn max_connections(&self) -> u32 {
        self.pool_size
    }

    /// `dataclasses.replace(config, port=port)`.
    pub fn with_port(&self, port: u16) -> DatabaseConfig {
        let mut changed = self.clone();
        changed.db_port = port;
        changed
    }
}

/// Where alerts go, and from which severity on.
#[derive(Hash, Eq, PartialEq, Clone, Debug)]
pub struct AlertConfig {
    threshold: Severity,
    email: String,
    slack: String,
    pagerduty: String,
}

impl AlertConfig {
    pub fn new(
        email_to: &str,
        slack_channel: &str,
        pagerduty_key: &str,
        severity_threshold: Severity,
    ) -> AlertConfig {
        AlertConfig {
            threshold: severity_threshold,
            email: email_to.to_string(),
            slack: slack_channel.to_string(),
            pagerduty: pagerduty_key.to_string(),
        }
    }

    pub fn email_to(&self) -> &str {
        &self.email
    }

    pub fn slack_channel(&self) -> &str {
        &self.slack
    }

    pub fn pagerduty_key(&self) -> &str {
        &self.pagerduty
    }

    pub fn severity_threshold(&self) -> Severity {
        self.threshold
    }

    /// An alert of this severity is sent when it is at or above the threshold.
    pub fn alerts_on(&self, severity: Severity) -> bool {
        match self.threshold {
            Severity::Info => true,
            Severity::Warning => matches!(severity, Severity::Warning | Severity::Critical),
            Severity::Critical => severity == Severity::Critical,
        }
    }
}
