//! # Exercise 1, step 3: the program (the seed's `main.py`)
//!
//! This binary target is a crate of its own. It reaches the library by the library's name, `fleet`
//! (`crate::` here would mean this binary). Its `fn main` runs when you run the binary
//! (`cargo run -p fleet -- web-01 db_01`) and never when the library is used: it is the seed's
//! `if __name__ == "__main__": main()`.
//!
//! ## Your task
//!
//! Use `server_utils` in **all three** import styles (see the table in `src/server_utils.rs`):
//! `use fleet::server_utils;`, `use fleet::server_utils::{...};` and `use fleet::server_utils as su;`.
//! Then write `main`:
//!
//! 1. The hostnames are the program's arguments (`std::env::args().skip(1)`); with none, use
//!    `web-01` alone.
//! 2. For the n-th hostname (counting from 1), build `Server::new(hostname, "10.0.1.<n>")` and
//!    print one line: `format_status(&server, check_health(hostname))`.
//! 3. Last, print `default port: 8080`, from `DEFAULT_PORT`.
//!
//! ```text
//! $ cargo run -p fleet -- web-01 db_01
//! web-01 (10.0.1.1:8080): healthy
//! db_01 (10.0.1.2:8080): unhealthy
//! default port: 8080
//! ```

// TODO: the three `use` declarations.

fn main() {
    todo!("print one status line per hostname, then the default port")
}
