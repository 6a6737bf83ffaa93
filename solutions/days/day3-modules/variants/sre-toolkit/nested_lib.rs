//! # Exercise 3: a project layout (the seed's `sre-toolkit/`)
//!
//! ## The Python original (seed, Day 3)
//!
//! ```text
//! sre-toolkit/
//! ├── pyproject.toml, requirements.txt, README.md
//! ├── src/sre_toolkit/
//! │   ├── __init__.py
//! │   ├── monitoring/  (__init__.py, checks.py, alerts.py)
//! │   ├── config/      (__init__.py, loader.py)
//! │   └── utils/       (__init__.py, helpers.py)
//! ├── tests/           (test_checks.py, test_alerts.py, test_loader.py)
//! └── scripts/run_checks.py
//! ```
//!
//! ## The Rust idea
//!
//! A package (this folder, with its `Cargo.toml`) holds crates: the **library** whose root is
//! this file, the **binary** `src/main.rs` (the seed's `scripts/run_checks.py`), and one crate per
//! file in `tests/`. The binary and the tests are outside the library: they see only its `pub`
//! paths, by its name, `sre_toolkit::...`, exactly as another project would.
//!
//! Inside the library every module is declared by its parent, from this root down:
//!
//! ```text
//! src/lib.rs                  the crate root, `sre_toolkit/__init__.py`
//! src/monitoring.rs           `pub mod monitoring;`  a folder module, its root beside the folder
//! src/monitoring/checks.rs      declared in monitoring.rs: `pub mod checks;`
//! src/monitoring/alerts.rs      declared in monitoring.rs: `pub mod alerts;`
//! src/config/mod.rs           `// `utils` visible to the whole crate and no further: still private to the crate's users.
pub(crate) mod utils;

pub mod config;
pub mod monitoring;

// The public face in one nested `use`, spelt from this module with `self::`.
pub use self::{
    config::{Config, load_config},
    monitoring::{
        alerts::{Alert, alerts_for},
        checks::{CheckResult, DiskCheck},
    },
};

/// The toolkit's version, from `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
