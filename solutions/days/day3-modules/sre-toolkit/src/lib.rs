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
//! src/config/mod.rs           `pub mod config;`  a folder module, its root inside (the older style)
//! src/config/loader.rs          declared in config/mod.rs: `pub mod loader;`
//! src/utils.rs                `mod utils;`  one file is a module too; private to the crate
//! ```
//!
//! `crate::` is an absolute path from this root (the seed's `from sre_toolkit.utils import ...`);
//! `super::` is relative: from `monitoring/alerts.rs`, `super::checks` is the sibling module (the
//! seed's `from .checks import ...`).
//!
//! The seed's `requirements.txt` is `[dependencies]` in `Cargo.toml` (empty, as in the seed: Day 4
//! is about dependencies), and its `README.md` is `README.md`, named by `Cargo.toml`.
//!
//! ## Your task
//!
//! Write in the files laid out above, one folder module in each style: the graded files are exactly
//! these, and a file moved to the other style (or a module in a new file) is left out when your work
//! is handed in.
//!
//! 1. Declare the modules. Here: `monitoring` and `config` public, `utils` private (from outside
//!    the crate, `sre_toolkit::utils::...` does not compile, and its helper is not re-exported:
//!    it is the crate's own business). In `src/monitoring.rs`: `checks` and `alerts`, public. In
//!    `src/config/mod.rs`: `loader`, public.
//! 2. Re-export the public face here, so that users write `sre_toolkit::DiskCheck`:
//!    `CheckResult`, `DiskCheck`, `Alert`, `alerts_for`, `Config` and `load_config`. And in
//!    `src/config/mod.rs`, re-export `Config` and `load_config` from `loader`, so that
//!    `sre_toolkit::config::Config` works too. The long paths (`sre_toolkit::monitoring::checks::
//!    DiskCheck`) stay valid: a re-export is one more name for the same item, not a copy.
//! 3. Fill the `use` lines marked `TODO` in `alerts.rs` (`super::`) and `loader.rs` (`crate::`).
//! 4. Write the `todo!()`s: `utils.rs`, `checks.rs`, `alerts.rs`, `loader.rs`, then the binary,
//!    `src/main.rs`. Each file's header says what its code does.
//!
//! ## Read more
//!
//! - The Rust Book, ch. 7 Packages, Crates, and Modules: <https://doc.rust-lang.org/book/ch07-00-managing-growing-projects-with-packages-crates-and-modules.html>
//! - The Rust Book, ch. 7.1 Packages and Crates (a library and binaries in one package): <https://doc.rust-lang.org/book/ch07-01-packages-and-crates.html>
//! - The Rust Book, ch. 7.5 Separating Modules into Different Files (`name.rs` and `name/mod.rs`): <https://doc.rust-lang.org/book/ch07-05-separating-modules-into-different-files.html>
//! - The Rust Book, ch. 11.3 Test Organization (integration tests in `tests/`): <https://doc.rust-lang.org/book/ch11-03-test-organization.html>
//! - The Rust Reference, Visibility and Privacy (`pub(crate)`, `pub(super)`): <https://doc.rust-lang.org/reference/visibility-and-privacy.html>
//! - The Cargo Book, Package Layout: <https://doc.rust-lang.org/cargo/guide/project-layout.html>
//! - std::process::ExitCode: <https://doc.rust-lang.org/std/process/struct.ExitCode.html>
//!
//! The grader builds this package and runs its tests: `cargo day 3`. Try the binary:
//! `cargo run -p sre-toolkit -- /=45.0 /var=95.5`. Stuck? `cargo hint 3 sre-toolkit`.

pub mod config;
pub mod monitoring;
mod utils;

// The public face: `sre_toolkit::DiskCheck` beside `sre_toolkit::monitoring::checks::DiskCheck`.
pub use config::{Config, load_config};
pub use monitoring::alerts::{Alert, alerts_for};
pub use monitoring::checks::{CheckResult, DiskCheck};

/// The toolkit's version, from `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
