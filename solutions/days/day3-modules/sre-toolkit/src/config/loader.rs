//! # `sre_toolkit::config::loader` (reference solution)
//!
//! `load_config(text)` reads `key = value` lines into a `Config`; an unknown key, a bad value or
//! a line without `=` is an error that names the key or quotes the line.

// An absolute path from the crate root: the seed's `from sre_toolkit.utils.helpers import ...`.
use crate::utils::parse_key_value;

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
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) =
            parse_key_value(line).ok_or_else(|| format!("expected `key = value`, got `{line}`"))?;
        let bad_value = || format!("`{key}` has a value that does not parse: `{value}`");
        match key {
            "interval_secs" => config.interval_secs = value.parse().map_err(|_| bad_value())?,
            "disk_threshold" => config.disk_threshold = value.parse().map_err(|_| bad_value())?,
            "hosts" => {
                config.hosts = value
                    .split(',')
                    .map(str::trim)
                    .filter(|host| !host.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            _ => return Err(format!("unknown key `{key}`")),
        }
    }
    Ok(config)
}
