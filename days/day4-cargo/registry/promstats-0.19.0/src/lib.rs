//! A metrics stand-in (the workbook's `prometheus-client`): counters and gauges, and process metrics behind the `process` feature.
//!
//! A fixture of the workbook's Day 4: a stand-in that lives in `days/day4-cargo/registry/`, not on crates.io.

/// This crate's version.
pub const VERSION: &str = "0.19.0";

/// A counter that only goes up.
#[derive(Debug, Default, Clone)]
pub struct Counter {
    pub name: String,
    value: u64,
}

impl Counter {
    pub fn new(name: &str) -> Counter {
        Counter { name: name.to_owned(), value: 0 }
    }

    pub fn inc(&mut self) {
        self.value += 1;
    }

    pub fn get(&self) -> u64 {
        self.value
    }
}

/// The process's own metrics, with the `process` feature.
#[cfg(feature = "process")]
pub mod process {
    /// The names of the metrics this feature adds.
    pub fn metric_names() -> Vec<&'static str> {
        vec!["process_cpu_seconds_total", "process_resident_memory_bytes"]
    }
}
