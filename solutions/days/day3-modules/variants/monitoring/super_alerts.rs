//! # `monitoring::alerts`: alerts (alternative solution)
//!
//! Both siblings in one grouped `use super::{...}`, and an early `if !result.passed` block.

use super::{checks::CheckResult, formatters::result_line};

/// An alert about one failed check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub check: String,
    pub message: String,
}

/// Sends an alert for `result` if it failed; whether one was sent.
pub fn send_alert(result: &CheckResult, outbox: &mut Vec<Alert>) -> bool {
    let failed = !result.passed;
    if failed {
        let alert = Alert {
            check: result.name.to_owned(),
            message: result_line(result),
        };
        outbox.push(alert);
    }
    failed
}
