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
//! A package must not depend on where a crate mounts it, so the tests mount it inside a function,
//! where no path from the crate's root can reach it: a `crate::` path written in the package's
//! files finds nothing there (rustc: "could not find `monitoring` in the crate root"), just as
//! it would break in a crate that holds the package one level deeper. Between the package's
//! files, use `super::` (the seed's `.`), never `crate::`.
//!
//! ## Your task
//!
//! 1. Here: declare the three child modules `checks`, `alerts` and `formatters` (private).
//! 2. Here: re-export the public face: `CheckResult`, `DiskCheck`, `CpuCheck`, `PortCheck`
//!    (from `checks`), `Alert` and `send_alert` (from `alerts`), `format_report` and
//!    `format_table` (from `formatters`).
//! 3. In `alerts.rs` and `formatters.rs`: bring in what they use from their siblings with
//!    `super::` paths (see the `TODO`s there).
//!    The shared internals, `CheckResult::status` and `result_line`, keep the `pub(crate)` the
//!    stub gives them (`pub(super)` would do too; plain `pub` would not). Inside one crate `pub`
//!    and `pub(crate)` behave alike, so this is the one rule a test checks by reading the text of
//!    `checks.rs` and `formatters.rs`.
//! 4. Write the `todo!()`s in `checks.rs`, `alerts.rs` and `formatters.rs`: each file's header
//!    says what its functions do.
//!
//! ## Read more
//!
//! - The Rust Book, ch. 7 Packages, Crates, and Modules: <https://doc.rust-lang.org/book/ch07-00-managing-growing-projects-with-packages-crates-and-modules.html>
//! - The Rust Book, ch. 7.2 Defining Modules to Control Scope and Privacy: <https://doc.rust-lang.org/book/ch07-02-defining-modules-to-control-scope-and-privacy.html>
//! - The Rust Book, ch. 7.3 Paths for Referring to an Item in the Module Tree (`super`, `crate`): <https://doc.rust-lang.org/book/ch07-03-paths-for-referring-to-an-item-in-the-module-tree.html>
//! - The Rust Book, ch. 7.4 Bringing Paths into Scope with the use Keyword (`as`, `pub use`, nested paths): <https://doc.rust-lang.org/book/ch07-04-bringing-paths-into-scope-with-the-use-keyword.html>
//! - The Rust Book, ch. 7.5 Separating Modules into Different Files (`name.rs` and `name/mod.rs`): <https://doc.rust-lang.org/book/ch07-05-separating-modules-into-different-files.html>
//! - The Rust Reference, Visibility and Privacy (`pub(crate)`, `pub(super)`): <https://doc.rust-lang.org/reference/visibility-and-privacy.html>
//! - The Rust Reference, Use declarations (re-exports, globs, `self` in a group): <https://doc.rust-lang.org/reference/items/use-declarations.html>
//!
//! Grade it with `cargo day 3`; stuck? `cargo hint 3 monitoring`.

mod alerts;
mod checks;
mod formatters;

pub use self::alerts::{Alert, send_alert};
pub use self::checks::{CheckResult, CpuCheck, DiskCheck, PortCheck};
pub use self::formatters::{format_report, format_table};

/// The package's version, as in the seed's `__init__.py`.
pub const VERSION: &str = "1.0.0";

/// How often the checks run, in seconds (the seed's `DEFAULT_INTERVAL`).
pub const DEFAULT_INTERVAL_SECS: u64 = 60;
