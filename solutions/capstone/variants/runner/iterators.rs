//! Runner, another style: iterators instead of loops, a `loop` with the round count as a range,
//! and the worst status by a fold.

use std::ops::ControlFlow;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use tracing::{info, info_span};

use crate::alerts::{AlertChanges, AlertManager};
use crate::checks::{HealthCheck, SystemReadings};
use crate::models::{Alert, CheckResult, Server, Status};

// ---------------------------------------------------------------------------------------------
// Given: time, and how often to run.
// ---------------------------------------------------------------------------------------------

/// Where the runner gets the time and how it waits: `SystemClock` in production, a fake in tests.
pub trait Clock {
    /// The Unix time, in seconds.
    fn now(&self) -> u64;
    /// Waits for `duration`.
    fn sleep(&mut self, duration: Duration);
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs())
    }

    fn sleep(&mut self, duration: Duration) {
        std::thread::sleep(duration);
    }
}

/// How often to run: every `interval`, for `rounds` rounds (`None`: until the process is stopped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub interval: Duration,
    pub rounds: Option<u64>,
}

// ---------------------------------------------------------------------------------------------
// The report of one round
// ---------------------------------------------------------------------------------------------

/// What one round found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// When the round ran (Unix seconds).
    pub generated_at: u64,
    /// The worst status of all results; `Ok` when there are none.
    pub status: Status,
    /// One result per check, servers in the order they were added, each server's checks in order.
    pub results: Vec<CheckResult>,
    /// Alerts this round opened.
    pub opened: Vec<Alert>,
    /// Alerts this round resolved.
    pub resolved: Vec<Alert>,
    /// Every alert open after this round, most severe first.
    pub open_alerts: Vec<Alert>,
}

impl Report {
    /// How many results have this status.
    pub fn count(&self, status: Status) -> usize {
        self.results
            .iter()
            .map(|r| usize::from(r.status == status))
            .sum()
    }

    /// Whether every check is OK (true when there are no checks).
    pub fn is_healthy(&self) -> bool {
        !self.results.iter().any(|r| r.status != Status::Ok)
    }
}

// ---------------------------------------------------------------------------------------------
// The monitor
// ---------------------------------------------------------------------------------------------

/// The servers, their checks, and the alert manager that remembers what is open.
pub struct Monitor {
    servers: Vec<(Server, Vec<Box<dyn HealthCheck>>)>,
    alerts: AlertManager,
}

impl Monitor {
    pub fn new(alerts: AlertManager) -> Monitor {
        Monitor {
            servers: Vec::new(),
            alerts,
        }
    }

    /// Adds a server and its checks; servers run in the order they are added.
    pub fn add_server(&mut self, server: Server, checks: Vec<Box<dyn HealthCheck>>) {
        self.servers.push((server, checks));
    }

    /// Runs every check once, updates the alerts, and reports; `now` is the Unix time in seconds.
    pub fn run_once(&mut self, readings: &dyn SystemReadings, now: u64) -> Report {
        let span = info_span!("round", at = now);
        let _entered = span.enter();
        let results: Vec<CheckResult> = self
            .servers
            .iter()
            .flat_map(|(server, checks)| {
                checks
                    .iter()
                    .map(move |check| check.run(server.name(), readings, now))
            })
            .collect();
        let status = results
            .iter()
            .fold(Status::Ok, |worst, r| worst.max(r.status));
        let AlertChanges { opened, resolved } = self.alerts.process(&results, now);
        info!(checks = results.len(), %status, "round finished");
        Report {
            generated_at: now,
            status,
            results,
            opened,
            resolved,
            open_alerts: self.alerts.open_alerts(),
        }
    }

    /// Runs rounds on `schedule`, hands each report to `on_report`, and returns the last one.
    /// It waits `schedule.interval` between two rounds, never after the last; when `on_report`
    /// answers `ControlFlow::Break(())`, that round is the last.
    pub fn run(
        &mut self,
        readings: &dyn SystemReadings,
        schedule: Schedule,
        clock: &mut dyn Clock,
        on_report: &mut dyn FnMut(&Report) -> ControlFlow<()>,
    ) -> Option<Report> {
        let mut last: Option<Report> = None;
        for round in 0.. {
            if schedule.rounds.is_some_and(|rounds| round >= rounds) {
                break;
            }
            if last.is_some() {
                clock.sleep(schedule.interval);
            }
            let report = self.run_once(readings, clock.now());
            let flow = on_report(&report);
            last = Some(report);
            if let ControlFlow::Break(()) = flow {
                break;
            }
        }
        last
    }
}
