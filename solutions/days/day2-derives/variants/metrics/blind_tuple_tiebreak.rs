//! # Exercise 3: sortable metrics
//!
//! ## The Python original (seed, Day 2)
//!
//! ```python
//! @dataclass(order=True)
//! class Metric:
//!     sort_key: float = field(init=False, repr=False)   # hidden sort field
//!     name: str
//!     value: float
//!     unit: str
//!
//!     def __post_init__(self):
//!         self.sort_key = self.value        # sort by value
//!
//! for m in sorted(metrics):
//!     print(f"{m.name}: {m.value}{m.unit}")
//! # disk: 45.0%
//! # memory: 62.1%
//! # cpu: 87.5%
//! ```
//!
//! Exercise 3 asks for a `Metric` with name, value, timestamp and unit that sorts by value,
//! ten metrics sorted and the top five printed, and `__post_init__` rejecting bad values.
//!
//! ## The Rust idea
//!
//! `order=True` compares the fields as a tuple, top to bottom; so does `#[derive(PartialOrd,
//! Ord)]`. That is why the seed needs a hidden `sort_key` as the *first* field. Here a derive
//! cannot help at all: `f64` is not `Ord`, because NaN is not equal to itself, so no total order
//! exists on plain floats. You write `Ord::cmp` by hand and decide the order yourself:
//! `f64::total_cmp` is a total order on floats, and `Ordering::then_with` breaks ties.
//! `sort()`, `max()`, `<` and `BTreeSet` all follow that one `cmp`.
//!
//! ## Your task
//!
//! 1. `Metric::new`: `__post_init__` as a validating constructor. A NaN or infinite value is
//!    `Err(NotFinite)`, a negative one `Err(Negative)`; 0.0 is a valid reading. Write the
//!    error's `Display`: name the metric, and show the value if there is one.
//! 2. `Ord::cmp` for `Metric`: by value, ascending; metrics with equal values by name, then
//!    timestamp, then unit (so that two metrics are equal only when every field is). The
//!    `PartialOrd`, `PartialEq` and `Eq` impls are given: they follow your `cmp`.
//! 3. `Display` for `Metric`: `{name}: {value:.1}{unit}`, the unit right after the value with no
//!    space, as the seed prints it: `disk: 45.0%`, `latency: 12.5ms`.
//! 4. `top(metrics, n)`: the `n` metrics with the highest values, highest first (all of them if
//!    there are fewer than `n`). Leave the caller's slice as it is.
//!
//! ## Read more
//!
//! - std::cmp::Ord (how to implement it): <https://doc.rust-lang.org/std/cmp/trait.Ord.html#how-can-i-implement-ord>
//! - f64::total_cmp: <https://doc.rust-lang.org/std/primitive.f64.html#method.total_cmp>
//! - std::cmp::Ordering::then_with: <https://doc.rust-lang.org/std/cmp/enum.Ordering.html#method.then_with>
//! - The Rust Book, Appendix C Derivable Traits (PartialOrd and Ord): <https://doc.rust-lang.org/book/appendix-03-derivable-traits.html>
//! - slice::sort_by: <https://doc.rust-lang.org/std/primitive.slice.html#method.sort_by>
//! - std::fmt, precision ({:.1}): <https://doc.rust-lang.org/std/fmt/index.html#precision>
//!
//! Run the tests with `cargo day 2` (or `just day 2`); stuck? `cargo hint 2 metrics`.

// The `todo!()` bodies leave parameters and fields unused until you write them.
#![allow(unused)]

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
                write!(f, "metric {name:?} cannot be negative (got {value})")
            }
            MetricError::NotFinite { name } => write!(f, "metric {name:?} must be a finite number"),
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
        let name = name.to_string();
        if value.is_nan() || value.is_infinite() {
            Err(MetricError::NotFinite { name })
        } else if value < 0.0 {
            Err(MetricError::Negative { name, value })
        } else {
            Ok(Metric {
                name,
                value,
                timestamp,
                unit: unit.to_string(),
            })
        }
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
        match self.value.total_cmp(&other.value) {
            Ordering::Equal => {}
            unequal => return unequal,
        }
        (&self.name, self.timestamp, &self.unit).cmp(&(&other.name, other.timestamp, &other.unit))
    }
}

// Given: the other comparisons follow `cmp`, so that `<`, `==`, `sort()` and `max()` all agree.
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
    let mut sorted: Vec<Metric> = metrics.to_vec();
    sorted.sort_by(|a, b| b.value.total_cmp(&a.value));
    sorted.truncate(n);
    sorted
}
