//! Own tests, a mistake: the reference set plus one test that fails on a correct library (it
//! expects a reading at the warning level to be OK). Never 100 while a test fails.
//!
//! My own tests (reference solution): behaviour the canonical tests leave open, each test one
//! question about the tool, with fixed readings and explicit timestamps. Each checks a promise of
//! the library's public API that a slip in it would break: a threshold edge, a secret, a repeated
//! alert, a report's status.
//!
//! ## Read more
//!
//! The Rust Book, [ch. 11, Writing Automated Tests](https://doc.rust-lang.org/book/ch11-00-testing.html)
//! and [ch. 11.3, integration tests](https://doc.rust-lang.org/book/ch11-03-test-organization.html#integration-tests).

use std::net::TcpListener;
use std::path::PathBuf;
use std::time::Duration;

use sre_monitor::alerts::AlertManager;
use sre_monitor::checks::{
    DiskCheck, FixedReadings, HealthCheck, LiveSystem, MemoryCheck, PortCheck, Reading,
    SystemReadings, Thresholds,
};
use sre_monitor::config::{CheckSpec, Config};
use sre_monitor::models::{CheckResult, Secret, Server, Status};
use sre_monitor::report::render_table;
use sre_monitor::runner::Monitor;

const NOW: u64 = 1_750_000_000;

fn result(check: &str, status: Status) -> CheckResult {
    CheckResult {
        server: "web-01".into(),
        check: check.into(),
        status,
        metric: None,
        message: format!("{check} is {status}"),
    }
}

/// A check that always answers `status`.
struct Always(&'static str, Status);

impl HealthCheck for Always {
    fn name(&self) -> String {
        self.0.to_owned()
    }
    fn check(&self, _readings: &dyn SystemReadings, _now: u64) -> Reading {
        Reading {
            status: self.1,
            metric: None,
            message: format!("{} is {}", self.0, self.1),
        }
    }
}

#[test]
fn equal_levels_go_straight_from_ok_to_critical() {
    let t = Thresholds::new(90.0, 90.0).unwrap();
    assert_eq!(t.classify(89.99), Status::Ok);
    assert_eq!(
        t.classify(90.0),
        Status::Critical,
        "at the shared level, critical wins"
    );
}

#[test]
fn a_reading_at_the_warning_level_is_a_warning() {
    let t = Thresholds::new(80.0, 90.0).unwrap();
    assert_eq!(t.classify(80.0), Status::Warning);
    assert_eq!(t.classify(79.99), Status::Ok);
}

#[test]
fn a_full_disk_is_critical_and_an_empty_one_is_ok() {
    let readings = FixedReadings {
        disks: vec![(PathBuf::from("/"), 100.0), (PathBuf::from("/boot"), 0.0)],
        ..FixedReadings::default()
    };
    let t = Thresholds::new(80.0, 90.0).unwrap();
    assert_eq!(
        DiskCheck::new("/", t).check(&readings, NOW).status,
        Status::Critical
    );
    assert_eq!(
        DiskCheck::new("/boot", t).check(&readings, NOW).status,
        Status::Ok
    );
}

#[test]
fn a_disk_or_memory_that_cannot_be_read_is_critical() {
    let t = Thresholds::new(80.0, 90.0).unwrap();
    let nothing = FixedReadings::default();
    let disk = DiskCheck::new("/data", t).check(&nothing, NOW);
    assert_eq!(disk.status, Status::Critical);
    assert_eq!(disk.metric, None);
    assert_eq!(
        MemoryCheck::new(t).check(&nothing, NOW).status,
        Status::Critical
    );
}

#[test]
fn a_server_host_with_a_space_is_refused() {
    assert!(Server::new("web-01", "web 01.internal").is_err());
    assert!(Server::new("web-01", "web-01.internal").is_ok());
}

#[test]
fn a_secret_shows_nothing_of_its_value() {
    let key = Secret::new("hunter2-pd-key");
    for shown in [format!("{key}"), format!("{key:?}"), format!("{key:#?}")] {
        assert!(!shown.contains("hunter2"), "{shown}");
    }
    assert_eq!(key.expose(), "hunter2-pd-key");
}

#[test]
fn an_open_alert_is_not_opened_again() {
    let mut manager = AlertManager::new(Status::Warning);
    let failing = [result("disk /", Status::Critical)];
    assert_eq!(manager.process(&failing, NOW).opened.len(), 1);
    let again = manager.process(&failing, NOW + 60);
    assert!(again.opened.is_empty(), "{again:?}");
    assert_eq!(manager.open_alerts()[0].opened_at(), NOW);
}

#[test]
fn a_critical_minimum_lets_warnings_pass() {
    let mut manager = AlertManager::new(Status::Critical);
    let changes = manager.process(&[result("memory", Status::Warning)], NOW);
    assert!(changes.opened.is_empty());
    assert!(manager.open_alerts().is_empty());
}

#[test]
fn an_alert_reopened_after_recovery_has_the_new_time() {
    let mut manager = AlertManager::new(Status::Warning);
    manager.process(&[result("memory", Status::Warning)], NOW);
    manager.process(&[result("memory", Status::Ok)], NOW + 60);
    let again = manager.process(&[result("memory", Status::Warning)], NOW + 120);
    assert_eq!(again.opened.len(), 1);
    assert_eq!(again.opened[0].opened_at(), NOW + 120);
}

#[test]
fn a_report_is_as_bad_as_its_worst_check_and_a_warning_is_not_healthy() {
    let mut monitor = Monitor::new(AlertManager::new(Status::Critical));
    monitor.add_server(
        Server::new("web-01", "localhost").unwrap(),
        vec![
            Box::new(Always("a", Status::Critical)),
            Box::new(Always("b", Status::Warning)),
            Box::new(Always("c", Status::Ok)),
        ],
    );
    let report = monitor.run_once(&FixedReadings::default(), NOW);
    assert_eq!(report.status, Status::Critical);
    assert!(!report.is_healthy());

    let mut warned = Monitor::new(AlertManager::new(Status::Critical));
    warned.add_server(
        Server::new("web-01", "localhost").unwrap(),
        vec![Box::new(Always("b", Status::Warning))],
    );
    let report = warned.run_once(&FixedReadings::default(), NOW);
    assert_eq!(report.status, Status::Warning);
    assert!(
        !report.is_healthy(),
        "a warning is not healthy, even with no alert"
    );
}

#[test]
fn the_table_widens_a_column_for_a_long_check_name() {
    let mut monitor = Monitor::new(AlertManager::new(Status::Warning));
    monitor.add_server(
        Server::new("a", "localhost").unwrap(),
        vec![Box::new(DiskCheck::new(
            "/var/lib/postgresql",
            Thresholds::new(80.0, 90.0).unwrap(),
        ))],
    );
    let readings = FixedReadings {
        disks: vec![(PathBuf::from("/var/lib/postgresql"), 12.5)],
        ..FixedReadings::default()
    };
    let table = render_table(&monitor.run_once(&readings, NOW));
    let lines: Vec<&str> = table.lines().collect();
    let status_column = lines[1].find("OK").unwrap();
    assert_eq!(
        lines[0].find("STATUS"),
        Some(status_column),
        "columns line up:\n{table}"
    );
    assert!(lines[1].contains("12.5%"));
    assert!(
        table.lines().all(|l| l == l.trim_end()),
        "no trailing spaces"
    );
}

#[test]
fn a_minimal_config_takes_the_defaults() {
    let config = Config::from_toml(
        "[[servers]]\nname = \"db\"\nhost = \"localhost\"\n[[servers.checks]]\ntype = \"port\"\nport = 5432\n",
    )
    .unwrap();
    assert_eq!(config.min_severity, Status::Warning);
    assert!(config.pagerduty_key.is_none());
    assert_eq!(
        config.servers[0].checks,
        [CheckSpec::Port {
            port: 5432,
            timeout: Duration::from_millis(3000),
            severity: Status::Critical,
        }]
    );
}

#[test]
fn a_port_check_of_the_live_system_follows_a_real_listener() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let check = PortCheck::new("127.0.0.1", port).with_timeout(Duration::from_millis(500));
    let live: &dyn SystemReadings = &LiveSystem;
    assert_eq!(check.check(live, NOW).status, Status::Ok);
    drop(listener);
    assert_eq!(check.check(live, NOW).status, Status::Critical);
}

#[test]
fn a_reading_at_the_warning_level_is_still_ok() {
    let t = Thresholds::new(80.0, 90.0).unwrap();
    assert_eq!(t.classify(80.0), Status::Ok);
}
