//! # `sre_toolkit::monitoring::checks` (reference solution)
//!
//! `DiskCheck::run` passes while `used_percent` is strictly below `threshold`; `CheckResult`
//! displays as `[PASS] <name>: <detail>` or `[FAIL] <name>: <detail>`.

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
        let status = if self.passed { "PASS" } else { "FAIL" };
        write!(f, "[{status}] {}: {}", self.name, self.detail)
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
        CheckResult {
            name: format!("disk {}", self.mount_point),
            passed: self.used_percent < self.threshold,
            detail: format!(
                "{:.1}% used (threshold {:.1}%)",
                self.used_percent, self.threshold
            ),
        }
    }
}
