//! The checks area: `Thresholds`, the `HealthCheck` trait and its four checks (src/checks.rs).
//! Every check reads fixed readings here, except the live port test, which opens a real listener
//! on 127.0.0.1.

use std::cell::{Cell, RefCell};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sre_monitor::checks::{
    DiskCheck, FixedReadings, HealthCheck, LiveSystem, MemoryCheck, PortCheck, ProcessCheck,
    Reading, SystemReadings, ThresholdError, Thresholds,
};
use sre_monitor::models::{CheckResult, Status};

const NOW: u64 = 1_700_000_000;

fn thresholds(warning: f64, critical: f64) -> Thresholds {
    Thresholds::new(warning, critical).expect("valid thresholds")
}

fn disks(disks: &[(&str, f64)]) -> FixedReadings {
    FixedReadings {
        disks: disks.iter().map(|(m, p)| (PathBuf::from(m), *p)).collect(),
        ..FixedReadings::default()
    }
}

/// Readings that record what the checks asked for.
#[derive(Default)]
struct Recording {
    ports: RefCell<Vec<(String, u16, Duration)>>,
    open: bool,
    calls: Cell<u32>,
}

impl SystemReadings for Recording {
    fn disk_used_percent(&self, _path: &Path) -> Option<f64> {
        self.calls.set(self.calls.get() + 1);
        Some(50.0)
    }
    fn memory_used_percent(&self) -> Option<f64> {
        self.calls.set(self.calls.get() + 1);
        Some(50.0)
    }
    fn process_running(&self, _name: &str) -> bool {
        self.calls.set(self.calls.get() + 1);
        true
    }
    fn port_open(&self, host: &str, port: u16, timeout: Duration) -> bool {
        self.calls.set(self.calls.get() + 1);
        self.ports
            .borrow_mut()
            .push((host.to_owned(), port, timeout));
        self.open
    }
}

fn thresholds_accept_percentages_with_warning_at_most_critical() {
    let t = Thresholds::new(80.0, 90.0).expect("80/90 are valid thresholds");
    assert_eq!(
        (t.warning(), t.critical()),
        (80.0, 90.0),
        "Thresholds keeps both levels"
    );
    assert!(
        Thresholds::new(0.0, 100.0).is_ok(),
        "0 and 100 are allowed: the range includes its ends"
    );
    assert!(
        Thresholds::new(90.0, 90.0).is_ok(),
        "warning may equal critical"
    );
    assert_eq!(
        Thresholds::new(95.0, 90.0),
        Err(ThresholdError::WarningAboveCritical {
            warning: 95.0,
            critical: 90.0
        }),
        "a warning level above the critical one makes no sense: WarningAboveCritical"
    );
    assert_eq!(
        Thresholds::new(80.0, 150.0),
        Err(ThresholdError::OutOfRange {
            field: "critical",
            value: 150.0
        }),
        "a level above 100 is not a percentage: OutOfRange naming the field \"critical\""
    );
    assert_eq!(
        Thresholds::new(-5.0, 90.0),
        Err(ThresholdError::OutOfRange {
            field: "warning",
            value: -5.0
        }),
        "a negative level is not a percentage: OutOfRange naming the field \"warning\""
    );
    assert!(
        Thresholds::new(f64::NAN, 90.0).is_err(),
        "NaN is not a percentage: refuse it"
    );
}

fn thresholds_classify_at_and_above_each_level() {
    let t = thresholds(80.0, 90.0);
    let cases = [
        (0.0, Status::Ok),
        (79.9, Status::Ok),
        (80.0, Status::Warning),
        (89.9, Status::Warning),
        (90.0, Status::Critical),
        (100.0, Status::Critical),
    ];
    for (value, expected) in cases {
        assert_eq!(
            t.classify(value),
            expected,
            "with warning 80 and critical 90, {value} must be {expected:?}: a level counts from the threshold itself (at or above)"
        );
    }
}

fn disk_check_judges_its_own_disk_and_measures_it() {
    let readings = disks(&[("/", 42.0), ("/var", 85.0), ("/data", 93.5)]);
    let t = thresholds(80.0, 90.0);
    let root = DiskCheck::new("/", t).check(&readings, NOW);
    assert_eq!(
        root.status,
        Status::Ok,
        "disk / at 42% is below the warning level: Ok"
    );
    let metric = root
        .metric
        .as_ref()
        .expect("a disk check measures the disk: its Reading has a metric");
    assert_eq!(
        metric.value(),
        42.0,
        "the metric's value is the reading, 42.0"
    );
    assert_eq!(
        metric.name(),
        "disk_used_percent",
        "a disk check's metric is named disk_used_percent"
    );
    assert_eq!(metric.unit(), "%", "disk usage is a percentage: unit \"%\"");
    assert_eq!(metric.timestamp(), NOW, "the metric is stamped with `now`");
    assert_eq!(
        DiskCheck::new("/var", t).check(&readings, NOW).status,
        Status::Warning,
        "DiskCheck(\"/var\") must read /var (85%), not another disk: Warning"
    );
    let data = DiskCheck::new("/data", t).check(&readings, NOW);
    assert_eq!(
        data.status,
        Status::Critical,
        "disk /data at 93.5% is critical"
    );
    assert!(
        data.message.contains("/data") && data.message.contains("93.5"),
        "the message says which disk (/data) and how full (93.5%), got {:?}",
        data.message
    );
}

fn a_disk_that_cannot_be_read_is_critical() {
    let reading =
        DiskCheck::new("/missing", thresholds(80.0, 90.0)).check(&disks(&[("/", 10.0)]), NOW);
    assert_eq!(
        reading.status,
        Status::Critical,
        "a disk that cannot be read (None) is critical: the monitor cannot vouch for it"
    );
    assert_eq!(reading.metric, None, "nothing was measured: no metric");
    assert!(
        reading.message.contains("/missing"),
        "the message says which disk could not be read, got {:?}",
        reading.message
    );
    let nowhere = format!("/no/such/folder-{}", std::process::id());
    let live = DiskCheck::new(&nowhere, thresholds(80.0, 90.0)).check(&LiveSystem, NOW);
    assert_eq!(
        (live.status, live.metric),
        (Status::Critical, None),
        "on the real machine, {nowhere} does not exist: no disk can be read for it, so the check is Critical with no metric (never a reading of the disk that holds `/`)"
    );
}

fn memory_check_judges_memory_use() {
    let t = thresholds(85.0, 95.0);
    let at = |percent: Option<f64>| {
        let readings = FixedReadings {
            memory_used_percent: percent,
            ..FixedReadings::default()
        };
        MemoryCheck::new(t).check(&readings, NOW)
    };
    assert_eq!(
        at(Some(60.0)).status,
        Status::Ok,
        "60% of memory in use is Ok"
    );
    assert_eq!(
        at(Some(85.0)).status,
        Status::Warning,
        "85% is at the warning level: Warning"
    );
    let critical = at(Some(97.25));
    assert_eq!(
        critical.status,
        Status::Critical,
        "97.25% is above the critical level"
    );
    assert_eq!(
        critical
            .metric
            .as_ref()
            .map(|m| (m.name(), m.value(), m.unit(), m.timestamp())),
        Some(("memory_used_percent", 97.25, "%", NOW)),
        "a memory check measures memory use: the metric memory_used_percent, in %, stamped with `now`"
    );
    assert_eq!(
        at(None).status,
        Status::Critical,
        "memory that cannot be read is critical"
    );
}

fn process_check_fails_with_its_severity_when_the_process_is_missing() {
    let readings = FixedReadings {
        processes: vec!["sshd".into(), "nginx".into()],
        ..FixedReadings::default()
    };
    let sshd = ProcessCheck::new("sshd").check(&readings, NOW);
    assert_eq!(sshd.status, Status::Ok, "sshd is running: Ok");
    assert_eq!(
        sshd.metric, None,
        "a process check measures nothing: no metric"
    );
    assert_eq!(
        ProcessCheck::new("postgres").check(&readings, NOW).status,
        Status::Critical,
        "a missing process is Critical by default"
    );
    let cron = ProcessCheck::new("cron")
        .with_severity(Status::Warning)
        .check(&readings, NOW);
    assert_eq!(
        cron.status,
        Status::Warning,
        "a missing process takes the check's own severity (here Warning)"
    );
    assert!(
        cron.message.contains("cron"),
        "the message names the process, got {:?}",
        cron.message
    );
    assert_eq!(
        ProcessCheck::new("ngin").check(&readings, NOW).status,
        Status::Critical,
        "process names match exactly: \"ngin\" is not \"nginx\""
    );
}

fn a_live_process_check_matches_a_long_name_in_full() {
    // This test runs as a program whose name is longer than the 15 bytes Linux keeps of it.
    let exe = std::env::current_exe().expect("the test's own program");
    let name = exe
        .file_name()
        .and_then(|name| name.to_str())
        .expect("the test program has a name")
        .to_owned();
    assert_eq!(
        ProcessCheck::new(&name).check(&LiveSystem, NOW).status,
        Status::Ok,
        "this test runs as the process {name:?}: a process check of the real machine finds it by its whole name"
    );
    if name.len() > 15 && name.is_char_boundary(15) {
        let first_15 = &name[..15];
        for other in [first_15.to_owned(), format!("{first_15}-not-this-one")] {
            assert_eq!(
                ProcessCheck::new(&other).check(&LiveSystem, NOW).status,
                Status::Critical,
                "no process is named {other:?}; {name:?} only shares its first 15 bytes, which is all Linux keeps of a process's own name: names match in full, never by those 15 bytes"
            );
        }
    }
}

fn port_check_asks_for_its_host_port_and_timeout() {
    let open = Recording {
        open: true,
        ..Recording::default()
    };
    let check = PortCheck::new("db.internal", 5432).with_timeout(Duration::from_millis(250));
    let reading = check.check(&open, NOW);
    assert_eq!(reading.status, Status::Ok, "an open port is Ok");
    assert_eq!(
        open.ports.borrow().as_slice(),
        [("db.internal".to_owned(), 5432, Duration::from_millis(250))],
        "a port check asks port_open once, with its own host, port and timeout"
    );
    let closed = Recording::default();
    assert_eq!(
        check.check(&closed, NOW).status,
        Status::Critical,
        "a closed port is Critical by default"
    );
    assert_eq!(
        check
            .clone()
            .with_severity(Status::Warning)
            .check(&closed, NOW)
            .status,
        Status::Warning,
        "a closed port takes the check's own severity"
    );
}

fn live_port_check_connects_to_a_real_listener() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
    let port = listener.local_addr().unwrap().port();
    let timeout = Duration::from_millis(500);
    assert!(
        LiveSystem.port_open("127.0.0.1", port, timeout),
        "LiveSystem::port_open must connect to 127.0.0.1:{port}, where this test listens"
    );
    assert!(
        LiveSystem.port_open("localhost", port, timeout),
        "\"localhost\" may resolve to ::1 first: try every address until one connects"
    );
    drop(listener);
    assert!(
        !LiveSystem.port_open("127.0.0.1", port, timeout),
        "nothing listens on {port} any more: port_open must say false, not panic"
    );
}

fn checks_name_what_they_look_at() {
    let t = thresholds(80.0, 90.0);
    assert_eq!(
        DiskCheck::new("/var/log", t).name(),
        "disk /var/log",
        "a disk check is named `disk <path>`"
    );
    assert_eq!(
        MemoryCheck::new(t).name(),
        "memory",
        "the memory check is named `memory`"
    );
    assert_eq!(
        ProcessCheck::new("sshd").name(),
        "process sshd",
        "a process check is named `process <name>`"
    );
    assert_eq!(
        PortCheck::new("localhost", 22).name(),
        "port 22",
        "a port check is named `port <port>`"
    );
}

fn run_is_provided_and_reports_for_the_server() {
    /// A check written by the test: it only needs `name` and `check`, so `run` must be provided.
    struct Scripted {
        calls: Cell<u32>,
    }
    impl HealthCheck for Scripted {
        fn name(&self) -> String {
            "queue depth".into()
        }
        fn check(&self, _readings: &dyn SystemReadings, now: u64) -> Reading {
            self.calls.set(self.calls.get() + 1);
            Reading {
                status: Status::Warning,
                metric: sre_monitor::models::Metric::new("queue_depth", 120.0, "jobs", now).ok(),
                message: "120 jobs waiting".into(),
            }
        }
    }
    let check = Scripted {
        calls: Cell::new(0),
    };
    let result = check.run("worker-01", &FixedReadings::default(), NOW);
    assert_eq!(check.calls.get(), 1, "run() must call check() exactly once");
    assert_eq!(
        result,
        CheckResult {
            server: "worker-01".into(),
            check: "queue depth".into(),
            status: Status::Warning,
            metric: sre_monitor::models::Metric::new("queue_depth", 120.0, "jobs", NOW).ok(),
            message: "120 jobs waiting".into(),
        },
        "run() reports the server it was given, the check's name(), and the status, metric and message of its check()"
    );
    let recording = Recording::default();
    let disk = DiskCheck::new("/", thresholds(80.0, 90.0)).run("web-01", &recording, NOW);
    assert_eq!(
        recording.calls.get(),
        1,
        "a disk check reads the machine once per run"
    );
    assert_eq!(
        (disk.server.as_str(), disk.check.as_str()),
        ("web-01", "disk /")
    );
}

workbook_harness::main!(
    thresholds_accept_percentages_with_warning_at_most_critical,
    thresholds_classify_at_and_above_each_level,
    disk_check_judges_its_own_disk_and_measures_it,
    a_disk_that_cannot_be_read_is_critical,
    memory_check_judges_memory_use,
    process_check_fails_with_its_severity_when_the_process_is_missing,
    a_live_process_check_matches_a_long_name_in_full,
    port_check_asks_for_its_host_port_and_timeout,
    live_port_check_connects_to_a_real_listener,
    checks_name_what_they_look_at,
    run_is_provided_and_reports_for_the_server,
);
