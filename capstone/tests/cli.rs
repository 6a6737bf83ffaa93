//! The cli area: the `sre-monitor` binary end to end (src/cli.rs, src/config.rs, src/logging.rs).
//!
//! Each test writes a config to a temporary folder and runs the real binary. The port checks
//! connect to listeners this test opens on 127.0.0.1, so their results are known in advance.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use sre_monitor::cli::{Args, Command as CliCommand, Format, parse_args};
use sre_monitor::config::{CheckSpec, Config};
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

/// Runs `sre-monitor` with `args`, with `RUST_LOG` set to `rust_log` (unset when `None`).
fn sre_monitor(args: &[&str], rust_log: Option<&str>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sre-monitor"));
    command.args(args).timeout(Duration::from_secs(30));
    command.env_remove("RUST_LOG");
    if let Some(filter) = rust_log {
        command.env("RUST_LOG", filter);
    }
    let output = command.output().expect("sre-monitor runs");
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    if run.stderr.contains("not yet implemented") {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains("not yet implemented"))
            .unwrap_or_default();
        panic!("not yet implemented: sre-monitor stopped at a todo!() ({line})");
    }
    run
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

// ----- the library side: arguments and config -----

fn parse_args_reads_every_flag() {
    let args = |list: &[&str]| parse_args(list.iter().map(|s| s.to_string()));
    assert_eq!(
        args(&["--config", "m.toml"]),
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
        args(&[
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
        args(&["--config", "m.toml", "--once"])
            .map(|c| matches!(c, CliCommand::Run(a) if a.interval.is_none())),
        Ok(true),
        "--once runs once"
    );
    assert_eq!(
        args(&["--help"]),
        Ok(CliCommand::Help),
        "--help asks for the help"
    );
    for bad in [
        &["--config"][..],
        &["m.toml"],
        &["--once"],
        &["--config", "m.toml", "--format", "xml"],
        &["--config", "m.toml", "--interval", "0"],
        &["--config", "m.toml", "--interval", "soon"],
        &["--config", "m.toml", "--once", "--interval", "5"],
        &["--config", "m.toml", "--verbose"],
    ] {
        assert!(
            args(bad).is_err(),
            "{bad:?} must be a usage error: a missing value or --config, an unknown format or flag, an interval that is not a whole number of 1 or more, or --once with --interval"
        );
    }
}

fn config_errors_name_the_field() {
    let server = "[[servers]]\nname = \"web-01\"\nhost = \"localhost\"\n";
    let disk = |warning: &str, critical: &str| {
        format!(
            "{server}[[servers.checks]]\ntype = \"disk\"\npath = \"/\"\nwarning = {warning}\ncritical = {critical}\n"
        )
    };
    let cases: Vec<(String, &str)> = vec![
        (disk("80.0", "150.0"), "servers[0].checks[0].critical"),
        (disk("95.0", "90.0"), "servers[0].checks[0].warning"),
        (
            format!("{server}[[servers.checks]]\ntype = \"port\"\nport = 70000\n"),
            "servers[0].checks[0].port",
        ),
        (
            format!("{server}[[servers.checks]]\ntype = \"port\"\nport = 22\ntimeout_ms = 0\n"),
            "servers[0].checks[0].timeout_ms",
        ),
        (
            format!("{server}[[servers.checks]]\ntype = \"process\"\nprocess = \" \"\n"),
            "servers[0].checks[0].process",
        ),
        (
            format!(
                "{server}[[servers.checks]]\ntype = \"process\"\nprocess = \"sshd\"\nseverity = \"ok\"\n"
            ),
            "servers[0].checks[0].severity",
        ),
        (
            format!(
                "{server}[[servers.checks]]\ntype = \"disk\"\npath = \"var\"\nwarning = 1.0\ncritical = 2.0\n"
            ),
            "servers[0].checks[0].path",
        ),
        (
            format!(
                "{server}[[servers.checks]]\ntype = \"memory\"\nwarning = 1.0\ncritical = 2.0\n[[servers]]\nname = \"web-02\"\nhost = \"localhost\"\n"
            ),
            "servers[1].checks",
        ),
        (
            format!(
                "{}\n[[servers]]\nname = \"web-01\"\nhost = \"localhost\"\n[[servers.checks]]\ntype = \"memory\"\nwarning = 1.0\ncritical = 2.0\n",
                disk("1.0", "2.0")
            ),
            "servers[1].name",
        ),
        (
            format!("{server}[[servers.checks]]\ntype = \"port\"\ntimeout_ms = 500\n"),
            "servers[0].checks[0].port",
        ),
        (
            format!("{server}[[servers.checks]]\ntype = \"memory\"\ncritical = 90.0\n"),
            "servers[0].checks[0].warning",
        ),
        (
            format!(
                "{server}[[servers.checks]]\ntype = \"memory\"\nwarning = 1.0\ncritical = 2.0\nport = 22\n"
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
            format!("[alerts]\nmin_severity = \"ok\"\n{}", disk("1.0", "2.0")),
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
        "every check is OK: the exit status is 0. stderr:\n{}",
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

fn a_failing_check_exits_1() {
    let (_listener, open) = open_port();
    let workspace = Workspace::with_config(&failing_config(open, closed_port(), ""));
    let run = sre_monitor(&["--config", &workspace.config()], None);
    assert_eq!(
        run.code,
        Some(1),
        "a closed port and a missing process: the exit status is 1. stderr:\n{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("CRITICAL") && run.stdout.contains("WARNING"),
        "the table shows the missing process as CRITICAL and the closed port as WARNING (its severity); got:\n{}",
        run.stdout
    );

    let warning_only = Workspace::with_config(&format!(
        "{}\n[[servers.checks]]\ntype = \"port\"\nport = {}\ntimeout_ms = 1000\nseverity = \"warning\"\n",
        healthy_config(open),
        closed_port()
    ));
    let run = sre_monitor(&["--config", &warning_only.config(), "--once"], None);
    assert_eq!(
        run.code,
        Some(1),
        "a warning is not healthy either: exit status 1"
    );
}

fn json_format_prints_one_parseable_report() {
    let (_listener, open) = open_port();
    let closed = closed_port();
    let workspace = Workspace::with_config(&failing_config(open, closed, ""));
    let run = sre_monitor(
        &[
            "--config",
            &workspace.config(),
            "--once",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(
        run.code,
        Some(1),
        "exit status 1, as in table format. stderr:\n{}",
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

fn a_bad_config_exits_2_with_one_line_naming_the_field() {
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
            Some(2),
            "a bad config exits with status 2. stderr:\n{}",
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

fn a_missing_config_file_or_bad_arguments_exit_2() {
    let workspace = Workspace::with_config("");
    let missing = workspace.path("nowhere.toml");
    let runs = [
        vec!["--config", missing.as_str()],
        vec!["--config"],
        vec!["--once"],
        vec!["--config", missing.as_str(), "--format", "xml"],
        vec!["--config", missing.as_str(), "--frobnicate"],
    ];
    for args in runs {
        let run = sre_monitor(&args, None);
        assert_eq!(
            run.code,
            Some(2),
            "{args:?} must exit with status 2. stderr:\n{}",
            run.stderr
        );
        assert!(
            !run.lines_of_stderr().is_empty(),
            "{args:?}: say what is wrong on stderr"
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
        Some(1),
        "logging does not change the exit status"
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
    assert_eq!(run.code, Some(1), "stderr:\n{}", run.stderr);
    let text = std::fs::read_to_string(&log)
        .unwrap_or_else(|e| panic!("--log-file {log} must create the log file: {e}"));
    assert!(
        text.contains("alert opened"),
        "the log file gets the same events as stderr, got:\n{text}"
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
    assert_eq!(again.code, Some(1));
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
        Some(2),
        "a log file that cannot be opened exits with status 2. stderr:\n{}",
        run.stderr
    );
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
        assert_eq!(run.code, Some(1), "stderr:\n{}", run.stderr);
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

fn interval_runs_a_round_every_n_seconds() {
    let (_listener, port) = open_port();
    let workspace = Workspace::with_config(&healthy_config(port));
    let started = std::time::Instant::now();
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
}

workbook_harness::main!(
    parse_args_reads_every_flag,
    config_errors_name_the_field,
    the_example_config_is_valid,
    a_healthy_machine_exits_0_with_the_table_on_stdout,
    a_failing_check_exits_1,
    json_format_prints_one_parseable_report,
    a_bad_config_exits_2_with_one_line_naming_the_field,
    a_missing_config_file_or_bad_arguments_exit_2,
    logs_go_to_stderr_and_never_to_stdout,
    rust_log_filters_the_logs,
    log_file_gets_the_logs_too,
    the_pager_key_never_appears_anywhere,
    interval_runs_a_round_every_n_seconds,
);
