//! # Exercise 2: mixins as traits
//!
//! ## The Python original (seed, Day 1)
//!
//! ```python
//! class JsonMixin:
//!     def to_json(self):
//!         return json.dumps(self.__dict__, default=str)
//!
//! class LogMixin:
//!     def log(self, message, level="INFO"):
//!         print(f"[{level}] {self.__class__.__name__}: {message}")
//!
//! class Server(JsonMixin, LogMixin, MetricsMixin):
//!     def __init__(self, name, ip, port=8080): ...
//! ```
//!
//! Exercise 2 asks for a `TimestampMixin` (created_at, updated_at), a `ValidationMixin`
//! (`validate()` checks the required fields), a `ComparisonMixin` (`__eq__`, `__lt__` by a key
//! attribute), all three combined on a `Server`.
//!
//! ## The Rust idea
//!
//! A mixin is a trait with **provided methods**. A trait cannot hold fields, so a mixin that
//! needs data asks for it through a small **required** method (an accessor), and builds all of
//! its behaviour on top: `Timestamped` needs only `timestamps()`/`timestamps_mut()`, and gives
//! `created_at`, `updated_at` and `touch` to every type that implements those two. "Inheriting
//! from three mixins" is three `impl` blocks; there is no MRO to untangle, since each method
//! belongs to exactly one trait. A mixin that needs nothing from the type at all is a trait of
//! provided methods only: the seed's `LogMixin` prints `self.__class__.__name__`, and a provided
//! method gets the type's name from `std::any::type_name::<Self>()`, no field needed.
//!
//! A **blanket impl** (`impl<T: Serialize> ToJson for T`) goes further: every type that serde can
//! serialize has `to_json()`, with no `impl` block per type at all.
//!
//! Equality and order are traits too (`PartialEq`, `Eq`, `PartialOrd`, `Ord`). Rust will not let
//! you write `impl<T: Keyed> Ord for T` (`Ord` and `T` are both "foreign" to this crate: the orphan
//! rule), so the comparison mixin is a helper (`cmp_by_key`) that `Server`'s own `Ord` calls, and
//! a wrapper `ByKey<T>` that gives any `Keyed` value a key order.
//!
//! Timestamps are plain numbers (seconds since the Unix epoch) passed in as `now`, so that the
//! tests are deterministic: no clock is read inside the mixin.
//!
//! ## Your task
//!
//! 1. `Timestamps::new(now)`: created and updated `now`. The provided methods of `Timestamped`:
//!    `created_at`, `updated_at`, and `touch(now)`, which moves `updated_at` only.
//! 2. The provided methods of `Validate`: `missing_fields` (the names of the required fields
//!    that are empty *or only whitespace*, in the order `required_fields` gives them) and
//!    `validate` (`Ok(())`, or `Err(ValidationError)` naming every missing field). Then
//!    `ValidationError`'s `Display`, which names the missing fields.
//! 3. `cmp_by_key`, and `ByKey`'s `eq` and `cmp`: compare by `key()` only.
//! 4. The blanket `ToJson` impl: `serde_json::to_string`.
//! 5. `Server`: its `Timestamped` accessors, its required fields (`name`, then `ip`, in that order), its key (the
//!    name), `==` and `cmp` by that key (two entries for the same server name are the same
//!    server, whatever their port), and `set_port`, which records the update.
//!
//! ## Read more
//!
//! - The Rust Book, ch. 10.2 Traits, default implementations: <https://doc.rust-lang.org/book/ch10-02-traits.html#default-implementations>
//! - The Rust Book, ch. 20.2 Advanced Traits (the newtype pattern, the orphan rule): <https://doc.rust-lang.org/book/ch20-02-advanced-traits.html>
//! - The Rust Reference, orphan rules: <https://doc.rust-lang.org/reference/items/implementations.html#orphan-rules>
//! - std::cmp::Ord (Ord must agree with PartialEq): <https://doc.rust-lang.org/std/cmp/trait.Ord.html>
//! - std::any::type_name (LogMixin's __class__.__name__): <https://doc.rust-lang.org/std/any/fn.type_name.html>
//! - serde_json::to_string: <https://docs.rs/serde_json/latest/serde_json/fn.to_string.html>
//!
//! Run the tests with `cargo day 1`; stuck? `cargo hint 1 mixins`.

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(unused)]

use std::cmp::Ordering;
use std::fmt;

use serde::Serialize;

// ---------------------------------------------------------------------------------------------
// Step 1: TimestampMixin
// ---------------------------------------------------------------------------------------------

/// When something was created and last updated, in seconds since the Unix epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Timestamps {
    pub created_at: u64,
    pub updated_at: u64,
}

impl Timestamps {
    /// Created and updated `now`.
    pub fn new(now: u64) -> Self {
        Self {
            created_at: now,
            updated_at: now,
        }
    }
}

/// Created/updated tracking for any type that holds `Timestamps`.
pub trait Timestamped {
    /// Required: where this value keeps its timestamps.
    fn timestamps(&self) -> &Timestamps;
    /// Required: the same, to change them.
    fn timestamps_mut(&mut self) -> &mut Timestamps;

    /// Provided.
    fn created_at(&self) -> u64 {
        let Timestamps { created_at, .. } = *self.timestamps();
        created_at
    }

    /// Provided.
    fn updated_at(&self) -> u64 {
        self.timestamps().updated_at
    }

    /// Provided: records an update at `now`. `created_at` never changes.
    fn touch(&mut self, now: u64) {
        let stamps = self.timestamps_mut();
        stamps.updated_at = now;
    }
}

// ---------------------------------------------------------------------------------------------
// Step 2: ValidationMixin
// ---------------------------------------------------------------------------------------------

/// The required fields that are empty, in the order `required_fields` lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub missing: Vec<&'static str>,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "required field(s) left empty:")?;
        for (i, name) in self.missing.iter().enumerate() {
            if i > 0 {
                write!(f, ",")?;
            }
            write!(f, " {name}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

/// Checks that required fields are filled in.
pub trait Validate {
    /// Required: each required field's name and its current value.
    fn required_fields(&self) -> Vec<(&'static str, &str)>;

    /// Provided: the names of the required fields that are empty or only whitespace, in order.
    fn missing_fields(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        for (field, value) in self.required_fields() {
            if value.chars().all(char::is_whitespace) {
                out.push(field);
            }
        }
        out
    }

    /// Provided: `Ok(())`, or an error that names every missing field.
    fn validate(&self) -> Result<(), ValidationError> {
        match self.missing_fields() {
            missing if missing.is_empty() => Ok(()),
            missing => Err(ValidationError { missing }),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Step 3: ComparisonMixin
// ---------------------------------------------------------------------------------------------

/// Values compared by a key, like the seed's `ComparisonMixin` with its key attribute.
pub trait Keyed {
    type Key: Ord;
    /// Required: the key that equality and order use.
    fn key(&self) -> Self::Key;
}

/// Compares two keyed values by their keys.
pub fn cmp_by_key<T>(a: &T, b: &T) -> Ordering
where
    T: Keyed,
{
    Ord::cmp(&a.key(), &b.key())
}

/// Wraps any `Keyed` value so that `==`, `<` and sorting use its key.
#[derive(Debug, Clone, Copy)]
pub struct ByKey<T>(pub T);

impl<T: Keyed> PartialEq for ByKey<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0.key() == other.0.key()
    }
}

impl<T: Keyed> Eq for ByKey<T> {}

impl<T: Keyed> PartialOrd for ByKey<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T: Keyed> Ord for ByKey<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_by_key(&self.0, &other.0)
    }
}

// ---------------------------------------------------------------------------------------------
// Step 4: JsonMixin, for every type at once
// ---------------------------------------------------------------------------------------------

/// `to_json()` for any type that serde can serialize.
pub trait ToJson {
    fn to_json(&self) -> String;
}

impl<T: Serialize + ?Sized> ToJson for T {
    fn to_json(&self) -> String {
        match serde_json::to_string(self) {
            Ok(text) => text,
            Err(e) => panic!("cannot serialize: {e}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Step 5: all of them on a Server
// ---------------------------------------------------------------------------------------------

/// A server, keyed and ordered by its name.
#[derive(Debug, Clone, Serialize)]
pub struct Server {
    pub name: String,
    pub ip: String,
    pub port: u16,
    pub timestamps: Timestamps,
}

impl Server {
    /// Given: a server created at `now`.
    pub fn new(name: impl Into<String>, ip: impl Into<String>, port: u16, now: u64) -> Self {
        Server {
            name: name.into(),
            ip: ip.into(),
            port,
            timestamps: Timestamps::new(now),
        }
    }

    /// Changes the port and records the update at `now`.
    pub fn set_port(&mut self, port: u16, now: u64) {
        self.touch(now);
        self.port = port;
    }
}

impl Timestamped for Server {
    fn timestamps(&self) -> &Timestamps {
        &self.timestamps
    }

    fn timestamps_mut(&mut self) -> &mut Timestamps {
        &mut self.timestamps
    }
}

impl Validate for Server {
    fn required_fields(&self) -> Vec<(&'static str, &str)> {
        let mut v = Vec::with_capacity(2);
        v.push(("name", self.name.as_str()));
        v.push(("ip", &*self.ip));
        v
    }
}

impl Keyed for Server {
    type Key = String;

    fn key(&self) -> String {
        self.name.clone()
    }
}

impl PartialEq for Server {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Server {}

impl PartialOrd for Server {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Server {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}
