//! The models area: `Status`, `Server`, `Metric`, `Alert` and `Secret` (src/models.rs).

use sre_monitor::models::{Alert, Metric, ModelError, Secret, Server, Status, sort_by_value};

fn status_prints_in_capitals_and_orders_from_good_to_bad() {
    assert_eq!(
        [Status::Ok, Status::Warning, Status::Critical].map(|s| s.to_string()),
        ["OK", "WARNING", "CRITICAL"].map(String::from),
        "a Status displays as OK, WARNING or CRITICAL: the report's STATUS column and the alerts show it"
    );
    assert_eq!(
        format!("[{:<8}]", Status::Ok),
        "[OK      ]",
        "Status's Display must honour a width like {{:<8}}: write it with `f.pad(..)`, which pads, not `write!`"
    );
    assert!(
        Status::Ok < Status::Warning && Status::Warning < Status::Critical,
        "statuses order Ok < Warning < Critical, so that the worst of a report is the max"
    );
}

fn server_new_keeps_a_valid_server() {
    let server = Server::new("web-01", "web-01.internal")
        .expect("web-01 at web-01.internal is a valid server");
    assert_eq!(server.name(), "web-01", "Server::new must keep the name");
    assert_eq!(
        server.host(),
        "web-01.internal",
        "Server::new must keep the host"
    );
    assert!(server.tags().is_empty(), "a new server has no tags");
    assert_eq!(
        server.clone(),
        server,
        "a Server equals its clone, field by field, like a dataclass's __eq__"
    );
    let db = Server::new("db-01", "db-01.internal").expect("a host name is a valid host");
    assert_eq!(db.host(), "db-01.internal");
}

fn server_new_rejects_a_blank_name_and_a_bad_host() {
    assert_eq!(
        Server::new("", "web-01.internal"),
        Err(ModelError::EmptyName),
        "an empty name must be refused with EmptyName, like the seed's __post_init__ raises ValueError"
    );
    assert_eq!(
        Server::new("   ", "web-01.internal"),
        Err(ModelError::EmptyName),
        "a name of only spaces is blank too: EmptyName"
    );
    assert_eq!(
        Server::new("web-01", ""),
        Err(ModelError::InvalidHost(String::new())),
        "an empty host must be refused with InvalidHost(the host)"
    );
    assert_eq!(
        Server::new("web-01", "web 01.internal"),
        Err(ModelError::InvalidHost("web 01.internal".into())),
        "a host with a space inside can never be connected to: InvalidHost(the host)"
    );
}

fn each_server_owns_its_tags() {
    let web1 = Server::new("web-01", "web-01.internal")
        .unwrap()
        .with_tag("production")
        .with_tag("frontend");
    let web2 = Server::new("web-02", "web-02.internal").unwrap();
    assert_eq!(
        web1.tags(),
        ["production", "frontend"],
        "with_tag adds one tag, in order"
    );
    assert!(
        web2.tags().is_empty(),
        "tags added to web-01 must not appear on web-02: each server owns its own Vec (the seed's default_factory lesson)"
    );
}

fn metric_new_accepts_zero_and_rejects_bad_values() {
    let zero = Metric::new("cpu", 0.0, "%", 1_700_000_000).expect("0.0 is a valid value");
    assert_eq!(
        (zero.name(), zero.value(), zero.unit(), zero.timestamp()),
        ("cpu", 0.0, "%", 1_700_000_000),
        "Metric::new must keep name, value, unit and timestamp"
    );
    assert_eq!(
        Metric::new("cpu", -1.5, "%", 0),
        Err(ModelError::InvalidValue(-1.5)),
        "a negative value must be refused with InvalidValue(value)"
    );
    assert!(
        matches!(Metric::new("cpu", f64::NAN, "%", 0), Err(ModelError::InvalidValue(v)) if v.is_nan()),
        "NaN is not a measurement: InvalidValue"
    );
    assert_eq!(
        Metric::new("cpu", f64::INFINITY, "%", 0),
        Err(ModelError::InvalidValue(f64::INFINITY)),
        "an infinite value must be refused with InvalidValue"
    );
    assert_eq!(
        Metric::new(" ", 1.0, "%", 0),
        Err(ModelError::EmptyName),
        "a metric needs a name: EmptyName"
    );
}

fn sort_by_value_puts_the_lowest_first_and_keeps_ties_in_order() {
    let metric = |name: &str, value: f64| Metric::new(name, value, "%", 0).unwrap();
    let mut metrics = vec![
        metric("cpu", 87.5),
        metric("memory", 62.1),
        metric("disk", 45.0),
        metric("swap", 62.1),
        metric("inodes", 9.75),
    ];
    sort_by_value(&mut metrics);
    let names: Vec<&str> = metrics.iter().map(Metric::name).collect();
    assert_eq!(
        names,
        ["inodes", "disk", "memory", "swap", "cpu"],
        "sorting is by value, ascending, as in the seed (disk 45.0 < memory 62.1 < cpu 87.5), and metrics with the same value keep their order (memory before swap); 9.75 < 45.0 as numbers, not as text"
    );

    // An unstable sort keeps small inputs in order by luck; 64 metrics with four values do not.
    let mut many: Vec<Metric> = (0..64)
        .map(|i| metric(&format!("m{i:02}"), f64::from((i * 7) % 4)))
        .collect();
    sort_by_value(&mut many);
    let got: Vec<&str> = many.iter().map(Metric::name).collect();
    let mut expected: Vec<(u32, String)> =
        (0..64).map(|i| ((i * 7) % 4, format!("m{i:02}"))).collect();
    expected.sort_by_key(|(value, _)| *value);
    let expected: Vec<&str> = expected.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(
        got, expected,
        "metrics with equal values must keep the order they came in: use a stable sort (`sort_by`), not `sort_unstable_by`"
    );
}

fn alert_new_keeps_its_fields_and_refuses_an_ok_severity() {
    let alert = Alert::new(
        "web-01",
        "disk /",
        Status::Critical,
        "disk / is 95.0% full",
        1_700_000_000,
    )
    .expect("a critical alert is valid");
    assert_eq!(
        (
            alert.server(),
            alert.check(),
            alert.severity(),
            alert.message(),
            alert.opened_at()
        ),
        (
            "web-01",
            "disk /",
            Status::Critical,
            "disk / is 95.0% full",
            1_700_000_000
        ),
        "Alert::new must keep every field"
    );
    assert_eq!(
        alert.key(),
        ("web-01", "disk /"),
        "an alert's key is (server, check): the same problem on the same server"
    );
    assert_eq!(
        Alert::new("web-01", "disk /", Status::Ok, "fine", 0),
        Err(ModelError::NotAnAlert),
        "an OK result is not an alert: Alert::new must refuse Status::Ok with NotAnAlert"
    );
    assert!(
        Alert::new("web-01", "memory", Status::Warning, "high", 0).is_ok(),
        "a warning is a valid alert"
    );
}

fn alert_displays_severity_server_check_and_message() {
    let alert = Alert::new(
        "db-01",
        "port 5432",
        Status::Warning,
        "connection refused",
        0,
    )
    .unwrap();
    assert_eq!(
        alert.to_string(),
        "[WARNING] db-01 port 5432: connection refused",
        "an alert displays as `[SEVERITY] server check: message`"
    );
}

fn a_secret_never_shows_its_value() {
    let key = Secret::new("pd-routing-key-0123456789");
    assert_eq!(
        key.expose(),
        "pd-routing-key-0123456789",
        "expose() is the one way to the value"
    );
    let shown = [
        format!("{key:?}"),
        format!("{key:#?}"),
        format!("{key}"),
        format!("{:?}", Some(key.clone())),
    ];
    for text in &shown {
        assert!(
            !text.contains("pd-routing-key") && !text.contains("0123456789"),
            "a Secret must never print its value, in Debug or Display: got {text:?}; print something like `****`"
        );
        assert!(
            !text.is_empty(),
            "a Secret prints something, just not its value"
        );
        assert!(
            !text.contains("pd-r") && !text.contains("6789"),
            "a Secret must show no part of its value either: got {text:?}. Its first or last \
             characters (`****6789`, as a card receipt does) narrow the search for the key and \
             tell a reader which key leaked; print only something like `****`"
        );
    }
}

fn models_serialize_to_json_with_lowercase_statuses() {
    let server = Server::new("web-01", "web-01.internal")
        .unwrap()
        .with_tag("prod");
    let json = serde_json::to_value(&server).expect("a Server serializes");
    assert_eq!(
        json,
        serde_json::json!({"name": "web-01", "host": "web-01.internal", "tags": ["prod"]}),
        "a Server serializes to its fields (Python's asdict)"
    );
    let alert = Alert::new(
        "web-01",
        "memory",
        Status::Critical,
        "memory is 97.0% used",
        42,
    )
    .unwrap();
    let json = serde_json::to_value(&alert).expect("an Alert serializes");
    assert_eq!(
        json["severity"], "critical",
        "statuses serialize in lowercase: \"critical\""
    );
    assert_eq!(json["opened_at"], 42);
}

workbook_harness::main!(
    status_prints_in_capitals_and_orders_from_good_to_bad,
    server_new_keeps_a_valid_server,
    server_new_rejects_a_blank_name_and_a_bad_host,
    each_server_owns_its_tags,
    metric_new_accepts_zero_and_rejects_bad_values,
    sort_by_value_puts_the_lowest_first_and_keeps_ties_in_order,
    alert_new_keeps_its_fields_and_refuses_an_ok_severity,
    alert_displays_severity_server_check_and_message,
    a_secret_never_shows_its_value,
    models_serialize_to_json_with_lowercase_statuses,
);
