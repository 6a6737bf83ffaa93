//! # Exercise 2: mixins as traits (alternative solution)
//!
//! Another learner's style: `for` loops instead of iterator chains, `==` on the names directly,
//! `Ord` written with `match`, the error message built piece by piece, impls in another order.

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
        let mut stamps = Timestamps {
            created_at: 0,
            updated_at: 0,
        };
        stamps.created_at = now;
        stamps.updated_at = stamps.created_at;
        stamps
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
        let stamps = self.timestamps_mut();
        *stamps = Timestamps {
            updated_at: now,
            ..*stamps
        };
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
        f.write_str("these required fields are empty:")?;
        for (i, field) in self.missing.iter().enumerate() {
            let separator = if i == 0 { " " } else { ", " };
            write!(f, "{separator}`{field}`")?;
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
        let mut missing = Vec::new();
        for (name, value) in self.required_fields() {
            if value.chars().all(char::is_whitespace) {
                missing.push(name);
            }
        }
        missing
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
pub fn cmp_by_key<T: Keyed>(a: &T, b: &T) -> Ordering {
    let (left, right) = (a.key(), b.key());
    if left < right {
        Ordering::Less
    } else if left > right {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

/// Wraps any `Keyed` value so that `==`, `<` and sorting use its key.
#[derive(Debug, Clone, Copy)]
pub struct ByKey<T>(pub T);

impl<T: Keyed> PartialEq for ByKey<T> {
    fn eq(&self, other: &Self) -> bool {
        cmp_by_key(&self.0, &other.0).is_eq()
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
        self.0.key().cmp(&other.0.key())
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
            Ok(json) => json,
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

impl Validate for Server {
    fn required_fields(&self) -> Vec<(&'static str, &str)> {
        [("name", self.name.as_str()), ("ip", self.ip.as_str())].to_vec()
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

impl Keyed for Server {
    type Key = String;

    fn key(&self) -> String {
        self.name.clone()
    }
}

impl PartialEq for Server {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
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
        self.name.cmp(&other.name)
    }
}
