//! # Runner: run every check of every server, once or on a schedule (reference solution)
//!
//! One round runs the checks in order, hands the results to the alert manager and builds a
//! `Report`. Time comes from a `Clock`, so that tests can run many rounds without waiting.
//!
//! ## Read more
//!
//! The Rust Book, [ch. 18.2, Trait Objects](https://doc.rust-lang.org/book/ch18-02-trait-objects.html)
//! (`Box<dyn HealthCheck>`) and [ch. 13.1, Closures](https://doc.rust-lang.org/book/ch13-01-closures.html)
//! (`&mut dyn FnMut`); [`std::ops::ControlFlow`](https://doc.rust-lang.org/std/ops/enum.ControlFlow.html);
//! [tracing's spans](https://docs.rs/tracing/latest/tracing/span/index.html).

use std::ops::ControlFlow;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use tracing::{debug, info, info_span};

use crate::alerts::AlertManager;
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
        self.results.iter().filter(|r| r.status == status).count()
    }

    /// Whether every check is OK (true when there are no checks).
    pub fn is_healthy(&self) -> bool {
        self.results.iter().all(|r| r.status == Status::Ok)
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
        let _round = info_span!("round", at = now).entered();
        let started = Instant::now();
        let mut results = Vec::new();
        for (server, checks) in &self.servers {
            for check in checks {
                let result = check.run(server.name(), readings, now);
                debug!(
                    server = %result.server,
                    check = %result.check,
                    status = %result.status,
                    "check finished"
                );
                results.push(result);
            }
        }
        let changes = self.alerts.process(&results, now);
        let status = results.iter().map(|r| r.status).max().unwrap_or(Status::Ok);
        let report = Report {
            generated_at: now,
            status,
            results,
            opened: changes.opened,
            resolved: changes.resolved,
            open_alerts: self.alerts.open_alerts(),
        };
        info!(
            status = %report.status,
            checks = report.results.len(),
            ok = report.count(Status::Ok),
            warning = report.count(Status::Warning),
            critical = report.count(Status::Critical),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "round finished"
        );
        report
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
        let mut last = None;
        let mut done = 0;
        while schedule.rounds.is_none_or(|rounds| done < rounds) {
            if done > 0 {
                clock.sleep(schedule.interval);
            }
            let report = self.run_once(readings, clock.now());
            let flow = on_report(&report);
            last = Some(report);
            done += 1;
            if flow.is_break() {
                break;
            }
        }
        last
    }
}
