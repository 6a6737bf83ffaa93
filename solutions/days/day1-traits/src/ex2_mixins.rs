//! # Exercise 2: mixins as traits (reference solution)
//!
//! A trait has no fields, so each "mixin" asks for the one thing it needs through a required
//! method and provides the rest: `Timestamped` needs `timestamps_mut`, `Validate` needs
//! `required_fields`, `Keyed` needs `key`. `ToJson` is a blanket impl: every `Serialize` type has it.
//!
//! ## Read more
//!
//! - The Rust Book, ch. 10.2 Traits, default implementations: <https://doc.rust-lang.org/book/ch10-02-traits.html#default-implementations>
//! - The Rust Book, ch. 20.2 Advanced Traits (the newtype pattern, the orphan rule): <https://doc.rust-lang.org/book/ch20-02-advanced-traits.html>
//! - The Rust Reference, orphan rules: <https://doc.rust-lang.org/reference/items/implementations.html#orphan-rules>
//! - std::cmp::Ord (Ord must agree with PartialEq): <https://doc.rust-lang.org/std/cmp/trait.Ord.html>
//! - std::any::type_name (LogMixin's __class__.__name__): <https://doc.rust-lang.org/std/any/fn.type_name.html>
//! - serde_json::to_string: <https://docs.rs/serde_json/latest/serde_json/fn.to_string.html>

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
        Timestamps {
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
        self.timestamps().created_at
    }

    /// Provided.
    fn updated_at(&self) -> u64 {
        self.timestamps().updated_at
    }

    /// Provided: records an update at `now`. `created_at` never changes.
    fn touch(&mut self, now: u64) {
        self.timestamps_mut().updated_at = now;
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
        write!(f, "missing required fields: {}", self.missing.join(", "))
    }
}

impl std::error::Error for ValidationError {}

/// Checks that required fields are filled in.
pub trait Validate {
    /// Required: each required field's name and its current value.
    fn required_fields(&self) -> Vec<(&'static str, &str)>;

    /// Provided: the names of the required fields that are empty or only whitespace, in order.
    fn missing_fields(&self) -> Vec<&'static str> {
        self.required_fields()
            .into_iter()
            .filter(|(_, value)| value.trim().is_empty())
            .map(|(name, _)| name)
            .collect()
    }

    /// Provided: `Ok(())`, or an error that names every missing field.
    fn validate(&self) -> Result<(), ValidationError> {
        let missing = self.missing_fields();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(ValidationError { missing })
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
pub fn cmp_by_key<T: Keyed>(a: &T, b: &T) -> Ordering {
    a.key().cmp(&b.key())
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
        serde_json::to_string(self).expect("a Serialize type with string keys always serializes")
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
        self.port = port;
        self.touch(now);
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
        vec![("name", &self.name), ("ip", &self.ip)]
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
        cmp_by_key(self, other) == Ordering::Equal
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
        cmp_by_key(self, other)
    }
}
