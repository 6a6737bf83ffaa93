//! # `sre_toolkit::utils` (the seed's `utils/helpers.py`)
//!
//! Helpers for the crate's own modules, not for its users: the module is private (`mod utils;`
//! in `lib.rs`) and its items are `pub(crate)`. Users of the library cannot name them at all.
//!
//! `parse_key_value(line)`: `Some((key, value))`, both trimmed, split at the **first** `=`
//! (`"cmd = a=b"` gives `("cmd", "a=b")`); `None` for a line with no `=`.

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(dead_code, unused)]

/// `key = value`, trimmed, split at the first `=`.
pub(crate) fn parse_key_value(line: &str) -> Option<(&str, &str)> {
    let at = line.find('=')?;
    Some((line[..at].trim(), line[at + 1..].trim()))
}
