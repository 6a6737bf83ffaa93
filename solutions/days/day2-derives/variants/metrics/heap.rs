//! Exercise 3, another correct style: `cmp` as a chain of `match`es, `top` with a `BinaryHeap`
//! (a max-heap: it pops the greatest first), the checks in `new` written with `match`.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
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
            MetricError::Negative { name, value } => write!(f, "{name}: negative value ({value})"),
            MetricError::NotFinite { name } => write!(f, "{name}: NaN or infinite value"),
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
        match value {
            v if !v.is_finite() => Err(MetricError::NotFinite { name: name.into() }),
            v if v < 0.0 => Err(MetricError::Negative {
                name: name.into(),
                value: v,
            }),
            v => Ok(Metric {
                name: name.into(),
                value: v,
                timestamp,
                unit: unit.into(),
            }),
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
            order => return order,
        }
        match self.name.cmp(&other.name) {
            Ordering::Equal => {}
            order => return order,
        }
        match self.timestamp.cmp(&other.timestamp) {
            Ordering::Equal => {}
            order => return order,
        }
        self.unit.cmp(&other.unit)
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
        let value = format!("{:.1}", self.value);
        write!(f, "{}: {value}{}", self.name, self.unit)
    }
}

/// The `n` metrics with the highest values, highest first.
pub fn top(metrics: &[Metric], n: usize) -> Vec<Metric> {
    let mut heap: BinaryHeap<Metric> = metrics.iter().cloned().collect();
    let mut best = Vec::with_capacity(n.min(heap.len()));
    while best.len() < n {
        match heap.pop() {
            Some(metric) => best.push(metric),
            None => break,
        }
    }
    best
}
