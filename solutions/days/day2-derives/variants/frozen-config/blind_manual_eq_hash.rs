//! # Exercise 2: frozen configs
//!
//! ## The Python original (seed, Day 2)
//!
//! ```python
//! @dataclass(frozen=True)
//! class Config:
//!     hostname: str
//!     port: int
//!     environment: str
//!
//! config = Config("web-01", 8080, "prod")
//! config.port = 9090           # FrozenInstanceError!
//! ```
//!
//! Exercise 2 asks for frozen `DatabaseConfig` (host, port, database, username, max_connections)
//! and `AlertConfig` (email_to, slack_channel, pagerduty_key, severity_threshold), to check that
//! they are immutable, and to use them as dict keys (frozen dataclasses are hashable).
//!
//! ## The Rust idea
//!
//! Rust values are immutable unless the binding says `mut`. But whoever holds a `mut` binding
//! can change any `pub` field. To freeze a type for everyone outside its module, make its fields
//! **private** and give **getters** (`config.port()`) and no setters. Python finds a
//! `FrozenInstanceError` when the line runs; Rust refuses to compile the assignment (error E0616,
//! "field is private"). A "changed" config is a new one: `dataclasses.replace` is struct update
//! syntax, `DatabaseConfig { port, ..self.clone() }`.
//!
//! A `HashMap` key must be `Eq + Hash` (Python's `__eq__` + `__hash__`): derive both, and equal
//! configs hash alike, over every field. (Should you write `eq` by hand instead, it must compare
//! every field, as a frozen dataclass's `__eq__` does, and `Hash` must agree with it: two configs
//! that are `==` must hash alike, so hash only fields that `eq` compares.)
//!
//! ## Your task
//!
//! 1. Make every field of `DatabaseConfig` and `AlertConfig` private (remove `pub`), and write the
//!    constructors and getters. The tests in `tests/ex2_compile_fail.rs` check that code outside
//!    this file cannot assign to a field.
//! 2. Replace the hand-written `PartialEq` and `Hash` impls with `#[derive(PartialEq, Eq, Hash)]`.
//! 3. `DatabaseConfig::with_port`: a new config with another port; the original is unchanged.
//! 4. `AlertConfig::alerts_on`: an alert is sent when its severity is **at or above** the
//!    threshold (a `Warning` threshold alerts on `Warning` and `Critical`).
//!
//! ## Read more
//!
//! - The Rust Book, ch. 7.3 Paths (a pub struct's fields stay private): <https://doc.rust-lang.org/book/ch07-03-paths-for-referring-to-an-item-in-the-module-tree.html>
//! - The Rust Book, ch. 5.1 Struct update syntax: <https://doc.rust-lang.org/book/ch05-01-defining-structs.html#creating-instances-from-other-instances-with-struct-update-syntax>
//! - std::hash::Hash (Hash and Eq must agree): <https://doc.rust-lang.org/std/hash/trait.Hash.html#hash-and-eq>
//! - std::cmp::Eq: <https://doc.rust-lang.org/std/cmp/trait.Eq.html>
//! - std::collections::HashMap (keys are Eq + Hash): <https://doc.rust-lang.org/std/collections/struct.HashMap.html>
//! - Error E0616, a private field: <https://doc.rust-lang.org/error_codes/E0616.html>
//!
//! Run the tests with `cargo day 2` (or `just day 2`); stuck? `cargo hint 2 frozen-config`.

// The `todo!()` bodies leave parameters and fields unused until you write them.
#![allow(unused)]

use std::hash::{Hash, Hasher};

/// How bad an alert is. Given: ordered `Info < Warning < Critical` (the derive follows the
/// variants, top to bottom).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

// ---------------------------------------------------------------------------------------------
// DatabaseConfig
// ---------------------------------------------------------------------------------------------

/// Where a service's database is, and how to reach it.
#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    host: String,
    port: u16,
    database: String,
    username: String,
    max_connections: u32,
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
            host: host.to_owned(),
            port,
            database: database.to_owned(),
            username: username.to_owned(),
            max_connections,
        }
    }

    fn key(&self) -> (&str, u16, &str, &str, u32) {
        (
            &self.host,
            self.port,
            &self.database,
            &self.username,
            self.max_connections,
        )
    }

    pub fn host(&self) -> &str {
        self.host.as_str()
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
        let mut copy = self.clone();
        copy.port = port;
        copy
    }
}

// ---------------------------------------------------------------------------------------------
// AlertConfig
// ---------------------------------------------------------------------------------------------

/// Where alerts go, and from which severity on.
#[derive(Debug, Clone, Hash, Eq, PartialEq)]
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
        Self {
            email_to: email_to.into(),
            slack_channel: slack_channel.into(),
            pagerduty_key: pagerduty_key.into(),
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
        !(severity < self.severity_threshold)
    }
}
