//! Own tests, another good set: table-driven checks of thresholds and statuses, a scripted check
//! of its own for the monitor, and the alert manager driven round by round.

use std::path::PathBuf;

use sre_monitor::alerts::AlertManager;
use sre_monitor::checks::{
    DiskCheck, FixedReadings, HealthCheck, MemoryCheck, ProcessCheck, Reading, SystemReadings,
    Thresholds,
};
use sre_monitor::models::{CheckResult, ModelError, Secret, Server, Status};
use sre_monitor::runner::Monitor;

const T: u64 = 1_800_000_000;

struct Fixed {
    name: &'static str,
    status: Status,
}

impl HealthCheck for Fixed {
    fn name(&self) -> String {
        self.name.into()
    }
    fn check(&self, _: &dyn SystemReadings, _: u64) -> Reading {
        Reading {
            status: self.status,
            metric: None,
            message: String::new(),
        }
    }
}

fn monitor_of(statuses: &[Status], min: Status) -> Monitor {
    let names = ["one", "two", "three", "four"];
    let mut monitor = Monitor::new(AlertManager::new(min));
    monitor.add_server(
        Server::new("host-a", "127.0.0.1").unwrap(),
        statuses
            .iter()
            .zip(names)
            .map(|(&status, name)| Box::new(Fixed { name, status }) as Box<dyn HealthCheck>)
            .collect(),
    );
    monitor
}

fn failing(check: &str, status: Status) -> CheckResult {
    CheckResult {
        server: "host-a".into(),
        check: check.into(),
        status,
        metric: None,
        message: "bad".into(),
    }
}

#[test]
fn classify_counts_each_level_from_the_level_itself() {
    let t = Thresholds::new(70.0, 85.0).unwrap();
    for (value, expected) in [
        (69.9, Status::Ok),
        (70.0, Status::Warning),
        (84.9, Status::Warning),
        (85.0, Status::Critical),
    ] {
        assert_eq!(t.classify(value), expected, "{value}");
    }
}

#[test]
fn checks_that_read_nothing_are_critical() {
    let t = Thresholds::new(70.0, 85.0).unwrap();
    let readings = FixedReadings {
        disks: vec![(PathBuf::from("/"), 10.0)],
        ..FixedReadings::default()
    };
    assert_eq!(
        DiskCheck::new("/srv", t).check(&readings, T).status,
        Status::Critical
    );
    assert_eq!(
        MemoryCheck::new(t).check(&readings, T).status,
        Status::Critical
    );
    assert_eq!(
        ProcessCheck::new("cron").check(&readings, T).status,
        Status::Critical
    );
}

#[test]
fn hosts_with_blanks_are_not_hosts() {
    for host in ["", " ", "a b", "tab\there"] {
        assert!(
            matches!(Server::new("x", host), Err(ModelError::InvalidHost(_))),
            "{host:?}"
        );
    }
}

#[test]
fn secrets_stay_secret_in_every_format() {
    let secret = Secret::new("s3cr3t-value");
    let debug_of_option = format!("{:?}", Some(secret.clone()));
    for text in [secret.to_string(), format!("{secret:?}"), debug_of_option] {
        assert!(!text.contains("s3cr3t"), "{text}");
    }
}

#[test]
fn one_problem_one_alert_until_it_is_resolved() {
    let mut alerts = AlertManager::new(Status::Warning);
    let rounds = [
        Status::Warning,
        Status::Warning,
        Status::Ok,
        Status::Warning,
    ];
    let opened: Vec<usize> = rounds
        .iter()
        .enumerate()
        .map(|(i, &status)| {
            alerts
                .process(&[failing("disk /", status)], T + i as u64)
                .opened
                .len()
        })
        .collect();
    assert_eq!(opened, [1, 0, 0, 1]);
}

#[test]
fn below_the_minimum_severity_nothing_opens() {
    let mut alerts = AlertManager::new(Status::Critical);
    let changes = alerts.process(
        &[
            failing("a", Status::Warning),
            failing("b", Status::Critical),
        ],
        T,
    );
    let keys: Vec<&str> = changes.opened.iter().map(|a| a.check()).collect();
    assert_eq!(keys, ["b"]);
}

#[test]
fn the_report_takes_the_worst_status_wherever_it_is() {
    for (statuses, worst) in [
        (vec![Status::Critical, Status::Ok], Status::Critical),
        (
            vec![Status::Ok, Status::Warning, Status::Ok],
            Status::Warning,
        ),
        (vec![Status::Ok], Status::Ok),
    ] {
        let report = monitor_of(&statuses, Status::Warning).run_once(&FixedReadings::default(), T);
        assert_eq!(report.status, worst, "{statuses:?}");
        assert_eq!(report.is_healthy(), worst == Status::Ok, "{statuses:?}");
    }
}
