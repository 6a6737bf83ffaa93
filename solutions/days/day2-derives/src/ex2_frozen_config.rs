//! # Exercise 2: frozen configs (reference solution)
//!
//! Private fields, getters and no setters: nothing outside this module can change a config once it
//! is built. `Eq` and `Hash` are derived, so a config is a `HashMap` key. `with_port` is
//! `dataclasses.replace`: a new config, the old one untouched.
//!
//! ## Read more
//!
//! - The Rust Book, ch. 7.3 Paths (a pub struct's fields stay private): <https://doc.rust-lang.org/book/ch07-03-paths-for-referring-to-an-item-in-the-module-tree.html>
//! - The Rust Book, ch. 5.1 Struct update syntax: <https://doc.rust-lang.org/book/ch05-01-defining-structs.html#creating-instances-from-other-instances-with-struct-update-syntax>
//! - std::hash::Hash (Hash and Eq must agree): <https://doc.rust-lang.org/std/hash/trait.Hash.html#hash-and-eq>
//! - std::cmp::Eq: <https://doc.rust-lang.org/std/cmp/trait.Eq.html>
//! - std::collections::HashMap (keys are Eq + Hash): <https://doc.rust-lang.org/std/collections/struct.HashMap.html>
//! - Error E0616, a private field: <https://doc.rust-lang.org/error_codes/E0616.html>

/// How bad an alert is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

/// Where a service's database is, and how to reach it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DatabaseConfig {
    host: String,
    port: u16,
    database: String,
    username: String,
    max_connections: u32,
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
            host: host.to_string(),
            port,
            database: database.to_string(),
            username: username.to_string(),
            max_connections,
        }
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn database(&self) -> &str {
        &self.database
    }

    pub fn username(&self) -> &str {
        &self.username
    }

    pub fn max_connections(&self) -> u32 {
        self.max_connections
    }

    /// `dataclasses.replace(config, port=port)`: a new config; this one is unchanged.
    pub fn with_port(&self, port: u16) -> DatabaseConfig {
        DatabaseConfig {
            port,
            ..self.clone()
        }
    }
}

/// Where alerts go, and from which severity on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AlertConfig {
    email_to: String,
    slack_channel: String,
    pagerduty_key: String,
    severity_threshold: Severity,
}

impl AlertConfig {
    pub fn new(
        email_to: &str,
        slack_channel: &str,
        pagerduty_key: &str,
        severity_threshold: Severity,
    ) -> AlertConfig {
        AlertConfig {
            email_to: email_to.to_string(),
            slack_channel: slack_channel.to_string(),
            pagerduty_key: pagerduty_key.to_string(),
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
        severity >= self.severity_threshold
    }
}
