//! # `sre_toolkit::monitoring::alerts` (reference solution)
//!
//! `alerts_for(results)`: one `Alert` per failed result, in the results' order.

// A relative path to the sibling module: the seed's `from .checks import CheckResult`.
use super::checks::CheckResult;

/// An alert about one failed check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub check: String,
    pub message: String,
}

/// One alert per failed result, in order.
pub fn alerts_for(results: &[CheckResult]) -> Vec<Alert> {
    results
        .iter()
        .filter(|result| !result.passed)
        .map(|result| Alert {
            check: result.name.clone(),
            message: result.to_string(),
        })
        .collect()
}
