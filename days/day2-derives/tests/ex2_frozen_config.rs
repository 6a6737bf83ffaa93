//! Exercise 2: frozen configs as `HashMap` keys. That code outside the module cannot change them
//! is checked by `tests/ex2_compile_fail.rs`.

#[path = "../src/ex2_frozen_config.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod ex2_frozen_config;

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use ex2_frozen_config::{AlertConfig, DatabaseConfig, Severity};

fn primary() -> DatabaseConfig {
    DatabaseConfig::new("db-01.internal", 5432, "orders", "app", 20)
}

fn oncall(threshold: Severity) -> AlertConfig {
    AlertConfig::new("oncall@example.com", "#alerts", "pd-key-123", threshold)
}

fn a_database_config_keeps_its_values() {
    let db = primary();
    assert_eq!(
        db.host(),
        "db-01.internal",
        "host() must be the host given to new()"
    );
    assert_eq!(db.port(), 5432, "port() must be the port given to new()");
    assert_eq!(
        db.database(),
        "orders",
        "database() must be the database given to new()"
    );
    assert_eq!(
        db.username(),
        "app",
        "username() must be the username given to new()"
    );
    assert_eq!(
        db.max_connections(),
        20,
        "max_connections() must be the value given to new()"
    );
}

fn an_alert_config_keeps_its_values() {
    let alerts = oncall(Severity::Warning);
    assert_eq!(
        alerts.email_to(),
        "oncall@example.com",
        "email_to() must be the address given to new()"
    );
    assert_eq!(
        alerts.slack_channel(),
        "#alerts",
        "slack_channel() must be the channel given to new()"
    );
    assert_eq!(
        alerts.pagerduty_key(),
        "pd-key-123",
        "pagerduty_key() must be the key given to new()"
    );
    assert_eq!(
        alerts.severity_threshold(),
        Severity::Warning,
        "severity_threshold() must be the threshold given to new()"
    );
}

fn hash_of<T: Hash>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Configs that each differ from `primary()` in one field, named.
fn database_configs_one_field_off() -> [(DatabaseConfig, &'static str); 5] {
    [
        (
            DatabaseConfig::new("db-02.internal", 5432, "orders", "app", 20),
            "host",
        ),
        (
            DatabaseConfig::new("db-01.internal", 6432, "orders", "app", 20),
            "port",
        ),
        (
            DatabaseConfig::new("db-01.internal", 5432, "billing", "app", 20),
            "database",
        ),
        (
            DatabaseConfig::new("db-01.internal", 5432, "orders", "admin", 20),
            "username",
        ),
        (
            DatabaseConfig::new("db-01.internal", 5432, "orders", "app", 50),
            "max_connections",
        ),
    ]
}

/// Alert configs that each differ from `oncall(Severity::Warning)` in one field, named.
fn alert_configs_one_field_off() -> [(AlertConfig, &'static str); 4] {
    [
        (
            AlertConfig::new(
                "sre@example.com",
                "#alerts",
                "pd-key-123",
                Severity::Warning,
            ),
            "email_to",
        ),
        (
            AlertConfig::new(
                "oncall@example.com",
                "#db-alerts",
                "pd-key-123",
                Severity::Warning,
            ),
            "slack_channel",
        ),
        (
            AlertConfig::new(
                "oncall@example.com",
                "#alerts",
                "pd-key-456",
                Severity::Warning,
            ),
            "pagerduty_key",
        ),
        (oncall(Severity::Critical), "severity_threshold"),
    ]
}

fn equality_compares_every_field() {
    assert!(
        primary() == primary(),
        "two DatabaseConfigs built from the same values must be equal (==)"
    );
    for (other, field) in database_configs_one_field_off() {
        assert!(
            other != primary(),
            "two DatabaseConfigs that differ only in {field} must not be equal: a frozen dataclass's __eq__ \
             compares every field, and so does a derived PartialEq. An `eq` written by hand forgot {field}"
        );
    }
    assert!(
        oncall(Severity::Warning) == oncall(Severity::Warning),
        "two AlertConfigs built from the same values must be equal (==)"
    );
    for (other, field) in alert_configs_one_field_off() {
        assert!(
            other != oncall(Severity::Warning),
            "two AlertConfigs that differ only in {field} must not be equal: a frozen dataclass's __eq__ \
             compares every field, and so does a derived PartialEq. An `eq` written by hand forgot {field}"
        );
    }
}

fn equal_configs_hash_alike() {
    let mut databases = vec![primary(), primary().with_port(5432)];
    databases.extend(database_configs_one_field_off().map(|(config, _)| config));
    for a in &databases {
        for b in &databases {
            if a == b {
                assert_eq!(
                    hash_of(a),
                    hash_of(b),
                    "{a:?} == {b:?}, but they hash differently: Hash must agree with PartialEq (equal values hash \
                     alike, or a HashMap cannot find them). Derive both, or hash only fields that `eq` compares"
                );
            }
        }
    }
    let mut alerts = vec![oncall(Severity::Warning), oncall(Severity::Warning)];
    alerts.extend(alert_configs_one_field_off().map(|(config, _)| config));
    for a in &alerts {
        for b in &alerts {
            if a == b {
                assert_eq!(
                    hash_of(a),
                    hash_of(b),
                    "{a:?} == {b:?}, but they hash differently: Hash must agree with PartialEq (equal values hash \
                     alike, or a HashSet cannot find them). Derive both, or hash only fields that `eq` compares"
                );
            }
        }
    }
}

fn database_configs_are_hashmap_keys() {
    let mut pools: HashMap<DatabaseConfig, &str> = HashMap::new();
    pools.insert(primary(), "primary pool");
    pools.insert(
        DatabaseConfig::new("db-02.internal", 5432, "orders", "app", 20),
        "replica pool",
    );
    assert_eq!(
        pools.len(),
        2,
        "configs that differ in their host are different keys"
    );
    assert_eq!(
        pools.get(&primary()).copied(),
        Some("primary pool"),
        "a config built again from the same values must find the same entry: equal configs must hash alike (derive Eq and Hash)"
    );
    for (other, field) in database_configs_one_field_off().into_iter().skip(1) {
        assert!(
            !pools.contains_key(&other),
            "a config that differs only in {field} is a different key: equality must compare every field"
        );
    }
    pools.insert(primary(), "primary pool, resized");
    assert_eq!(
        pools.len(),
        2,
        "inserting an equal config again must replace the entry, not add a third one"
    );
}

fn alert_configs_dedupe_in_a_hashset() {
    let mut routes: HashSet<AlertConfig> = HashSet::new();
    routes.insert(oncall(Severity::Warning));
    routes.insert(oncall(Severity::Warning));
    assert_eq!(
        routes.len(),
        1,
        "two equal alert configs are one set member (frozen dataclasses are hashable)"
    );
    routes.insert(oncall(Severity::Critical));
    routes.insert(AlertConfig::new(
        "oncall@example.com",
        "#db-alerts",
        "pd-key-123",
        Severity::Warning,
    ));
    assert_eq!(
        routes.len(),
        3,
        "configs that differ in their threshold or their channel are different members"
    );
    assert!(
        routes.contains(&oncall(Severity::Critical)),
        "the set must find a config built again from the same values"
    );
}

fn with_port_makes_a_new_config_and_keeps_the_old_one() {
    let original = primary();
    let pooled = original.with_port(6432);
    assert_eq!(
        pooled.port(),
        6432,
        "with_port(6432) must give a config on port 6432"
    );
    assert_eq!(
        original.port(),
        5432,
        "with_port() must leave the original config unchanged, like dataclasses.replace"
    );
    assert_eq!(
        (
            pooled.host(),
            pooled.database(),
            pooled.username(),
            pooled.max_connections()
        ),
        ("db-01.internal", "orders", "app", 20),
        "with_port() must keep every other field"
    );
    assert!(
        pooled != original,
        "configs on different ports must not be equal"
    );
    assert!(
        original.with_port(5432) == original,
        "with_port() to the same port gives an equal config"
    );
}

fn alerts_from_the_threshold_up() {
    let warning = oncall(Severity::Warning);
    assert!(
        !warning.alerts_on(Severity::Info),
        "an Info alert is below a Warning threshold: no alert"
    );
    assert!(
        warning.alerts_on(Severity::Warning),
        "a Warning alert is AT a Warning threshold: it must be sent (at or above)"
    );
    assert!(
        warning.alerts_on(Severity::Critical),
        "a Critical alert is above a Warning threshold: it must be sent"
    );
    let critical = oncall(Severity::Critical);
    assert!(
        !critical.alerts_on(Severity::Warning),
        "a Critical threshold does not alert on Warning"
    );
    assert!(
        oncall(Severity::Info).alerts_on(Severity::Info),
        "an Info threshold alerts on everything, Info included"
    );
}

/// The fields of `struct NAME` in `source` (comments taken out) that are visible outside the
/// file: any `pub` but `pub(self)`. Only the source can tell: a public field under a name of the
/// learner's own is out of reach of the compile-fail cases, which can only name the stub's fields.
fn public_fields(source: &str, name: &str) -> Vec<String> {
    let mut code = String::new();
    let mut rest = source;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, next)| next);
            code.push('\n');
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, next)| next);
            code.push(' ');
        } else {
            let c = rest.chars().next().expect("not empty");
            code.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    let Some(start) = code.match_indices("struct").map(|(i, _)| i).find(|&i| {
        let after = code[i + "struct".len()..].trim_start();
        after.starts_with(name)
            && !after[name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    }) else {
        return Vec::new();
    };
    let body_start = start
        + code[start..]
            .find(['{', '(', ';'])
            .unwrap_or(code.len() - start);
    let (open, close) = match code[body_start..].chars().next() {
        Some('{') => ('{', '}'),
        Some('(') => ('(', ')'),
        _ => return Vec::new(),
    };
    let mut depth = 0;
    let mut end = body_start;
    for (i, c) in code[body_start..].char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                end = body_start + i;
                break;
            }
        }
    }
    code[body_start + 1..end]
        .split(',')
        .map(|field| {
            let mut field = field.trim();
            while field.starts_with("#[") {
                field = field.split_once(']').map_or("", |(_, f)| f).trim();
            }
            field.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .filter(|field| {
            field.starts_with("pub") && !field.replace(' ', "").starts_with("pub(self)")
        })
        .collect()
}

fn no_field_can_be_reached_from_outside() {
    let source = include_str!("../src/ex2_frozen_config.rs");
    for name in ["DatabaseConfig", "AlertConfig"] {
        let public = public_fields(source, name);
        assert!(
            public.is_empty(),
            "{name} must be frozen: make every field private (no `pub`, `pub(crate)` or `pub(super)`), \
             so that only its getters read it; found {public:?}"
        );
    }
}

workbook_harness::main!(
    a_database_config_keeps_its_values,
    an_alert_config_keeps_its_values,
    equality_compares_every_field,
    equal_configs_hash_alike,
    database_configs_are_hashmap_keys,
    alert_configs_dedupe_in_a_hashset,
    with_port_makes_a_new_config_and_keeps_the_old_one,
    alerts_from_the_threshold_up,
    no_field_can_be_reached_from_outside,
);
