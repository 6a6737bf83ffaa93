//! # `sre_toolkit::config::loader` (the seed's `loader.py`)
//!
//! `load_config(text)` reads a config file's text into a `Config`:
//!
//! ```text
//! # sre-toolkit.conf
//! interval_secs = 30
//! disk_threshold = 85.5
//! hosts = web-01, web-02
//! ```
//!
//! - Blank lines and lines starting with `#` (after leading spaces) are skipped.
//! - Every other line is `key = value`, split by the crate's helper `utils::parse_key_value`. A
//!   line without `=` is an error.
//! - `interval_secs` (a whole number), `disk_threshold` (a number) and `hosts` (names separated
//!   by commas; each trimmed, empty ones dropped). A key that is missing keeps its default
//!   (`Config::default()`: 60 seconds, 90.0%, no hosts).
//! - An unknown key, or a value that does not parse, is an error: an `Err` whose message names
//!   the key (or quotes the line, for a line without `=`).

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(dead_code, unused)]

// TODO (step 3): bring the helper `parse_key_value` into scope from the crate's `utils` module,
// with an absolute path from the crate root (`crate::`).

/// The toolkit's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub interval_secs: u64,
    pub disk_threshold: f64,
    pub hosts: Vec<String>,
}

impl Default for Config {
    /// 60 seconds, a 90.0% disk threshold, no hosts.
    fn default() -> Self {
        todo!()
    }
}

/// Reads a config file's text (see the module's header).
pub fn load_config(text: &str) -> Result<Config, String> {
    todo!()
}
