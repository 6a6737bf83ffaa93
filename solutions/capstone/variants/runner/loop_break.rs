//! # Area 4, runner: every check of every server, once or every N seconds
//!
//! ## The Python
//!
//! The seed's capstone names `runner.py (main orchestration)` and gives no code for it. Day 1's
//! exercise asks for "`HealthRunner` that runs all checks and prints a report"; the loop below is
//! the workbook's sketch of it, and `timed_operation` is quoted from the seed's Day 5.
//!
//! ```python
//! checks = [DiskCheck(90), PortCheck("localhost", 22)]   # a sketch
//! for check in checks:
//!     check.run()                      # each calls its OWN check() and name()
//!
//! def timed_operation(operation_name):  # seed, Day 5: "SRE Logging Patterns", pattern 1
//!     start = time.time()
//!     logger.info(f"Starting: {operation_name}")
//!     try:
//!         yield
//!         ...
//!
//! while True:                           # a sketch of run_monitor.py's loop, every N seconds
//!     run_checks(); time.sleep(interval)
//! ```
//!
//! A slip in the seed: `timed_operation` yields, so it is a generator, and `with
//! timed_operation("backup"):` needs it decorated with `@contextlib.contextmanager`; called as it
//! stands, it only builds a generator and times nothing.
//!
//! ## The Rust idea
//!
//! The monitor owns its servers and their checks as `Box<dyn HealthCheck>` (any check, Day 1's
//! trait objects) and one `AlertManager`, which must live across rounds to remember what is open.
//! Time is injected like the readings: `Clock` gives the time and sleeps, so a test runs three
//! rounds with a 30-second interval in no time. A round is a natural `tracing` span
//! (`info_span!("round", at = now).entered()`): every event logged inside it, including the
//! alert manager's, carries the span's fields, what `timed_operation` does by hand. And the
//! caller of `run` decides when to stop: `on_report` answers each report with a
//! [`ControlFlow`], `Continue(())` or `Break(())`, the way `try_for_each` lets a closure stop a loop.
//!
//! ## Your task
//!
//! 1. `Report::count` (how many results have this status) and `Report::is_healthy` (every result
//!    is `Ok`; a warning is not healthy, even when it opens no alert; no results is healthy).
//! 2. `Monitor::run_once(readings, now)`: run every check once (servers in the order added, each
//!    server's checks in order) with `HealthCheck::run`, hand all the results to the alert
//!    manager, and build the `Report`: stamped `now`, its `status` the worst result (`Ok` when
//!    there are none), the alert changes, and `open_alerts` after this round. Log what a round
//!    did if you like (`info!` with counts in fields; the tests do not check it).
//! 3. `Monitor::run(readings, schedule, clock, on_report)`: run `schedule.rounds` rounds (`None`:
//!    forever), each stamped with `clock.now()`; hand each report to `on_report` as soon as it is
//!    ready; `clock.sleep(schedule.interval)` **between** two rounds, never after the last; when
//!    `on_report` answers `ControlFlow::Break(())`, that round is the last (no sleep after it,
//!    even when `rounds` is `None`); return the last report (`None` if there was no round).
//! 4. Then `src/report.rs`: the table and the JSON output.
//!
//! Grade this area with `cargo capstone --area runner`; stuck? `cargo hint capstone runner`.
//!
//! ## Read more
//!
//! The Rust Book, [ch. 18.2, Trait Objects](https://doc.rust-lang.org/book/ch18-02-trait-objects.html)
//! (`Box<dyn HealthCheck>`) and [ch. 13.1, Closures](https://doc.rust-lang.org/book/ch13-01-closures.html)
//! (`&mut dyn FnMut`); [`std::ops::ControlFlow`](https://doc.rust-lang.org/std/ops/enum.ControlFlow.html);
//! [tracing's spans](https://docs.rs/tracing/latest/tracing/span/index.html).

// The `todo!()` bodies leave parameters and fields unused until you write them.
#![allow(dead_code, unused)]

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
// Step 1: the report of one round
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
        let mut n = 0;
        for result in &self.results {
            if result.status == status {
                n += 1;
            }
        }
        n
    }

    /// Whether every check is OK (true when there are no checks).
    pub fn is_healthy(&self) -> bool {
        self.count(Status::Ok) == self.results.len()
    }
}

// ---------------------------------------------------------------------------------------------
// Steps 2 and 3: the monitor
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
        let mut results = Vec::new();
        for (server, checks) in &self.servers {
            for check in checks {
                results.push(check.run(server.name(), readings, now));
            }
        }
        let changes = self.alerts.process(&results, now);
        let status = results
            .iter()
            .map(|r| r.status)
            .fold(Status::Ok, std::cmp::max);
        debug!(checks = results.len(), status = %status, "round done");
        Report {
            generated_at: now,
            status,
            results,
            opened: changes.opened,
            resolved: changes.resolved,
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
        let mut done: u64 = 0;
        loop {
            if schedule.rounds.is_some_and(|rounds| done >= rounds) {
                break;
            }
            if done > 0 {
                clock.sleep(schedule.interval);
            }
            let report = self.run_once(readings, clock.now());
            done += 1;
            let flow = on_report(&report);
            last = Some(report);
            if flow.is_break() {
                break;
            }
        }
        last
    }
}
