//! # Exercise 2: a package (`monitoring/`, with its `__init__.py`)
//!
//! ## The Python original (seed, Day 3)
//!
//! ```python
//! # monitoring/__init__.py
//! from .checks import DiskCheck, PortCheck, CPUCheck
//! from .alerts import send_alert, Alert
//! VERSION = "1.0.0"
//! __all__ = ["DiskCheck", "PortCheck", "CPUCheck", "send_alert", "Alert"]
//!
//! # main.py, outside the package
//! from monitoring import DiskCheck, send_alert          # not monitoring.checks.DiskCheck
//! ```
//!
//! ## The Rust idea
//!
//! A folder of modules is a module whose file is `mod.rs` (or `monitoring.rs` beside a
//! `monitoring/` folder: exercise 3 uses that style). This `mod.rs` is the `__init__.py`:
//!
//! - `mod checks;` makes `checks.rs` (next to this file) a child module. Keep the children
//!   **private** (no `pub`): users go through this file, not around it.
//! - `pub use checks::DiskCheck;` re-exports: `monitoring::DiskCheck` becomes a public path to
//!   the item, like `from .checks import DiskCheck` in `__init__.py`. What you re-export is the
//!   package's public face, its `__all__`; and unlike `__all__`, the compiler enforces it.
//! - Inside the package, siblings reach each other with relative paths: `super::checks` is the
//!   seed's `.checks` (from inside `alerts.rs`, `super` is `monitoring`: this file). Items that siblings share
//!   but users must not see are `pub(crate)`; what one file keeps to itself is private.
//!
//! The tests (`tests/ex2_monitoring.rs`, the seed's `main.py`) include this folder as the module
//! `monitoring` and use **only** the re-exports: `use monitoring::{DiskCheck, send_alert, ...}`.
//! Until the modules are declared and re-exported, those paths do not exist and the tests do not
//! compile: the compiler's first error is your next step.
//!
//! ## Your task
//!
//! 1. Here: declare the three child modules `checks`, `alerts` and `formatters` (private).
//! 2. Here: re-export the public face: `CheckResult`, `DiskCheck`, `CpuCheck`, `PortCheck`
//!    (from `checks`), `Alert` and `send_alert` (from `alerts`), `format_report` and
//!    `format_table` (from `formatters`).
//! 3. In `alerts.rs` and `formatters.rs`: bring in what they use from their siblings with
//!    `super::` paths (see the `TODO`s there).
//! 4. Write the `todo!()`s in `checks.rs`, `alerts.rs` and `formatters.rs`: each file's header
//!    says what its functions do.
//!
//! Grade it with `cargo day 3`; stuck? `cargo hint 3 monitoring`.

// TODO (step 1): declare the modules `checks`, `alerts` and `formatters`.

// TODO (step 2): re-export the public face with `pub use`.

/// The package's version, as in the seed's `__init__.py`.
pub const VERSION: &str = "1.0.0";

/// How often the checks run, in seconds (the seed's `DEFAULT_INTERVAL`).
pub const DEFAULT_INTERVAL_SECS: u64 = 60;
