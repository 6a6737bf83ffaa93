//! The runner area: `Monitor`, `Report` (src/runner.rs) and the table and JSON output
//! (src/report.rs). The checks here are written by the test, and time comes from a fake clock.

use std::cell::Cell;
use std::ops::ControlFlow;
use std::rc::Rc;
use std::time::Duration;

use sre_monitor::alerts::AlertManager;
use sre_monitor::checks::{FixedReadings, HealthCheck, Reading, SystemReadings};
use sre_monitor::models::{Alert, CheckResult, Metric, Server, Status};
use sre_monitor::report::{render_json, render_table};
use sre_monitor::runner::{Clock, Monitor, Report, Schedule};

const T0: u64 = 1_700_000_000;

/// A check that reports the statuses it is given, one per run (the last one repeats), and counts
/// how often it runs.
struct Scripted {
    name: &'static str,
    statuses: Vec<Status>,
    runs: Rc<Cell<usize>>,
}

fn scripted(name: &'static str, statuses: &[Status]) -> Box<dyn HealthCheck> {
    Box::new(Scripted {
        name,
        statuses: statuses.to_vec(),
        runs: Rc::new(Cell::new(0)),
    })
}

impl HealthCheck for Scripted {
    fn name(&self) -> String {
        self.name.to_owned()
    }
    fn check(&self, _readings: &dyn SystemReadings, now: u64) -> Reading {
        let run = self.runs.get();
        self.runs.set(run + 1);
        let status = self.statuses[run.min(self.statuses.len() - 1)];
        Reading {
            status,
            metric: Metric::new("value", run as f64, "", now).ok(),
            message: format!("{} is {status:?}", self.name),
        }
    }
}

fn server(name: &str) -> Server {
    Server::new(name, "localhost").unwrap()
}

/// A clock that never waits: `sleep` moves its time forward and remembers how long it slept.
struct FakeClock {
    now: u64,
    slept: Vec<Duration>,
}

impl Clock for FakeClock {
    fn now(&self) -> u64 {
        self.now
    }
    fn sleep(&mut self, duration: Duration) {
        self.slept.push(duration);
        self.now += duration.as_secs();
    }
}

fn checks_of(report: &Report) -> Vec<(&str, &str, Status)> {
    report
        .results
        .iter()
        .map(|r| (r.server.as_str(), r.check.as_str(), r.status))
        .collect()
}

fn run_once_runs_every_check_of_every_server_in_order() {
    let mut monitor = Monitor::new(AlertManager::new(Status::Warning));
    monitor.add_server(
        server("web-01"),
        vec![
            scripted("disk /", &[Status::Ok]),
            scripted("memory", &[Status::Warning]),
        ],
    );
    monitor.add_server(server("db-01"), vec![scripted("port 5432", &[Status::Ok])]);
    let report = monitor.run_once(&FixedReadings::default(), T0);
    assert_eq!(
        checks_of(&report),
        [
            ("web-01", "disk /", Status::Ok),
            ("web-01", "memory", Status::Warning),
            ("db-01", "port 5432", Status::Ok),
        ],
        "one result per check: servers in the order added, each server's checks in order, each result naming its server"
    );
    assert_eq!(report.generated_at, T0, "the report is stamped with `now`");
    assert_eq!(
        report.results[0].metric.as_ref().map(Metric::timestamp),
        Some(T0),
        "checks run with the same `now`"
    );
}

fn the_report_status_is_the_worst_result() {
    let mut monitor = Monitor::new(AlertManager::new(Status::Warning));
    monitor.add_server(
        server("web-01"),
        vec![
            scripted("a", &[Status::Warning]),
            scripted("b", &[Status::Critical]),
            scripted("c", &[Status::Ok]),
        ],
    );
    let report = monitor.run_once(&FixedReadings::default(), T0);
    assert_eq!(
        report.status,
        Status::Critical,
        "the report's status is the worst of its results"
    );
    assert_eq!(
        (
            report.count(Status::Ok),
            report.count(Status::Warning),
            report.count(Status::Critical)
        ),
        (1, 1, 1),
        "count(status) counts the results with that status"
    );
    assert!(
        !report.is_healthy(),
        "a report with a failing check is not healthy"
    );

    let mut empty = Monitor::new(AlertManager::new(Status::Warning));
    let report = empty.run_once(&FixedReadings::default(), T0);
    assert_eq!(report.status, Status::Ok, "no checks: the status is Ok");
    assert!(report.is_healthy(), "no checks, nothing wrong: healthy");

    let mut warning_only = Monitor::new(AlertManager::new(Status::Critical));
    warning_only.add_server(server("web-01"), vec![scripted("a", &[Status::Warning])]);
    let report = warning_only.run_once(&FixedReadings::default(), T0);
    assert!(
        !report.is_healthy(),
        "healthy means every check is OK: a warning is not healthy, even when it opens no alert"
    );
}

fn alerts_open_once_and_resolve_across_rounds() {
    let mut monitor = Monitor::new(AlertManager::new(Status::Warning));
    monitor.add_server(
        server("db-01"),
        vec![scripted(
            "port 5432",
            &[Status::Critical, Status::Critical, Status::Ok],
        )],
    );
    let readings = FixedReadings::default();
    let first = monitor.run_once(&readings, T0);
    assert_eq!(
        first.opened.len(),
        1,
        "round 1: the critical port opens an alert"
    );
    assert_eq!(first.open_alerts.len(), 1, "round 1: one alert is open");
    let second = monitor.run_once(&readings, T0 + 60);
    assert!(
        second.opened.is_empty(),
        "round 2: the alert is still open, so it is not opened again: the monitor keeps one AlertManager across rounds"
    );
    assert_eq!(second.open_alerts.len(), 1, "round 2: it is still open");
    let third = monitor.run_once(&readings, T0 + 120);
    assert_eq!(
        third.resolved.len(),
        1,
        "round 3: the port is back, the alert resolves"
    );
    assert!(third.open_alerts.is_empty(), "round 3: nothing is open");
}

fn run_repeats_on_the_schedule_and_returns_the_last_report() {
    let mut monitor = Monitor::new(AlertManager::new(Status::Warning));
    monitor.add_server(
        server("web-01"),
        vec![scripted(
            "memory",
            &[Status::Ok, Status::Warning, Status::Critical],
        )],
    );
    let mut clock = FakeClock {
        now: T0,
        slept: Vec::new(),
    };
    let mut seen = Vec::new();
    let schedule = Schedule {
        interval: Duration::from_secs(30),
        rounds: Some(3),
    };
    let last = monitor.run(
        &FixedReadings::default(),
        schedule,
        &mut clock,
        &mut |report: &Report| {
            seen.push((report.generated_at, report.status));
            ControlFlow::Continue(())
        },
    );
    assert_eq!(
        seen,
        [
            (T0, Status::Ok),
            (T0 + 30, Status::Warning),
            (T0 + 60, Status::Critical)
        ],
        "three rounds, each reported as it finishes, stamped with the clock's time"
    );
    assert_eq!(
        clock.slept,
        [Duration::from_secs(30), Duration::from_secs(30)],
        "the monitor sleeps the interval between rounds, and not after the last one"
    );
    let last = last.expect("run returns the last report");
    assert_eq!(
        (last.generated_at, last.status),
        (T0 + 60, Status::Critical),
        "run returns the last round's report"
    );
}

fn run_with_zero_rounds_runs_none() {
    let mut monitor = Monitor::new(AlertManager::new(Status::Warning));
    monitor.add_server(server("web-01"), vec![scripted("memory", &[Status::Ok])]);
    let mut clock = FakeClock {
        now: T0,
        slept: Vec::new(),
    };
    let mut seen = Vec::new();
    let none = Schedule {
        interval: Duration::from_secs(30),
        rounds: Some(0),
    };
    let last = monitor.run(
        &FixedReadings::default(),
        none,
        &mut clock,
        &mut |report: &Report| {
            seen.push(report.generated_at);
            ControlFlow::Continue(())
        },
    );
    assert!(
        seen.is_empty() && last.is_none() && clock.slept.is_empty(),
        "a schedule of 0 rounds runs no round: no report to on_report (got {seen:?}), no sleep \
         (got {:?}), and run returns None (got a report: {}). Check the number of rounds before \
         each round, the first one too",
        clock.slept,
        last.is_some()
    );
}

fn run_stops_after_the_round_whose_report_says_break() {
    let mut monitor = Monitor::new(AlertManager::new(Status::Warning));
    monitor.add_server(
        server("web-01"),
        vec![scripted(
            "memory",
            &[Status::Ok, Status::Critical, Status::Warning],
        )],
    );
    let mut clock = FakeClock {
        now: T0,
        slept: Vec::new(),
    };
    let mut seen = Vec::new();
    let forever = Schedule {
        interval: Duration::from_secs(10),
        rounds: None,
    };
    let last = monitor.run(
        &FixedReadings::default(),
        forever,
        &mut clock,
        &mut |report: &Report| {
            seen.push(report.generated_at);
            if seen.len() == 2 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        },
    );
    assert_eq!(
        seen,
        [T0, T0 + 10],
        "on_report answered Break(()) for the second round: run no more rounds after it, even on a schedule without an end (this is how the binary stops when nobody reads its output)"
    );
    assert_eq!(
        clock.slept,
        [Duration::from_secs(10)],
        "after the round that says Break, stop at once: no sleep after it"
    );
    assert_eq!(
        last.map(|report| (report.generated_at, report.status)),
        Some((T0 + 10, Status::Critical)),
        "run returns the report of the round that said Break: it is the last round that ran"
    );
}

fn result(
    server: &str,
    check: &str,
    status: Status,
    value: Option<f64>,
    message: &str,
) -> CheckResult {
    CheckResult {
        server: server.into(),
        check: check.into(),
        status,
        metric: value.map(|v| Metric::new("used_percent", v, "%", T0).unwrap()),
        message: message.into(),
    }
}

fn sample_report() -> Report {
    let results = vec![
        result(
            "web-01",
            "disk /",
            Status::Ok,
            Some(42.0),
            "disk / is 42.0% full",
        ),
        result(
            "web-01",
            "memory",
            Status::Warning,
            Some(91.46),
            "memory is 91.5% used",
        ),
        result(
            "web-01",
            "process nginx",
            Status::Ok,
            None,
            "process nginx is running",
        ),
        result(
            "db-primary-01",
            "port 5432",
            Status::Critical,
            None,
            "connection refused",
        ),
    ];
    let alert =
        |r: &CheckResult| Alert::new(&r.server, &r.check, r.status, &r.message, T0).unwrap();
    Report {
        generated_at: T0,
        status: Status::Critical,
        opened: vec![alert(&results[1]), alert(&results[3])],
        resolved: Vec::new(),
        open_alerts: vec![alert(&results[3]), alert(&results[1])],
        results,
    }
}

/// The keys of a JSON object, sorted.
fn keys_of(value: &serde_json::Value, what: &str) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .unwrap_or_else(|| panic!("{what} is a JSON object, got {value}"))
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

fn the_json_report_has_every_field_even_when_empty() {
    let json = render_json(&sample_report());
    let value: serde_json::Value =
        serde_json::from_str(&json).expect("the JSON report parses as JSON");
    assert_eq!(
        keys_of(&value, "the report"),
        [
            "generated_at",
            "open_alerts",
            "opened",
            "resolved",
            "results",
            "status"
        ],
        "the report has every field of Report, an empty list included (`\"resolved\": []`): a script that reads `.resolved` must find it. Got:\n{json}"
    );
    assert_eq!(
        value["resolved"],
        serde_json::json!([]),
        "no alert resolved this round: `\"resolved\": []`, not null, not left out"
    );
    assert_eq!(
        keys_of(&value["results"][2], "a result"),
        ["check", "message", "metric", "server", "status"],
        "a result has every field of CheckResult, `\"metric\": null` when it measured nothing. Got:\n{json}"
    );
    assert_eq!(
        keys_of(&value["results"][0]["metric"], "a metric"),
        ["name", "timestamp", "unit", "value"],
        "a metric has its name, value, unit and timestamp. Got:\n{json}"
    );
    assert_eq!(
        keys_of(&value["opened"][0], "an alert"),
        ["check", "message", "opened_at", "server", "severity"],
        "an alert has its server, check, severity, message and opened_at. Got:\n{json}"
    );
    assert_eq!(
        value["results"][0]["metric"]["timestamp"], T0,
        "a metric's timestamp is the Unix time it was measured"
    );
}

fn the_table_report_has_the_specified_layout() {
    let table = render_table(&sample_report());
    // The layout is specified in src/report.rs. On a mismatch, insta prints both versions.
    insta::assert_snapshot!("table_report", table);
}

fn an_empty_table_has_the_header_and_the_summary() {
    let report = Report {
        generated_at: T0,
        status: Status::Ok,
        results: Vec::new(),
        opened: Vec::new(),
        resolved: Vec::new(),
        open_alerts: Vec::new(),
    };
    assert_eq!(
        render_table(&report),
        "SERVER  CHECK  STATUS  VALUE  MESSAGE\ntotal 0: 0 ok, 0 warning, 0 critical\n",
        "with no results, the table is its header (each column as wide as its title) and the summary line"
    );
}

fn a_column_is_as_wide_as_its_title_when_its_cells_are_narrower() {
    let report = Report {
        generated_at: T0,
        status: Status::Ok,
        results: vec![result("a", "b", Status::Ok, None, "m")],
        opened: Vec::new(),
        resolved: Vec::new(),
        open_alerts: Vec::new(),
    };
    assert_eq!(
        render_table(&report),
        "SERVER  CHECK  STATUS  VALUE  MESSAGE\n\
         a       b      OK      -      m\n\
         total 1: 1 ok, 0 warning, 0 critical\n",
        "each column is as wide as its widest cell, the header's included: here every title is \
         wider than the cells under it, so the cells are padded to the titles' widths (a width \
         taken from the results alone leaves the titles out of line)"
    );
}

fn the_json_report_is_one_line_that_parses_back() {
    let json = render_json(&sample_report());
    assert!(
        !json.trim_end().contains('\n'),
        "the JSON report is one line (JSON Lines: one object per round), got:\n{json}"
    );
    let value: serde_json::Value =
        serde_json::from_str(&json).expect("the JSON report parses as JSON");
    assert_eq!(
        value["generated_at"], T0,
        "generated_at: the Unix time of the round"
    );
    assert_eq!(
        value["status"], "critical",
        "status: the report's status, in lowercase"
    );
    let results = value["results"].as_array().expect("results: an array");
    assert_eq!(results.len(), 4, "one entry per result");
    assert_eq!(results[1]["server"], "web-01");
    assert_eq!(results[1]["check"], "memory");
    assert_eq!(results[1]["status"], "warning");
    assert_eq!(
        results[1]["metric"]["value"], 91.46,
        "a result's metric keeps its exact value"
    );
    assert!(
        results[2]["metric"].is_null(),
        "a result without a metric has metric: null"
    );
    assert_eq!(
        value["open_alerts"][0]["severity"], "critical",
        "open_alerts: the open alerts, most severe first"
    );
    assert_eq!(
        value["opened"].as_array().map(Vec::len),
        Some(2),
        "opened: this round's new alerts"
    );
}

workbook_harness::main!(
    run_once_runs_every_check_of_every_server_in_order,
    the_report_status_is_the_worst_result,
    alerts_open_once_and_resolve_across_rounds,
    run_repeats_on_the_schedule_and_returns_the_last_report,
    run_with_zero_rounds_runs_none,
    run_stops_after_the_round_whose_report_says_break,
    the_table_report_has_the_specified_layout,
    an_empty_table_has_the_header_and_the_summary,
    a_column_is_as_wide_as_its_title_when_its_cells_are_narrower,
    the_json_report_is_one_line_that_parses_back,
    the_json_report_has_every_field_even_when_empty,
);
