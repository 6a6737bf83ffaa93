//! # Exercise 3: sortable metrics (reference solution)
//!
//! `f64` is not `Ord` (NaN equals nothing, itself included), so `Ord` cannot be derived for a
//! struct that holds one. `cmp` is written by hand: value first with `f64::total_cmp` (the seed's
//! hidden `sort_key`), then the other fields, so that `Eq` still means "every field equal". The
//! constructor rejects negative and non-finite values.
//!
//! ## Read more
//!
//! - std::cmp::Ord (how to implement it): <https://doc.rust-lang.org/std/cmp/trait.Ord.html#how-can-i-implement-ord>
//! - f64::total_cmp: <https://doc.rust-lang.org/std/primitive.f64.html#method.total_cmp>
//! - std::cmp::Ordering::then_with: <https://doc.rust-lang.org/std/cmp/enum.Ordering.html#method.then_with>
//! - The Rust Book, Appendix C Derivable Traits (PartialOrd and Ord): <https://doc.rust-lang.org/book/appendix-03-derivable-traits.html>
//! - slice::sort_by: <https://doc.rust-lang.org/std/primitive.slice.html#method.sort_by>
//! - std::fmt, precision ({:.1}): <https://doc.rust-lang.org/std/fmt/index.html#precision>

use std::cmp::Ordering;
use std::fmt;

/// Why `Metric::new` refused a value.
#[derive(Debug, Clone, PartialEq)]
pub enum MetricError {
    /// The value is below zero.
    Negative { name: String, value: f64 },
    /// The value is NaN or infinite.
    NotFinite { name: String },
}

impl fmt::Display for MetricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MetricError::Negative { name, value } => {
                write!(f, "metric {name}: value {value} is negative")
            }
            MetricError::NotFinite { name } => {
                write!(f, "metric {name}: value is not a finite number")
            }
        }
    }
}

impl std::error::Error for MetricError {}

/// One reading of a metric.
#[derive(Debug, Clone)]
pub struct Metric {
    name: String,
    value: f64,
    timestamp: u64,
    unit: String,
}

impl Metric {
    /// A validated metric: the value is finite and not negative (0.0 is fine).
    pub fn new(name: &str, value: f64, timestamp: u64, unit: &str) -> Result<Metric, MetricError> {
        if !value.is_finite() {
            return Err(MetricError::NotFinite {
                name: name.to_string(),
            });
        }
        if value < 0.0 {
            return Err(MetricError::Negative {
                name: name.to_string(),
                value,
            });
        }
        Ok(Metric {
            name: name.to_string(),
            value,
            timestamp,
            unit: unit.to_string(),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn value(&self) -> f64 {
        self.value
    }

    pub fn timestamp(&self) -> u64 {
        self.timestamp
    }

    pub fn unit(&self) -> &str {
        &self.unit
    }
}

impl Ord for Metric {
    fn cmp(&self, other: &Self) -> Ordering {
        self.value
            .total_cmp(&other.value)
            .then_with(|| self.name.cmp(&other.name))
            .then_with(|| self.timestamp.cmp(&other.timestamp))
            .then_with(|| self.unit.cmp(&other.unit))
    }
}

impl PartialOrd for Metric {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Metric {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Metric {}

impl fmt::Display for Metric {
    /// `disk: 45.0%`, like the seed's `f"{m.name}: {m.value}{m.unit}"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:.1}{}", self.name, self.value, self.unit)
    }
}

/// The `n` metrics with the highest values, highest first.
pub fn top(metrics: &[Metric], n: usize) -> Vec<Metric> {
    let mut sorted = metrics.to_vec();
    sorted.sort_by(|a, b| b.cmp(a));
    sorted.truncate(n);
    sorted
}
