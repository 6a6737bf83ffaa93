//! # `monitoring::checks`: the checks (the seed's `checks.py`)
//!
//! Three checks over readings they are given (so that tests are deterministic), each with a
//! `run()` that gives a `CheckResult`:
//!
//! - `DiskCheck`: passes while `used_percent` is **strictly below** `threshold`. Its name is
//!   `disk <mount_point>` (`disk /var`); its detail `<used>% used, threshold <threshold>%`, both
//!   with one decimal: `95.5% used, threshold 90.0%`.
//! - `CpuCheck`: passes while `load_percent` is strictly below `threshold`. Its name is `cpu`; its
//!   detail `<load>% load, threshold <threshold>%`, one decimal each.
//! - `PortCheck`: passes when the port is `open`. Its name is `port <host>:<port>`
//!   (`port db-01:5432`); its detail `open` or `closed`.
//!
//! `CheckResult::status` is shared with the sibling modules (`formatters` prints it), but it is
//! not part of the package's public face: it is `pub(crate)`, and stays so.

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(dead_code, unused)]

/// What one check found.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    pub name: String,
    pub passed: bool,
    pub detail: String,
}

impl CheckResult {
    /// `"PASS"` or `"FAIL"`. Shared with the sibling modules, hidden from users.
    pub(super) fn status(&self) -> &'static str {
        if self.passed { "PASS" } else { "FAIL" }
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
                "{:.1}% used, threshold {:.1}%",
                self.used_percent, self.threshold
            ),
        }
    }
}

/// The CPU load.
#[derive(Debug, Clone, PartialEq)]
pub struct CpuCheck {
    pub load_percent: f64,
    pub threshold: f64,
}

impl CpuCheck {
    pub fn run(&self) -> CheckResult {
        let passed = self.load_percent < self.threshold;
        let detail = format!(
            "{:.1}% load, threshold {:.1}%",
            self.load_percent, self.threshold
        );
        CheckResult {
            name: "cpu".into(),
            passed,
            detail,
        }
    }
}

/// Whether a TCP port answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortCheck {
    pub host: String,
    pub port: u16,
    pub open: bool,
}

impl PortCheck {
    pub fn run(&self) -> CheckResult {
        CheckResult {
            name: format!("port {}:{}", self.host, self.port),
            passed: self.open,
            detail: (if self.open { "open" } else { "closed" }).to_string(),
        }
    }
}
