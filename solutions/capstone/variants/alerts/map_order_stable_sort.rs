//! # Area 3, alerts: the `AlertManager`
//!
//! ## The Python
//!
//! The seed's capstone names `alerts.py (AlertManager with logging)` and gives no code for it. Its
//! Day 5 logging lesson has the pieces, quoted here; the manager itself is the workbook's design.
//!
//! ```python
//! logger = logging.getLogger(__name__)                # seed, Day 5: "Per-module loggers"
//!
//! logger.warning("High CPU on %s: %.1f%%", hostname, cpu)
//! logger.info("Health check completed",
//!             extra={"host": "web-01", "status": "healthy", "duration_ms": 45})
//! # BAD:  logger.info(f"Connecting with password={password}")
//! ```
//!
//! ## The Rust idea
//!
//! The manager keeps the open alerts in a map keyed by (server, check), so that it can tell a new
//! problem from one it already reported: the difference between a pager that wakes you once and
//! one that wakes you every minute of an outage.
//!
//! It logs with `tracing`. The module path is the logger name (`sre_monitor::alerts`, for
//! free), and `extra={...}` becomes structured fields written before the message:
//! `warn!(server = %alert.server(), check = %alert.check(), "alert opened")`. `%x` records a
//! field with `Display`, `?x` with `Debug`. Log tools search fields, so keep values out of the
//! message text. The pager key is a `Secret`: there is no reason to log it, and if it ever ends
//! up in a field, its `Display` hides it.
//!
//! ## Your task
//!
//! `process(results, now)`, for each result in order (the key is `(server, check)`):
//!
//! 1. A result is **alerting** when its status is not `Ok` and is at or above `min_severity`.
//! 2. Alerting, with no open alert for its key, or one of a **lower** severity (an escalation):
//!    open an `Alert` (the result's status and message, opened at `now`), keep it as the key's
//!    open alert (replacing the milder one), add it to `opened`, and log it: message
//!    `"alert opened"`, at `WARN` for a warning and `ERROR` for a critical, with the fields
//!    `server`, `check` and `severity`.
//! 3. Alerting, with an open alert of the same or a higher severity: nothing new (a `debug!` if
//!    you like). The open alert keeps its `opened_at`.
//! 4. Not alerting, with an open alert: remove it, add it to `resolved`, and log
//!    `"alert resolved"` at `INFO` with the fields `server` and `check`.
//!
//! `open_alerts()`: the open alerts, most severe first, then by server, then by check.
//!
//! Never log the pager key.
//!
//! Grade this area with `cargo capstone --area alerts`; stuck? `cargo hint capstone alerts`.
//!
//! ## Read more
//!
//! [tracing](https://docs.rs/tracing/latest/tracing/) (events, levels, fields with `%` and `?`);
//! [`BTreeMap`](https://doc.rust-lang.org/std/collections/struct.BTreeMap.html) and the Rust
//! Book, [ch. 8.3, Hash Maps](https://doc.rust-lang.org/book/ch08-03-hash-maps.html) (the same
//! API, in key order).

// The `todo!()` bodies leave parameters and fields unused until you write them.
#![allow(dead_code, unused)]

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
            if self.is_alerting(result.status) {
                let milder_or_none = self
                    .open
                    .get(&key)
                    .is_none_or(|open| open.severity() < result.status);
                if !milder_or_none {
                    debug!(server = %result.server, check = %result.check, "alert still open");
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
                log_opened(&alert);
                self.open.insert(key, alert.clone());
                changes.opened.push(alert);
            } else if let Some(alert) = self.open.remove(&key) {
                info!(
                    server = alert.server(),
                    check = alert.check(),
                    "alert resolved"
                );
                changes.resolved.push(alert);
            }
        }
        changes
    }

    fn is_alerting(&self, status: Status) -> bool {
        status != Status::Ok && status >= self.min_severity
    }

    /// The open alerts, most severe first, then by server and check.
    pub fn open_alerts(&self) -> Vec<Alert> {
        let mut alerts: Vec<Alert> = self.open.values().cloned().collect();
        // The map is already in (server, check) order, and the sort is stable.
        alerts.sort_by_key(|alert| std::cmp::Reverse(alert.severity()));
        alerts
    }
}

fn log_opened(alert: &Alert) {
    let severity = alert.severity();
    if severity == Status::Critical {
        error!(
            server = alert.server(),
            check = alert.check(),
            ?severity,
            "alert opened"
        );
    } else {
        warn!(
            server = alert.server(),
            check = alert.check(),
            ?severity,
            "alert opened"
        );
    }
}
