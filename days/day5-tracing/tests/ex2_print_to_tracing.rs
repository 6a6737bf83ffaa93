//! Exercise 2: the print version of a health sweep and a deploy, rewritten with tracing
//! (`src/ex2_print_to_tracing.rs`). Graded by the events and spans the code emits, captured in
//! memory (level, target, fields; never the message's words or the time), and by a lint gate that
//! reads the file for prints.

#[path = "support/capture.rs"]
#[allow(dead_code)] // shared by Day 5's tests; each uses a part
mod capture;

#[path = "../src/ex2_print_to_tracing.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod script;

use capture::{Capture, CapturedEvent, CapturedSpan};
use script::{DeployError, Host, Remote, Secret, Summary, deploy, sweep};
use tracing::Level;
use workbook_testkit::rust_source::{Token, tokens};

// ---------------------------------------------------------------------------------------------
// What the table of the exercise asks for, and a comparison that says what differs
// ---------------------------------------------------------------------------------------------

/// A value a field must have.
#[derive(Debug, Clone, Copy)]
enum Want {
    Text(&'static str),
    Number(f64),
    /// The field is there and its text contains this (an error, in any spelling).
    Contains(&'static str),
}

/// One row of the table: which print it replaces, its level, its fields.
struct Row {
    print: &'static str,
    level: Level,
    fields: Vec<(&'static str, Want)>,
}

fn row(print: &'static str, level: Level, fields: &[(&'static str, Want)]) -> Row {
    Row {
        print,
        level,
        fields: fields.to_vec(),
    }
}

fn expected_list(rows: &[Row]) -> String {
    rows.iter()
        .map(|r| format!("  {:<5} for `{}`", r.level, r.print))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Compares the events, in order, with the rows: one event per row, each at its level with its
/// fields. `run` says what was run, for the messages.
fn check_events(run: &str, log: &Capture, rows: &[Row]) {
    let events = log.events();
    assert_eq!(
        events.len(),
        rows.len(),
        "{run} should log exactly one event per print it reaches, and no others:\n{}\n\
         It logged {} event(s):\n{}",
        expected_list(rows),
        events.len(),
        log.describe()
    );
    for (i, (event, row)) in events.iter().zip(rows).enumerate() {
        assert_eq!(
            event.level,
            row.level,
            "{run}: event {} replaces the print `{}`, so its level is {} (see the table); \
             it was logged at {}. In order, the events should be:\n{}\nIt logged:\n{}",
            i + 1,
            row.print,
            row.level,
            event.level,
            expected_list(rows),
            log.describe()
        );
    }
    for (i, (event, row)) in events.iter().zip(rows).enumerate() {
        for &(name, want) in &row.fields {
            check_field(run, i, event, row, name, want, log);
        }
    }
}

fn check_field(
    run: &str,
    i: usize,
    event: &CapturedEvent,
    row: &Row,
    name: &str,
    want: Want,
    log: &Capture,
) {
    let wanted_text = match want {
        Want::Text(text) | Want::Contains(text) => text.to_owned(),
        Want::Number(n) => n.to_string(),
    };
    let Some(value) = event.fields.get(name) else {
        let in_message = event.message.contains(&wanted_text);
        panic!(
            "{run}: event {} (the print `{}`) needs the field `{name}` ({wanted_text}){}. \
             A field is what a log search filters on; fields come before the message: \
             `{}!({name} = ..., \"...\")`.\nIt logged:\n{}",
            i + 1,
            row.print,
            if in_message {
                format!(
                    ", but the value is only formatted into the message text (\"{}\")",
                    event.message
                )
            } else {
                String::new()
            },
            row.level.as_str().to_lowercase(),
            log.describe()
        );
    };
    match want {
        Want::Text(text) => assert_eq!(
            value.text(),
            text,
            "{run}: event {} (the print `{}`): the field `{name}` should be `{text}`, it is \
             {value}.\nIt logged:\n{}",
            i + 1,
            row.print,
            log.describe()
        ),
        Want::Number(number) => {
            let Some(got) = value.number() else {
                panic!(
                    "{run}: event {} (the print `{}`): the field `{name}` should be the number \
                     {number}, it is {value}, which is not a number. Record the value itself \
                     (`{name} = x`, or `%x`), not text formatted around it, so a search can \
                     compare it.\nIt logged:\n{}",
                    i + 1,
                    row.print,
                    log.describe()
                );
            };
            assert!(
                (got - number).abs() < 1e-9,
                "{run}: event {} (the print `{}`): the field `{name}` should be {number}, it is \
                 {value}.\nIt logged:\n{}",
                i + 1,
                row.print,
                log.describe()
            );
        }
        Want::Contains(text) => assert!(
            value.text().contains(text),
            "{run}: event {} (the print `{}`): the field `{name}` should be the error, whose \
             text has `{text}`; it is {value}.\nIt logged:\n{}",
            i + 1,
            row.print,
            log.describe()
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// The sweep's inputs and rows
// ---------------------------------------------------------------------------------------------

fn host(name: &str, ip: &str, reachable: bool, cpu_percent: f64) -> Host {
    Host {
        name: name.to_owned(),
        ip: ip.to_owned(),
        reachable,
        cpu_percent,
    }
}

/// web-01 runs hot, web-02 is fine, db-01 does not answer.
fn fleet() -> Vec<Host> {
    vec![
        host("web-01", "10.0.1.1", true, 91.5),
        host("web-02", "10.0.1.2", true, 40.0),
        host("db-01", "10.0.2.1", false, 0.0),
    ]
}

const FLEET: &str = "sweep(web-01 at 91.5% CPU, web-02 at 40%, db-01 unreachable)";

const START: &str = "Starting health checks for {n} hosts";
const CHECKING: &str = "DEBUG: checking {name} at {ip}";
const HIGH_CPU: &str = "WARNING: high CPU on {name}: {cpu:.1}%";
const UNREACHABLE: &str = "ERROR: {name} is unreachable";
const DONE: &str = "Done: {healthy} healthy, {unhealthy} unhealthy";

fn start(count: f64) -> Row {
    row(START, Level::INFO, &[("count", Want::Number(count))])
}

fn checking(name: &'static str, ip: &'static str) -> Row {
    row(
        CHECKING,
        Level::DEBUG,
        &[("host", Want::Text(name)), ("ip", Want::Text(ip))],
    )
}

fn high_cpu(name: &'static str, cpu: f64) -> Row {
    row(
        HIGH_CPU,
        Level::WARN,
        &[("host", Want::Text(name)), ("cpu", Want::Number(cpu))],
    )
}

fn unreachable(name: &'static str) -> Row {
    row(UNREACHABLE, Level::ERROR, &[("host", Want::Text(name))])
}

fn done(healthy: f64, unhealthy: f64) -> Row {
    row(
        DONE,
        Level::INFO,
        &[
            ("healthy", Want::Number(healthy)),
            ("unhealthy", Want::Number(unhealthy)),
        ],
    )
}

fn fleet_rows() -> Vec<Row> {
    vec![
        start(3.0),
        checking("web-01", "10.0.1.1"),
        high_cpu("web-01", 91.5),
        checking("web-02", "10.0.1.2"),
        checking("db-01", "10.0.2.1"),
        unreachable("db-01"),
        done(2.0, 1.0),
    ]
}

/// The rows with only their levels: for the first test, which checks levels alone.
fn levels_only(rows: Vec<Row>) -> Vec<Row> {
    rows.into_iter()
        .map(|r| Row {
            fields: Vec::new(),
            ..r
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The deploy's fake remote and rows
// ---------------------------------------------------------------------------------------------

const PASSWORD: &str = "hunter2-Sw0rdf1sh";
const SERVICE: &str = "checkout";
const VERSION: &str = "2.4.1";
const USER: &str = "deployer";
const REMOTE_HOST: &str = "app-07";

/// A remote that records what it is asked and fails at one step, if told to.
struct FakeRemote {
    fail_at: Option<&'static str>,
    calls: Vec<String>,
    /// The password text `connect` was given.
    password_seen: Option<String>,
}

impl FakeRemote {
    fn new(fail_at: Option<&'static str>) -> FakeRemote {
        FakeRemote {
            fail_at,
            calls: Vec::new(),
            password_seen: None,
        }
    }

    fn step(&mut self, step: &str, call: String) -> Result<(), DeployError> {
        self.calls.push(call);
        if self.fail_at == Some(step) {
            Err(error_at(step))
        } else {
            Ok(())
        }
    }
}

fn reason_at(step: &str) -> &'static str {
    match step {
        "connect" => "permission denied",
        "upload" => "disk full",
        _ => "unit not found",
    }
}

fn error_at(step: &str) -> DeployError {
    DeployError {
        step: step.to_owned(),
        reason: reason_at(step).to_owned(),
    }
}

impl Remote for FakeRemote {
    fn host(&self) -> &str {
        REMOTE_HOST
    }

    fn connect(&mut self, user: &str, password: &Secret) -> Result<(), DeployError> {
        self.password_seen = Some(password.expose().to_owned());
        self.step("connect", format!("connect({user})"))
    }

    fn upload(&mut self, service: &str, version: &str) -> Result<(), DeployError> {
        self.step("upload", format!("upload({service}, {version})"))
    }

    fn restart(&mut self, service: &str) -> Result<(), DeployError> {
        self.step("restart", format!("restart({service})"))
    }
}

/// Runs `deploy` on a fake remote that fails at `fail_at`, capturing what it logs.
fn run_deploy(fail_at: Option<&'static str>) -> (Result<(), DeployError>, FakeRemote, Capture) {
    let mut remote = FakeRemote::new(fail_at);
    let password = Secret::new(PASSWORD);
    let (result, log) = capture::capture(|| deploy(&mut remote, SERVICE, VERSION, USER, &password));
    (result, remote, log)
}

fn describe_run(fail_at: Option<&str>) -> String {
    match fail_at {
        None => format!("deploy(\"{SERVICE}\", \"{VERSION}\") that succeeds"),
        Some(step) => format!(
            "deploy(\"{SERVICE}\", \"{VERSION}\") whose `{step}` fails (`{}`)",
            error_at(step)
        ),
    }
}

const DEPLOYING: &str = "Deploying {service} {version}";
const CONNECTING: &str = "Connecting to {host} as {user}";
const UPLOADING: &str = "DEBUG: uploading {service} {version}";
const RESTARTING: &str = "DEBUG: restarting {service}";
const DEPLOYED: &str = "Deployed {service} {version} in {secs:.2}s";
const FAILED: &str = "ERROR: deploy ... failed after ...: {e}";

/// The rows of a deploy that fails at `fail_at` (or succeeds).
fn deploy_rows(fail_at: Option<&str>) -> Vec<Row> {
    let mut rows = vec![
        row(DEPLOYING, Level::INFO, &[]),
        row(
            CONNECTING,
            Level::INFO,
            &[
                ("host", Want::Text(REMOTE_HOST)),
                ("user", Want::Text(USER)),
            ],
        ),
    ];
    let steps = [("upload", UPLOADING), ("restart", RESTARTING)];
    if fail_at != Some("connect") {
        for (step, print) in steps {
            rows.push(row(print, Level::DEBUG, &[]));
            if fail_at == Some(step) {
                break;
            }
        }
    }
    match fail_at {
        None => rows.push(row(DEPLOYED, Level::INFO, &[])),
        Some(step) => rows.push(row(
            FAILED,
            Level::ERROR,
            &[("error", Want::Contains(reason_at(step)))],
        )),
    }
    rows
}

const FAILING_STEPS: [&str; 3] = ["connect", "upload", "restart"];

fn deploy_spans(spans: &[CapturedSpan]) -> Vec<&CapturedSpan> {
    spans.iter().filter(|s| s.name == "deploy").collect()
}

fn describe_spans(spans: &[CapturedSpan]) -> String {
    if spans.is_empty() {
        return "  (no span at all)".to_owned();
    }
    spans
        .iter()
        .map(|s| {
            let fields: Vec<String> = s.fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!(
                "  {} {} {{{}}}{}",
                s.level,
                s.name,
                fields.join(", "),
                if s.lifetime.is_some() {
                    ", closed"
                } else {
                    ", still open"
                }
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The one span named `deploy`, or a failure that says what spans there were.
fn the_deploy_span<'a>(run: &str, spans: &'a [CapturedSpan], log: &Capture) -> &'a CapturedSpan {
    let found = deploy_spans(spans);
    assert_eq!(
        found.len(),
        1,
        "{run} should run inside one span named `deploy` (`#[tracing::instrument]` on `deploy`, \
         or `tracing::info_span!(\"deploy\", ...)` entered for the whole function); its spans \
         were:\n{}\nand it logged:\n{}",
        describe_spans(spans),
        log.describe()
    );
    found[0]
}

// ---------------------------------------------------------------------------------------------
// The sweep
// ---------------------------------------------------------------------------------------------

fn sweep_logs_one_event_per_print_at_its_level() {
    let (_, log) = capture::capture(|| sweep(&fleet()));
    check_events(FLEET, &log, &levels_only(fleet_rows()));
}

fn sweep_names_the_count_and_each_host_in_fields() {
    let (_, log) = capture::capture(|| sweep(&fleet()));
    let rows: Vec<Row> = fleet_rows()
        .into_iter()
        .map(|r| {
            if r.print == START || r.print == CHECKING {
                r
            } else {
                Row {
                    fields: Vec::new(),
                    ..r
                }
            }
        })
        .collect();
    check_events(FLEET, &log, &rows);
}

fn high_cpu_is_a_warning_with_the_reading_as_a_field() {
    let (_, log) = capture::capture(|| sweep(&[host("web-01", "10.0.1.1", true, 91.5)]));
    let rows = vec![
        start(1.0),
        checking("web-01", "10.0.1.1"),
        high_cpu("web-01", 91.5),
        done(1.0, 0.0),
    ];
    check_events("sweep(web-01 at 91.5% CPU)", &log, &rows);
}

fn an_unreachable_host_is_an_error_with_its_host_and_gets_no_cpu_check() {
    // db-01's last CPU reading is high, but it did not answer: only the error, as in the script.
    let (_, log) = capture::capture(|| sweep(&[host("db-01", "10.0.2.1", false, 97.0)]));
    let rows = vec![
        start(1.0),
        checking("db-01", "10.0.2.1"),
        unreachable("db-01"),
        done(0.0, 1.0),
    ];
    check_events(
        "sweep(db-01 unreachable, its old CPU reading 97%)",
        &log,
        &rows,
    );
}

fn a_reading_of_exactly_the_threshold_is_no_warning() {
    let (_, log) = capture::capture(|| sweep(&[host("web-03", "10.0.1.3", true, 90.0)]));
    let rows = vec![start(1.0), checking("web-03", "10.0.1.3"), done(1.0, 0.0)];
    check_events(
        "sweep(web-03 at exactly 90% CPU): the script warns only above CPU_WARN_PERCENT, and",
        &log,
        &rows,
    );
}

fn the_summary_has_both_counts_and_is_returned() {
    let (summary, log) = capture::capture(|| sweep(&fleet()));
    check_events(FLEET, &log, &fleet_rows());
    assert_eq!(
        summary,
        Summary {
            healthy: 2,
            unhealthy: 1
        },
        "{FLEET} should return what the script counts: a host that answers is healthy (high CPU \
         is only a warning), one that does not is unhealthy"
    );
    let (summary, log) = capture::capture(|| sweep(&[]));
    check_events("sweep(no hosts)", &log, &[start(0.0), done(0.0, 0.0)]);
    assert_eq!(
        summary,
        Summary {
            healthy: 0,
            unhealthy: 0
        },
        "sweep(no hosts) finds nothing healthy and nothing unhealthy"
    );
}

// ---------------------------------------------------------------------------------------------
// The secret
// ---------------------------------------------------------------------------------------------

fn a_secret_prints_as_redacted() {
    let secret = Secret::new(PASSWORD);
    let debug = format!("{secret:?}");
    assert_eq!(
        debug, "[redacted]",
        "`format!(\"{{:?}}\", secret)` must give `[redacted]`: the `Debug` impl of `Secret` \
         writes that, never the text (a derived Debug would print the password to any log that \
         records `?password`)"
    );
    let display = format!("{secret}");
    assert_eq!(
        display, "[redacted]",
        "`format!(\"{{}}\", secret)` must give `[redacted]`: the `Display` impl of `Secret` \
         writes that, never the text (`%password` in a log uses Display)"
    );
    assert_eq!(
        secret.expose(),
        PASSWORD,
        "`expose()` is given: it returns the text, for the login only"
    );
}

// ---------------------------------------------------------------------------------------------
// The deploy
// ---------------------------------------------------------------------------------------------

fn deploy_logs_its_steps_at_their_levels() {
    let (result, remote, log) = run_deploy(None);
    let run = describe_run(None);
    assert_eq!(
        result,
        Ok(()),
        "{run} should return Ok(()).\nIt logged:\n{}",
        log.describe()
    );
    assert_eq!(
        remote.calls,
        [
            format!("connect({USER})"),
            format!("upload({SERVICE}, {VERSION})"),
            format!("restart({SERVICE})"),
        ],
        "{run} should connect as the user, upload the service at its version and restart it, \
         in that order, as the script does"
    );
    assert_eq!(
        remote.password_seen.as_deref(),
        Some(PASSWORD),
        "{run} should log in with the password itself (`remote.connect(user, password)`)"
    );
    check_events(&run, &log, &deploy_rows(None));
}

fn deploy_runs_inside_an_info_span_named_deploy() {
    let (_, _, log) = run_deploy(None);
    let run = describe_run(None);
    let spans = log.spans();
    let span = the_deploy_span(&run, &spans, &log);
    assert_eq!(
        span.level,
        Level::INFO,
        "{run}: the span `deploy` should be at INFO (`#[instrument]`'s default, or \
         `info_span!`), so that a console at INFO shows its close and its time; it is at {}",
        span.level
    );
    for (name, value) in [("service", SERVICE), ("version", VERSION)] {
        assert_eq!(
            span.fields.get(name).map(|v| v.text()).as_deref(),
            Some(value),
            "{run}: the span `deploy` should have the field `{name}` = `{value}` (the events \
             inside it then need no copy of it; in `#[instrument(fields(...))]` a bare name \
             declares an empty field: write `{name} = %{name}`); its fields are:\n{}",
            describe_spans(&spans)
        );
    }
    for (i, event) in log.events().iter().enumerate() {
        assert!(
            event.spans.iter().any(|s| s == "deploy"),
            "{run}: event {} (`{}`) is not inside the span `deploy`: every event of `deploy` \
             happens while the span is entered. Enter it first thing and keep the guard alive to \
             the end (`let _span = span.entered();` or `let _guard = span.enter();`; \
             `let _ = span.enter();` drops the guard at once).\nIt logged:\n{}",
            i + 1,
            event.describe(),
            log.describe()
        );
    }
}

fn a_failed_step_is_an_error_event_inside_the_span() {
    for step in FAILING_STEPS {
        let (result, remote, log) = run_deploy(Some(step));
        let run = describe_run(Some(step));
        assert_eq!(
            result,
            Err(error_at(step)),
            "{run} should return the remote's error unchanged.\nIt logged:\n{}",
            log.describe()
        );
        let reached = FAILING_STEPS
            .iter()
            .position(|s| *s == step)
            .map_or(0, |i| i + 1);
        assert_eq!(
            remote.calls.len(),
            reached,
            "{run} should stop at the failed step (the script's `?`); the remote was asked: \
             {:?}",
            remote.calls
        );
        check_events(&run, &log, &deploy_rows(Some(step)));
        let events = log.events();
        let error = events.last().expect("check_events saw the error event");
        assert!(
            error.spans.iter().any(|s| s == "deploy"),
            "{run}: the error event (`{}`) should be inside the span `deploy`, so it carries \
             the service and the version: log it before the span's guard is dropped \
             (`#[instrument(err)]` does).\nIt logged:\n{}",
            error.describe(),
            log.describe()
        );
    }
}

fn the_deploy_span_closes_on_success_and_on_every_early_return() {
    for fail_at in [None, Some("connect"), Some("upload"), Some("restart")] {
        let (_, _, log) = run_deploy(fail_at);
        let run = describe_run(fail_at);
        let spans = log.spans();
        let span = the_deploy_span(&run, &spans, &log);
        assert!(
            span.lifetime.is_some(),
            "{run}: the span `deploy` is still open after `deploy` returned, so no close line \
             (with its time: the operation timer) is ever logged. Let its guard drop when the \
             function returns, on every path, `?` included (`#[instrument]`, or \
             `let _span = info_span!(...).entered();`); never `std::mem::forget` it.\n\
             Spans:\n{}",
            describe_spans(&spans)
        );
    }
}

fn the_password_never_reaches_the_log() {
    for fail_at in [None, Some("connect"), Some("upload"), Some("restart")] {
        let (_, _, log) = run_deploy(fail_at);
        let run = describe_run(fail_at);
        let leaks = |text: &str| text.contains(PASSWORD);
        for event in log.events() {
            let leaked = leaks(&event.message)
                || event
                    .fields
                    .values()
                    .any(|v| leaks(&v.text()) || leaks(&v.to_string()));
            assert!(
                !leaked,
                "{run} logged the password: `{}`. Log the user and the host, never the \
                 password (Pattern 3); and give `Secret` a Debug and a Display that write \
                 `[redacted]`, so that even `?password` cannot leak it",
                event.describe()
            );
        }
        for span in log.spans() {
            let leaked = span
                .fields
                .values()
                .any(|v| leaks(&v.text()) || leaks(&v.to_string()));
            assert!(
                !leaked,
                "{run}: the span `{}` has a field holding the password's text:\n{}\n\
                 Take it out of the span's fields. With `#[instrument]`, which records every \
                 argument, `skip(password)` (a Secret whose Debug writes `[redacted]` also keeps \
                 the text out); with a span by hand, do not pass the password (or its \
                 `expose()`) as a field",
                span.name,
                describe_spans(std::slice::from_ref(&span))
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Targets and the lint gate
// ---------------------------------------------------------------------------------------------

/// The module path of `script`, the learner's file as this test target includes it.
const SCRIPT_TARGET: &str = concat!(module_path!(), "::script");

fn events_keep_their_module_as_target() {
    let (_, sweep_log) = capture::capture(|| sweep(&fleet()));
    let (_, _, deploy_log) = run_deploy(Some("upload"));
    for (run, log) in [
        (FLEET.to_owned(), sweep_log),
        (describe_run(Some("upload")), deploy_log),
    ] {
        for event in log.events() {
            assert!(
                event.target.starts_with(SCRIPT_TARGET),
                "{run}: the event `{}` has the target `{}`; leave each event's target as it is, \
                 its module's path (here `{SCRIPT_TARGET}`): per-module levels \
                 (`RUST_LOG=app::checks=debug`) filter on it, as Python's getLogger(__name__) \
                 names do",
                event.describe(),
                event.target
            );
        }
    }
}

const LEARNER_FILE: &str = include_str!("../src/ex2_print_to_tracing.rs");

fn the_file_logs_and_never_prints() {
    let toks = tokens(LEARNER_FILE);
    let macro_call = |i: usize, name: &str| {
        toks[i] == Token::Ident(name.to_owned())
            && toks.get(i + 1) == Some(&Token::Punct("!".to_owned()))
    };
    if (0..toks.len()).any(|i| macro_call(i, "todo")) {
        todo!(
            "the lint gate reads src/ex2_print_to_tracing.rs once no todo!() is left in it: \
             finish the other steps first"
        );
    }
    for name in ["println", "eprintln", "print", "eprint", "dbg"] {
        assert!(
            !(0..toks.len()).any(|i| macro_call(i, name)),
            "src/ex2_print_to_tracing.rs still calls `{name}!` (outside comments and strings): \
             every print becomes an event at its level (`info!`, `debug!`, `warn!`, `error!`), \
             which a subscriber sends to the console, to a file, or nowhere"
        );
    }
    for name in ["stdout", "stderr"] {
        assert!(
            !toks.contains(&Token::Ident(name.to_owned())),
            "src/ex2_print_to_tracing.rs names `{name}` (outside comments and strings): this \
             file only emits events; where they go is the subscriber's business (exercise 1's \
             setup), not the script's"
        );
    }
}

workbook_harness::main!(
    sweep_logs_one_event_per_print_at_its_level,
    sweep_names_the_count_and_each_host_in_fields,
    high_cpu_is_a_warning_with_the_reading_as_a_field,
    an_unreachable_host_is_an_error_with_its_host_and_gets_no_cpu_check,
    a_reading_of_exactly_the_threshold_is_no_warning,
    the_summary_has_both_counts_and_is_returned,
    a_secret_prints_as_redacted,
    deploy_logs_its_steps_at_their_levels,
    deploy_runs_inside_an_info_span_named_deploy,
    a_failed_step_is_an_error_event_inside_the_span,
    the_deploy_span_closes_on_success_and_on_every_early_return,
    the_password_never_reaches_the_log,
    events_keep_their_module_as_target,
    the_file_logs_and_never_prints,
);
