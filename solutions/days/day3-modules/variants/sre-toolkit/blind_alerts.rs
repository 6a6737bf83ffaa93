//! # `sre_toolkit::monitoring::alerts` (the seed's `alerts.py`)
//!
//! `alerts_for(results)`: one `Alert` per **failed** result, in the results' order. An alert's
//! `check` is the result's name, its `message` the result's display line
//! (`[FAIL] disk /var: 95.5% used (threshold 90.0%)`).

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(dead_code, unused)]

use super::checks::CheckResult;

/// An alert about one failed check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub check: String,
    pub message: String,
}

/// One alert per failed result, in order.
pub fn alerts_for(results: &[CheckResult]) -> Vec<Alert> {
    let mut alerts = Vec::new();
    for result in results {
        if !result.passed {
            alerts.push(Alert {
                check: result.name.clone(),
                message: result.to_string(),
            });
        }
    }
    alerts
}
