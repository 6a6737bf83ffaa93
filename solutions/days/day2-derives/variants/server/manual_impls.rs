//! Exercise 1, another correct style: the three impls written by hand (over every field, as the
//! derive would), a range check instead of `u16::try_from`, other private names, another field
//! order, and `check_health` as "neither is at or over its limit".

use std::fmt;

/// Above this CPU use (percent), or at it, a server is not healthy.
pub const CPU_LIMIT: f64 = 90.0;
/// Above this memory use (percent), or at it, a server is not healthy.
pub const MEMORY_LIMIT: f64 = 90.0;

/// A server.
pub struct Server {
    /// CPU use in percent.
    pub cpu: f64,
    /// Memory use in percent.
    pub memory: f64,
    labels: Vec<String>,
    server_name: String,
    address: String,
    listen_port: u16,
    env: String,
}

impl fmt::Debug for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Server")
            .field("name", &self.server_name)
            .field("ip", &self.address)
            .field("port", &self.listen_port)
            .field("environment", &self.env)
            .field("cpu", &self.cpu)
            .field("memory", &self.memory)
            .field("tags", &self.labels)
            .finish()
    }
}

impl Clone for Server {
    fn clone(&self) -> Self {
        Server {
            cpu: self.cpu,
            memory: self.memory,
            labels: self.labels.clone(),
            server_name: self.server_name.clone(),
            address: self.address.clone(),
            listen_port: self.listen_port,
            env: self.env.clone(),
        }
    }
}

impl PartialEq for Server {
    fn eq(&self, other: &Self) -> bool {
        self.server_name == other.server_name
            && self.address == other.address
            && self.listen_port == other.listen_port
            && self.env == other.env
            && self.cpu == other.cpu
            && self.memory == other.memory
            && self.labels == other.labels
    }
}

/// Why `Server::new` refused to build a server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerError {
    /// The name is empty, or only whitespace.
    EmptyName,
    /// The port is not between 1 and 65535.
    InvalidPort(u32),
}

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ServerError::EmptyName => "Name is required".to_string(),
            ServerError::InvalidPort(port) => format!("Invalid port: {port}"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ServerError {}

impl Server {
    /// A validated server.
    pub fn new(name: &str, ip: &str, port: u32, environment: &str) -> Result<Server, ServerError> {
        if !(1..=65535).contains(&port) {
            return Err(ServerError::InvalidPort(port));
        }
        if name.chars().all(char::is_whitespace) {
            return Err(ServerError::EmptyName);
        }
        Ok(Server {
            cpu: 0.0,
            memory: 0.0,
            labels: vec![],
            server_name: name.into(),
            address: ip.into(),
            listen_port: port as u16,
            env: environment.into(),
        })
    }

    pub fn name(&self) -> &str {
        &self.server_name
    }

    pub fn ip(&self) -> &str {
        &self.address
    }

    pub fn port(&self) -> u16 {
        self.listen_port
    }

    pub fn environment(&self) -> &str {
        &self.env
    }

    pub fn tags(&self) -> &[String] {
        self.labels.as_slice()
    }

    /// Adds one tag to this server.
    pub fn add_tag(&mut self, tag: &str) {
        self.labels.extend([tag.to_owned()]);
    }

    /// Healthy while CPU and memory are both strictly below their limits.
    pub fn check_health(&self) -> bool {
        !(self.cpu >= CPU_LIMIT || self.memory >= MEMORY_LIMIT)
    }
}
