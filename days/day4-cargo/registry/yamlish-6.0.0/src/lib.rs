//! A config-file parser stand-in (the workbook's `pyyaml`): reads `key: value` lines.
//!
//! A fixture of the workbook's Day 4: a stand-in that lives in `days/day4-cargo/registry/`, not on crates.io.

/// This crate's version.
pub const VERSION: &str = "6.0.0";

/// The `key: value` pairs of `text`, in order; other lines are skipped.
pub fn pairs(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(key, value)| (key.trim().to_owned(), value.trim().to_owned()))
        .collect()
}
