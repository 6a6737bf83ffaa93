//! # Exercise 1: a module (alternative solution)
//!
//! Loops instead of iterator chains, `Self` in the constructor, a `match` for the status, and the
//! label check as a `pub(crate)` helper: shared inside the crate, never part of its public face.

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
    pub fn new(name: &str, ip: &str) -> Self {
        Self {
            name: String::from(name),
            ip: String::from(ip),
            port: DEFAULT_PORT,
        }
    }

    /// `ip:port`, e.g. `10.0.1.1:8080`.
    pub fn address(&self) -> String {
        let mut address = self.ip.clone();
        address.push(':');
        address.push_str(&self.port.to_string());
        address
    }
}

/// One label of a hostname: 1 to 63 ASCII letters, digits or `-`, not at either end.
pub(crate) fn valid_label(label: &[u8]) -> bool {
    if label.is_empty() || label.len() > 63 {
        return false;
    }
    if label[0] == b'-' || label[label.len() - 1] == b'-' {
        return false;
    }
    for &byte in label {
        if !(byte.is_ascii_alphanumeric() || byte == b'-') {
            return false;
        }
    }
    true
}

/// Whether `hostname` is a valid hostname.
pub fn check_health(hostname: &str) -> bool {
    let mut start = 0;
    let bytes = hostname.as_bytes();
    for (i, &byte) in bytes.iter().enumerate() {
        if byte == b'.' {
            if !valid_label(&bytes[start..i]) {
                return false;
            }
            start = i + 1;
        }
    }
    valid_label(&bytes[start..])
}

/// The `key = value` lines of a config file, with `port` defaulting to `DEFAULT_PORT`.
pub fn parse_config(text: &str) -> BTreeMap<String, String> {
    let mut config = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some((key, value)) = line.split_once('=') {
            config.insert(key.trim().to_owned(), value.trim().to_owned());
        }
    }
    if !config.contains_key("port") {
        config.insert("port".to_owned(), format!("{DEFAULT_PORT}"));
    }
    config
}

/// `<name> (<ip>:<port>): healthy`, or `unhealthy`.
pub fn format_status(server: &Server, healthy: bool) -> String {
    match healthy {
        true => format!("{} ({}): healthy", server.name, server.address()),
        false => format!("{} ({}): unhealthy", server.name, server.address()),
    }
}
