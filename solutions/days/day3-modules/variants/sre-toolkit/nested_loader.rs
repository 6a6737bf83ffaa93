//! # `sre_toolkit::config::loader` (alternative solution)
//!
//! The crate's `utils` module imported by its absolute path and called through it; the lines
//! read with a `match` on the key and an `if let` for the values.

use crate::utils;

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

/// The value of `key`, parsed, or an error that names the key.
fn parse_value<T: std::str::FromStr>(key: &str, value: &str) -> Result<T, String> {
    value
        .parse::<T>()
        .map_err(|_| format!("the value of {key} does not parse: {value:?}"))
}

/// Reads a config file's text (see the module's header).
pub fn load_config(text: &str) -> Result<Config, String> {
    let mut config = Config::default();
    for raw in text.lines() {
        let line = raw.trim_start();
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = utils::parse_key_value(line) else {
            return Err(format!("not a `key = value` line: {:?}", line.trim()));
        };
        match key {
            "interval_secs" => config.interval_secs = parse_value(key, value)?,
            "disk_threshold" => config.disk_threshold = parse_value(key, value)?,
            "hosts" => {
                config.hosts.clear();
                for host in value.split(',') {
                    let host = host.trim();
                    if !host.is_empty() {
                        config.hosts.push(host.to_owned());
                    }
                }
            }
            unknown => return Err(format!("{unknown} is not a setting")),
        }
    }
    Ok(config)
}
