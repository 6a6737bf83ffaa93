//! Exercise 2: mixins as traits with provided methods, a blanket impl and a key order.

#[path = "../src/ex2_mixins.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod ex2_mixins;

use std::cmp::Ordering;

use ex2_mixins::{
    ByKey, Keyed, Server, Timestamped, Timestamps, ToJson, Validate, ValidationError, cmp_by_key,
};
use serde::Serialize;

/// A type of the test's own: it gets the mixins' behaviour from the traits, not from `Server`.
struct Job {
    owner: String,
    command: String,
    priority: u8,
    stamps: Timestamps,
}

impl Timestamped for Job {
    fn timestamps(&self) -> &Timestamps {
        &self.stamps
    }
    fn timestamps_mut(&mut self) -> &mut Timestamps {
        &mut self.stamps
    }
}

impl Validate for Job {
    fn required_fields(&self) -> Vec<(&'static str, &str)> {
        vec![("owner", &self.owner), ("command", &self.command)]
    }
}

impl Keyed for Job {
    type Key = u8;
    fn key(&self) -> u8 {
        self.priority
    }
}

fn job(owner: &str, command: &str, priority: u8) -> Job {
    Job {
        owner: owner.into(),
        command: command.into(),
        priority,
        stamps: Timestamps {
            created_at: 0,
            updated_at: 0,
        },
    }
}

// ----- Timestamps -----

fn a_new_server_is_created_and_updated_now() {
    let server = Server::new("web-01", "10.0.1.1", 8080, 1_000);
    assert_eq!(
        server.created_at(),
        1_000,
        "created_at must be the time the server was created"
    );
    assert_eq!(
        server.updated_at(),
        1_000,
        "a new server was last updated when it was created"
    );
    assert_eq!(
        Timestamps::new(7),
        Timestamps {
            created_at: 7,
            updated_at: 7
        },
        "Timestamps::new(now) sets both to now"
    );
}

fn touch_moves_updated_at_only() {
    let mut server = Server::new("web-01", "10.0.1.1", 8080, 1_000);
    server.touch(1_500);
    assert_eq!(
        server.updated_at(),
        1_500,
        "touch(now) must set updated_at to now"
    );
    assert_eq!(
        server.created_at(),
        1_000,
        "touch(now) must never change created_at"
    );
    server.touch(2_000);
    assert_eq!(
        (server.created_at(), server.updated_at()),
        (1_000, 2_000),
        "a second touch moves updated_at again"
    );
}

fn set_port_records_the_update() {
    let mut server = Server::new("web-01", "10.0.1.1", 8080, 1_000);
    server.set_port(9090, 1_200);
    assert_eq!(server.port, 9090, "set_port must change the port");
    assert_eq!(
        server.updated_at(),
        1_200,
        "changing the port is an update: updated_at must move to now"
    );
    assert_eq!(
        server.created_at(),
        1_000,
        "changing the port must not change created_at"
    );
}

fn timestamps_belong_to_each_value() {
    let mut a = Server::new("a", "10.0.0.1", 80, 10);
    let b = Server::new("b", "10.0.0.2", 80, 20);
    a.touch(99);
    assert_eq!(
        b.updated_at(),
        20,
        "touching one server must not touch another (no shared state)"
    );
    assert_eq!(
        a.updated_at(),
        99,
        "touch(99) moves this server's updated_at"
    );
}

fn timestamped_works_for_any_type_with_the_accessors() {
    let mut j = job("ops", "backup", 1);
    j.stamps = Timestamps::new(50);
    j.touch(80);
    assert_eq!(
        (j.created_at(), j.updated_at()),
        (50, 80),
        "created_at/updated_at/touch must be provided methods of Timestamped, built on timestamps()/timestamps_mut()"
    );
}

// ----- Validation -----

fn a_complete_server_is_valid() {
    let server = Server::new("web-01", "10.0.1.1", 8080, 0);
    assert_eq!(
        server.missing_fields(),
        Vec::<&str>::new(),
        "name and ip are filled in: nothing is missing"
    );
    assert_eq!(
        server.validate(),
        Ok(()),
        "a server with a name and an ip must validate"
    );
}

fn validate_names_every_missing_field_in_order() {
    let no_name = Server::new("", "10.0.1.1", 8080, 0);
    assert_eq!(
        no_name.missing_fields(),
        vec!["name"],
        "the name is empty: missing_fields() must list it"
    );
    let err = no_name
        .validate()
        .expect_err("a server without a name must not validate");
    assert_eq!(
        err.missing,
        vec!["name"],
        "the error must name the missing field"
    );

    let neither = Server::new("", "", 8080, 0);
    assert_eq!(
        neither.validate(),
        Err(ValidationError {
            missing: vec!["name", "ip"]
        }),
        "both are empty: validate() must report every missing field (not just the first), in the order they are required"
    );
}

fn whitespace_is_empty() {
    let server = Server::new("web-01", "   ", 8080, 0);
    assert_eq!(
        server.missing_fields(),
        vec!["ip"],
        "an ip of only spaces is as good as none: it must count as missing"
    );
}

fn validation_error_names_the_fields() {
    let text = ValidationError {
        missing: vec!["name", "ip"],
    }
    .to_string();
    assert!(
        text.contains("name") && text.contains("ip"),
        "the error message must name the missing fields, got {text:?}"
    );
}

fn validate_works_for_any_type_with_required_fields() {
    let j = job("ops", "", 1);
    assert_eq!(
        j.validate(),
        Err(ValidationError {
            missing: vec!["command"]
        }),
        "validate() must be a provided method of Validate, built on required_fields()"
    );
    assert_eq!(
        job("ops", "backup", 1).validate(),
        Ok(()),
        "a job with owner and command is valid"
    );
}

// ----- Comparison by key -----

fn servers_are_equal_by_name() {
    let a = Server::new("web-01", "10.0.1.1", 8080, 0);
    let b = Server::new("web-01", "10.9.9.9", 9090, 500);
    let c = Server::new("web-02", "10.0.1.1", 8080, 0);
    assert_eq!(
        a, b,
        "servers compare by their key (the name): same name, different ip/port, still equal"
    );
    assert_ne!(
        a, c,
        "different names are different servers, even with the same ip and port"
    );
    assert_eq!(a.key(), "web-01", "a server's key is its name");
}

fn servers_sort_by_name() {
    let mut servers = [
        Server::new("web-03", "10.0.0.1", 80, 0),
        Server::new("db-01", "10.0.0.9", 5432, 0),
        Server::new("web-01", "10.0.0.5", 80, 0),
    ];
    servers.sort();
    let names: Vec<&str> = servers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["db-01", "web-01", "web-03"],
        "sorting servers must be by name, ascending"
    );
    assert!(
        Server::new("a", "", 1, 0) < Server::new("b", "", 0, 0),
        "`<` must compare names: \"a\" < \"b\""
    );
    assert_eq!(
        Server::new("x", "1", 1, 0).cmp(&Server::new("x", "2", 2, 0)),
        Ordering::Equal,
        "Ord must agree with ==: equal names compare Equal"
    );
}

fn cmp_by_key_and_by_key_work_for_any_keyed_type() {
    let low = job("a", "x", 1);
    let high = job("b", "y", 9);
    assert_eq!(
        cmp_by_key(&low, &high),
        Ordering::Less,
        "priority 1 < priority 9"
    );
    assert_eq!(
        cmp_by_key(&high, &low),
        Ordering::Greater,
        "priority 9 > priority 1"
    );
    assert!(
        ByKey(job("a", "x", 3)) == ByKey(job("zzz", "other", 3)),
        "ByKey compares keys only: same priority, equal"
    );
    assert!(
        ByKey(job("a", "x", 3)) != ByKey(job("a", "x", 4)),
        "ByKey compares keys: priorities 3 and 4 are not equal, even when every other field is"
    );
    assert!(
        ByKey(job("z", "x", 2)) < ByKey(job("a", "x", 5)),
        "ByKey orders by key, ascending: priority 2 comes before priority 5, whatever the other fields say"
    );
    let mut jobs = [
        ByKey(job("c", "c", 7)),
        ByKey(job("a", "a", 2)),
        ByKey(job("b", "b", 5)),
    ];
    jobs.sort();
    let order: Vec<u8> = jobs.iter().map(|j| j.0.priority).collect();
    assert_eq!(
        order,
        [2, 5, 7],
        "sorting ByKey values must follow the key, ascending"
    );
}

// ----- ToJson: a blanket impl -----

fn server_to_json_holds_its_fields() {
    let server = Server::new("web-01", "10.0.1.1", 8080, 1_000);
    let value: serde_json::Value =
        serde_json::from_str(&server.to_json()).expect("to_json() must produce valid JSON");
    assert_eq!(value["name"], "web-01", "the JSON must hold the name");
    assert_eq!(value["ip"], "10.0.1.1", "the JSON must hold the ip");
    assert_eq!(
        value["port"], 8080,
        "the JSON must hold the port, as a number"
    );
}

fn to_json_comes_free_with_serialize() {
    #[derive(Serialize)]
    struct Alert {
        level: &'static str,
        count: u32,
    }
    let json = Alert {
        level: "critical",
        count: 3,
    }
    .to_json();
    let value: serde_json::Value =
        serde_json::from_str(&json).expect("to_json() must produce valid JSON");
    assert_eq!(
        value,
        serde_json::json!({"level": "critical", "count": 3}),
        "any Serialize type gets to_json() from the blanket impl, with serde_json"
    );
    assert_eq!(
        vec![1, 2, 3].to_json(),
        "[1,2,3]",
        "a Vec is Serialize too: the blanket impl covers it"
    );
}

workbook_harness::main!(
    a_new_server_is_created_and_updated_now,
    touch_moves_updated_at_only,
    set_port_records_the_update,
    timestamps_belong_to_each_value,
    timestamped_works_for_any_type_with_the_accessors,
    a_complete_server_is_valid,
    validate_names_every_missing_field_in_order,
    whitespace_is_empty,
    validation_error_names_the_fields,
    validate_works_for_any_type_with_required_fields,
    servers_are_equal_by_name,
    servers_sort_by_name,
    cmp_by_key_and_by_key_work_for_any_keyed_type,
    server_to_json_holds_its_fields,
    to_json_comes_free_with_serialize,
);
