//! # Exercise 1: a module
//!
//! ## The Python original (seed, Day 3)
//!
//! ```python
//! # File: server_utils.py
//! DEFAULT_PORT = 8080
//!
//! def check_health(hostname): ...
//! def parse_config(filepath):
//!     return {"port": DEFAULT_PORT}
//!
//! class Server:
//!     def __init__(self, name, ip): ...
//!
//! # File: main.py
//! import server_utils                                  # 1. the module
//! from server_utils import check_health, Server       # 2. specific items
//! import server_utils as su                            # 3. an alias
//!
//! if __name__ == "__main__":                           # only when run, not when imported
//!     main()
//! ```
//!
//! ## The Rust idea
//!
//! A module is a file **and** a `mod` declaration in its parent: this file becomes the module
//! `fleet::server_utils` when `src/lib.rs` says `pub mod server_utils;`. `main.py` is the binary
//! target `src/main.rs`: a crate of its own that uses the library by its name, `fleet`. Its
//! `fn main` runs when the binary runs and never when the library is used, so Rust needs no
//! `if __name__ == "__main__"`. The three import styles are `use` declarations:
//!
//! | Python | Rust (in `src/main.rs`) |
//! |---|---|
//! | `import server_utils` | `use fleet::server_utils;` then `server_utils::check_health(..)` |
//! | `from server_utils import check_health, Server` | `use fleet::server_utils::{check_health, Server};` |
//! | `import server_utils as su` | `use fleet::server_utils as su;` then `su::check_health(..)` |
//! | `from server_utils import *` | `use fleet::server_utils::*;`: avoid it, as in Python |
//!
//! ## Your task
//!
//! 1. In `src/lib.rs`, declare this file as the public module `server_utils`. Keep it here, in
//!    `src/server_utils.rs` (not `src/server_utils/mod.rs`): the graded files are exactly the
//!    three of this exercise, and a file moved elsewhere is left out when your work is handed in.
//! 2. Here, write the three functions and `Server::new` / `Server::address` (the `todo!()`s):
//!    - `check_health(hostname)`: the seed's stub returns `True`; ours checks that the name is a
//!      valid hostname. It is one or more labels separated by dots; each label is 1 to 63 ASCII
//!      letters, digits or `-`, and does not start or end with `-`. `web-01` and
//!      `db-01.prod.example.com` are healthy; `""`, `web_01`, `-web`, `web-`, `web..01` are not.
//!    - `parse_config(text)`: `key = value` lines into a map, split at the first `=` (so
//!      `cmd = run --port=1` gives `cmd` -> `run --port=1`). Trim keys and values; skip blank
//!      lines, lines starting with `#` and lines without `=`. A later key replaces an earlier
//!      one. When there is no `port` key, the map gets `port` = `DEFAULT_PORT` (as text).
//!    - `format_status(server, healthy)`: `web-01 (10.0.1.1:8080): healthy`, or `unhealthy`.
//!    - `Server::new(name, ip)` has the port `DEFAULT_PORT`; `address()` is `ip:port`.
//! 3. In `src/main.rs`, write the program (`main.py`), using **all three** import styles, each
//!    at least once, and the library's items rather than copies of them (its header says how
//!    that is checked).
//!
//! ## Read more
//!
//! - The Rust Book, ch. 7 Packages, Crates, and Modules: <https://doc.rust-lang.org/book/ch07-00-managing-growing-projects-with-packages-crates-and-modules.html>
//! - The Rust Book, ch. 7.2 Defining Modules to Control Scope and Privacy: <https://doc.rust-lang.org/book/ch07-02-defining-modules-to-control-scope-and-privacy.html>
//! - The Rust Book, ch. 7.4 Bringing Paths into Scope with the use Keyword (`as`, `pub use`, nested paths): <https://doc.rust-lang.org/book/ch07-04-bringing-paths-into-scope-with-the-use-keyword.html>
//! - The Rust Book, ch. 7.5 Separating Modules into Different Files (`name.rs` and `name/mod.rs`): <https://doc.rust-lang.org/book/ch07-05-separating-modules-into-different-files.html>
//! - The Rust Book, ch. 12.3 Refactoring to Improve Modularity (main.rs beside lib.rs): <https://doc.rust-lang.org/book/ch12-03-improving-error-handling-and-modularity.html>
//! - The Cargo Book, Package Layout: <https://doc.rust-lang.org/cargo/guide/project-layout.html>
//!
//! Grade it with `cargo day 3` (or `just day 3`); run it with `cargo run -p fleet -- web-01 db_01`.
//! Stuck? `cargo hint 3 server-utils`.

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(unused)]

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
        todo!()
    }

    /// `ip:port`, e.g. `10.0.1.1:8080`.
    pub fn address(&self) -> String {
        todo!()
    }
}

/// Whether `hostname` is a valid hostname (see the task above).
pub fn check_health(hostname: &str) -> bool {
    todo!()
}

/// The `key = value` lines of a config file, with `port` defaulting to `DEFAULT_PORT`.
pub fn parse_config(text: &str) -> BTreeMap<String, String> {
    todo!()
}

/// `<name> (<ip>:<port>): healthy`, or `unhealthy`.
pub fn format_status(server: &Server, healthy: bool) -> String {
    todo!()
}
