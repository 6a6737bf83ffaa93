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

use crate::utils::parse_key_value as split_kv;

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
        Config {
            interval_secs: 60,
            disk_threshold: 90.0,
            hosts: Vec::new(),
        }
    }
}

/// Reads a config file's text (see the module's header).
pub fn load_config(text: &str) -> Result<Config, String> {
    let mut config = Config::default();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = split_kv(line) else {
            return Err(format!("not a `key = value` line: {line:?}"));
        };
        match key {
            "interval_secs" => {
                config.interval_secs = value
                    .parse()
                    .map_err(|e| format!("interval_secs: bad value {value:?}: {e}"))?
            }
            "disk_threshold" => {
                config.disk_threshold = value
                    .parse()
                    .map_err(|e| format!("disk_threshold: bad value {value:?}: {e}"))?
            }
            "hosts" => {
                config.hosts = value
                    .split(',')
                    .map(str::trim)
                    .filter(|h| !h.is_empty())
                    .map(String::from)
                    .collect()
            }
            other => return Err(format!("unknown key {other:?}")),
        }
    }
    Ok(config)
}
