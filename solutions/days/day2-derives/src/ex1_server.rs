//! # Exercise 1: the `Server`, with derives instead of boilerplate (reference solution)
//!
//! The derive writes `Debug`, `Clone` and `PartialEq` over every field. `new` is `__init__` and
//! `__post_init__` in one: it returns `Err` instead of building an invalid server, and the private
//! fields make it the only way in.
//!
//! ## Read more
//!
//! - The Rust Book, ch. 5.1 Defining and Instantiating Structs: <https://doc.rust-lang.org/book/ch05-01-defining-structs.html>
//! - The Rust Book, Appendix C Derivable Traits: <https://doc.rust-lang.org/book/appendix-03-derivable-traits.html>
//! - The Rust Book, ch. 9.2 Recoverable Errors with Result: <https://doc.rust-lang.org/book/ch09-02-recoverable-errors-with-result.html>
//! - std::cmp::PartialEq (what a derived == compares): <https://doc.rust-lang.org/std/cmp/trait.PartialEq.html>
//! - std::error::Error: <https://doc.rust-lang.org/std/error/trait.Error.html>
//! - Python, dataclasses: mutable default values (the ValueError): <https://docs.python.org/3/library/dataclasses.html#mutable-default-values>

use std::fmt;

/// Above this CPU use (percent), or at it, a server is not healthy.
pub const CPU_LIMIT: f64 = 90.0;
/// Above this memory use (percent), or at it, a server is not healthy.
pub const MEMORY_LIMIT: f64 = 90.0;

/// Why `Server::new` refused to build a server: Python's `ValueError`, as a type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerError {
    /// The name is empty, or only whitespace.
    EmptyName,
    /// The port is not between 1 and 65535.
    InvalidPort(u32),
}

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerError::EmptyName => write!(f, "a server needs a name"),
            ServerError::InvalidPort(port) => {
                write!(f, "invalid port {port}: a port is between 1 and 65535")
            }
        }
    }
}

impl std::error::Error for ServerError {}

/// A server, as the seed's dataclass holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Server {
    name: String,
    ip: String,
    port: u16,
    environment: String,
    /// CPU use in percent: a reading, free to change.
    pub cpu: f64,
    /// Memory use in percent: a reading, free to change.
    pub memory: f64,
    tags: Vec<String>,
}

impl Server {
    /// A validated server: `__init__` and `__post_init__` in one.
    pub fn new(name: &str, ip: &str, port: u32, environment: &str) -> Result<Server, ServerError> {
        if name.trim().is_empty() {
            return Err(ServerError::EmptyName);
        }
        let port = match u16::try_from(port) {
            Ok(port) if port >= 1 => port,
            _ => return Err(ServerError::InvalidPort(port)),
        };
        Ok(Server {
            name: name.to_string(),
            ip: ip.to_string(),
            port,
            environment: environment.to_string(),
            cpu: 0.0,
            memory: 0.0,
            tags: Vec::new(),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn ip(&self) -> &str {
        &self.ip
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn environment(&self) -> &str {
        &self.environment
    }

    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// Adds one tag to this server.
    pub fn add_tag(&mut self, tag: &str) {
        self.tags.push(tag.to_string());
    }

    /// Healthy while CPU and memory are both strictly below their limits.
    pub fn check_health(&self) -> bool {
        self.cpu < CPU_LIMIT && self.memory < MEMORY_LIMIT
    }
}
