//! # `sre_toolkit::utils` (reference solution)
//!
//! Helpers for the crate's own modules: a private module with `pub(crate)` items.

/// `key = value`, trimmed, split at the first `=`.
pub(crate) fn parse_key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once('=')?;
    Some((key.trim(), value.trim()))
}
