//! Exercise 3, another correct style: `partial_cmp` on the value (safe: `new` refuses NaN), the
//! ties broken by comparing tuples, `top` as an ascending sort read backwards, and `Display`
//! through `f.write_fmt`.

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
            Self::Negative { name, value } => {
                write!(f, "{name} must not be negative, got {value}")
            }
            Self::NotFinite { name } => write!(f, "{name} must be a finite number"),
        }
    }
}

impl std::error::Error for MetricError {}

/// One reading of a metric.
#[derive(Debug, Clone)]
pub struct Metric {
    unit: String,
    timestamp: u64,
    value: f64,
    name: String,
}

impl Metric {
    /// A validated metric: the value is finite and not negative (0.0 is fine).
    pub fn new(name: &str, value: f64, timestamp: u64, unit: &str) -> Result<Metric, MetricError> {
        let name = name.to_string();
        if value.is_nan() || value.is_infinite() {
            Err(MetricError::NotFinite { name })
        } else if value.is_sign_negative() && value != 0.0 {
            Err(MetricError::Negative { name, value })
        } else {
            Ok(Metric {
                unit: unit.to_string(),
                timestamp,
                value,
                name,
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
        match self.value.partial_cmp(&other.value) {
            Some(Ordering::Equal) | None => (&self.name, self.timestamp, &self.unit).cmp(&(
                &other.name,
                other.timestamp,
                &other.unit,
            )),
            Some(order) => order,
        }
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_fmt(format_args!(
            "{}: {:.1}{}",
            self.name, self.value, self.unit
        ))
    }
}

/// The `n` metrics with the highest values, highest first.
pub fn top(metrics: &[Metric], n: usize) -> Vec<Metric> {
    let mut sorted = Vec::from(metrics);
    sorted.sort_unstable();
    sorted.into_iter().rev().take(n).collect()
}
