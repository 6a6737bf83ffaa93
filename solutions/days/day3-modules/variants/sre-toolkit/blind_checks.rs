//! # `sre_toolkit::monitoring::checks` (the seed's `checks.py`)
//!
//! `DiskCheck::run` passes while `used_percent` is **strictly below** `threshold`. The result's
//! name is `disk <mount_point>`, its detail `<used>% used (threshold <threshold>%)` with one
//! decimal each. `CheckResult` displays as `[PASS] <name>: <detail>` or `[FAIL] <name>: <detail>`:
//!
//! ```text
//! [FAIL] disk /var: 95.5% used (threshold 90.0%)
//! ```

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(dead_code, unused)]

use std::fmt;

/// What one check found.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    pub name: String,
    pub passed: bool,
    pub detail: String,
}

impl fmt::Display for CheckResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verdict = if self.passed { "PASS" } else { "FAIL" };
        write!(f, "[{verdict}] {}: {}", self.name, self.detail)
    }
}

/// The disk usage of one mount point.
#[derive(Debug, Clone, PartialEq)]
pub struct DiskCheck {
    pub mount_point: String,
    pub used_percent: f64,
    pub threshold: f64,
}

impl DiskCheck {
    pub fn run(&self) -> CheckResult {
        let DiskCheck {
            mount_point,
            used_percent,
            threshold,
        } = self;
        CheckResult {
            name: format!("disk {mount_point}"),
            passed: *used_percent < *threshold,
            detail: format!("{used_percent:.1}% used (threshold {threshold:.1}%)"),
        }
    }
}
