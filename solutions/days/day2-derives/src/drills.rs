//! # Day 2 drills: ten dataclass challenges, in Rust (reference solution)
//!
//! ## Read more
//!
//! - The Rust Book, Appendix C Derivable Traits: <https://doc.rust-lang.org/book/appendix-03-derivable-traits.html>
//! - std::default::Default: <https://doc.rust-lang.org/std/default/trait.Default.html>
//! - The Rust Book, ch. 5.1 Tuple structs and struct update syntax: <https://doc.rust-lang.org/book/ch05-01-defining-structs.html>
//! - serde, Using derive: <https://serde.rs/derive.html>
//! - serde, Field attributes (skip_serializing_if, flatten, rename): <https://serde.rs/field-attrs.html>
//! - serde_json::to_value: <https://docs.rs/serde_json/latest/serde_json/fn.to_value.html>

use serde::Serialize;

// Drill 1: a struct with 3 fields, and the derives that a dataclass writes for you.

/// An HTTP endpoint to probe.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    pub host: String,
    pub port: u16,
    pub path: String,
}

// Drill 2: a default value.

/// Where a service listens.
#[derive(Debug, Clone, PartialEq)]
pub struct Listener {
    pub host: String,
    pub port: u16,
    pub backlog: u32,
}

impl Default for Listener {
    fn default() -> Self {
        Listener {
            host: "0.0.0.0".to_string(),
            port: 8080,
            backlog: 128,
        }
    }
}

// Drill 3: field(default_factory=list).

/// The hosts of one group.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inventory {
    pub hosts: Vec<String>,
}

// Drill 4: __post_init__ validation.

/// A percentage between 0.0 and 100.0, both included.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Percent(f64);

/// The value given to `Percent::new`, which is not between 0.0 and 100.0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutOfRange(pub f64);

impl Percent {
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

// Drill 5: a frozen dataclass; try to modify it.

/// A config, with public fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FrozenConfig {
    pub hostname: String,
    pub port: u16,
}

/// What does `let config = FrozenConfig { .. }; config.port = 9090;` do?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill5 {
    /// It compiles, and panics when that line runs, like Python's FrozenInstanceError.
    PanicsAtRunTime,
    /// It does not compile: `config` is not a `mut` binding.
    DoesNotCompile,
    /// It compiles and changes the port: the fields are `pub`.
    ChangesThePort,
}

pub fn drill5_assign_to_a_field() -> Drill5 {
    Drill5::DoesNotCompile
}

/// `dataclasses.replace(config, port=port)`.
pub fn drill5_with_port(config: &FrozenConfig, port: u16) -> FrozenConfig {
    FrozenConfig {
        port,
        ..config.clone()
    }
}

// Drill 6: order=True, and sort a list.

/// An incident: sorted by severity (1 is the most urgent), then by title.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Incident {
    pub severity: u8,
    pub title: String,
}

pub fn drill6_sorted(mut incidents: Vec<Incident>) -> Vec<Incident> {
    incidents.sort();
    incidents
}

// Drill 7: a regular method.

/// A disk's usage, in gigabytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Disk {
    pub mount: String,
    pub used_gb: f64,
    pub total_gb: f64,
}

impl Disk {
    /// How full the disk is, in percent; 0.0 for a disk of size 0.
    pub fn used_percent(&self) -> f64 {
        if self.total_gb <= 0.0 {
            return 0.0;
        }
        self.used_gb / self.total_gb * 100.0
    }
}

// Drill 8: a NamedTuple, unpacked.

/// A host and a port: a tuple struct.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HostPort(pub String, pub u16);

/// `"host:port"`, from a `HostPort` unpacked with a pattern.
pub fn drill8_address(host_port: HostPort) -> String {
    let HostPort(host, port) = host_port;
    format!("{host}:{port}")
}

// Drill 9: asdict, as serde.

/// Who owns a service.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Owner {
    pub team: String,
    pub pager: bool,
}

/// A service, to be turned into a JSON object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Service {
    pub name: String,
    pub port: u16,
    pub tags: Vec<String>,
    pub owner: Owner,
}

/// `dataclasses.asdict(service)`: a JSON object with one key per field (an empty list too), nested
/// structs included.
pub fn drill9_as_dict(service: &Service) -> serde_json::Value {
    serde_json::to_value(service).expect("a Service always serializes")
}

// Drill 10: when NamedTuple, when dataclass?

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
    Repr,
    Eq,
    Frozen,
    Order,
    DefaultValue,
    PostInit,
    AsDict,
    TupleUnpacking,
}

/// Its Rust counterpart.
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

pub fn drill10_rust(feature: PythonFeature) -> RustFeature {
    match feature {
        PythonFeature::Repr => RustFeature::DeriveDebug,
        PythonFeature::Eq => RustFeature::DerivePartialEq,
        PythonFeature::Frozen => RustFeature::PrivateFieldsWithGetters,
        PythonFeature::Order => RustFeature::DeriveOrdInFieldOrder,
        PythonFeature::DefaultValue => RustFeature::DefaultTrait,
        PythonFeature::PostInit => RustFeature::ConstructorReturningResult,
        PythonFeature::AsDict => RustFeature::SerdeSerialize,
        PythonFeature::TupleUnpacking => RustFeature::PatternDestructuring,
    }
}
