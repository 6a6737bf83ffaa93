//! Exercise 1: the `Server` with derives, a validating constructor, its own tags, a health check.

#[path = "../src/ex1_server.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod ex1_server;

use ex1_server::{Server, ServerError};

fn web01() -> Server {
    Server::new("web-01", "10.0.1.1", 8080, "prod").expect(
        "Server::new(\"web-01\", \"10.0.1.1\", 8080, \"prod\") is a valid server and must be Ok",
    )
}

fn new_keeps_every_field_and_starts_empty() {
    let web = web01();
    assert_eq!(
        web.name(),
        "web-01",
        "name() must be the name given to new()"
    );
    assert_eq!(web.ip(), "10.0.1.1", "ip() must be the ip given to new()");
    assert_eq!(web.port(), 8080, "port() must be the port given to new()");
    assert_eq!(
        web.environment(),
        "prod",
        "environment() must be the environment given to new()"
    );
    assert_eq!(
        (web.cpu, web.memory),
        (0.0, 0.0),
        "a new server starts at cpu = 0.0 and memory = 0.0, like the dataclass defaults"
    );
    assert!(web.tags().is_empty(), "a new server has no tags");
}

fn port_must_be_between_1_and_65535_both_included() {
    let port = |p: u32| Server::new("web-01", "10.0.1.1", p, "prod");
    assert_eq!(
        port(0).err(),
        Some(ServerError::InvalidPort(0)),
        "port 0 is not a port a server listens on: new() must return Err(InvalidPort(0))"
    );
    assert!(
        port(1).is_ok(),
        "port 1 is the lowest valid port: the seed rejects only `port < 1`"
    );
    assert!(
        port(65535).is_ok(),
        "port 65535 is the highest valid port: the seed rejects only `port > 65535`"
    );
    assert_eq!(
        port(65536).err(),
        Some(ServerError::InvalidPort(65536)),
        "port 65536 does not fit in a u16: new() must return Err(InvalidPort(65536)), not wrap it to 0"
    );
    assert_eq!(
        port(70000).err(),
        Some(ServerError::InvalidPort(70000)),
        "port 70000 is above 65535: new() must return Err(InvalidPort(70000)), carrying the port it rejected \
         (`port as u16` would silently wrap it to 4464: use u16::try_from or check the range first)"
    );
    assert_eq!(
        port(443).map(|s| s.port()).ok(),
        Some(443),
        "a valid port is kept as given"
    );
}

fn name_is_required() {
    assert_eq!(
        Server::new("", "10.0.1.1", 8080, "prod").err(),
        Some(ServerError::EmptyName),
        "an empty name must be rejected with Err(EmptyName), like the seed's `if not self.name`"
    );
    assert_eq!(
        Server::new("   ", "10.0.1.1", 8080, "prod").err(),
        Some(ServerError::EmptyName),
        "a name of only spaces is no name either: check `name.trim().is_empty()`"
    );
}

fn errors_say_what_is_wrong() {
    let port = ServerError::InvalidPort(70000).to_string();
    assert!(
        port.contains("70000"),
        "the message of InvalidPort(70000) must show the port, like the seed's f\"Invalid port: {{self.port}}\"; got {port:?}"
    );
    let name = ServerError::EmptyName.to_string();
    assert!(
        name.to_lowercase().contains("name"),
        "the message of EmptyName must say that the name is missing; got {name:?}"
    );
    let boxed: Box<dyn std::error::Error> = Box::new(ServerError::InvalidPort(0));
    assert!(
        !boxed.to_string().is_empty(),
        "a ServerError must work as a Box<dyn Error>, so that `?` can pass it on"
    );
}

fn derived_equality_compares_every_field() {
    assert!(
        web01() == web01(),
        "two servers built from the same values must be equal (the seed: `web1 == web1_copy` is True)"
    );
    let other_port = Server::new("web-01", "10.0.1.1", 9090, "prod").unwrap();
    assert!(
        web01() != other_port,
        "servers that differ in their port must not be equal"
    );
    let mut busy = web01();
    busy.cpu = 87.5;
    assert!(
        web01() != busy,
        "a dataclass's __eq__ compares every field, cpu too; so does a derived PartialEq"
    );
    let mut tagged = web01();
    tagged.add_tag("production");
    assert!(
        web01() != tagged,
        "servers that differ only in their tags must not be equal: the derive compares every field"
    );
}

fn debug_shows_the_fields() {
    let text = format!("{:?}", web01());
    for part in ["Server", "web-01", "10.0.1.1", "8080", "prod"] {
        assert!(
            text.contains(part),
            "{{:?}} of a server must show its type and fields, like the dataclass's repr; {part:?} is missing from {text:?}"
        );
    }
}

fn a_clone_has_its_own_tags() {
    let mut original = web01();
    original.add_tag("production");
    let mut copy = original.clone();
    assert!(copy == original, "a clone must be equal to its original");
    copy.add_tag("canary");
    assert_eq!(
        original.tags(),
        ["production"],
        "tagging the clone must not tag the original: Clone copies the Vec (Python's copy.copy would share the list)"
    );
    assert_eq!(
        copy.tags(),
        ["production", "canary"],
        "the clone keeps its own tags, in order"
    );
}

fn each_server_owns_its_tags() {
    // The shared-mutable-default bug: `def __init__(self, tags=[])` is ONE list for all instances.
    // (In a dataclass, `tags: List[str] = []` is refused with a ValueError; see the lesson.)
    let mut web1 = web01();
    let web2 = Server::new("web-02", "10.0.1.2", 8080, "prod").unwrap();
    web1.add_tag("production");
    assert!(
        web2.tags().is_empty(),
        "tagging web-01 must not tag web-02: each server owns its own tags (field(default_factory=list))"
    );
    web1.add_tag("frontend");
    assert_eq!(
        web1.tags(),
        ["production", "frontend"],
        "add_tag() must add the tag to this server, keeping the order of the calls"
    );
}

fn healthy_only_while_strictly_below_the_limits() {
    let with = |cpu: f64, memory: f64| {
        let mut server = web01();
        server.cpu = cpu;
        server.memory = memory;
        server.check_health()
    };
    assert!(with(0.0, 0.0), "an idle server is healthy");
    assert!(
        with(89.9, 89.9),
        "cpu 89.9% and memory 89.9% are below the 90% limits: healthy"
    );
    assert!(
        !with(90.0, 10.0),
        "cpu exactly 90.0% is AT the limit: not healthy (healthy means strictly below)"
    );
    assert!(
        !with(10.0, 90.0),
        "memory exactly 90.0% is AT the limit: not healthy"
    );
    assert!(
        !with(10.0, 99.0),
        "memory at 99% makes the server unhealthy even if the cpu is fine: both must be below"
    );
    assert!(!with(97.0, 10.0), "cpu at 97% makes the server unhealthy");
}

workbook_harness::main!(
    new_keeps_every_field_and_starts_empty,
    port_must_be_between_1_and_65535_both_included,
    name_is_required,
    errors_say_what_is_wrong,
    derived_equality_compares_every_field,
    debug_shows_the_fields,
    a_clone_has_its_own_tags,
    each_server_owns_its_tags,
    healthy_only_while_strictly_below_the_limits,
);
