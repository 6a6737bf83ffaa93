//! # `monitoring::alerts`: alerts (alternative solution: glob imports)
//!
//! `send_alert` pushes an `Alert` for a failed result into an outbox, standing in for Slack or
//! PagerDuty.

// Relative paths to the siblings: the seed's `from .checks import CheckResult`.
use super::checks::*;
use super::formatters::*;

/// An alert about one failed check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub check: String,
    pub message: String,
}

/// Sends an alert for `result` if it failed; whether one was sent.
pub fn send_alert(result: &CheckResult, outbox: &mut Vec<Alert>) -> bool {
    if result.passed {
        return false;
    }
    outbox.push(Alert {
        check: result.name.clone(),
        message: result_line(result),
    });
    true
}
