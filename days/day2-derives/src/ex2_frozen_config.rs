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
// TODO: make the fields private: anyone with a `mut` binding can change a `pub` field.
#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub username: String,
    pub max_connections: u32,
}

// TODO: delete these hand-written impls; add `PartialEq, Eq, Hash` to the derive above.
impl PartialEq for DatabaseConfig {
    fn eq(&self, other: &Self) -> bool {
        todo!("delete this impl: derive PartialEq")
    }
}

impl Eq for DatabaseConfig {}

impl Hash for DatabaseConfig {
    fn hash<H: Hasher>(&self, state: &mut H) {
        todo!("delete this impl: derive Hash")
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
        todo!()
    }

    pub fn host(&self) -> &str {
        todo!()
    }

    pub fn port(&self) -> u16 {
        todo!()
    }

    pub fn database(&self) -> &str {
        todo!()
    }

    pub fn username(&self) -> &str {
        todo!()
    }

    pub fn max_connections(&self) -> u32 {
        todo!()
    }

    /// `dataclasses.replace(config, port=port)`: a new config; this one is unchanged.
    pub fn with_port(&self, port: u16) -> DatabaseConfig {
        todo!("struct update syntax: DatabaseConfig {{ port, ..self.clone() }}")
    }
}

// ---------------------------------------------------------------------------------------------
// AlertConfig
// ---------------------------------------------------------------------------------------------

/// Where alerts go, and from which severity on.
// TODO: make the fields private.
#[derive(Debug, Clone)]
pub struct AlertConfig {
    pub email_to: String,
    pub slack_channel: String,
    pub pagerduty_key: String,
    pub severity_threshold: Severity,
}

// TODO: delete these hand-written impls; add `PartialEq, Eq, Hash` to the derive above.
impl PartialEq for AlertConfig {
    fn eq(&self, other: &Self) -> bool {
        todo!("delete this impl: derive PartialEq")
    }
}

impl Eq for AlertConfig {}

impl Hash for AlertConfig {
    fn hash<H: Hasher>(&self, state: &mut H) {
        todo!("delete this impl: derive Hash")
    }
}

impl AlertConfig {
    pub fn new(
        email_to: &str,
        slack_channel: &str,
        pagerduty_key: &str,
        severity_threshold: Severity,
    ) -> AlertConfig {
        todo!()
    }

    pub fn email_to(&self) -> &str {
        todo!()
    }

    pub fn slack_channel(&self) -> &str {
        todo!()
    }

    pub fn pagerduty_key(&self) -> &str {
        todo!()
    }

    pub fn severity_threshold(&self) -> Severity {
        todo!()
    }

    /// An alert of this severity is sent when it is at or above the threshold.
    pub fn alerts_on(&self, severity: Severity) -> bool {
        todo!()
    }
}
