//! Exercise 1: the module `fleet::server_utils`, reached only through its public path.
//!
//! An integration test is a crate of its own: like `src/main.rs`, it sees the library `fleet`
//! from outside, so this file compiles only once `src/lib.rs` declares `pub mod server_utils;`.

use fleet::server_utils;
use fleet::server_utils::{DEFAULT_PORT, Server, check_health, format_status, parse_config};

fn server_new_uses_the_default_port() {
    let server = Server::new("web-01", "10.0.1.1");
    assert_eq!(
        server,
        Server {
            name: "web-01".to_string(),
            ip: "10.0.1.1".to_string(),
            port: DEFAULT_PORT,
        },
        "Server::new(name, ip) keeps the name and the ip, and listens on DEFAULT_PORT (8080)"
    );
}

fn address_is_ip_colon_port() {
    let mut server = Server::new("db-01", "10.0.2.7");
    assert_eq!(server.address(), "10.0.2.7:8080", "address() is `ip:port`");
    server.port = 5432;
    assert_eq!(
        server.address(),
        "10.0.2.7:5432",
        "address() reads the server's own port, not DEFAULT_PORT"
    );
}

fn valid_hostnames_are_healthy() {
    for hostname in [
        "web-01",
        "db-01.prod.example.com",
        "LB1",
        "a",
        &"x".repeat(63),
    ] {
        assert!(
            check_health(hostname),
            "`{hostname}` is a valid hostname: labels of ASCII letters, digits and `-`, 1 to 63 long"
        );
    }
}

fn invalid_hostnames_are_unhealthy() {
    let too_long = "x".repeat(64);
    for (hostname, why) in [
        ("", "an empty name has no label"),
        ("web_01", "`_` is not allowed in a hostname"),
        ("web 01", "a space is not allowed in a hostname"),
        ("-web", "a label must not start with `-`"),
        ("web-", "a label must not end with `-`"),
        (
            "web..01",
            "an empty label (two dots in a row) is not allowed",
        ),
        (
            "web-01.",
            "an empty label (a trailing dot) is not allowed here",
        ),
        (
            "db.-x.com",
            "no label may start with `-`, not only the first",
        ),
        (too_long.as_str(), "a label is at most 63 characters"),
        ("wéb", "only ASCII letters are allowed"),
    ] {
        assert!(!check_health(hostname), "`{hostname}` is unhealthy: {why}");
    }
}

fn parse_config_reads_key_value_lines() {
    let config = parse_config("# web tier\nname = web-01\n\n  port=9090  \nworkers =4\n");
    assert_eq!(
        config.get("name").map(String::as_str),
        Some("web-01"),
        "`name = web-01` gives name -> web-01 (keys and values are trimmed)"
    );
    assert_eq!(
        config.get("port").map(String::as_str),
        Some("9090"),
        "`  port=9090  ` gives port -> 9090: a port in the file wins over DEFAULT_PORT"
    );
    assert_eq!(config.get("workers").map(String::as_str), Some("4"));
    assert_eq!(
        config.len(),
        3,
        "comments and blank lines are skipped: expected exactly name, port and workers, got {config:?}"
    );
}

fn parse_config_defaults_the_port() {
    let config = parse_config("name = web-01\nnot a setting\n");
    assert_eq!(
        config.get("port").map(String::as_str),
        Some("8080"),
        "without a `port` line, port is DEFAULT_PORT, as text (the seed's {{\"port\": DEFAULT_PORT}})"
    );
    assert!(
        !config.keys().any(|k| k.contains("not a setting")),
        "a line without `=` is skipped, got {config:?}"
    );
    assert_eq!(
        parse_config("port = 1\nport = 2")
            .get("port")
            .map(String::as_str),
        Some("2"),
        "a later key replaces an earlier one"
    );
    assert_eq!(
        parse_config("cmd = run --port=1")
            .get("cmd")
            .map(String::as_str),
        Some("run --port=1"),
        "a line splits at its first `=`: the value keeps any `=` after it"
    );
}

fn format_status_names_the_server_and_its_health() {
    let server = Server::new("web-01", "10.0.1.1");
    assert_eq!(
        format_status(&server, true),
        "web-01 (10.0.1.1:8080): healthy",
        "format_status is `<name> (<ip>:<port>): healthy`"
    );
    assert_eq!(
        format_status(&server, false),
        "web-01 (10.0.1.1:8080): unhealthy",
        "format_status is `<name> (<ip>:<port>): unhealthy` when the server is not healthy"
    );
}

fn the_module_path_and_the_item_path_name_the_same_function() {
    // `import server_utils` and `from server_utils import check_health` reach one function.
    let through_the_module: fn(&str) -> bool = server_utils::check_health;
    let imported: fn(&str) -> bool = check_health;
    assert_eq!(
        through_the_module("web-01"),
        imported("web-01"),
        "`server_utils::check_health` and `check_health` are two names for one item"
    );
    assert!(imported("web-01"), "web-01 is a valid hostname");
}

workbook_harness::main!(
    server_new_uses_the_default_port,
    address_is_ip_colon_port,
    valid_hostnames_are_healthy,
    invalid_hostnames_are_unhealthy,
    parse_config_reads_key_value_lines,
    parse_config_defaults_the_port,
    format_status_names_the_server_and_its_health,
    the_module_path_and_the_item_path_name_the_same_function,
);
