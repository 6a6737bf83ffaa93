//! # Day 2 drills: ten dataclass challenges, in Rust
//!
//! The seed's drills, three minutes each. Where the Python drill asks you to *try* something
//! (modify a frozen object) or to *choose* (NamedTuple or dataclass?), the Rust drill asks you to
//! predict it: pick the answer in a function that returns an enum, and the tests tell you whether
//! you were right, and why.
//!
//! | # | Python (seed) | Rust (here) |
//! |---|---|---|
//! | 1 | a basic `@dataclass` with 3 fields | `Endpoint`: derive `Debug, Clone, PartialEq` instead of writing them |
//! | 2 | a default value for a field | `impl Default for Listener`; `..Default::default()` |
//! | 3 | `field(default_factory=list)` | `Inventory`: each default gets its own `Vec` |
//! | 4 | `__post_init__` validation | `Percent::new` returns `Result` |
//! | 5 | a frozen dataclass: try to modify it | `Drill5`: what does assigning to a field do? `dataclasses.replace` |
//! | 6 | `order=True`, sort a list | `Incident`: the derived order follows the fields, top to bottom |
//! | 7 | a regular method on a dataclass | `Disk::used_percent` |
//! | 8 | a NamedTuple, unpacked | `HostPort`, a tuple struct, unpacked with a pattern |
//! | 9 | `asdict` | `#[derive(Serialize)]` and `serde_json::to_value` |
//! | 10 | when NamedTuple, when dataclass? | `drill10_python` and `drill10_rust` |
//!
//! ## Read more
//!
//! - The Rust Book, Appendix C Derivable Traits: <https://doc.rust-lang.org/book/appendix-03-derivable-traits.html>
//! - std::default::Default: <https://doc.rust-lang.org/std/default/trait.Default.html>
//! - The Rust Book, ch. 5.1 Tuple structs and struct update syntax: <https://doc.rust-lang.org/book/ch05-01-defining-structs.html>
//! - serde, Using derive: <https://serde.rs/derive.html>
//! - serde, Field attributes (skip_serializing_if, flatten, rename): <https://serde.rs/field-attrs.html>
//! - serde_json::to_value: <https://docs.rs/serde_json/latest/serde_json/fn.to_value.html>
//!
//! Write your code where the `todo!()`s and `TODO`s are; `cargo day 2` grades each drill.
//! Stuck? `cargo hint 2 drills`.

// The `todo!()` bodies leave parameters and items unused until you write them.
#![allow(unused)]

use std::fmt;

use serde::Serialize;

// ---------------------------------------------------------------------------------------------
// Drill 1: a struct with 3 fields, and the derives that a dataclass writes for you.
// ---------------------------------------------------------------------------------------------

/// An HTTP endpoint to probe.
#[derive(PartialEq, Debug, Clone)]
pub struct Endpoint {
    pub host: String,
    pub port: u16,
    pub path: String,
}

// ---------------------------------------------------------------------------------------------
// Drill 2: a default value: `port: int = 8080`.
// ---------------------------------------------------------------------------------------------

/// Where a service listens. By default: host "0.0.0.0", port 8080, backlog 128.
#[derive(Debug, Clone, PartialEq)]
pub struct Listener {
    pub host: String,
    pub port: u16,
    pub backlog: u32,
}

// `#[derive(Default)]` would give "", 0 and 0: defaults of your own are a hand-written impl.
impl Default for Listener {
    fn default() -> Self {
        Listener {
            backlog: 128,
            port: 8080,
            host: "0.0.0.0".into(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 3: `tags: List[str] = field(default_factory=list)`.
// ---------------------------------------------------------------------------------------------

/// The hosts of one group. A default inventory is empty, and every inventory owns its list.
/// (Python's shared list is the bug of `def __init__(self, hosts=[])`; a dataclass refuses
/// `hosts: list = []` outright with a `ValueError`, so the seed's "ALL instances share the SAME
/// list" is a slip.)
#[derive(Debug, Clone, PartialEq)]
pub struct Inventory {
    pub hosts: Vec<String>,
}

impl Default for Inventory {
    fn default() -> Self {
        Inventory { hosts: vec![] }
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 4: `__post_init__` validation.
// ---------------------------------------------------------------------------------------------

/// A percentage between 0.0 and 100.0, both included. The field is private: `new` is the only
/// way to build one, so every `Percent` is valid.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Percent(f64);

/// The value given to `Percent::new`, which is not between 0.0 and 100.0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutOfRange(pub f64);

impl Percent {
    /// `Ok` for 0.0 to 100.0 (both included), `Err(OutOfRange(value))` for anything else, NaN too.
    pub fn new(value: f64) -> Result<Percent, OutOfRange> {
        if (0.0..=100.0).contains(&value) {
            Ok(Percent(value))
        } else {
            Err(OutOfRange(value))
        }
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 5: a frozen dataclass. Try to modify it.
// ---------------------------------------------------------------------------------------------

/// A config, with public fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FrozenConfig {
    pub hostname: String,
    pub port: u16,
}

/// What does this do?
///
/// ```text
/// let config = FrozenConfig { hostname: "web-01".to_string(), port: 8080 };
/// config.port = 9090;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill5 {
    /// It compiles, and panics when that line runs, like Python's FrozenInstanceError.
    PanicsAtRunTime,
    /// It does not compile.
    DoesNotCompile,
    /// It compiles and changes the port: the fields are `pub`.
    ChangesThePort,
}

pub fn drill5_assign_to_a_field() -> Drill5 {
    Drill5::DoesNotCompile
}

/// `dataclasses.replace(config, port=port)`: a new config with another port; `config` unchanged.
pub fn drill5_with_port(config: &FrozenConfig, port: u16) -> FrozenConfig {
    FrozenConfig {
        hostname: config.hostname.clone(),
        port,
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 6: `@dataclass(order=True)`, and sort a list of instances.
// ---------------------------------------------------------------------------------------------

/// An incident. Incidents sort by severity (1 is the most urgent, so it comes first), then by
/// title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    pub title: String,
    pub severity: u8,
}

impl Ord for Incident {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.severity
            .cmp(&other.severity)
            .then_with(|| self.title.cmp(&other.title))
    }
}

impl PartialOrd for Incident {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The incidents in their order: the most urgent first.
pub fn drill6_sorted(mut incidents: Vec<Incident>) -> Vec<Incident> {
    incidents.sort_unstable();
    incidents
}

// ---------------------------------------------------------------------------------------------
// Drill 7: a regular method on a dataclass.
// ---------------------------------------------------------------------------------------------

/// A disk's usage, in gigabytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Disk {
    pub mount: String,
    pub used_gb: f64,
    pub total_gb: f64,
}

impl Disk {
    /// How full the disk is, in percent; 0.0 for a disk of size 0 (never NaN).
    pub fn used_percent(&self) -> f64 {
        if self.total_gb == 0.0 {
            return 0.0;
        }
        100.0 * self.used_gb / self.total_gb
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 8: a NamedTuple, unpacked: `name, ip, port = info`.
// ---------------------------------------------------------------------------------------------

/// A host and a port: a tuple struct. `hp.0` is the host, `hp.1` the port.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HostPort(pub String, pub u16);

/// `"host:port"`. Unpack `host_port` with a pattern: `let HostPort(host, port) = host_port;`.
pub fn drill8_address(host_port: HostPort) -> String {
    let HostPort(host, port) = host_port;
    host + ":" + &port.to_string()
}

// ---------------------------------------------------------------------------------------------
// Drill 9: `dataclasses.asdict`, as serde.
// ---------------------------------------------------------------------------------------------

/// Who owns a service.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Owner {
    pub team: String,
    pub pager: bool,
}

/// A service, to be turned into a JSON object.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Service {
    pub name: String,
    pub port: u16,
    pub tags: Vec<String>,
    pub owner: Owner,
}

/// `dataclasses.asdict(service)`: a JSON object with one key per field, every field, even an empty
/// list (`"tags": []`) or `false`, and the owner as a nested object (asdict recurses into nested
/// dataclasses; serde does too).
pub fn drill9_as_dict(service: &Service) -> serde_json::Value {
    serde_json::to_value(service).expect("a Service always serializes")
}

// ---------------------------------------------------------------------------------------------
// Drill 10: when would you choose NamedTuple over dataclass?
// ---------------------------------------------------------------------------------------------

/// What the data needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Simple, immutable data, like a row from a database.
    ImmutableRecord,
    /// Unpacking by position and indexing: `name, ip, port = info`, `info[0]`.
    TupleUnpacking,
    /// Methods that change the object, and complex defaults.
    MutationAndMethods,
    /// Immutable and hashable, but with validation and default factories.
    ImmutableWithValidation,
}

/// The seed's three choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PythonChoice {
    NamedTuple,
    Dataclass,
    FrozenDataclass,
}

/// The seed's "WHEN TO USE WHICH", as a function.
pub fn drill10_python(need: Need) -> PythonChoice {
    match need {
        Need::ImmutableRecord | Need::TupleUnpacking => PythonChoice::NamedTuple,
        Need::MutationAndMethods => PythonChoice::Dataclass,
        Need::ImmutableWithValidation => PythonChoice::FrozenDataclass,
    }
}

/// A feature of dataclasses and NamedTuples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PythonFeature {
    /// the generated `__repr__`
    Repr,
    /// the generated `__eq__`
    Eq,
    /// `frozen=True`
    Frozen,
    /// `order=True`
    Order,
    /// `port: int = 8080`
    DefaultValue,
    /// `__post_init__` validation
    PostInit,
    /// `dataclasses.asdict`
    AsDict,
    /// `name, ip, port = info`
    TupleUnpacking,
}

/// The Rust that does the same job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RustFeature {
    DeriveDebug,
    DerivePartialEq,
    PrivateFieldsWithGetters,
    DeriveOrdInFieldOrder,
    DefaultTrait,
    ConstructorReturningResult,
    SerdeSerialize,
    PatternDestructuring,
}

/// Each Python feature's Rust counterpart, as this day's lesson pairs them.
pub fn drill10_rust(feature: PythonFeature) -> RustFeature {
    use PythonFeature as P;
    use RustFeature as R;
    match feature {
        P::Repr => R::DeriveDebug,
        P::Eq => R::DerivePartialEq,
        P::Frozen => R::PrivateFieldsWithGetters,
        P::Order => R::DeriveOrdInFieldOrder,
        P::DefaultValue => R::DefaultTrait,
        P::PostInit => R::ConstructorReturningResult,
        P::AsDict => R::SerdeSerialize,
        P::TupleUnpacking => R::PatternDestructuring,
    }
}
