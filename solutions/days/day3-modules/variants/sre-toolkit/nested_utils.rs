//! # `sre_toolkit::utils` (alternative solution)
//!
//! The helper with `find` and slices, `pub(super)`: visible to its parent, the crate root, and
//! so to the whole crate.

/// `key = value`, trimmed, split at the first `=`.
pub(super) fn parse_key_value(line: &str) -> Option<(&str, &str)> {
    let at = line.find('=')?;
    Some((line[..at].trim(), line[at + 1..].trim()))
}
