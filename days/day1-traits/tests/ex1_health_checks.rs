//! Exercise 1: the health-check framework, graded on fixed readings (and on local TCP ports).

#[path = "../src/ex1_health_checks.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod ex1_health_checks;

use std::cell::Cell;
use std::net::TcpListener;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use ex1_health_checks::{
    CheckOutcome, DiskCheck, FixedReadings, HealthCheck, HealthReport, HealthRunner, MemoryCheck,
    PortCheck, ProcessCheck, Severity, SystemReadings,
};

fn readings(
    disks: &[(&str, f64)],
    memory: Option<f64>,
    processes: &[&str],
) -> Arc<dyn SystemReadings> {
    Arc::new(FixedReadings {
        disks: disks.iter().map(|(m, p)| (PathBuf::from(m), *p)).collect(),
        memory_used_percent: memory,
        processes: processes.iter().map(|p| p.to_string()).collect(),
    })
}

/// A check written by the test: it can only exist if `HealthCheck` asks for exactly
/// `check`, `name` and `severity`. It counts how often it is run.
struct Scripted {
    name: &'static str,
    healthy: bool,
    severity: Severity,
    calls: Rc<Cell<u32>>,
}

impl Scripted {
    fn new(name: &'static str, healthy: bool, severity: Severity) -> Self {
        Scripted {
            name,
            healthy,
            severity,
            calls: Rc::new(Cell::new(0)),
        }
    }
}

impl HealthCheck for Scripted {
    fn check(&self) -> bool {
        self.calls.set(self.calls.get() + 1);
        self.healthy
    }
    fn name(&self) -> String {
        self.name.to_string()
    }
    fn severity(&self) -> Severity {
        self.severity
    }
}

// ----- Severity -----

fn severity_orders_info_warning_critical() {
    assert!(
        Severity::Info < Severity::Warning && Severity::Warning < Severity::Critical,
        "severity must order Info < Warning < Critical: a report's worst failure is the highest one"
    );
    let mut all = vec![Severity::Critical, Severity::Info, Severity::Warning];
    all.sort();
    assert_eq!(
        all,
        vec![Severity::Info, Severity::Warning, Severity::Critical],
        "sorting severities must give Info, Warning, Critical"
    );
    assert_eq!(
        Severity::Critical.max(Severity::Warning),
        Severity::Critical,
        "max(Critical, Warning) must be Critical"
    );
}

// ----- The provided method `run` -----

fn run_is_provided_and_reports_name_result_and_severity() {
    let check = Scripted::new("Queue depth", false, Severity::Warning);
    let outcome = check.run();
    assert_eq!(
        outcome,
        CheckOutcome {
            name: "Queue depth".into(),
            passed: false,
            severity: Severity::Warning
        },
        "run() must report the check's own name(), check() result and severity()"
    );
    assert_eq!(
        check.calls.get(),
        1,
        "run() must call check() exactly once: checks can be slow or have side effects"
    );
    let healthy = Scripted::new("Cron", true, Severity::Info);
    assert!(
        healthy.run().passed,
        "run() of a healthy check must report passed = true"
    );
}

fn outcome_displays_pass_or_fail_and_the_name() {
    let pass = CheckOutcome {
        name: "Disk /".into(),
        passed: true,
        severity: Severity::Critical,
    };
    let fail = CheckOutcome {
        name: "Port db:5432".into(),
        passed: false,
        severity: Severity::Critical,
    };
    assert_eq!(
        pass.to_string().trim(),
        "[PASS] Disk /",
        "a passing outcome prints as `[PASS] <name>`, like the seed's run()"
    );
    assert_eq!(
        fail.to_string().trim(),
        "[FAIL] Port db:5432",
        "a failing outcome prints as `[FAIL] <name>`"
    );
    assert!(
        !pass.to_string().contains('\n'),
        "an outcome prints on one line with no newline of its own: use write!, not writeln! (the report's \
         Display puts each outcome on its own line, and a newline here adds a blank line after it), got {:?}",
        pass.to_string()
    );
    assert_eq!(
        pass.to_string(),
        "[PASS] Disk /",
        "an outcome prints exactly `[PASS] <name>`, with nothing before or after it"
    );
}

// ----- DiskCheck -----

fn disk_check_passes_strictly_below_the_threshold() {
    let r = readings(&[("/", 89.9), ("/var", 90.0), ("/data", 97.5)], None, &[]);
    assert!(
        DiskCheck::new("/", 90.0).with_readings(r.clone()).check(),
        "a disk 89.9% full is below a 90% threshold: the check must pass"
    );
    assert!(
        !DiskCheck::new("/var", 90.0)
            .with_readings(r.clone())
            .check(),
        "a disk exactly 90.0% full is AT the threshold: the check must fail (the seed passes only when pct < threshold)"
    );
    assert!(
        !DiskCheck::new("/data", 90.0)
            .with_readings(r.clone())
            .check(),
        "a disk 97.5% full must fail a 90% check"
    );
    assert!(
        DiskCheck::new("/data", 98.0)
            .with_readings(r.clone())
            .check(),
        "the threshold is the check's own: 97.5% full passes a 98% check"
    );
    assert!(
        !DiskCheck::new("/data", 97.2)
            .with_readings(r.clone())
            .check(),
        "97.5% full is above a 97.2% threshold: the check must fail (compare the percentages as they are, \
         not rounded or cut to whole numbers)"
    );
    assert!(
        DiskCheck::new("/", 89.95).with_readings(r).check(),
        "89.9% full is below an 89.95% threshold: the check must pass (compare the percentages as they are, \
         not rounded or cut to whole numbers)"
    );
}

fn disk_check_reads_its_own_mount_point_and_fails_when_unreadable() {
    let r = readings(&[("/", 10.0), ("/var", 95.0)], None, &[]);
    assert!(
        !DiskCheck::new("/var", 90.0)
            .with_readings(r.clone())
            .check(),
        "DiskCheck(\"/var\") must read /var (95% full), not another disk"
    );
    assert!(
        !DiskCheck::new("/missing", 90.0).with_readings(r).check(),
        "a disk that cannot be read (None) must fail the check, not pass it"
    );
}

fn disk_check_name_and_severity() {
    let r = readings(&[], None, &[]);
    let var = DiskCheck::new("/var/log", 90.0)
        .with_readings(r.clone())
        .with_severity(Severity::Warning);
    assert!(
        var.name().contains("/var/log"),
        "a disk check's name must say which mount it checks, got {:?}",
        var.name()
    );
    assert_eq!(
        var.severity(),
        Severity::Warning,
        "severity() must be the one the check was built with"
    );
    let root = DiskCheck::new("/", 90.0)
        .with_readings(r)
        .with_severity(Severity::Info);
    assert_eq!(
        root.severity(),
        Severity::Info,
        "severity() must be the one the check was built with"
    );
}

// ----- MemoryCheck -----

fn memory_check_passes_strictly_below_the_threshold() {
    let at = |pct: Option<f64>| {
        MemoryCheck::new(80.0)
            .with_readings(readings(&[], pct, &[]))
            .check()
    };
    assert!(
        at(Some(79.5)),
        "79.5% memory used is below an 80% threshold: the check must pass"
    );
    assert!(
        !at(Some(80.0)),
        "exactly 80.0% memory used is AT the threshold: the check must fail (pct < threshold)"
    );
    assert!(!at(Some(99.0)), "99% memory used must fail an 80% check");
    assert!(
        !at(None),
        "memory that cannot be read (None) must fail the check"
    );
}

fn memory_check_name_and_severity() {
    let check = MemoryCheck::new(80.0)
        .with_readings(readings(&[], None, &[]))
        .with_severity(Severity::Critical);
    assert!(
        !check.name().trim().is_empty(),
        "a memory check needs a name for the report"
    );
    assert_eq!(
        check.severity(),
        Severity::Critical,
        "severity() must be the one the check was built with"
    );
    let info = MemoryCheck::new(80.0)
        .with_readings(readings(&[], None, &[]))
        .with_severity(Severity::Info);
    assert_eq!(
        info.severity(),
        Severity::Info,
        "severity() must be the one the check was built with"
    );
}

// ----- ProcessCheck -----

fn process_check_looks_for_its_own_process() {
    let r = readings(&[], None, &["sshd", "nginx"]);
    assert!(
        ProcessCheck::new("sshd").with_readings(r.clone()).check(),
        "sshd is running: ProcessCheck(\"sshd\") must pass"
    );
    assert!(
        !ProcessCheck::new("postgres").with_readings(r).check(),
        "postgres is not running: ProcessCheck(\"postgres\") must fail"
    );
}

fn process_check_name_and_severity() {
    let check = ProcessCheck::new("nginx")
        .with_readings(readings(&[], None, &[]))
        .with_severity(Severity::Warning);
    assert!(
        check.name().contains("nginx"),
        "a process check's name must say which process, got {:?}",
        check.name()
    );
    assert_eq!(
        check.severity(),
        Severity::Warning,
        "severity() must be the one the check was built with"
    );
    let info = ProcessCheck::new("nginx").with_severity(Severity::Info);
    assert_eq!(
        info.severity(),
        Severity::Info,
        "severity() must be the one the check was built with"
    );
}

// ----- PortCheck -----

fn port_check_passes_on_an_open_port() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let port = listener.local_addr().unwrap().port();
    let check = PortCheck::new("127.0.0.1", port).with_timeout(Duration::from_secs(2));
    assert!(
        check.check(),
        "something listens on 127.0.0.1:{port}: the port check must pass"
    );
    drop(listener);
}

fn port_check_resolves_host_names() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let port = listener.local_addr().unwrap().port();
    let check = PortCheck::new("localhost", port).with_timeout(Duration::from_secs(2));
    assert!(
        check.check(),
        "localhost:{port} is open on 127.0.0.1: resolve the host name and try every address it gives (localhost may give ::1 first)"
    );
    drop(listener);
    // Where "localhost" gives several addresses (`::1` and 127.0.0.1), a port open on only one of
    // them at a time: one of those is not the first address, which a check that tries only the
    // first misses. (Where it gives one address, this adds nothing.)
    let addresses: Vec<std::net::SocketAddr> =
        std::net::ToSocketAddrs::to_socket_addrs(&("localhost", 0))
            .map(Iterator::collect)
            .unwrap_or_default();
    for address in &addresses {
        let Ok(listener) = TcpListener::bind((address.ip(), 0)) else {
            continue; // an address this machine cannot listen on (IPv6 switched off)
        };
        let port = listener.local_addr().unwrap().port();
        let check = PortCheck::new("localhost", port).with_timeout(Duration::from_secs(2));
        assert!(
            check.check(),
            "localhost:{port} is open on {}, one of the addresses localhost gives ({addresses:?}): try \
             every address the host name gives, in turn, not only the first",
            address.ip()
        );
    }
}

fn port_check_fails_on_a_closed_port() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
        listener.local_addr().unwrap().port()
    }; // the listener is dropped: nothing listens there any more
    let check = PortCheck::new("127.0.0.1", port).with_timeout(Duration::from_secs(2));
    assert!(
        !check.check(),
        "nothing listens on 127.0.0.1:{port}: the port check must fail (and not panic)"
    );
}

fn port_check_uses_its_own_timeout() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let port = listener.local_addr().unwrap().port();
    let check = PortCheck::new("127.0.0.1", port).with_timeout(Duration::ZERO);
    assert!(
        !check.check(),
        "a PortCheck with a zero timeout must fail, even on the open port 127.0.0.1:{port}: no connection \
         opens within no time. Pass the check's own timeout to TcpStream::connect_timeout: a plain \
         TcpStream::connect or a timeout of your own ignores it, and a check of a host that drops packets \
         then hangs for minutes instead of failing after its timeout"
    );
    drop(listener);
}

fn port_check_fails_on_a_host_that_does_not_resolve() {
    // Under the reserved `.invalid` top-level domain (RFC 6761), which never resolves; its first
    // label is longer than DNS allows (63 bytes), so no resolver even sends a query for it.
    let host = format!("{}.invalid", "x".repeat(64));
    let check = PortCheck::new(host.as_str(), 80).with_timeout(Duration::from_secs(2));
    // On a thread of its own, so that a panic becomes a message that says what went wrong.
    let outcome = match std::thread::spawn(move || check.check()).join() {
        Ok(passed) => Some(passed),
        Err(payload) if is_todo(&*payload) => std::panic::resume_unwind(payload),
        Err(_) => None,
    };
    assert!(
        outcome.is_some(),
        "PortCheck::check() panicked on a host that does not resolve ({host}:80). Resolving can fail (a typo, \
         DNS down): the check must then fail, never panic, so no unwrap() or expect() on to_socket_addrs()"
    );
    assert_eq!(
        outcome,
        Some(false),
        "a host that does not resolve ({host}) cannot be reached: the port check must fail"
    );
}

/// Whether a panic is a `todo!()` the learner has not written yet.
fn is_todo(payload: &(dyn std::any::Any + Send)) -> bool {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("");
    message.starts_with("not yet implemented")
}

fn port_check_name_and_severity() {
    let check = PortCheck::new("db.internal", 5432).with_severity(Severity::Info);
    let name = check.name();
    assert!(
        name.contains("db.internal") && name.contains("5432"),
        "a port check's name must say host and port, like the seed's `Port host:port`, got {name:?}"
    );
    assert_eq!(
        check.severity(),
        Severity::Info,
        "severity() must be the one the check was built with"
    );
    let warning = PortCheck::new("db.internal", 5432).with_severity(Severity::Warning);
    assert_eq!(
        warning.severity(),
        Severity::Warning,
        "severity() must be the one the check was built with"
    );
}

// ----- HealthRunner and HealthReport -----

fn runner_runs_any_mix_of_checks_in_order() {
    let r = readings(&[("/", 50.0)], Some(95.0), &["sshd"]);
    let mut runner = HealthRunner::new();
    runner
        .add(DiskCheck::new("/", 90.0).with_readings(r.clone()))
        .add(MemoryCheck::new(90.0).with_readings(r.clone()))
        .add(ProcessCheck::new("sshd").with_readings(r))
        .add(Scripted::new("Custom", false, Severity::Info));
    let report = runner.run();
    let passed: Vec<bool> = report.outcomes.iter().map(|o| o.passed).collect();
    assert_eq!(
        passed,
        vec![true, false, true, false],
        "the report must hold one outcome per check, in the order they were added (disk ok, memory 95% fails, sshd ok, custom fails)"
    );
    assert_eq!(
        report.outcomes[3].name, "Custom",
        "the outcomes must come from each check's own run()"
    );
}

fn runner_runs_each_check_exactly_once() {
    let check = Scripted::new("Counted", true, Severity::Info);
    let calls = check.calls.clone();
    let mut runner = HealthRunner::new();
    runner.add(check);
    let report = runner.run();
    assert_eq!(
        calls.get(),
        1,
        "one run of the runner must call each check once, not once per count it reports"
    );
    let _ = (
        report.passed(),
        report.failed(),
        report.all_passed(),
        report.worst_failure(),
    );
    assert_eq!(
        calls.get(),
        1,
        "the report's counts must come from the outcomes, without running the checks again"
    );
    runner.run();
    assert_eq!(
        calls.get(),
        2,
        "running the runner again must run the checks again"
    );
}

fn report_counts_passed_and_failed() {
    let mut runner = HealthRunner::new();
    runner
        .add(Scripted::new("a", true, Severity::Critical))
        .add(Scripted::new("b", false, Severity::Info))
        .add(Scripted::new("c", false, Severity::Warning))
        .add(Scripted::new("d", true, Severity::Info));
    let report = runner.run();
    assert_eq!(report.passed(), 2, "two of the four checks pass");
    assert_eq!(report.failed(), 2, "two of the four checks fail");
    assert!(
        !report.all_passed(),
        "all_passed() must be false when any check fails"
    );
}

fn worst_failure_counts_only_failed_checks() {
    let mut runner = HealthRunner::new();
    runner
        .add(Scripted::new(
            "critical but healthy",
            true,
            Severity::Critical,
        ))
        .add(Scripted::new("info", false, Severity::Info))
        .add(Scripted::new("warning", false, Severity::Warning));
    assert_eq!(
        runner.run().worst_failure(),
        Some(Severity::Warning),
        "worst_failure() is the highest severity among FAILED checks: the healthy critical check does not count"
    );
    let mut critical = HealthRunner::new();
    critical
        .add(Scripted::new("warning", false, Severity::Warning))
        .add(Scripted::new("critical", false, Severity::Critical))
        .add(Scripted::new("info", false, Severity::Info));
    assert_eq!(
        critical.run().worst_failure(),
        Some(Severity::Critical),
        "worst_failure() must be the highest severity, wherever it is in the list"
    );
}

fn all_healthy_and_empty_reports() {
    let mut runner = HealthRunner::new();
    runner
        .add(Scripted::new("a", true, Severity::Critical))
        .add(Scripted::new("b", true, Severity::Warning));
    let report = runner.run();
    assert!(
        report.all_passed(),
        "all_passed() must be true when every check passes"
    );
    assert_eq!(
        report.worst_failure(),
        None,
        "worst_failure() must be None when nothing failed"
    );
    assert_eq!(
        (report.passed(), report.failed()),
        (2, 0),
        "(passed(), failed()) of a report of two checks that both passed: passed() counts the \
         outcomes that passed, failed() those that did not"
    );

    let empty: HealthReport = HealthRunner::new().run();
    assert!(
        empty.outcomes.is_empty(),
        "a runner with no checks reports no outcomes"
    );
    assert!(
        empty.all_passed(),
        "with no checks, nothing failed: all_passed() must be true (like Python's all([]))"
    );
    assert_eq!(
        empty.worst_failure(),
        None,
        "with no checks, there is no worst failure"
    );
}

fn report_prints_one_line_per_check_and_a_summary() {
    let report = HealthReport {
        outcomes: vec![
            CheckOutcome {
                name: "Disk /".into(),
                passed: true,
                severity: Severity::Critical,
            },
            CheckOutcome {
                name: "Memory".into(),
                passed: false,
                severity: Severity::Warning,
            },
        ],
    };
    let text = report.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        !lines.contains(&""),
        "the printed report must have no blank lines: an outcome's Display must not end with a newline of its \
         own (write!, not writeln!), got {text:?}"
    );
    assert_eq!(
        lines[..lines.len().min(2)],
        ["[PASS] Disk /", "[FAIL] Memory"],
        "the printed report starts with one line per check, in order, then the summary"
    );
}

workbook_harness::main!(
    severity_orders_info_warning_critical,
    run_is_provided_and_reports_name_result_and_severity,
    outcome_displays_pass_or_fail_and_the_name,
    disk_check_passes_strictly_below_the_threshold,
    disk_check_reads_its_own_mount_point_and_fails_when_unreadable,
    disk_check_name_and_severity,
    memory_check_passes_strictly_below_the_threshold,
    memory_check_name_and_severity,
    process_check_looks_for_its_own_process,
    process_check_name_and_severity,
    port_check_passes_on_an_open_port,
    port_check_resolves_host_names,
    port_check_fails_on_a_closed_port,
    port_check_uses_its_own_timeout,
    port_check_fails_on_a_host_that_does_not_resolve,
    port_check_name_and_severity,
    runner_runs_any_mix_of_checks_in_order,
    runner_runs_each_check_exactly_once,
    report_counts_passed_and_failed,
    worst_failure_counts_only_failed_checks,
    all_healthy_and_empty_reports,
    report_prints_one_line_per_check_and_a_summary,
);
