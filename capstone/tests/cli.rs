//! The cli area: the `sre-monitor` binary end to end (src/cli.rs, src/config.rs, src/logging.rs).
//!
//! Each test writes a config to a temporary folder and runs the real binary. The port checks
//! connect to listeners this test opens on 127.0.0.1, so their results are known in advance.

use std::cell::RefCell;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use sre_monitor::checks::{FixedReadings, SystemReadings};
use sre_monitor::cli::{
    Args, Command as CliCommand, EXIT_CRITICAL, EXIT_OK, EXIT_UNKNOWN, EXIT_WARNING, Format,
    exit_status, parse_args,
};
use sre_monitor::config::{CheckSpec, Config};
use sre_monitor::logging::RotatingFile;
use sre_monitor::models::Status;

/// What one run of the binary did.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn lines_of_stderr(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect()
    }
}

/// Stops the test with "not yet implemented" when the binary stopped at a `todo!()`.
fn stop_at_todo(stderr: &str) {
    if let Some(line) = stderr.lines().find(|l| l.contains("not yet implemented")) {
        panic!("not yet implemented: sre-monitor stopped at a todo!() ({line})");
    }
}

/// Runs `sre-monitor` with `args`, with `RUST_LOG` set to `rust_log` (unset when `None`).
fn sre_monitor(args: &[&str], rust_log: Option<&str>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sre-monitor"));
    command.args(args).timeout(Duration::from_secs(30));
    command.env_remove("RUST_LOG");
    if let Some(filter) = rust_log {
        command.env("RUST_LOG", filter);
    }
    let started = Instant::now();
    let output = command.output().expect("sre-monitor runs");
    if output.status.code().is_none() && started.elapsed() >= Duration::from_secs(30) {
        panic!(
            "sre-monitor never exited: stopped after 30 s (sre-monitor {}). Does it loop forever, or \
             wait for input? Without --interval it runs one round and exits.",
            args.join(" ")
        );
    }
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    stop_at_todo(&run.stderr);
    run
}

/// Starts `sre-monitor` with `args`, its stdout a pipe to this test and its stderr in a file.
fn start(args: &[&str], stderr: &Path) -> Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_sre-monitor"))
        .args(args)
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(stderr).expect("a file for stderr"))
        .spawn()
        .expect("sre-monitor starts")
}

/// Waits up to `limit` for `child` to exit and returns its exit code (`None`: killed by a signal).
/// A child still running then is stopped, and the test fails with `why`.
fn wait_at_most(child: &mut Child, limit: Duration, why: &str) -> Option<i32> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("sre-monitor can be waited for") {
            return status.code();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "sre-monitor never exited: stopped after {} s. {why}",
                limit.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The lines a child writes on stdout, one at a time, as they come.
fn lines_of(child: &mut Child) -> mpsc::Receiver<String> {
    let stdout = child.stdout.take().expect("stdout is a pipe");
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

/// A temporary folder holding `monitor.toml`.
struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn with_config(text: &str) -> Workspace {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("monitor.toml"), text).expect("write the config");
        Workspace { dir }
    }

    fn config(&self) -> String {
        self.path("monitor.toml")
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }
}

/// A port with a listener on 127.0.0.1 for as long as the listener lives.
fn open_port() -> (TcpListener, u16) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
    let port = listener.local_addr().unwrap().port();
    (listener, port)
}

/// A port on 127.0.0.1 where nothing listens (it was free a moment ago).
fn closed_port() -> u16 {
    let (listener, port) = open_port();
    drop(listener);
    port
}

fn healthy_config(port: u16) -> String {
    format!(
        r#"
[[servers]]
name = "loopback"
host = "127.0.0.1"

[[servers.checks]]
type = "port"
port = {port}
timeout_ms = 1000
"#
    )
}

/// One port check of each outcome: `open` is OK, `closed` a WARNING (its severity), and a
/// missing process CRITICAL.
fn failing_config(open: u16, closed: u16, extra_alerts: &str) -> String {
    format!(
        r#"
[alerts]
min_severity = "warning"
{extra_alerts}

[[servers]]
name = "loopback"
host = "127.0.0.1"

[[servers.checks]]
type = "port"
port = {open}
timeout_ms = 1000

[[servers.checks]]
type = "port"
port = {closed}
timeout_ms = 1000
severity = "warning"

[[servers.checks]]
type = "process"
process = "no-such-process-7f3c9a"
"#
    )
}

/// A config whose only check is a closed port at WARNING: the worst status is a warning.
fn warning_config(open: u16, closed: u16) -> String {
    format!(
        "{}\n[[servers.checks]]\ntype = \"port\"\nport = {closed}\ntimeout_ms = 1000\nseverity = \"warning\"\n",
        healthy_config(open)
    )
}

// ----- the library side: arguments and config -----

fn parse(list: &[&str]) -> Result<CliCommand, sre_monitor::cli::UsageError> {
    parse_args(list.iter().map(|s| s.to_string()))
}

fn parse_args_reads_every_flag() {
    assert_eq!(
        parse(&["--config", "m.toml"]),
        Ok(CliCommand::Run(Args {
            config: PathBuf::from("m.toml"),
            interval: None,
            count: None,
            format: Format::Table,
            log_file: None,
        })),
        "only --config: run once, as a table, no log file"
    );
    assert_eq!(
        parse(&[
            "--format",
            "json",
            "--interval",
            "30",
            "--count",
            "2",
            "--log-file",
            "m.log",
            "--config",
            "m.toml"
        ]),
        Ok(CliCommand::Run(Args {
            config: PathBuf::from("m.toml"),
            interval: Some(30),
            count: Some(2),
            format: Format::Json,
            log_file: Some(PathBuf::from("m.log")),
        })),
        "every flag, in any order"
    );
    assert_eq!(
        parse(&["--config", "m.toml", "--once"])
            .map(|c| matches!(c, CliCommand::Run(a) if a.interval.is_none())),
        Ok(true),
        "--once runs once"
    );
    assert_eq!(
        parse(&["--help"]),
        Ok(CliCommand::Help),
        "--help asks for the help"
    );
    assert_eq!(parse(&["-h"]), Ok(CliCommand::Help), "-h asks for the help");
    let bad: [(&[&str], &str); 11] = [
        (&["--config"], "--config without its value"),
        (&["m.toml"], "an argument that is no flag"),
        (&["--once"], "no --config"),
        (
            &["--config", "m.toml", "--format", "xml"],
            "a format that is neither table nor json",
        ),
        (
            &["--config", "m.toml", "--interval", "0"],
            "an interval of 0 seconds",
        ),
        (
            &["--config", "m.toml", "--interval", "soon"],
            "an interval that is not a number",
        ),
        (
            &["--config", "m.toml", "--interval", "-5"],
            "a negative interval",
        ),
        (
            &["--config", "m.toml", "--once", "--interval", "5"],
            "--once with --interval",
        ),
        (
            &["--config", "m.toml", "--count", "2"],
            "--count without --interval",
        ),
        (
            &["--config", "m.toml", "--interval", "5", "--count", "0"],
            "a count of 0 rounds",
        ),
        (&["--config", "m.toml", "--verbose"], "an unknown flag"),
    ];
    for (args, why) in bad {
        assert!(
            parse(args).is_err(),
            "{args:?} must be a usage error: {why}"
        );
    }
}

fn parse_args_takes_a_value_after_an_equals_sign() {
    assert_eq!(
        parse(&[
            "--config=m.toml",
            "--format=json",
            "--interval=30",
            "--count=2",
            "--log-file=logs/a=b.log",
        ]),
        Ok(CliCommand::Run(Args {
            config: PathBuf::from("m.toml"),
            interval: Some(30),
            count: Some(2),
            format: Format::Json,
            log_file: Some(PathBuf::from("logs/a=b.log")),
        })),
        "`--flag=value` is `--flag value`; the value is everything after the first `=` (a path may hold another one)"
    );
    assert_eq!(
        parse(&["--config=m.toml", "--format", "json"]).map(|c| match c {
            CliCommand::Run(args) => (args.config, args.format),
            CliCommand::Help => (PathBuf::new(), Format::Table),
        }),
        Ok((PathBuf::from("m.toml"), Format::Json)),
        "both forms mix on one command line"
    );
    for (args, why) in [
        (&["--config="][..], "--config= has an empty value"),
        (&["--config=m.toml", "--format=xml"], "xml is no format"),
        (&["--config=m.toml", "--interval=0"], "an interval of 0"),
        (&["--config=m.toml", "--once=yes"], "--once takes no value"),
        (&["--config=m.toml", "--verbose=1"], "--verbose is no flag"),
    ] {
        assert!(
            parse(args).is_err(),
            "{args:?} must be a usage error: {why}"
        );
    }
}

fn exit_status_follows_the_nagios_convention() {
    assert_eq!(
        (EXIT_OK, EXIT_WARNING, EXIT_CRITICAL, EXIT_UNKNOWN),
        (0, 1, 2, 3),
        "the exit statuses of a Nagios plugin: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN"
    );
    assert_eq!(
        [Status::Ok, Status::Warning, Status::Critical].map(exit_status),
        [EXIT_OK, EXIT_WARNING, EXIT_CRITICAL],
        "exit_status: OK is 0, WARNING 1, CRITICAL 2, so that Nagios, cron or CI can tell a warning from an outage"
    );
}

const SERVER: &str = "[[servers]]\nname = \"web-01\"\nhost = \"localhost\"\n";

fn disk_check(warning: &str, critical: &str) -> String {
    format!(
        "[[servers.checks]]\ntype = \"disk\"\npath = \"/\"\nwarning = {warning}\ncritical = {critical}\n"
    )
}

fn port_check(fields: &str) -> String {
    format!("[[servers.checks]]\ntype = \"port\"\n{fields}\n")
}

fn config_errors_name_the_field() {
    let memory = "[[servers.checks]]\ntype = \"memory\"\nwarning = 1.0\ncritical = 2.0\n";
    let cases: Vec<(String, &str)> = vec![
        (
            format!("{SERVER}{}", disk_check("80.0", "150.0")),
            "servers[0].checks[0].critical",
        ),
        (
            format!("{SERVER}{}", disk_check("95.0", "90.0")),
            "servers[0].checks[0].warning",
        ),
        (
            format!("{SERVER}{}", port_check("port = 70000")),
            "servers[0].checks[0].port",
        ),
        (
            format!("{SERVER}{}", port_check("port = 65536")),
            "servers[0].checks[0].port",
        ),
        (
            format!("{SERVER}{}", port_check("port = 0")),
            "servers[0].checks[0].port",
        ),
        (
            format!("{SERVER}{}", port_check("port = -22")),
            "servers[0].checks[0].port",
        ),
        (
            format!("{SERVER}{}", port_check("port = 22\ntimeout_ms = 0")),
            "servers[0].checks[0].timeout_ms",
        ),
        (
            format!("{SERVER}{}", port_check("port = 22\ntimeout_ms = 60001")),
            "servers[0].checks[0].timeout_ms",
        ),
        (
            format!("{SERVER}{}", port_check("port = 22\ntimeout_ms = 86400000")),
            "servers[0].checks[0].timeout_ms",
        ),
        (
            format!("{SERVER}{}", port_check("port = 22\ntimeout_ms = -500")),
            "servers[0].checks[0].timeout_ms",
        ),
        (
            format!("{SERVER}[[servers.checks]]\ntype = \"process\"\nprocess = \" \"\n"),
            "servers[0].checks[0].process",
        ),
        (
            format!(
                "{SERVER}[[servers.checks]]\ntype = \"process\"\nprocess = \"sshd\"\nseverity = \"ok\"\n"
            ),
            "servers[0].checks[0].severity",
        ),
        (
            format!(
                "{SERVER}[[servers.checks]]\ntype = \"disk\"\npath = \"var\"\nwarning = 1.0\ncritical = 2.0\n"
            ),
            "servers[0].checks[0].path",
        ),
        (
            format!("{SERVER}{memory}[[servers]]\nname = \"web-02\"\nhost = \"localhost\"\n"),
            "servers[1].checks",
        ),
        (
            format!("{SERVER}{}\n{SERVER}{memory}", disk_check("1.0", "2.0")),
            "servers[1].name",
        ),
        (format!("{SERVER}{memory}{memory}"), "servers[0].checks[1]"),
        (
            format!(
                "{SERVER}{}{memory}{}",
                port_check("port = 22"),
                port_check("port = 22\ntimeout_ms = 500")
            ),
            "servers[0].checks[2]",
        ),
        (
            format!(
                "{SERVER}{}{}",
                disk_check("1.0", "2.0"),
                disk_check("50.0", "60.0")
            ),
            "servers[0].checks[1]",
        ),
        (
            format!("{SERVER}{}", port_check("timeout_ms = 500")),
            "servers[0].checks[0].port",
        ),
        (
            format!("{SERVER}[[servers.checks]]\ntype = \"memory\"\ncritical = 90.0\n"),
            "servers[0].checks[0].warning",
        ),
        (
            format!(
                "{SERVER}[[servers.checks]]\ntype = \"memory\"\nwarning = 1.0\ncritical = 2.0\nport = 22\n"
            ),
            "servers[0].checks[0].port",
        ),
        (
            "[[servers]]\nname = \"\"\nhost = \"localhost\"\n".to_owned(),
            "servers[0].name",
        ),
        (
            "[[servers]]\nname = \"web-01\"\nhost = \"web 01\"\n".to_owned(),
            "servers[0].host",
        ),
        (
            format!("[alerts]\nmin_severity = \"ok\"\n{SERVER}{memory}"),
            "alerts.min_severity",
        ),
        (String::new(), "servers"),
    ];
    for (text, field) in cases {
        match Config::from_toml(&text) {
            Ok(_) => panic!("this config must be refused, naming `{field}`:\n{text}"),
            Err(error) => {
                let line = error.to_string();
                assert!(
                    line.starts_with(&format!("{field}: ")),
                    "the error must start with the field at fault, `{field}: `, then say what is wrong; got {line:?} for:\n{text}"
                );
                assert!(!line.contains('\n'), "the error is one line, got {line:?}");
            }
        }
    }
}

fn config_errors_come_in_the_order_of_the_file() {
    let cases: Vec<(String, &str, &str)> = vec![
        (
            "[alerts]\nmin_severity = \"ok\"\n".to_owned(),
            "alerts.min_severity",
            "the alerts come first: a bad min_severity is found before the missing servers",
        ),
        (
            format!(
                "{SERVER}{}[[servers]]\nname = \"\"\nhost = \"localhost\"\n",
                disk_check("80.0", "150.0")
            ),
            "servers[0].checks[0].critical",
            "the servers in order, each server's checks before the next server: servers[0]'s \
             bad check is found before servers[1]'s empty name",
        ),
        (
            format!(
                "{SERVER}{}{}",
                disk_check("80.0", "150.0"),
                port_check("port = 0")
            ),
            "servers[0].checks[0].critical",
            "the checks in order: checks[0] before checks[1]",
        ),
    ];
    for (text, field, why) in cases {
        match Config::from_toml(&text) {
            Ok(_) => panic!("this config must be refused, naming `{field}`:\n{text}"),
            Err(error) => {
                let line = error.to_string();
                assert!(
                    line.starts_with(&format!("{field}: ")),
                    "validate returns the first problem in the order the task gives ({why}), \
                     so the error must name `{field}`; got {line:?} for:\n{text}"
                );
            }
        }
    }
}

fn config_accepts_the_ends_of_every_range() {
    let text = format!(
        "{SERVER}{}{}{}{}",
        disk_check("0.0", "100.0"),
        port_check("port = 1\ntimeout_ms = 1"),
        port_check("port = 65535\ntimeout_ms = 60000"),
        "[[servers.checks]]\ntype = \"disk\"\npath = \"/var\"\nwarning = 90.0\ncritical = 90.0\n",
    );
    let config = Config::from_toml(&text).unwrap_or_else(|e| {
        panic!("ports 1 and 65535, timeouts of 1 and 60000 ms, thresholds of 0 and 100, and warning equal to critical are all allowed: the ends of a range are in it. Got `{e}` for:\n{text}")
    });
    assert_eq!(
        config.servers[0].checks[1..3],
        [
            CheckSpec::Port {
                port: 1,
                timeout: Duration::from_millis(1),
                severity: Status::Critical,
            },
            CheckSpec::Port {
                port: 65535,
                timeout: Duration::from_millis(60_000),
                severity: Status::Critical,
            },
        ],
        "the port checks keep their port and timeout, with the default severity Critical"
    );
}

/// Fixed readings that also record the port checks they are asked for.
struct Recording {
    fixed: FixedReadings,
    ports: RefCell<Vec<(String, u16, Duration)>>,
}

impl SystemReadings for Recording {
    fn disk_used_percent(&self, path: &Path) -> Option<f64> {
        self.fixed.disk_used_percent(path)
    }
    fn memory_used_percent(&self) -> Option<f64> {
        self.fixed.memory_used_percent()
    }
    fn process_running(&self, name: &str) -> bool {
        self.fixed.process_running(name)
    }
    fn port_open(&self, host: &str, port: u16, timeout: Duration) -> bool {
        self.ports
            .borrow_mut()
            .push((host.to_owned(), port, timeout));
        self.fixed.port_open(host, port, timeout)
    }
}

fn every_config_value_reaches_its_check() {
    let text = r#"
[alerts]
min_severity = "critical"

[[servers]]
name = "db-01"
host = "db.internal"
tags = ["prod", "db"]

[[servers.checks]]
type = "port"
port = 5432
timeout_ms = 250

[[servers.checks]]
type = "port"
port = 6432
severity = "warning"

[[servers.checks]]
type = "disk"
path = "/var"
warning = 70.0
critical = 95.0

[[servers.checks]]
type = "memory"
warning = 50.0
critical = 60.0

[[servers.checks]]
type = "process"
process = "postgres"
severity = "warning"

[[servers]]
name = "web-01"
host = "web.internal"

[[servers.checks]]
type = "port"
port = 443
"#;
    let config = Config::from_toml(text).unwrap_or_else(|e| panic!("a valid config: {e}"));
    assert_eq!(
        config.min_severity,
        Status::Critical,
        "the config keeps alerts.min_severity"
    );
    let db = &config.servers[0].server;
    assert_eq!(
        (db.name(), db.host(), db.tags()),
        (
            "db-01",
            "db.internal",
            &["prod".to_owned(), "db".to_owned()][..]
        ),
        "the config keeps each server's name, host and tags"
    );
    let machine = Recording {
        fixed: FixedReadings {
            disks: vec![(PathBuf::from("/var"), 80.0)],
            memory_used_percent: Some(55.0),
            processes: Vec::new(),
            open_ports: vec![("db.internal".into(), 5432)],
        },
        ports: RefCell::new(Vec::new()),
    };
    let report = config.monitor().run_once(&machine, 1_700_000_000);
    let got: Vec<(&str, &str, Status)> = report
        .results
        .iter()
        .map(|r| (r.server.as_str(), r.check.as_str(), r.status))
        .collect();
    assert_eq!(
        got,
        [
            ("db-01", "port 5432", Status::Ok),
            ("db-01", "port 6432", Status::Warning),
            ("db-01", "disk /var", Status::Warning),
            ("db-01", "memory", Status::Warning),
            ("db-01", "process postgres", Status::Warning),
            ("web-01", "port 443", Status::Critical),
        ],
        "Config::monitor builds every check of every server in the config's order, each with its own values: a port check connects to its server's host (db.internal:5432 is open), a closed port or a missing process takes the check's severity, /var at 80% is a warning with thresholds 70/95, memory at 55% with 50/60"
    );
    assert_eq!(
        machine.ports.borrow().as_slice(),
        [
            ("db.internal".to_owned(), 5432, Duration::from_millis(250)),
            ("db.internal".to_owned(), 6432, Duration::from_millis(3000)),
            ("web.internal".to_owned(), 443, Duration::from_millis(3000)),
        ],
        "each port check connects to its own server's host, with its timeout_ms (3000 ms when absent)"
    );
    let opened: Vec<(&str, &str)> = report.opened.iter().map(|a| a.key()).collect();
    assert_eq!(
        opened,
        [("web-01", "port 443")],
        "with min_severity = \"critical\" in the config, only the critical result opens an alert: the monitor's AlertManager has the config's minimum severity"
    );
}

fn a_config_error_never_shows_a_secret() {
    const KEY: &str = "pd-routing-key-77e2b1";
    let good = format!(
        "[alerts]\npagerduty_key = \"{KEY}\"\n{SERVER}{}",
        disk_check("80.0", "90.0")
    );
    let config = Config::from_toml(&good).unwrap_or_else(|e| panic!("a valid config: {e}"));
    assert_eq!(
        config.pagerduty_key.as_ref().map(|key| key.expose()),
        Some(KEY),
        "the config keeps alerts.pagerduty_key"
    );
    assert!(
        !format!("{config:?}").contains(KEY),
        "a config's Debug must not show the pager key (it is a Secret)"
    );
    for value in [
        "51870923",
        "518.70923",
        "true",
        "[\"518709\", 23]",
        "518709abc",
    ] {
        let text = format!(
            "[alerts]\npagerduty_key = {value}\n{SERVER}{}",
            disk_check("80.0", "90.0")
        );
        let error = match Config::from_toml(&text) {
            Ok(_) => panic!("pagerduty_key = {value} is not a string: the config must be refused"),
            Err(error) => error.to_string(),
        };
        assert!(
            error.contains("pagerduty_key"),
            "the error names the key at fault, got {error:?}"
        );
        assert!(
            !error.contains("518709") && !error.contains("70923"),
            "the error must never show a secret's value, not even one of the wrong type: name the key and the problem only. Got {error:?}"
        );
    }
    let bad_elsewhere = format!(
        "[alerts]\npagerduty_key = \"{KEY}\"\n{SERVER}{}",
        disk_check("95.0", "90.0")
    );
    let error = Config::from_toml(&bad_elsewhere)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        error.starts_with("servers[0].checks[0].warning: ") && !error.contains(KEY),
        "an error elsewhere in a config with a pager key names its own field and never the key's value, got {error:?}"
    );
}

fn the_example_config_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/monitor.toml");
    let config = Config::load(&path)
        .unwrap_or_else(|e| panic!("examples/monitor.toml must be a valid config: {e}"));
    assert_eq!(
        config.servers.len(),
        1,
        "the example watches one server: this machine"
    );
    let checks = &config.servers[0].checks;
    assert!(
        checks.iter().any(|c| matches!(c, CheckSpec::Disk { .. }))
            && checks.iter().any(|c| matches!(c, CheckSpec::Memory { .. }))
            && checks
                .iter()
                .any(|c| matches!(c, CheckSpec::Process { .. }))
            && checks.iter().any(|c| matches!(c, CheckSpec::Port { .. })),
        "the example has one check of each type"
    );
    assert_eq!(
        config.min_severity,
        Status::Warning,
        "alerts start at warnings"
    );
}

// ----- the binary, end to end -----

fn a_healthy_machine_exits_0_with_the_table_on_stdout() {
    let (_listener, port) = open_port();
    let workspace = Workspace::with_config(&healthy_config(port));
    let run = sre_monitor(&["--config", &workspace.config(), "--once"], None);
    assert_eq!(
        run.code,
        Some(0),
        "every check is OK: the exit status is 0 (OK). stderr:\n{}",
        run.stderr
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines.first().is_some_and(|l| l.starts_with("SERVER")),
        "the table report starts with its header line, got:\n{}",
        run.stdout
    );
    assert!(
        lines.iter().any(|l| l.contains("loopback")
            && l.contains(&format!("port {port}"))
            && l.contains("OK")),
        "the table has a row for the port check of `loopback`, OK; got:\n{}",
        run.stdout
    );
}

fn the_exit_status_is_that_of_the_worst_check() {
    let (_listener, open) = open_port();
    let warning = Workspace::with_config(&warning_config(open, closed_port()));
    let run = sre_monitor(&["--config", &warning.config(), "--once"], None);
    assert_eq!(
        run.code,
        Some(1),
        "the worst check is a WARNING (a closed port whose severity is warning): the exit status is 1, as for a Nagios plugin. stderr:\n{}",
        run.stderr
    );
    let critical = Workspace::with_config(&failing_config(open, closed_port(), ""));
    let run = sre_monitor(&["--config", &critical.config()], None);
    assert_eq!(
        run.code,
        Some(2),
        "a missing process is CRITICAL, the worst of OK, WARNING and CRITICAL: the exit status is 2. stderr:\n{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("CRITICAL") && run.stdout.contains("WARNING"),
        "the table shows the missing process as CRITICAL and the closed port as WARNING (its severity); got:\n{}",
        run.stdout
    );
}

fn json_format_prints_one_parseable_report() {
    let (_listener, open) = open_port();
    let closed = closed_port();
    let workspace = Workspace::with_config(&failing_config(open, closed, ""));
    let config = format!("--config={}", workspace.config());
    let run = sre_monitor(&[&config, "--once", "--format=json"], None);
    assert_eq!(
        run.code,
        Some(2),
        "exit status 2 (CRITICAL), as in table format; `--config=PATH` and `--format=json` are `--config PATH` and `--format json`. stderr:\n{}",
        run.stderr
    );
    let report: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap_or_else(|e| {
        panic!(
            "with --format json, stdout must be exactly one JSON report ({e}); got:\n{}",
            run.stdout
        )
    });
    let statuses: Vec<(&str, &str)> = report["results"]
        .as_array()
        .expect("the report has a `results` array")
        .iter()
        .map(|r| {
            (
                r["check"].as_str().unwrap_or("?"),
                r["status"].as_str().unwrap_or("?"),
            )
        })
        .collect();
    let open_check = format!("port {open}");
    let closed_check = format!("port {closed}");
    assert_eq!(
        statuses,
        [
            (open_check.as_str(), "ok"),
            (closed_check.as_str(), "warning"),
            ("process no-such-process-7f3c9a", "critical"),
        ],
        "one result per check, in the config's order"
    );
    assert_eq!(
        report["status"], "critical",
        "the report's status is the worst result"
    );
}

fn a_bad_config_exits_3_with_one_line_naming_the_field() {
    let (_listener, port) = open_port();
    let bad_value = Workspace::with_config(&format!(
        "{}\n[[servers.checks]]\ntype = \"disk\"\npath = \"/\"\nwarning = 80.0\ncritical = 150.0\n",
        healthy_config(port)
    ));
    let typo = Workspace::with_config(&format!(
        "{}\n[[servers.checks]]\ntype = \"memory\"\nwarning = 80.0\ncritcal = 90.0\n",
        healthy_config(port)
    ));
    for (workspace, field) in [
        (&bad_value, "servers[0].checks[1].critical"),
        (&typo, "critcal"),
    ] {
        let run = sre_monitor(&["--config", &workspace.config(), "--once"], None);
        assert_eq!(
            run.code,
            Some(3),
            "a bad config exits with status 3 (UNKNOWN: the monitor could not check anything). stderr:\n{}",
            run.stderr
        );
        assert_eq!(
            run.lines_of_stderr().len(),
            1,
            "a bad config is reported in exactly one line on stderr (before any logging starts), got:\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(field),
            "the line names the field at fault, `{field}`; got {:?}",
            run.stderr
        );
        assert!(
            run.stdout.is_empty(),
            "nothing on stdout for a bad config, got:\n{}",
            run.stdout
        );
    }
}

fn a_missing_config_file_or_bad_arguments_exit_3_with_one_line() {
    let workspace = Workspace::with_config("");
    let missing = workspace.path("nowhere.toml");
    let runs = [
        vec!["--config", missing.as_str()],
        vec!["--config"],
        vec!["--once"],
        vec!["--config", missing.as_str(), "--format", "xml"],
        vec!["--config", missing.as_str(), "--frobnicate"],
        vec!["--config", missing.as_str(), "--count", "3"],
    ];
    for args in runs {
        let run = sre_monitor(&args, None);
        assert_eq!(
            run.code,
            Some(3),
            "{args:?} must exit with status 3 (UNKNOWN: the monitor did not run). stderr:\n{}",
            run.stderr
        );
        assert_eq!(
            run.lines_of_stderr().len(),
            1,
            "{args:?}: say what is wrong in one line on stderr (the whole usage is for --help), got:\n{}",
            run.stderr
        );
        assert!(
            run.stdout.is_empty(),
            "{args:?}: nothing on stdout, got:\n{}",
            run.stdout
        );
    }
    let help = sre_monitor(&["--help"], None);
    assert_eq!(help.code, Some(0), "--help exits with status 0");
    assert!(
        help.stdout.contains("--config"),
        "--help prints the usage on stdout"
    );
    for (code, word) in [(0, "OK"), (1, "WARNING"), (2, "CRITICAL"), (3, "UNKNOWN")] {
        assert!(
            help.stdout.lines().any(|l| l.contains(word)
                && l.split(|c: char| !c.is_ascii_digit())
                    .any(|n| n == code.to_string())),
            "--help documents the exit status {code} ({word}) on a line of its own, got:\n{}",
            help.stdout
        );
    }
}

fn logs_go_to_stderr_and_never_to_stdout() {
    let (_listener, open) = open_port();
    let workspace = Workspace::with_config(&failing_config(open, closed_port(), ""));
    let run = sre_monitor(&["--config", &workspace.config(), "--format", "json"], None);
    assert!(
        run.stderr.contains("alert opened"),
        "failing checks open alerts, logged (at the default level, info) on stderr; stderr was:\n{}",
        run.stderr
    );
    assert!(
        serde_json::from_str::<serde_json::Value>(run.stdout.trim()).is_ok(),
        "stdout holds the report and nothing else (logs go to stderr), got:\n{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("alert opened"),
        "no log line on stdout"
    );
}

fn rust_log_filters_the_logs() {
    let (_listener, open) = open_port();
    let workspace = Workspace::with_config(&failing_config(open, closed_port(), ""));
    let quiet = sre_monitor(&["--config", &workspace.config()], Some("off"));
    assert_eq!(
        quiet.code,
        Some(2),
        "logging does not change the exit status (2: a check is CRITICAL)"
    );
    assert!(
        quiet.stderr.trim().is_empty(),
        "RUST_LOG=off silences every log: build the filter with EnvFilter from RUST_LOG; stderr was:\n{}",
        quiet.stderr
    );
    assert!(
        quiet.stdout.contains("SERVER"),
        "the report still goes to stdout"
    );
    let errors_only = sre_monitor(&["--config", &workspace.config()], Some("error"));
    assert!(
        errors_only.stderr.contains("alert opened") && !errors_only.stderr.contains("WARN"),
        "RUST_LOG=error keeps the critical alert (ERROR) and drops the warning (WARN); stderr was:\n{}",
        errors_only.stderr
    );
}

fn log_file_gets_the_logs_too() {
    let (_listener, open) = open_port();
    let workspace = Workspace::with_config(&failing_config(open, closed_port(), ""));
    let log = workspace.path("monitor.log");
    let run = sre_monitor(&["--config", &workspace.config(), "--log-file", &log], None);
    assert_eq!(run.code, Some(2), "stderr:\n{}", run.stderr);
    let text = std::fs::read_to_string(&log)
        .unwrap_or_else(|e| panic!("--log-file {log} must create the log file: {e}"));
    assert!(
        text.contains("alert opened"),
        "the log file gets the events stderr gets (at the default `info`) too, got:\n{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "no colour codes in a log file: .with_ansi(false)"
    );
    assert!(
        run.stderr.contains("alert opened"),
        "stderr still gets the logs"
    );

    let again = sre_monitor(&["--config", &workspace.config(), "--log-file", &log], None);
    assert_eq!(again.code, Some(2));
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(
        text.matches("alert opened").count() >= 4,
        "a second run appends to the log file instead of replacing it, got:\n{text}"
    );

    let unwritable = workspace.path("no-such-folder/monitor.log");
    let run = sre_monitor(
        &["--config", &workspace.config(), "--log-file", &unwritable],
        None,
    );
    assert_eq!(
        run.code,
        Some(3),
        "a log file that cannot be opened exits with status 3 (UNKNOWN). stderr:\n{}",
        run.stderr
    );
    assert_eq!(
        run.lines_of_stderr().len(),
        1,
        "a log file that cannot be opened is said in one line on stderr, got:\n{}",
        run.stderr
    );
}

fn the_log_file_gets_debug_events_whatever_rust_log_says() {
    let (_listener, open) = open_port();
    let workspace = Workspace::with_config(&failing_config(open, closed_port(), ""));
    let log = workspace.path("monitor.log");
    let run = sre_monitor(&["--config", &workspace.config(), "--log-file", &log], None);
    assert_eq!(run.code, Some(2), "stderr:\n{}", run.stderr);
    let text = std::fs::read_to_string(&log)
        .unwrap_or_else(|e| panic!("--log-file {log} must create the log file: {e}"));
    assert!(
        text.contains("config loaded"),
        "the log file gets this crate's DEBUG events, like the seed's file handler at DEBUG: \
         `debug!(?config, \"config loaded\")` in main must reach it, with RUST_LOG unset. Give the \
         file layer its own filter (`.with_filter(EnvFilter::new(FILE_FILTER))`), not the \
         console's. The log file held:\n{text}"
    );
    assert!(
        !run.stderr.contains("config loaded"),
        "the console stays at INFO when RUST_LOG is unset: the DEBUG event `config loaded` goes \
         to the file only. One filter for both layers (`.with(filter)` on the registry) cannot \
         do that: each layer gets its own, with `.with_filter(..)`. stderr was:\n{}",
        run.stderr
    );

    std::fs::remove_file(&log).expect("remove the log file");
    let quiet = sre_monitor(
        &["--config", &workspace.config(), "--log-file", &log],
        Some("off"),
    );
    assert!(
        quiet.stderr.trim().is_empty(),
        "RUST_LOG=off silences the console; stderr was:\n{}",
        quiet.stderr
    );
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        text.contains("config loaded") && text.contains("alert opened"),
        "RUST_LOG filters the console only: with RUST_LOG=off the log file still gets every \
         event from DEBUG up (its filter is FILE_FILTER, never RUST_LOG). The log file held:\n{text}"
    );

    let verbose = sre_monitor(
        &["--config", &workspace.config(), "--log-file", &log],
        Some("debug"),
    );
    assert!(
        verbose.stderr.contains("config loaded"),
        "RUST_LOG=debug shows the DEBUG events on the console too (its filter comes from \
         RUST_LOG, `info` only when RUST_LOG is unset); stderr was:\n{}",
        verbose.stderr
    );
}

/// `name` in `folder`, or `None` when there is no such file.
fn read_if_there(folder: &Path, name: &str) -> Option<String> {
    std::fs::read_to_string(folder.join(name)).ok()
}

fn the_log_file_rotates_at_10_mb_and_keeps_5_backups() {
    const MB: usize = 1024 * 1024;
    let (_listener, open) = open_port();
    let workspace = Workspace::with_config(&failing_config(open, closed_port(), ""));
    let folder = workspace.dir.path();
    let log = workspace.path("monitor.log");
    let filler_line = format!("{}\n", "f".repeat(1023));
    // 9.9 MB: the run's few lines still fit under the seed's 10 MB (10 * 1024 * 1024 bytes).
    let almost = filler_line.repeat(10 * MB / 1024 - 100);
    std::fs::write(&log, &almost).expect("write a log file of 9.9 MB");
    let run = sre_monitor(&["--config", &workspace.config(), "--log-file", &log], None);
    assert_eq!(run.code, Some(2), "stderr:\n{}", run.stderr);
    let text = read_if_there(folder, "monitor.log").unwrap_or_default();
    assert!(
        read_if_there(folder, "monitor.log.1").is_none()
            && text.starts_with(&almost)
            && text.contains("alert opened"),
        "a log file of 9.9 MB is appended to, not rotated: it rotates before it would grow past \
         the seed's maxBytes, 10 MB (10 * 1024 * 1024 bytes, LOG_FILE_MAX_BYTES)"
    );

    // At 10 MB, with five backups already there.
    let full = filler_line.repeat(10 * MB / 1024);
    std::fs::write(&log, &full).expect("write a log file of 10 MB");
    for i in 1..=5 {
        std::fs::write(
            folder.join(format!("monitor.log.{i}")),
            format!("backup {i}\n"),
        )
        .expect("write a backup");
    }
    let run = sre_monitor(&["--config", &workspace.config(), "--log-file", &log], None);
    assert_eq!(run.code, Some(2), "stderr:\n{}", run.stderr);
    let text = read_if_there(folder, "monitor.log").unwrap_or_default();
    assert!(
        read_if_there(folder, "monitor.log.1").is_some_and(|backup| backup == full),
        "a log file of 10 MB is full: the run's first event rotates it to monitor.log.1 \
         (RotatingFile::open(path, LOG_FILE_MAX_BYTES, LOG_FILE_BACKUPS) in init, and open counts \
         what the file already holds)"
    );
    assert!(
        text.contains("alert opened") && !text.contains("fff"),
        "after a rotation monitor.log starts empty and gets the new events; it held:\n{}",
        &text[..text.len().min(2000)]
    );
    let backups: Vec<Option<String>> = (2..=6)
        .map(|i| read_if_there(folder, &format!("monitor.log.{i}")))
        .collect();
    let expected: Vec<Option<String>> = (1..=4)
        .map(|i| Some(format!("backup {i}\n")))
        .chain([None])
        .collect();
    assert_eq!(
        backups, expected,
        "the seed keeps 5 backups (LOG_FILE_BACKUPS): at a rotation monitor.log.1 to .4 move to \
         .2 to .5, the old monitor.log.5 is deleted, and there is no monitor.log.6 \
         (monitor.log.2 to .6, None for a missing file)"
    );
}

// ----- RotatingFile, through the library -----

/// A 20-byte record, `record 07 .........\n`.
fn record(n: usize) -> String {
    format!("record {n:02} .........\n")
}

/// A folder for `app.log` and its backups.
struct LogFolder {
    dir: tempfile::TempDir,
}

impl LogFolder {
    fn new() -> LogFolder {
        LogFolder {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    fn log(&self) -> PathBuf {
        self.dir.path().join("app.log")
    }

    fn open(&self, max_bytes: u64, backups: usize) -> RotatingFile {
        RotatingFile::open(self.log(), max_bytes, backups).unwrap_or_else(|e| {
            panic!(
                "RotatingFile::open({}, {max_bytes}, {backups}) must open it: {e}",
                self.log().display()
            )
        })
    }

    /// Each file in the folder, with what it holds, by name.
    fn files(&self) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = std::fs::read_dir(self.dir.path())
            .expect("read the folder")
            .map(|entry| {
                let entry = entry.expect("a folder entry");
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                (entry.file_name().to_string_lossy().into_owned(), text)
            })
            .collect();
        files.sort();
        files
    }
}

/// Writes each record with one `write_all`, as a `fmt` layer does, and flushes.
fn write_records(file: &mut RotatingFile, records: &[String]) {
    for record in records {
        file.write_all(record.as_bytes())
            .unwrap_or_else(|e| panic!("writing {record:?} to a RotatingFile fails: {e}"));
    }
    file.flush()
        .unwrap_or_else(|e| panic!("flushing a RotatingFile fails: {e}"));
}

/// Checks the folder holds `expected` (name, contents), in order of name, after `what`.
fn assert_files(folder: &LogFolder, written: &[String], expected: &[(&str, String)], what: &str) {
    let files = folder.files();
    for (name, text) in &files {
        if let Some(bad) = text
            .split_inclusive('\n')
            .find(|line| !written.iter().any(|record| record == line))
        {
            panic!(
                "after {what}, {name} holds {bad:?}, a part of a record: a record is never split \
                 across two files. When it would not fit, rotate first, then write the whole \
                 buffer to the new file (and return its whole length). The folder: {files:#?}"
            );
        }
    }
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    if names
        .iter()
        .any(|name| name.starts_with("app.") && !name.starts_with("app.log"))
    {
        panic!(
            "after {what}, the folder holds {names:?}: backup 1 of app.log is app.log.1, the file \
             name with `.1` appended (push onto an OsString); `with_extension` replaces the `.log`"
        );
    }
    let expected_names: Vec<&str> = expected.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        names, expected_names,
        "after {what}, the folder holds these files: the newest records in app.log, older ones in \
         app.log.1, app.log.2, ... up to app.log.{{backups}}, nothing older (at a rotation, delete \
         the oldest, then shift the others from the oldest down, `backups - 1` to 1, so that no \
         rename lands on a backup still to move)"
    );
    for ((name, text), (_, expected)) in files.iter().zip(expected) {
        assert_eq!(
            text, expected,
            "after {what}, {name} holds the wrong records (the newest are in app.log, the ones \
             before in app.log.1, then app.log.2: shift the backups from the oldest down, \
             `backups - 1` to 1, so that no rename lands on a backup still to move)"
        );
    }
}

fn a_rotating_file_rotates_by_size_and_keeps_its_backups() {
    let records: Vec<String> = (1..=9).map(record).collect();
    let folder = LogFolder::new();
    let mut file = folder.open(40, 3);
    write_records(&mut file, &records[..2]);
    assert_files(
        &folder,
        &records,
        &[("app.log", records[..2].concat())],
        "two 20-byte records with max_bytes 40 (40 bytes is not larger than 40: no rotation yet)",
    );
    write_records(&mut file, &records[2..3]);
    assert_files(
        &folder,
        &records,
        &[
            ("app.log", records[2].clone()),
            ("app.log.1", records[..2].concat()),
        ],
        "a third 20-byte record with max_bytes 40 (60 bytes would be larger: rotate first)",
    );
    write_records(&mut file, &records[3..5]);
    assert_files(
        &folder,
        &records,
        &[
            ("app.log", records[4].clone()),
            ("app.log.1", records[2..4].concat()),
            ("app.log.2", records[..2].concat()),
        ],
        "five 20-byte records with max_bytes 40 and 3 backups (a second rotation: app.log.1 \
         moves to app.log.2 before app.log becomes app.log.1)",
    );
    write_records(&mut file, &records[5..]);
    assert_files(
        &folder,
        &records,
        &[
            ("app.log", records[8].clone()),
            ("app.log.1", records[6..8].concat()),
            ("app.log.2", records[4..6].concat()),
            ("app.log.3", records[2..4].concat()),
        ],
        "nine 20-byte records with max_bytes 40 and 3 backups (records 1 and 2 are gone)",
    );
}

fn a_rotating_file_appends_to_what_the_file_holds() {
    let folder = LogFolder::new();
    let missing = folder.dir.path().join("no-such-folder").join("app.log");
    assert!(
        RotatingFile::open(&missing, 40, 2).is_err(),
        "RotatingFile::open returns the error when the file cannot be created (its folder is \
         missing)"
    );
    let previous = "previous\n".to_owned();
    std::fs::write(folder.log(), &previous).expect("write app.log");
    let records: Vec<String> = std::iter::once(previous.clone())
        .chain((1..=4).map(record))
        .collect();
    let mut file = folder.open(40, 3);
    write_records(&mut file, &records[1..2]);
    assert_files(
        &folder,
        &records,
        &[("app.log", records[..2].concat())],
        "opening an app.log of 9 bytes and writing a 20-byte record (open appends: what the file \
         held stays)",
    );
    write_records(&mut file, &records[2..3]);
    assert_files(
        &folder,
        &records,
        &[
            ("app.log", records[2].clone()),
            ("app.log.1", records[..2].concat()),
        ],
        "a second 20-byte record, max_bytes 40 (9 + 20 + 20 is larger than 40: open counts the \
         bytes the file already held)",
    );

    // A stale oldest backup, with a gap before it.
    let stale = "stale\n".to_owned();
    std::fs::write(folder.dir.path().join("app.log.3"), &stale).expect("write app.log.3");
    let mut records = records;
    records.push(stale);
    write_records(&mut file, &records[3..5]);
    assert_files(
        &folder,
        &records,
        &[
            ("app.log", records[4].clone()),
            ("app.log.1", records[2..4].concat()),
            ("app.log.2", records[..2].concat()),
        ],
        "a rotation with 3 backups while app.log.3 exists and app.log.2 does not (the oldest, \
         app.log.3, is deleted first: nothing older than the last backup is kept)",
    );
}

fn a_record_is_never_split_and_a_big_one_gets_a_file_of_its_own() {
    let big = |n: usize| format!("big record {n:02} {}\n", "b".repeat(84));
    let records = vec![
        big(1),
        record(1),
        format!("record 02, longer {}\n", ".".repeat(11)),
        big(2),
    ];
    let folder = LogFolder::new();
    let mut file = folder.open(40, 3);
    write_records(&mut file, &records[..1]);
    assert_files(
        &folder,
        &records,
        &[("app.log", records[0].clone())],
        "a 100-byte record, max_bytes 40, into an empty file (an empty file never rotates: the \
         record goes whole into app.log, and no empty backup is made)",
    );
    write_records(&mut file, &records[1..3]);
    assert_files(
        &folder,
        &records,
        &[
            ("app.log", records[2].clone()),
            ("app.log.1", records[1].clone()),
            ("app.log.2", records[0].clone()),
        ],
        "a 20-byte record after the 100-byte one, then a 30-byte one (each would take the file \
         past 40 bytes: rotate first, then write it whole)",
    );
    write_records(&mut file, &records[3..]);
    assert_files(
        &folder,
        &records,
        &[
            ("app.log", records[3].clone()),
            ("app.log.1", records[2].clone()),
            ("app.log.2", records[1].clone()),
            ("app.log.3", records[0].clone()),
        ],
        "another 100-byte record (it gets a file of its own)",
    );
}

fn a_rotating_file_with_a_zero_never_rotates() {
    let records: Vec<String> = (1..=10).map(record).collect();
    for (max_bytes, backups) in [(0, 3), (40, 0)] {
        let folder = LogFolder::new();
        let mut file = folder.open(max_bytes, backups);
        write_records(&mut file, &records);
        assert_files(
            &folder,
            &records,
            &[("app.log", records.concat())],
            &format!(
                "ten 20-byte records with max_bytes {max_bytes} and {backups} backups (as in \
                 Python, a zero max_bytes or backups means: never rotate)"
            ),
        );
    }
}

fn the_pager_key_never_appears_anywhere() {
    const KEY: &str = "pd-routing-key-5e1b7c0d9a";
    let (_listener, open) = open_port();
    let workspace = Workspace::with_config(&failing_config(
        open,
        closed_port(),
        &format!("pagerduty_key = \"{KEY}\""),
    ));
    let log = workspace.path("monitor.log");
    for format in ["table", "json"] {
        let run = sre_monitor(
            &[
                "--config",
                &workspace.config(),
                "--format",
                format,
                "--log-file",
                &log,
            ],
            Some("trace"),
        );
        assert_eq!(run.code, Some(2), "stderr:\n{}", run.stderr);
        for (place, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            assert!(
                !text.contains(KEY) && !text.contains("5e1b7c0d9a"),
                "the pagerduty_key is a secret: it must never be printed, even at RUST_LOG=trace; found on {place}:\n{text}"
            );
        }
    }
    let logged = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        !logged.contains(KEY),
        "the pagerduty_key must not reach the log file either"
    );
}

fn a_bad_secret_in_the_config_is_never_echoed() {
    let (_listener, open) = open_port();
    for value in ["51870923", "5187e3", "pd51870923"] {
        let workspace = Workspace::with_config(&failing_config(
            open,
            closed_port(),
            &format!("pagerduty_key = {value}"),
        ));
        let run = sre_monitor(&["--config", &workspace.config()], Some("trace"));
        assert_eq!(
            run.code,
            Some(3),
            "pagerduty_key = {value} is no string in quotes: a bad config, exit status 3. stderr:\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("pagerduty_key"),
            "the error names the key at fault, got:\n{}",
            run.stderr
        );
        for (place, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            assert!(
                !text.contains("5187"),
                "pagerduty_key holds a secret, even when it is written wrong: a config error names the key and the problem, never the value; found on {place}:\n{text}"
            );
        }
    }
}

fn interval_runs_a_round_every_n_seconds() {
    let (_listener, port) = open_port();
    let workspace = Workspace::with_config(&healthy_config(port));
    let started = Instant::now();
    let run = sre_monitor(
        &[
            "--config",
            &workspace.config(),
            "--interval",
            "1",
            "--count",
            "2",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(
        run.code,
        Some(0),
        "two healthy rounds: exit status 0. stderr:\n{}",
        run.stderr
    );
    let reports: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("each line is one JSON report ({e}): {l}"))
        })
        .collect();
    assert_eq!(
        reports.len(),
        2,
        "--count 2: two reports, one JSON object per line"
    );
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "--interval 1 waits a second between the two rounds"
    );

    let tables = sre_monitor(
        &[
            "--config",
            &workspace.config(),
            "--interval",
            "1",
            "--count",
            "2",
        ],
        None,
    );
    assert_eq!(tables.code, Some(0), "stderr:\n{}", tables.stderr);
    let parts: Vec<&str> = tables.stdout.trim().split("\n\n").collect();
    assert!(
        parts.len() == 2 && parts.iter().all(|table| table.starts_with("SERVER")),
        "--count 2 as tables: two tables, a blank line between them, got:\n{}",
        tables.stdout
    );
}

/// Runs two rounds two seconds apart; between them (once the first report is read), `between`
/// changes the machine. Returns the first report's status and the exit code.
fn two_rounds(config: &str, between: impl FnOnce()) -> (String, Option<i32>) {
    let workspace = Workspace::with_config(config);
    let stderr = workspace.path("stderr.txt");
    let mut child = start(
        &[
            "--config",
            &workspace.config(),
            "--interval",
            "2",
            "--count",
            "2",
            "--format",
            "json",
        ],
        Path::new(&stderr),
    );
    let lines = lines_of(&mut child);
    let first = lines.recv_timeout(Duration::from_secs(20));
    let first = match first {
        Ok(line) => line,
        Err(_) => {
            let code = wait_at_most(&mut child, Duration::from_secs(5), "");
            let stderr = std::fs::read_to_string(&stderr).unwrap_or_default();
            stop_at_todo(&stderr);
            panic!(
                "--interval 2 --count 2 --format json prints a JSON line per round; none came (exit code {code:?}). stderr:\n{stderr}"
            );
        }
    };
    between();
    let code = wait_at_most(
        &mut child,
        Duration::from_secs(20),
        "--count 2 runs two rounds and exits",
    );
    let report: serde_json::Value = serde_json::from_str(&first)
        .unwrap_or_else(|e| panic!("each line is one JSON report ({e}): {first}"));
    let status = report["status"].as_str().unwrap_or("?").to_owned();
    (status, code)
}

fn after_an_interval_run_the_exit_status_is_that_of_the_last_round() {
    // The port is closed for the first round and open for the second.
    let port = closed_port();
    let mut listener = None;
    let (first, code) = two_rounds(&healthy_config(port), || {
        listener = Some(TcpListener::bind(("127.0.0.1", port)).expect("listen on the port again"));
    });
    assert_eq!(first, "critical", "round 1: the port is closed");
    assert_eq!(
        code,
        Some(0),
        "round 1 was CRITICAL, round 2 (the last) OK: the exit status is the last round's, 0, as a monitor reports how things are now"
    );
    drop(listener);

    // The port is open for the first round and closed for the second.
    let (open, port) = open_port();
    let mut open = Some(open);
    let (first, code) = two_rounds(&healthy_config(port), || drop(open.take()));
    assert_eq!(first, "ok", "round 1: the port is open");
    assert_eq!(
        code,
        Some(2),
        "round 1 was OK, round 2 (the last) CRITICAL: the exit status is the last round's, 2"
    );
}

fn a_closed_stdout_stops_the_monitor_and_keeps_the_status() {
    let (_listener, open) = open_port();
    let workspace = Workspace::with_config(&failing_config(open, closed_port(), ""));
    for format in ["table", "json"] {
        let stderr = workspace.path(&format!("stderr-{format}.txt"));
        // Every SECS seconds, for ever: only a closed stdout can end this run.
        let mut child = start(
            &[
                "--config",
                &workspace.config(),
                "--interval",
                "1",
                "--format",
                format,
            ],
            Path::new(&stderr),
        );
        // Whoever reads the report goes away at once, as `sre-monitor ... | head -1` does.
        drop(child.stdout.take());
        let code = wait_at_most(
            &mut child,
            Duration::from_secs(10),
            "Its stdout was closed: when a report cannot be written, nobody reads them any more, so stop after that round (its write returns an error; `--interval` without `--count` must not run on for ever)",
        );
        let stderr = std::fs::read_to_string(&stderr).unwrap_or_default();
        stop_at_todo(&stderr);
        assert!(
            !stderr.contains("panicked"),
            "--format {format}: a closed stdout is no reason to panic: `println!` panics on a closed pipe, `writeln!` returns an error to handle. stderr:\n{stderr}"
        );
        assert_eq!(
            code,
            Some(2),
            "--format {format}: stdout closed, yet the exit status still tells how the checks went: 2, a check is CRITICAL (not 0 as if all were well). stderr:\n{stderr}"
        );
    }
}

workbook_harness::main!(
    parse_args_reads_every_flag,
    parse_args_takes_a_value_after_an_equals_sign,
    exit_status_follows_the_nagios_convention,
    config_errors_name_the_field,
    config_errors_come_in_the_order_of_the_file,
    config_accepts_the_ends_of_every_range,
    every_config_value_reaches_its_check,
    a_config_error_never_shows_a_secret,
    the_example_config_is_valid,
    a_healthy_machine_exits_0_with_the_table_on_stdout,
    the_exit_status_is_that_of_the_worst_check,
    json_format_prints_one_parseable_report,
    a_bad_config_exits_3_with_one_line_naming_the_field,
    a_missing_config_file_or_bad_arguments_exit_3_with_one_line,
    logs_go_to_stderr_and_never_to_stdout,
    rust_log_filters_the_logs,
    log_file_gets_the_logs_too,
    the_log_file_gets_debug_events_whatever_rust_log_says,
    a_rotating_file_rotates_by_size_and_keeps_its_backups,
    a_rotating_file_appends_to_what_the_file_holds,
    a_record_is_never_split_and_a_big_one_gets_a_file_of_its_own,
    a_rotating_file_with_a_zero_never_rotates,
    the_log_file_rotates_at_10_mb_and_keeps_5_backups,
    the_pager_key_never_appears_anywhere,
    a_bad_secret_in_the_config_is_never_echoed,
    interval_runs_a_round_every_n_seconds,
    after_an_interval_run_the_exit_status_is_that_of_the_last_round,
    a_closed_stdout_stops_the_monitor_and_keeps_the_status,
);
