//! # `sre_toolkit::monitoring::alerts` (alternative solution)
//!
//! The sibling reached through the parent's path from the crate root, `crate::monitoring::checks`
//! (an absolute path is as right here as `super::checks`), and a loop.

use crate::monitoring::checks::CheckResult;

/// An alert about one failed check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub check: String,
    pub message: String,
}

/// One alert per failed result, in order.
pub fn alerts_for(results: &[CheckResult]) -> Vec<Alert> {
    let mut alerts = Vec::new();
    for result in results.iter().filter(|r| !r.passed) {
        alerts.push(Alert {
            check: result.name.clone(),
            message: format!("{result}"),
        });
    }
    alerts
}
