//! # sre-monitor: the capstone
//!
//! A small monitoring tool, as a library with a thin binary on top: the seed's
//! `src/sre_monitor/__init__.py`. This file is given: it declares the modules and re-exports what
//! a user of the library needs, the way an `__init__.py` does with its imports and `__all__`.
//!
//! | Python (the seed)                 | Rust (this crate)                   | Area     |
//! |-----------------------------------|-------------------------------------|----------|
//! | `sre_monitor/models.py`           | [`models`]                          | models   |
//! | `sre_monitor/checks.py`           | [`checks`]                          | checks   |
//! | `sre_monitor/alerts.py`           | [`alerts`]                          | alerts   |
//! | `sre_monitor/runner.py`           | [`runner`] and [`report`]           | runner   |
//! | `scripts/run_monitor.py`          | [`cli`], [`config`], [`logging`] and `src/main.rs` | cli |
//! | `tests/test_*.py`                 | `tests/*.rs`, yours in `tests/my_tests.rs` | own tests |
//!
//! Work in that order: each module uses the ones above it. `capstone/README.md` has the brief.

pub mod alerts;
pub mod checks;
pub mod cli;
pub mod config;
pub mod logging;
pub mod models;
pub mod report;
pub mod runner;

pub use alerts::{AlertChanges, AlertManager};
pub use checks::{
    DiskCheck, FixedReadings, HealthCheck, LiveSystem, MemoryCheck, PortCheck, ProcessCheck,
    Reading, SystemReadings, ThresholdError, Thresholds,
};
pub use config::{Config, ConfigError};
pub use models::{Alert, CheckResult, Metric, ModelError, Secret, Server, Status};
pub use runner::{Clock, Monitor, Report, Schedule, SystemClock};
