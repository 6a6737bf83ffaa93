//! # Exercise 1: the `Server`, with derives instead of boilerplate
//!
//! ## The Python original (seed, Day 2)
//!
//! ```python
//! @dataclass
//! class Server:
//!     name: str
//!     ip: str
//!     port: int
//!     environment: str
//!     cpu: float = 0.0
//!     memory: float = 0.0
//!     tags: List[str] = field(default_factory=list)    # each instance gets its own list
//!
//!     def __post_init__(self):
//!         if self.port < 1 or self.port > 65535:
//!             raise ValueError(f"Invalid port: {self.port}")
//!         if not self.name:
//!             raise ValueError("Name is required")
//! ```
//!
//! The seed warns that `tags: List[str] = []` would be "WRONG (shared list bug)" because "ALL
//! instances share the SAME list". That is a slip: a dataclass never gets that far. `@dataclass`
//! refuses the class when it is defined, with `ValueError: mutable default <class 'list'> for
//! field tags is not allowed: use default_factory` (for a list, dict or set; from Python 3.11, for
//! any unhashable default). The shared list is the bug of a plain `def __init__(self, tags=[])`,
//! whose default is made once and shared by every call; the dataclass check exists to prevent it.
//!
//! Exercise 1 asks to rewrite the boilerplate `Server` class (hand-written `__init__`, `__repr__`,
//! `__eq__`) as a dataclass, with validation, tags made with `default_factory`, and a
//! `check_health()` method.
//!
//! ## The Rust idea
//!
//! `#[derive(Debug, Clone, PartialEq)]` writes `__repr__`, `copy.deepcopy` and `__eq__` for you,
//! the way `@dataclass` does: over every field, in the order they are declared. `__post_init__`
//! becomes a constructor that returns `Result<Server, ServerError>`: an invalid server is never
//! built, and the caller must look at the error. Private fields make that constructor the only
//! way in. `tags` is a `Vec` that each `Server` owns: Rust has no shared mutable default to get
//! wrong.
//!
//! ## Your task
//!
//! 1. Replace the three hand-written impls (the boilerplate) with a derive on `Server`.
//! 2. `ServerError`'s `Display`: a message a human can act on. `InvalidPort` must show the port.
//! 3. `Server::new`: reject an empty (or all-whitespace) name with `EmptyName`, and a port outside
//!    1 to 65535 (both ends allowed) with `InvalidPort(port)`. A new server has `cpu` and `memory`
//!    at 0.0 and no tags.
//! 4. `add_tag` adds one tag to *this* server only.
//! 5. `check_health`: healthy while `cpu` and `memory` are both strictly below their limits
//!    (`CPU_LIMIT`, `MEMORY_LIMIT`): a server at exactly 90.0% CPU is not healthy.
//!
//! ## Read more
//!
//! - The Rust Book, ch. 5.1 Defining and Instantiating Structs: <https://doc.rust-lang.org/book/ch05-01-defining-structs.html>
//! - The Rust Book, Appendix C Derivable Traits: <https://doc.rust-lang.org/book/appendix-03-derivable-traits.html>
//! - The Rust Book, ch. 9.2 Recoverable Errors with Result: <https://doc.rust-lang.org/book/ch09-02-recoverable-errors-with-result.html>
//! - std::cmp::PartialEq (what a derived == compares): <https://doc.rust-lang.org/std/cmp/trait.PartialEq.html>
//! - std::error::Error: <https://doc.rust-lang.org/std/error/trait.Error.html>
//! - Python, dataclasses: mutable default values (the ValueError): <https://docs.python.org/3/library/dataclasses.html#mutable-default-values>
//!
//! Run the tests with `cargo day 2` (or `just day 2`); stuck? `cargo hint 2 server`.

// The `todo!()` bodies leave parameters and fields unused until you write them.
#![allow(unused)]

use std::fmt;

/// Above this CPU use (percent), or at it, a server is not healthy.
pub const CPU_LIMIT: f64 = 90.0;
/// Above this memory use (percent), or at it, a server is not healthy.
pub const MEMORY_LIMIT: f64 = 90.0;

// ---------------------------------------------------------------------------------------------
// Step 1: the data, and the boilerplate that a derive replaces.
// ---------------------------------------------------------------------------------------------

/// A server, as the seed's dataclass holds it.
#[derive(Clone, PartialEq, Debug)]
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

// ---------------------------------------------------------------------------------------------
// Step 2: the error, Python's `ValueError` as a type.
// ---------------------------------------------------------------------------------------------

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
        match self {
            Self::EmptyName => f.write_str("server name must not be blank"),
            Self::InvalidPort(p) => write!(f, "port {} is out of range (1-65535)", p),
        }
    }
}

impl std::error::Error for ServerError {}

// ---------------------------------------------------------------------------------------------
// Steps 3 to 5: the constructor and the methods.
// ---------------------------------------------------------------------------------------------

impl Server {
    /// A validated server: `__init__` and `__post_init__` in one. `cpu` and `memory` start at 0.0,
    /// `tags` empty.
    pub fn new(name: &str, ip: &str, port: u32, environment: &str) -> Result<Server, ServerError> {
        if name.trim().is_empty() {
            return Err(ServerError::EmptyName);
        }
        let port = match u16::try_from(port) {
            Ok(p) if p != 0 => p,
            _ => return Err(ServerError::InvalidPort(port)),
        };
        Ok(Server {
            tags: Vec::new(),
            memory: 0.0,
            cpu: 0.0,
            environment: environment.to_string(),
            port,
            ip: ip.into(),
            name: name.to_owned(),
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
        self.tags.push(tag.into());
    }

    /// Healthy while CPU and memory are both strictly below their limits.
    pub fn check_health(&self) -> bool {
        !(self.cpu >= CPU_LIMIT || self.memory >= MEMORY_LIMIT)
    }
}
