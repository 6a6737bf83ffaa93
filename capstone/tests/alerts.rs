//! The alerts area: the `AlertManager` (src/alerts.rs). The logging tests capture tracing's
//! events with a small layer, so they check the level and the fields, not the text layout.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use sre_monitor::alerts::AlertManager;
use sre_monitor::models::{Alert, CheckResult, Secret, Status};
use tracing::field::{Field, Visit};
use tracing::{Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

const T0: u64 = 1_700_000_000;

fn result(server: &str, check: &str, status: Status) -> CheckResult {
    CheckResult {
        server: server.into(),
        check: check.into(),
        status,
        metric: None,
        message: format!("{check} on {server} is {status:?}"),
    }
}

fn keys(alerts: &[Alert]) -> Vec<(String, String, Status)> {
    alerts
        .iter()
        .map(|a| (a.server().to_owned(), a.check().to_owned(), a.severity()))
        .collect()
}

fn key(server: &str, check: &str, severity: Status) -> (String, String, Status) {
    (server.to_owned(), check.to_owned(), severity)
}

// ----- capturing tracing events -----

#[derive(Debug, Clone)]
struct Event {
    level: Level,
    message: String,
    fields: BTreeMap<String, String>,
}

#[derive(Default)]
struct Fields(BTreeMap<String, String>);

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        let text = format!("{value:?}");
        self.0
            .insert(field.name().to_owned(), text.trim_matches('"').to_owned());
    }
}

struct Capture(Arc<Mutex<Vec<Event>>>);

impl<S: Subscriber> Layer<S> for Capture {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        let message = fields.0.remove("message").unwrap_or_default();
        self.0.lock().unwrap().push(Event {
            level: *event.metadata().level(),
            message,
            fields: fields.0,
        });
    }
}

/// Runs `f` with a subscriber that records every event, and returns them.
fn capture<T>(f: impl FnOnce() -> T) -> (T, Vec<Event>) {
    let events = Arc::new(Mutex::new(Vec::new()));
    let subscriber = tracing_subscriber::registry().with(Capture(events.clone()));
    let out = tracing::subscriber::with_default(subscriber, f);
    let events = events.lock().unwrap().clone();
    (out, events)
}

// ----- opening alerts -----

fn results_at_or_above_the_minimum_severity_open_alerts() {
    let mut manager = AlertManager::new(Status::Warning);
    let changes = manager.process(
        &[
            result("web-01", "disk /", Status::Ok),
            result("web-01", "memory", Status::Warning),
            result("web-01", "port 443", Status::Critical),
        ],
        T0,
    );
    assert_eq!(
        keys(&changes.opened),
        [
            key("web-01", "memory", Status::Warning),
            key("web-01", "port 443", Status::Critical)
        ],
        "with min severity Warning, the warning and the critical result open alerts, in the order of the results; the OK one does not"
    );
    assert!(
        changes.resolved.is_empty(),
        "nothing was open, so nothing is resolved"
    );
    let memory = &changes.opened[0];
    assert_eq!(memory.opened_at(), T0, "an alert is opened at `now`");
    assert_eq!(
        memory.message(),
        "memory on web-01 is Warning",
        "an alert carries the result's message"
    );
}

fn a_critical_minimum_ignores_warnings() {
    let mut manager = AlertManager::new(Status::Critical);
    let changes = manager.process(
        &[
            result("web-01", "memory", Status::Warning),
            result("web-01", "disk /", Status::Critical),
        ],
        T0,
    );
    assert_eq!(
        keys(&changes.opened),
        [key("web-01", "disk /", Status::Critical)],
        "with min severity Critical, a warning opens no alert"
    );
}

fn an_open_alert_is_not_repeated() {
    let mut manager = AlertManager::new(Status::Warning);
    let failing = [result("db-01", "port 5432", Status::Critical)];
    let first = manager.process(&failing, T0);
    assert_eq!(first.opened.len(), 1, "the first failure opens an alert");
    for round in 1..=3 {
        let again = manager.process(&failing, T0 + 60 * round);
        assert!(
            again.opened.is_empty() && again.resolved.is_empty(),
            "round {round}: the alert for db-01 port 5432 is already open: do not open it again (nobody wants to be paged every minute for the same outage)"
        );
    }
    let open = manager.open_alerts();
    assert_eq!(open.len(), 1, "one problem, one open alert");
    assert_eq!(
        open[0].opened_at(),
        T0,
        "the open alert keeps the time it was first opened"
    );
}

fn a_worse_result_escalates_and_a_milder_one_does_not() {
    let mut manager = AlertManager::new(Status::Warning);
    manager.process(&[result("web-01", "disk /", Status::Warning)], T0);
    let worse = manager.process(&[result("web-01", "disk /", Status::Critical)], T0 + 60);
    assert_eq!(
        keys(&worse.opened),
        [key("web-01", "disk /", Status::Critical)],
        "a warning that turns critical opens a critical alert (an escalation is news)"
    );
    assert_eq!(
        keys(&manager.open_alerts()),
        [key("web-01", "disk /", Status::Critical)],
        "the critical alert replaces the warning: one open alert per server and check"
    );
    let milder = manager.process(&[result("web-01", "disk /", Status::Warning)], T0 + 120);
    assert!(
        milder.opened.is_empty() && milder.resolved.is_empty(),
        "critical back to warning is still a problem at or above the minimum: nothing opens or resolves"
    );
}

fn a_recovered_check_resolves_its_alert() {
    let mut manager = AlertManager::new(Status::Warning);
    manager.process(&[result("web-01", "memory", Status::Critical)], T0);
    let recovered = manager.process(&[result("web-01", "memory", Status::Ok)], T0 + 60);
    assert_eq!(
        keys(&recovered.resolved),
        [key("web-01", "memory", Status::Critical)],
        "an OK result resolves the open alert of its check and returns it"
    );
    assert!(recovered.opened.is_empty());
    assert!(
        manager.open_alerts().is_empty(),
        "a resolved alert is no longer open"
    );
    let again = manager.process(&[result("web-01", "memory", Status::Warning)], T0 + 120);
    assert_eq!(
        keys(&again.opened),
        [key("web-01", "memory", Status::Warning)],
        "after recovering, a new failure is a new alert"
    );

    let mut critical_only = AlertManager::new(Status::Critical);
    critical_only.process(&[result("web-01", "memory", Status::Critical)], T0);
    let below = critical_only.process(&[result("web-01", "memory", Status::Warning)], T0 + 60);
    assert_eq!(
        below.resolved.len(),
        1,
        "with min severity Critical, a check back to Warning is below the minimum: its alert resolves"
    );
}

fn alerts_are_kept_per_server_and_check() {
    let mut manager = AlertManager::new(Status::Warning);
    let changes = manager.process(
        &[
            result("web-01", "disk /", Status::Critical),
            result("web-02", "disk /", Status::Critical),
            result("web-01", "disk /var", Status::Critical),
        ],
        T0,
    );
    assert_eq!(
        changes.opened.len(),
        3,
        "the same check on two servers, or two checks on one server, are different problems: three alerts"
    );
    let resolved = manager.process(&[result("web-02", "disk /", Status::Ok)], T0 + 60);
    assert_eq!(
        keys(&resolved.resolved),
        [key("web-02", "disk /", Status::Critical)],
        "web-02 recovering resolves web-02's alert only"
    );
    assert_eq!(
        manager.open_alerts().len(),
        2,
        "web-01's two alerts stay open"
    );
}

fn open_alerts_list_the_most_severe_first() {
    let mut manager = AlertManager::new(Status::Warning);
    manager.process(
        &[
            result("web-02", "memory", Status::Warning),
            result("web-01", "memory", Status::Warning),
            result("web-02", "disk /", Status::Critical),
            result("web-01", "port 443", Status::Critical),
        ],
        T0,
    );
    assert_eq!(
        keys(&manager.open_alerts()),
        [
            key("web-01", "port 443", Status::Critical),
            key("web-02", "disk /", Status::Critical),
            key("web-01", "memory", Status::Warning),
            key("web-02", "memory", Status::Warning),
        ],
        "open alerts: most severe first, then by server, then by check"
    );
}

// ----- logging -----

fn opened_and_resolved_alerts_are_logged_with_structured_fields() {
    let (_, events) = capture(|| {
        let mut manager = AlertManager::new(Status::Warning);
        manager.process(
            &[
                result("web-01", "memory", Status::Warning),
                result("db-01", "port 5432", Status::Critical),
            ],
            T0,
        );
        manager.process(&[result("web-01", "memory", Status::Ok)], T0 + 60);
    });
    let opened: Vec<&Event> = events
        .iter()
        .filter(|e| e.message == "alert opened")
        .collect();
    assert_eq!(
        opened.len(),
        2,
        "each opened alert is logged once with the message \"alert opened\"; events seen: {events:#?}"
    );
    let field = |event: &Event, name: &str| event.fields.get(name).cloned().unwrap_or_default();
    let warning = opened
        .iter()
        .find(|e| field(e, "server") == "web-01")
        .expect("an \"alert opened\" event with the field server = web-01");
    assert_eq!(
        warning.level,
        Level::WARN,
        "a warning alert is logged at WARN"
    );
    assert_eq!(
        field(warning, "check"),
        "memory",
        "the event has the field check = memory"
    );
    assert!(
        field(warning, "severity").eq_ignore_ascii_case("warning"),
        "the event has the field severity, got {:?}",
        warning.fields
    );
    let critical = opened
        .iter()
        .find(|e| field(e, "server") == "db-01")
        .expect("an \"alert opened\" event with the field server = db-01");
    assert_eq!(
        critical.level,
        Level::ERROR,
        "a critical alert is logged at ERROR"
    );
    assert_eq!(field(critical, "check"), "port 5432");
    let resolved = events
        .iter()
        .find(|e| e.message == "alert resolved")
        .expect("a resolved alert is logged with the message \"alert resolved\"");
    assert_eq!(
        resolved.level,
        Level::INFO,
        "a resolved alert is logged at INFO"
    );
    assert_eq!(
        (field(resolved, "server"), field(resolved, "check")),
        ("web-01".to_owned(), "memory".to_owned()),
        "the resolved event names its server and check in fields"
    );
    assert!(
        !events
            .iter()
            .any(|e| e.message.contains("web-01") || e.message.contains("db-01")),
        "put the server in a field (`server = %name`), not in the message text: fields are what log tools search"
    );
}

fn the_pager_key_is_never_logged() {
    const KEY: &str = "pd-7f3c9a1e55b04d2e";
    let ((), events) = capture(|| {
        let mut manager = AlertManager::new(Status::Warning).with_pager_key(Secret::new(KEY));
        let changes = manager.process(&[result("web-01", "disk /", Status::Critical)], T0);
        assert_eq!(changes.opened.len(), 1, "a critical result opens an alert");
        manager.process(&[result("web-01", "disk /", Status::Ok)], T0 + 60);
    });
    assert!(
        !events.is_empty(),
        "opening and resolving an alert logs something"
    );
    for event in &events {
        let text = format!("{} {:?}", event.message, event.fields);
        assert!(
            !text.contains(KEY) && !text.contains("7f3c9a1e"),
            "the pager key is a secret and must never reach a log: {text}"
        );
    }
}

workbook_harness::main!(
    results_at_or_above_the_minimum_severity_open_alerts,
    a_critical_minimum_ignores_warnings,
    an_open_alert_is_not_repeated,
    a_worse_result_escalates_and_a_milder_one_does_not,
    a_recovered_check_resolves_its_alert,
    alerts_are_kept_per_server_and_check,
    open_alerts_list_the_most_severe_first,
    opened_and_resolved_alerts_are_logged_with_structured_fields,
    the_pager_key_is_never_logged,
);
