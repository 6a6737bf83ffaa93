//! Alerts, another style: one `match` on (alerting, the open alert's severity), an explicit
//! three-key sort, and the pager key never touched.

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
        let mut opened = Vec::new();
        let mut resolved = Vec::new();
        for result in results {
            let key = (result.server.clone(), result.check.clone());
            let alerting = matches!(result.status, Status::Warning | Status::Critical)
                && result.status >= self.min_severity;
            match (alerting, self.open.get(&key).map(Alert::severity)) {
                (false, None) => {}
                (false, Some(_)) => {
                    let gone = self.open.remove(&key).expect("the alert is open");
                    info!(server = %gone.server(), check = %gone.check(), "alert resolved");
                    resolved.push(gone);
                }
                (true, Some(severity)) if severity >= result.status => {
                    debug!(server = %result.server, check = %result.check, "still open");
                }
                (true, _) => {
                    let alert = match Alert::new(
                        &result.server,
                        &result.check,
                        result.status,
                        &result.message,
                        now,
                    ) {
                        Ok(alert) => alert,
                        Err(_) => continue,
                    };
                    match alert.severity() {
                        Status::Critical => error!(
                            server = %alert.server(),
                            check = %alert.check(),
                            severity = %alert.severity(),
                            paged = self.pager_key.is_some(),
                            "alert opened"
                        ),
                        _ => warn!(
                            server = %alert.server(),
                            check = %alert.check(),
                            severity = %alert.severity(),
                            "alert opened"
                        ),
                    }
                    opened.push(alert.clone());
                    self.open.insert(key, alert);
                }
            }
        }
        AlertChanges { opened, resolved }
    }

    /// The open alerts, most severe first, then by server and check.
    pub fn open_alerts(&self) -> Vec<Alert> {
        let mut alerts: Vec<&Alert> = self.open.values().collect();
        alerts.sort_by(|a, b| {
            b.severity()
                .cmp(&a.severity())
                .then_with(|| a.server().cmp(b.server()))
                .then_with(|| a.check().cmp(b.check()))
        });
        alerts.into_iter().cloned().collect()
    }
}
