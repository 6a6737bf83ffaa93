//! # Exercise 1: a module (reference solution)
//!
//! The module `fleet::server_utils`: a constant, three functions and a struct, like the seed's
//! `server_utils.py`. `src/lib.rs` declares it with `pub mod server_utils;`.
//!
//! ## Read more
//!
//! - The Rust Book, ch. 7 Packages, Crates, and Modules: <https://doc.rust-lang.org/book/ch07-00-managing-growing-projects-with-packages-crates-and-modules.html>
//! - The Rust Book, ch. 7.2 Defining Modules to Control Scope and Privacy: <https://doc.rust-lang.org/book/ch07-02-defining-modules-to-control-scope-and-privacy.html>
//! - The Rust Book, ch. 7.4 Bringing Paths into Scope with the use Keyword (`as`, `pub use`, nested paths): <https://doc.rust-lang.org/book/ch07-04-bringing-paths-into-scope-with-the-use-keyword.html>
//! - The Rust Book, ch. 7.5 Separating Modules into Different Files (`name.rs` and `name/mod.rs`): <https://doc.rust-lang.org/book/ch07-05-separating-modules-into-different-files.html>
//! - The Rust Book, ch. 12.3 Refactoring to Improve Modularity (main.rs beside lib.rs): <https://doc.rust-lang.org/book/ch12-03-improving-error-handling-and-modularity.html>
//! - The Cargo Book, Package Layout: <https://doc.rust-lang.org/cargo/guide/project-layout.html>

use std::collections::BTreeMap;

/// The port a server listens on unless its config says otherwise.
pub const DEFAULT_PORT: u16 = 8080;

/// One server of the fleet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    pub name: String,
    pub ip: String,
    pub port: u16,
}

impl Server {
    /// A server on `DEFAULT_PORT`.
    pub fn new(name: &str, ip: &str) -> Server {
        Server {
            name: name.to_string(),
            ip: ip.to_string(),
            port: DEFAULT_PORT,
        }
    }

    /// `ip:port`, e.g. `10.0.1.1:8080`.
    pub fn address(&self) -> String {
        format!("{}:{}", self.ip, self.port)
    }
}

/// Whether `hostname` is a valid hostname: dot-separated labels of 1 to 63 ASCII letters, digits
/// or `-`, none starting or ending with `-`.
pub fn check_health(hostname: &str) -> bool {
    !hostname.is_empty() && hostname.split('.').all(is_label)
}

/// One label of a hostname. Private: only `check_health` needs it.
fn is_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// The `key = value` lines of a config file, with `port` defaulting to `DEFAULT_PORT`.
pub fn parse_config(text: &str) -> BTreeMap<String, String> {
    let mut config: BTreeMap<String, String> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('='))
        .map(|(key, value)| (key.trim().to_string(), value.trim().to_string()))
        .collect();
    config
        .entry("port".to_string())
        .or_insert_with(|| DEFAULT_PORT.to_string());
    config
}

/// `<name> (<ip>:<port>): healthy`, or `unhealthy`.
pub fn format_status(server: &Server, healthy: bool) -> String {
    let status = if healthy { "healthy" } else { "unhealthy" };
    format!("{} ({}): {status}", server.name, server.address())
}
