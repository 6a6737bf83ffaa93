//! # Alerts: the `AlertManager` (reference solution)
//!
//! Open alerts live in a map keyed by (server, check): a failing check whose alert is already open
//! at the same or a higher severity opens nothing new; a check back under the minimum severity
//! resolves its alert. Every change is logged with structured fields, never the pager key.
//!
//! ## Read more
//!
//! [tracing](https://docs.rs/tracing/latest/tracing/) (events, levels, fields with `%` and `?`);
//! [`BTreeMap`](https://doc.rust-lang.org/std/collections/struct.BTreeMap.html) and the Rust
//! Book, [ch. 8.3, Hash Maps](https://doc.rust-lang.org/book/ch08-03-hash-maps.html) (the same
//! API, in key order).

use std::collections::BTreeMap;

use tracing::{debug, error, info, warn};

use crate::models::{Alert, CheckResult, Secret, Status};

/// What one call to [`AlertManager::process`] changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AlertChanges {
    /// Alerts opened by this batch of results: new problems and escalations.
    pub opened: Vec<Alert>,
    /// Alerts closed by this batch: their checks are back under the minimum severity.
    pub resolved: Vec<Alert>,
}

/// Turns check results into alerts, and remembers which are open.
#[derive(Debug)]
pub struct AlertManager {
    min_severity: Status,
    open: BTreeMap<(String, String), Alert>,
    pager_key: Option<Secret>,
}

impl AlertManager {
    /// Alerts on results at `min_severity` or worse (an OK result never alerts).
    pub fn new(min_severity: Status) -> AlertManager {
        AlertManager {
            min_severity,
            open: BTreeMap::new(),
            pager_key: None,
        }
    }

    /// The key to page the on-call with. It is a secret: it never appears in a log.
    pub fn with_pager_key(mut self, key: Secret) -> AlertManager {
        self.pager_key = Some(key);
        self
    }

    pub fn min_severity(&self) -> Status {
        self.min_severity
    }

    /// Opens, keeps or resolves alerts for a batch of results; `now` is the Unix time in seconds.
    pub fn process(&mut self, results: &[CheckResult], now: u64) -> AlertChanges {
        let mut changes = AlertChanges::default();
        for result in results {
            let key = (result.server.clone(), result.check.clone());
            let alerting = result.status != Status::Ok && result.status >= self.min_severity;
            if !alerting {
                if let Some(alert) = self.open.remove(&key) {
                    info!(
                        server = %alert.server(),
                        check = %alert.check(),
                        severity = %alert.severity(),
                        "alert resolved"
                    );
                    changes.resolved.push(alert);
                }
                continue;
            }
            if let Some(open) = self.open.get(&key)
                && open.severity() >= result.status
            {
                debug!(
                    server = %result.server,
                    check = %result.check,
                    severity = %open.severity(),
                    "alert already open"
                );
                continue;
            }
            let Ok(alert) = Alert::new(
                &result.server,
                &result.check,
                result.status,
                &result.message,
                now,
            ) else {
                continue;
            };
            self.log_opened(&alert);
            self.open.insert(key, alert.clone());
            changes.opened.push(alert);
        }
        changes
    }

    /// The open alerts, most severe first, then by server and check.
    pub fn open_alerts(&self) -> Vec<Alert> {
        let mut alerts: Vec<Alert> = self.open.values().cloned().collect();
        // The map iterates by (server, check); a stable sort keeps that order within a severity.
        alerts.sort_by_key(|alert| std::cmp::Reverse(alert.severity()));
        alerts
    }

    fn log_opened(&self, alert: &Alert) {
        let paged = self.pager_key.is_some();
        if alert.severity() == Status::Critical {
            error!(
                server = %alert.server(),
                check = %alert.check(),
                severity = %alert.severity(),
                detail = %alert.message(),
                paged,
                "alert opened"
            );
        } else {
            warn!(
                server = %alert.server(),
                check = %alert.check(),
                severity = %alert.severity(),
                detail = %alert.message(),
                paged,
                "alert opened"
            );
        }
    }
}
