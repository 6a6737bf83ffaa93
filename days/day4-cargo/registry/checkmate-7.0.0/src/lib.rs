//! A test-helper stand-in (the workbook's `pytest`): assertions with messages.
//!
//! A fixture of the workbook's Day 4: a stand-in that lives in `days/day4-cargo/registry/`, not on crates.io.

/// This crate's version.
pub const VERSION: &str = "7.0.0";

/// Panics with `message` unless `condition` holds: `assert!` with a name a test reads well.
pub fn check(condition: bool, message: &str) {
    assert!(condition, "check failed: {message}");
}
