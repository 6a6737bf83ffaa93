//! # `monitoring::checks`: the checks (alternative solution: `pub(super)`)
//!
//! Three checks over readings they are given, each with a `run()` that gives a `CheckResult`.
//! `CheckResult::status` is shared with the sibling modules but is not part of the package's
//! public face: `pub(crate)`.

/// What one check found.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    pub name: String,
    pub passed: bool,
    pub detail: String,
}

impl CheckResult {
    /// `"PASS"` or `"FAIL"`: visible in the package (`super` of this file), nowhere else.
    pub(super) fn status(&self) -> &'static str {
        match self.passed {
            true => "PASS",
            false => "FAIL",
        }
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
        CheckResult {
            name: "cpu".to_string(),
            passed: self.load_percent < self.threshold,
            detail: format!(
                "{:.1}% load, threshold {:.1}%",
                self.load_percent, self.threshold
            ),
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
            detail: if self.open { "open" } else { "closed" }.to_string(),
        }
    }
}
