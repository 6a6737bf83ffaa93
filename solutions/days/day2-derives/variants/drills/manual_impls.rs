//! Day 2 drills, another correct style: the impls that a derive would write, written by hand
//! (`Debug`, `Clone`, `PartialEq`, `Default`, `Ord`, `Serialize`), and other ways to say the same.

use std::cmp::Ordering;
use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

// Drill 1.

/// An HTTP endpoint to probe.
pub struct Endpoint {
    pub host: String,
    pub port: u16,
    pub path: String,
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Endpoint")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("path", &self.path)
            .finish()
    }
}

impl Clone for Endpoint {
    fn clone(&self) -> Self {
        Endpoint {
            host: self.host.clone(),
            port: self.port,
            path: self.path.clone(),
        }
    }
}

impl PartialEq for Endpoint {
    fn eq(&self, other: &Self) -> bool {
        (&self.host, self.port, &self.path) == (&other.host, other.port, &other.path)
    }
}

// Drill 2.

/// Where a service listens.
#[derive(Debug, Clone, PartialEq)]
pub struct Listener {
    pub host: String,
    pub port: u16,
    pub backlog: u32,
}

impl Default for Listener {
    fn default() -> Self {
        Self {
            host: String::from("0.0.0.0"),
            port: 8_080,
            backlog: 1 << 7,
        }
    }
}

// Drill 3.

/// The hosts of one group.
#[derive(Debug, Clone, PartialEq)]
pub struct Inventory {
    pub hosts: Vec<String>,
}

#[allow(clippy::derivable_impls)] // written by hand on purpose: what the derive writes
impl Default for Inventory {
    fn default() -> Self {
        Inventory { hosts: Vec::new() }
    }
}

// Drill 4.

/// A percentage between 0.0 and 100.0, both included.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Percent(f64);

/// The value given to `Percent::new`, which is not between 0.0 and 100.0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutOfRange(pub f64);

impl Percent {
    #[allow(clippy::manual_range_contains)] // the comparisons spelled out, NaN first
    pub fn new(value: f64) -> Result<Percent, OutOfRange> {
        if value.is_nan() || value < 0.0 || value > 100.0 {
            return Err(OutOfRange(value));
        }
        Ok(Percent(value))
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

// Drill 5.

/// A config, with public fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FrozenConfig {
    pub hostname: String,
    pub port: u16,
}

/// What does `let config = FrozenConfig { .. }; config.port = 9090;` do?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill5 {
    PanicsAtRunTime,
    DoesNotCompile,
    ChangesThePort,
}

pub fn drill5_assign_to_a_field() -> Drill5 {
    Drill5::DoesNotCompile
}

pub fn drill5_with_port(config: &FrozenConfig, port: u16) -> FrozenConfig {
    let mut copy = config.clone();
    copy.port = port;
    copy
}

// Drill 6: the fields stay in their old order; a hand-written `Ord` puts severity first.

/// An incident: sorted by severity (1 is the most urgent), then by title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    pub title: String,
    pub severity: u8,
}

impl Ord for Incident {
    fn cmp(&self, other: &Self) -> Ordering {
        self.severity
            .cmp(&other.severity)
            .then_with(|| self.title.cmp(&other.title))
    }
}

impl PartialOrd for Incident {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

pub fn drill6_sorted(incidents: Vec<Incident>) -> Vec<Incident> {
    let mut incidents = incidents;
    incidents.sort_unstable();
    incidents
}

// Drill 7.

/// A disk's usage, in gigabytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Disk {
    pub mount: String,
    pub used_gb: f64,
    pub total_gb: f64,
}

impl Disk {
    pub fn used_percent(&self) -> f64 {
        match self.total_gb {
            total if total > 0.0 => 100.0 * self.used_gb / total,
            _ => 0.0,
        }
    }
}

// Drill 8.

/// A host and a port: a tuple struct.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HostPort(pub String, pub u16);

pub fn drill8_address(HostPort(host, port): HostPort) -> String {
    [host, port.to_string()].join(":")
}

// Drill 9: `Serialize` by hand, as the derive writes it.

/// Who owns a service.
#[derive(Debug, Clone, PartialEq)]
pub struct Owner {
    pub team: String,
    pub pager: bool,
}

impl Serialize for Owner {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("Owner", 2)?;
        state.serialize_field("team", &self.team)?;
        state.serialize_field("pager", &self.pager)?;
        state.end()
    }
}

/// A service, to be turned into a JSON object.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub name: String,
    pub port: u16,
    pub tags: Vec<String>,
    pub owner: Owner,
}

impl Serialize for Service {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("Service", 4)?;
        state.serialize_field("name", &self.name)?;
        state.serialize_field("port", &self.port)?;
        state.serialize_field("tags", &self.tags)?;
        state.serialize_field("owner", &self.owner)?;
        state.end()
    }
}

pub fn drill9_as_dict(service: &Service) -> serde_json::Value {
    serde_json::to_value(service).unwrap_or_default()
}

// Drill 10.

/// What the data needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    ImmutableRecord,
    TupleUnpacking,
    MutationAndMethods,
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
    use PythonChoice::*;
    match need {
        Need::ImmutableRecord => NamedTuple,
        Need::TupleUnpacking => NamedTuple,
        Need::MutationAndMethods => Dataclass,
        Need::ImmutableWithValidation => FrozenDataclass,
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
    const PAIRS: [(PythonFeature, RustFeature); 8] = [
        (PythonFeature::Repr, RustFeature::DeriveDebug),
        (PythonFeature::Eq, RustFeature::DerivePartialEq),
        (PythonFeature::Frozen, RustFeature::PrivateFieldsWithGetters),
        (PythonFeature::Order, RustFeature::DeriveOrdInFieldOrder),
        (PythonFeature::DefaultValue, RustFeature::DefaultTrait),
        (
            PythonFeature::PostInit,
            RustFeature::ConstructorReturningResult,
        ),
        (PythonFeature::AsDict, RustFeature::SerdeSerialize),
        (
            PythonFeature::TupleUnpacking,
            RustFeature::PatternDestructuring,
        ),
    ];
    PAIRS
        .iter()
        .find(|(python, _)| *python == feature)
        .map(|(_, rust)| *rust)
        .expect("every feature has a counterpart")
}
