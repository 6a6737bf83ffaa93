//! My own tests (reference solution): behaviour the canonical tests leave open, each test one
//! question about the tool, with fixed readings and explicit timestamps.

use std::net::TcpListener;
use std::path::PathBuf;
use std::time::Duration;

use sre_monitor::alerts::AlertManager;
use sre_monitor::checks::{
    DiskCheck, FixedReadings, HealthCheck, LiveSystem, PortCheck, SystemReadings, Thresholds,
};
use sre_monitor::config::{CheckSpec, Config};
use sre_monitor::models::{CheckResult, Server, Status};
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
fn an_alert_reopened_after_recovery_has_the_new_time() {
    let mut manager = AlertManager::new(Status::Warning);
    manager.process(&[result("memory", Status::Warning)], NOW);
    manager.process(&[result("memory", Status::Ok)], NOW + 60);
    let again = manager.process(&[result("memory", Status::Warning)], NOW + 120);
    assert_eq!(again.opened.len(), 1);
    assert_eq!(again.opened[0].opened_at(), NOW + 120);
}

#[test]
fn an_ok_result_for_a_check_without_an_alert_resolves_nothing() {
    let mut manager = AlertManager::new(Status::Warning);
    let changes = manager.process(&[result("disk /", Status::Ok)], NOW);
    assert!(changes.opened.is_empty() && changes.resolved.is_empty());
    assert!(manager.open_alerts().is_empty());
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
