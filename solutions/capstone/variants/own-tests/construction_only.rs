//! Own tests, a mistake: each test builds a value and asserts nothing about what it does.

use sre_monitor::alerts::AlertManager;
use sre_monitor::checks::{DiskCheck, FixedReadings, MemoryCheck, Thresholds};
use sre_monitor::models::{Metric, Secret, Server, Status};
use sre_monitor::runner::Monitor;

#[test]
fn a_server_can_be_built() {
    assert!(Server::new("web-01", "localhost").is_ok());
}

#[test]
fn thresholds_can_be_built() {
    let t = Thresholds::new(80.0, 90.0).unwrap();
    let _disk = DiskCheck::new("/", t);
    let _memory = MemoryCheck::new(t);
}

#[test]
fn a_metric_can_be_built() {
    assert!(Metric::new("cpu", 12.5, "%", 0).is_ok());
}

#[test]
fn a_secret_can_be_built() {
    assert_eq!(Secret::new("key").expose(), "key");
}

#[test]
fn a_monitor_can_be_built() {
    let mut monitor = Monitor::new(AlertManager::new(Status::Warning));
    let report = monitor.run_once(&FixedReadings::default(), 0);
    assert!(report.results.is_empty());
}
