//! The day's ten drills, one test each (drill 10 has two).

#[path = "../src/drills.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod drills;

// Named, not `drills::*`: a glob would let the learner's items shadow the prelude's.
use drills::{
    Disk, Drill5, Endpoint, FrozenConfig, HostPort, Incident, Inventory, Listener, Need,
    OutOfRange, Owner, Percent, PythonChoice, PythonFeature, RustFeature, Service,
    drill5_assign_to_a_field, drill5_with_port, drill6_sorted, drill8_address, drill9_as_dict,
    drill10_python, drill10_rust,
};
use serde_json::json;

fn drill01_derives_write_the_boilerplate() {
    let endpoint = Endpoint {
        host: "web-01".into(),
        port: 443,
        path: "/healthz".into(),
    };
    let copy = endpoint.clone();
    assert!(
        copy == endpoint,
        "a clone must equal its original (derive Clone and PartialEq)"
    );
    let other = Endpoint {
        path: "/ready".into(),
        ..endpoint.clone()
    };
    assert!(
        other != endpoint,
        "endpoints that differ in their path must not be equal: the derive compares every field"
    );
    let text = format!("{endpoint:?}");
    assert!(
        text.contains("Endpoint")
            && text.contains("host: \"web-01\"")
            && text.contains("port: 443"),
        "derived Debug prints the type and each field by name, like the dataclass's repr: got {text}"
    );
}

fn drill02_default_values() {
    let listener = Listener::default();
    assert_eq!(
        (listener.host.as_str(), listener.port, listener.backlog),
        ("0.0.0.0", 8080, 128),
        "the default Listener is host \"0.0.0.0\", port 8080, backlog 128"
    );
    let custom = Listener {
        port: 9090,
        ..Listener::default()
    };
    assert_eq!(
        (custom.host.as_str(), custom.port, custom.backlog),
        ("0.0.0.0", 9090, 128),
        "`Listener {{ port: 9090, ..Default::default() }}` is Python's `Listener(port=9090)`: the other fields keep their defaults"
    );
}

fn drill03_every_default_owns_its_list() {
    let mut web = Inventory::default();
    let db = Inventory::default();
    assert!(web.hosts.is_empty(), "a default inventory is empty");
    web.hosts.push("web-01".into());
    assert!(
        db.hosts.is_empty(),
        "adding a host to one default inventory must not add it to another: each has its own Vec \
         (in Python, `def __init__(self, hosts=[])` shares one list; a dataclass refuses `hosts: list = []`)"
    );
    assert_eq!(
        web.hosts,
        ["web-01"],
        "the host goes to the inventory it was added to"
    );
}

fn drill04_validation_in_the_constructor() {
    for ok in [0.0, 42.5, 100.0] {
        assert_eq!(
            Percent::new(ok).map(Percent::get),
            Ok(ok),
            "{ok} is between 0.0 and 100.0 (both included): Percent::new must accept it"
        );
    }
    for bad in [-0.1, 100.1, 250.0] {
        assert_eq!(
            Percent::new(bad),
            Err(OutOfRange(bad)),
            "{bad} is outside 0.0 to 100.0: Percent::new must return Err(OutOfRange({bad}))"
        );
    }
    assert!(
        Percent::new(f64::NAN).is_err(),
        "NaN is not a percentage: Percent::new(NaN) must be Err (NaN < 0.0 and NaN > 100.0 are both false: check the range, not its outside)"
    );
}

fn drill05_a_frozen_config() {
    assert_eq!(
        drill5_assign_to_a_field(),
        Drill5::DoesNotCompile,
        "`config.port = 9090;` does not compile (E0594: cannot assign to `config.port`, as `config` is not declared \
         as mutable): a Rust binding is frozen unless it says `mut`. Python raises FrozenInstanceError when the line runs."
    );
    let config = FrozenConfig {
        hostname: "web-01".into(),
        port: 8080,
    };
    let moved = drill5_with_port(&config, 9090);
    assert_eq!(
        (moved.hostname.as_str(), moved.port),
        ("web-01", 9090),
        "drill5_with_port(config, 9090) is a new config on port 9090 with the same hostname"
    );
    assert_eq!(
        config.port, 8080,
        "the original config is unchanged, like dataclasses.replace"
    );
}

fn drill06_derived_order_follows_the_fields() {
    let incident = |severity: u8, title: &str| Incident {
        severity,
        title: title.to_string(),
    };
    // Titles sort the other way from severities, so a sort by title shows.
    let sorted = drill6_sorted(vec![
        incident(3, "a flaky test"),
        incident(1, "site down"),
        incident(2, "disk filling"),
        incident(1, "payments failing"),
    ]);
    let got: Vec<(u8, &str)> = sorted
        .iter()
        .map(|i| (i.severity, i.title.as_str()))
        .collect();
    let severities: Vec<u8> = got.iter().map(|(severity, _)| *severity).collect();
    let why = if severities == [1, 1, 2, 3] {
        " (the severities are right, but equal severities must be ordered by title: sort by the whole \
         derived order, `sort()`, not by severity alone)"
    } else {
        ""
    };
    assert_eq!(
        got,
        [
            (1, "payments failing"),
            (1, "site down"),
            (2, "disk filling"),
            (3, "a flaky test")
        ],
        "incidents sort by severity first (1 first), then by title. The derived Ord compares the fields top to \
         bottom: put `severity` above `title`{why}"
    );
    assert!(
        incident(1, "zzz") < incident(2, "aaa"),
        "Incident's own order (`<`, as order=True gives) must compare severity first: put `severity` above `title`"
    );
}

fn drill07_a_method() {
    let disk = |used_gb: f64, total_gb: f64| Disk {
        mount: "/var".into(),
        used_gb,
        total_gb,
    };
    assert_eq!(
        disk(45.0, 90.0).used_percent(),
        50.0,
        "45 GB of 90 GB is 50%"
    );
    assert_eq!(
        disk(90.0, 90.0).used_percent(),
        100.0,
        "a full disk is 100%"
    );
    assert_eq!(
        disk(0.0, 0.0).used_percent(),
        0.0,
        "a disk of size 0 is 0% used, not NaN (0.0 / 0.0): check the total first"
    );
}

fn drill08_a_tuple_struct_unpacked() {
    assert_eq!(
        drill8_address(HostPort("web-01".into(), 8080)),
        "web-01:8080",
        "drill8_address(HostPort(\"web-01\", 8080)) is \"web-01:8080\""
    );
    assert_eq!(
        drill8_address(HostPort("db-01".into(), 5432)),
        "db-01:5432",
        "the address is built from the tuple struct's own fields"
    );
}

fn drill09_as_dict_with_serde() {
    let service = Service {
        name: "checkout".into(),
        port: 8443,
        tags: vec!["prod".into(), "pci".into()],
        owner: Owner {
            team: "payments".into(),
            pager: true,
        },
    };
    assert_eq!(
        drill9_as_dict(&service),
        json!({
            "name": "checkout",
            "port": 8443,
            "tags": ["prod", "pci"],
            "owner": { "team": "payments", "pager": true }
        }),
        "asdict(service) as JSON: one key per field, with the field's name, and the owner as a nested object"
    );
    let quiet = Service {
        name: "batch".into(),
        port: 9000,
        tags: Vec::new(),
        owner: Owner {
            team: "data".into(),
            pager: false,
        },
    };
    assert_eq!(
        drill9_as_dict(&quiet),
        json!({
            "name": "batch",
            "port": 9000,
            "tags": [],
            "owner": { "team": "data", "pager": false }
        }),
        "every field is a key, even an empty list (\"tags\": []) and false: asdict keeps them, so leave out \
         `skip_serializing_if`"
    );
}

fn drill10_python_namedtuple_or_dataclass() {
    let cases = [
        (
            Need::ImmutableRecord,
            PythonChoice::NamedTuple,
            "simple, immutable data like a database row: NamedTuple",
        ),
        (
            Need::TupleUnpacking,
            PythonChoice::NamedTuple,
            "unpacking and indexing by position: only a NamedTuple is a tuple",
        ),
        (
            Need::MutationAndMethods,
            PythonChoice::Dataclass,
            "methods, mutation, complex defaults: a plain @dataclass",
        ),
        (
            Need::ImmutableWithValidation,
            PythonChoice::FrozenDataclass,
            "immutable, but with __post_init__ and default_factory: @dataclass(frozen=True)",
        ),
    ];
    for (need, choice, why) in cases {
        assert_eq!(drill10_python(need), choice, "{need:?}: {why}");
    }
}

fn drill10_rust_counterparts() {
    let cases = [
        (
            PythonFeature::Repr,
            RustFeature::DeriveDebug,
            "__repr__ is #[derive(Debug)]",
        ),
        (
            PythonFeature::Eq,
            RustFeature::DerivePartialEq,
            "__eq__ is #[derive(PartialEq)]",
        ),
        (
            PythonFeature::Frozen,
            RustFeature::PrivateFieldsWithGetters,
            "frozen=True is private fields with getters (and no setters)",
        ),
        (
            PythonFeature::Order,
            RustFeature::DeriveOrdInFieldOrder,
            "order=True is #[derive(PartialOrd, Ord)], which compares the fields in order",
        ),
        (
            PythonFeature::DefaultValue,
            RustFeature::DefaultTrait,
            "field defaults are the Default trait",
        ),
        (
            PythonFeature::PostInit,
            RustFeature::ConstructorReturningResult,
            "__post_init__ validation is a constructor that returns Result",
        ),
        (
            PythonFeature::AsDict,
            RustFeature::SerdeSerialize,
            "asdict is #[derive(Serialize)]",
        ),
        (
            PythonFeature::TupleUnpacking,
            RustFeature::PatternDestructuring,
            "tuple unpacking is a pattern: let HostPort(host, port) = hp;",
        ),
    ];
    for (feature, rust, why) in cases {
        assert_eq!(drill10_rust(feature), rust, "{feature:?}: {why}");
    }
}

workbook_harness::main!(
    drill01_derives_write_the_boilerplate,
    drill02_default_values,
    drill03_every_default_owns_its_list,
    drill04_validation_in_the_constructor,
    drill05_a_frozen_config,
    drill06_derived_order_follows_the_fields,
    drill07_a_method,
    drill08_a_tuple_struct_unpacked,
    drill09_as_dict_with_serde,
    drill10_python_namedtuple_or_dataclass,
    drill10_rust_counterparts,
);
