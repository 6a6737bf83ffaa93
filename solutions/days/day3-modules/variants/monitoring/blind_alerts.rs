//! # `monitoring::alerts`: alerts (the seed's `alerts.py`)
//!
//! An `Alert` is raised for a check that failed. `send_alert` "sends" it into an outbox (a
//! `Vec`, standing in for Slack or PagerDuty):
//!
//! - for a failed result, it pushes one `Alert` whose `check` is the result's name and whose
//!   `message` is the result's report line (`[FAIL] disk /var: 95.5% used, threshold 90.0%`,
//!   made by the sibling `formatters`' `result_line`), and returns `true`;
//! - for a passed result, it sends nothing and returns `false`.

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(dead_code, unused)]

use super::{checks::CheckResult, formatters as fmt};

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
        message: fmt::result_line(result),
    });
    true
}
