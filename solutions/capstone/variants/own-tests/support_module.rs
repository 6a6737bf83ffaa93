//! # Area 6: your own tests
//!
//! The seed's capstone asks for "at least 5 tests" (`tests/test_models.py`, `test_checks.py`,
//! `test_alerts.py`). Write yours here: **at least five `#[test]` functions**, all passing.
//!
//! ## How they are graded
//!
//! A test earns its keep by what it catches. The grader runs your tests beside the canonical ones
//! (`cargo capstone`), first against the reference solution, where every one of them must pass,
//! and then against copies of the library with a **planted bug** each: a slip a learner plausibly
//! makes in `models`, `checks`, `alerts` or `runner` (an off-by-one threshold, an alert opened
//! again every round, a secret that prints itself, ...). A bug is caught when at least one of your
//! tests fails on it. The area's score is the share of the planted bugs your tests catch, and it
//! is never full while one of your tests fails. So `assert!(true)`, or a test that only builds a
//! value, earns nothing: assert what the library promises.
//!
//! What makes a good test here, as in pytest:
//! - one question per test, named as a sentence: `fn a_disk_at_the_critical_level_is_critical()`;
//! - about a promise of the public API written in the lessons (the headers of `src/*.rs`): a
//!   threshold edge, what a `Secret` prints, an alert that must not repeat, an alert that opens
//!   again after it resolved, the status of a report, the defaults of a minimal config;
//! - deterministic: hand the checks `FixedReadings` (or your own `SystemReadings`), give
//!   timestamps explicitly, and use only 127.0.0.1 for ports
//!   (`TcpListener::bind("127.0.0.1:0")` picks a free one).
//!
//! This file is a test crate of its own: it sees the library like any user would, through its
//! public API (`use sre_monitor::...`), the way `tests/test_*.py` import `sre_monitor`.
//!
//! ```rust,ignore
//! use sre_monitor::checks::Thresholds;
//! use sre_monitor::models::Status;
//!
//! #[test]
//! fn a_reading_at_the_warning_level_is_a_warning() {
//!     let t = Thresholds::new(80.0, 90.0).unwrap();
//!     assert_eq!(t.classify(80.0), Status::Warning);
//! }
//! ```
//!
//! Run them with `cargo capstone` (or `cargo test -p sre-monitor --test my_tests` while you work).
//!
//! ## Read more
//!
//! The Rust Book, [ch. 11, Writing Automated Tests](https://doc.rust-lang.org/book/ch11-00-testing.html)
//! and [ch. 11.3, integration tests](https://doc.rust-lang.org/book/ch11-03-test-organization.html#integration-tests).

use std::path::PathBuf;

use sre_monitor::checks::{DiskCheck, FixedReadings, HealthCheck, MemoryCheck, Thresholds};
use sre_monitor::models::{CheckResult, ModelError, Secret, Server, Status};
use sre_monitor::{AlertManager, Monitor};

mod support {
    use super::*;

    pub fn result(check: &str, status: Status) -> CheckResult {
        CheckResult {
            server: "web-01".into(),
            check: check.into(),
            status,
            metric: None,
            message: format!("{check} is {status}"),
        }
    }

    pub fn thresholds() -> Thresholds {
        Thresholds::new(80.0, 90.0).expect("valid thresholds")
    }
}

#[test]
fn each_threshold_edge_belongs_to_the_worse_level() {
    let t = support::thresholds();
    let table = [
        (79.9, Status::Ok),
        (80.0, Status::Warning),
        (89.9, Status::Warning),
        (90.0, Status::Critical),
        (100.0, Status::Critical),
    ];
    for (value, expected) in table {
        assert_eq!(t.classify(value), expected, "classify({value})");
    }
}

#[test]
fn a_secret_keeps_its_value_out_of_every_format() {
    let secret = Secret::new("hunter2-hunter2");
    for shown in [
        format!("{secret}"),
        format!("{secret:?}"),
        format!("{secret:#?}"),
    ] {
        assert!(!shown.contains("hunter2"), "leaked: {shown}");
    }
    assert_eq!(secret.expose(), "hunter2-hunter2");
}

#[test]
fn a_host_with_a_space_is_refused() {
    assert_eq!(
        Server::new("web-01", "web 01"),
        Err(ModelError::InvalidHost("web 01".into()))
    );
    assert_eq!(Server::new("  ", "web-01"), Err(ModelError::EmptyName));
}

#[test]
fn an_unreadable_disk_or_memory_is_critical() {
    let nothing = FixedReadings::default();
    let disk = DiskCheck::new(PathBuf::from("/nowhere"), support::thresholds());
    assert_eq!(disk.check(&nothing, 1).status, Status::Critical);
    assert_eq!(
        MemoryCheck::new(support::thresholds())
            .check(&nothing, 1)
            .status,
        Status::Critical
    );
}

#[test]
fn the_same_problem_opens_one_alert_until_it_resolves() {
    let mut manager = AlertManager::new(Status::Warning);
    let failing = [support::result("memory", Status::Warning)];
    assert_eq!(manager.process(&failing, 100).opened.len(), 1);
    assert!(manager.process(&failing, 160).opened.is_empty());
    assert!(manager.process(&failing, 220).opened.is_empty());
    let fixed = manager.process(&[support::result("memory", Status::Ok)], 280);
    assert_eq!(fixed.resolved.len(), 1);
    assert_eq!(manager.process(&failing, 340).opened.len(), 1);
}

#[test]
fn a_critical_minimum_opens_no_alert_for_a_warning() {
    let mut manager = AlertManager::new(Status::Critical);
    let changes = manager.process(&[support::result("memory", Status::Warning)], 1);
    assert!(changes.opened.is_empty());
    assert!(manager.open_alerts().is_empty());
}

#[test]
fn a_report_is_as_bad_as_its_worst_check_and_a_warning_is_not_healthy() {
    let readings = FixedReadings {
        disks: vec![(PathBuf::from("/"), 85.0), (PathBuf::from("/var"), 10.0)],
        ..FixedReadings::default()
    };
    let mut monitor = Monitor::new(AlertManager::new(Status::Warning));
    let server = Server::new("web-01", "localhost").unwrap();
    let checks: Vec<Box<dyn HealthCheck>> = vec![
        Box::new(DiskCheck::new("/", support::thresholds())),
        Box::new(DiskCheck::new("/var", support::thresholds())),
    ];
    monitor.add_server(server, checks);
    let report = monitor.run_once(&readings, 42);
    assert_eq!(report.status, Status::Warning);
    assert!(!report.is_healthy());
    assert_eq!(report.count(Status::Warning), 1);
    assert_eq!(report.count(Status::Ok), 1);
}
