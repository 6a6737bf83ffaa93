//! # Day 3 drills: ten module and package challenges, in Rust
//!
//! The seed's drills, three minutes each. Where the Python drill asks you to *try* something
//! (import a file, delete `__init__.py`, print `sys.path`), the Rust drill asks you to predict
//! what happens: pick the answer in a function that returns an enum, and the tests tell you
//! whether you were right, and why. Then try it in a scratch crate (`cargo new scratch`) and read
//! the compiler's message. The other drills are a few lines of code, written where the `todo!()`s
//! are.
//!
//! | # | Python (seed) | Rust (here) |
//! |---|---|---|
//! | 1 | create a .py file, import it from another | `Drill1`: what makes `src/server_utils.rs` part of the crate? |
//! | 2 | `from module import specific_thing` | `use naming::fqdn;`, then call `fqdn` |
//! | 3 | `import module as alias` | two `status` functions, two aliases: `use ... as ...` |
//! | 4 | a directory with `__init__.py`, import from it | `Drill4`: where may `mod monitoring;` find its code? |
//! | 5 | what does `__all__` control? | `Drill5`: what does `pub use` control? |
//! | 6 | `import x` vs `from x import y` | `Drill6`: `use x;` vs `use x::y;` |
//! | 7 | `if __name__ == "__main__"`, verify it | `Drill7`: when does a binary's `fn main` run? |
//! | 8 | a relative import inside a package | `super::` between sibling modules |
//! | 9 | what happens if `__init__.py` is missing? | `Drill9`: what happens if a `mod` declaration is missing? |
//! | 10 | `print(sys.path)`: what do you see? | `Drill10`: where does Rust find the crates you `use`? |
//!
//! Drills 2, 3 and 8 are about `use` lines, which running the code cannot show, so their tests
//! also read this file (comments aside) for the `use` line each asks for, in any spelling the
//! compiler accepts (`self::naming::fqdn`, a group, a `use` inside the function): drill 2 imports
//! `fqdn` and calls it by that short name; drill 3 imports the two `status` functions as
//! `http_status` and `dns_status` and calls both; drill 8's `alerts` imports from `super::` and
//! compares with `DISK_CRITICAL` itself, not with the number written again.
//!
//! ## Read more
//!
//! - The Rust Book, ch. 7 Packages, Crates, and Modules: <https://doc.rust-lang.org/book/ch07-00-managing-growing-projects-with-packages-crates-and-modules.html>
//! - The Rust Book, ch. 7.4 Bringing Paths into Scope with the use Keyword (`as`, `pub use`, nested paths): <https://doc.rust-lang.org/book/ch07-04-bringing-paths-into-scope-with-the-use-keyword.html>
//! - The Rust Reference, Modules (where `mod name;` finds its file): <https://doc.rust-lang.org/reference/items/modules.html>
//! - The Rust Reference, Paths (`self`, `super`, `crate`): <https://doc.rust-lang.org/reference/paths.html>
//! - The Rust Reference, Visibility and Privacy (`pub(crate)`, `pub(super)`): <https://doc.rust-lang.org/reference/visibility-and-privacy.html>
//! - The Cargo Book, Specifying Dependencies: <https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html>
//! - The Cargo Book, cargo tree: <https://doc.rust-lang.org/cargo/commands/cargo-tree.html>
//!
//! This file is one module; its inline `mod name { ... }` blocks are modules too, with exactly
//! the rules of a module in a file of its own. Grade with `cargo day 3`; stuck? `cargo hint 3 drills`.

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(unused)]

// ---------------------------------------------------------------------------------------------
// Drill 1: create a .py file, import it from another file.
// ---------------------------------------------------------------------------------------------

/// A crate has `src/main.rs` and, beside it, `src/server_utils.rs` with `pub fn check_health`.
/// What makes `src/server_utils.rs` part of the crate, so that `main.rs` can call
/// `server_utils::check_health("web-01")`?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill1 {
    /// Nothing: every `.rs` file in `src/` is compiled, like every `.py` file on the path.
    EveryFileInSrcIsCompiled,
    /// The line `mod server_utils;` in `main.rs` (its parent module).
    AModDeclarationInItsParent,
    /// The line `use server_utils;` in `main.rs`.
    AUseDeclaration,
    /// An entry for the file in `Cargo.toml`.
    AnEntryInCargoToml,
}

pub fn drill1_what_makes_a_file_a_module() -> Drill1 {
    Drill1::AModDeclarationInItsParent
}

// ---------------------------------------------------------------------------------------------
// Drill 2: `from module import specific_thing`.
// ---------------------------------------------------------------------------------------------

/// Given: a module with one function.
pub mod naming {
    /// `<host>.<domain>`.
    pub fn fqdn(host: &str, domain: &str) -> String {
        format!("{host}.{domain}")
    }
}

use self::naming::fqdn;

/// The fully qualified name of `host` in `prod.example.com`, e.g. `web-01.prod.example.com`:
/// call `fqdn` by its short name.
pub fn drill2_prod_fqdn(host: &str) -> String {
    fqdn(host, "prod.example.com")
}

// ---------------------------------------------------------------------------------------------
// Drill 3: `import module as alias`.
// ---------------------------------------------------------------------------------------------

/// Given: two modules with a function of the same name.
pub mod http {
    /// The HTTP status line of a code: `200` gives `HTTP 200`.
    pub fn status(code: u16) -> String {
        format!("HTTP {code}")
    }
}

/// Given: the second `status`.
pub mod dns {
    /// The DNS response code's name: 0 is `NOERROR`, 3 is `NXDOMAIN`, anything else `OTHER`.
    pub fn status(rcode: u8) -> &'static str {
        match rcode {
            0 => "NOERROR",
            3 => "NXDOMAIN",
            _ => "OTHER",
        }
    }
}

use self::{dns::status as dns_status, http::status as http_status};

/// `HTTP <code> / <dns name>`, e.g. `HTTP 200 / NOERROR`, from the two `status` functions.
pub fn drill3_both_statuses(http_code: u16, dns_rcode: u8) -> String {
    let mut out = http_status(http_code);
    out.push_str(" / ");
    out.push_str(dns_status(dns_rcode));
    out
}

// ---------------------------------------------------------------------------------------------
// Drill 4: a directory with __init__.py; import from it.
// ---------------------------------------------------------------------------------------------

/// `src/lib.rs` says `mod monitoring;`, and the module has children (`mod checks;`). Where may
/// the code of `monitoring` itself be?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill4 {
    /// Only in `src/monitoring/__init__.rs`.
    OnlyInAnInitFile,
    /// In `src/monitoring.rs` (the folder `src/monitoring/` beside it holds `checks.rs`), or in
    /// `src/monitoring/mod.rs`: either one, never both.
    InMonitoringRsOrInMonitoringModRs,
    /// In any `.rs` file inside `src/monitoring/`: the compiler merges them all.
    InAnyFileOfTheFolder,
}

pub fn drill4_where_a_folder_module_lives() -> Drill4 {
    Drill4::InMonitoringRsOrInMonitoringModRs
}

// ---------------------------------------------------------------------------------------------
// Drill 5: what does __all__ control?
// ---------------------------------------------------------------------------------------------

/// `monitoring/mod.rs` has a private `mod checks;` and `pub use checks::DiskCheck;`. What does
/// the `pub use` line control?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill5 {
    /// Only what `use monitoring::*;` brings in, like `__all__`; other paths are unaffected.
    OnlyWhatAGlobImportBringsIn,
    /// It adds a public path, `monitoring::DiskCheck`, to the item: users can name it there even
    /// though `monitoring::checks` is private to them. Anything not made public by `pub` or
    /// `pub use` cannot be named from outside, by any kind of import.
    ItAddsAPublicPathToTheItem,
    /// It copies `DiskCheck` into `monitoring`: two types with the same fields.
    ItCopiesTheItem,
}

pub fn drill5_what_pub_use_controls() -> Drill5 {
    Drill5::ItAddsAPublicPathToTheItem
}

// ---------------------------------------------------------------------------------------------
// Drill 6: what's the difference between `import x` and `from x import y`?
// ---------------------------------------------------------------------------------------------

/// `use std::collections;` then `collections::HashMap::new()`, versus
/// `use std::collections::HashMap;` then `HashMap::new()`. What differs?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill6 {
    /// Only the name you write: both are the same item, resolved by the compiler; neither runs any
    /// code or costs anything at run time.
    OnlyTheNameInScope,
    /// `use std::collections;` loads the whole module into the program; the other loads one type.
    TheModuleFormLoadsMoreCode,
    /// `use std::collections::HashMap;` makes a copy of `HashMap` that later changes do not see,
    /// as `from x import y` binds the object at import time.
    TheItemFormCopiesTheItem,
}

pub fn drill6_use_module_vs_use_item() -> Drill6 {
    Drill6::OnlyTheNameInScope
}

// ---------------------------------------------------------------------------------------------
// Drill 7: add `if __name__ == "__main__"`; verify it only runs when executed.
// ---------------------------------------------------------------------------------------------

/// A package has `src/lib.rs` and `src/main.rs`, whose `fn main` prints "Running health
/// checks...". When does that line print?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill7 {
    /// Whenever another crate (or a test) uses the library, as a module's top-level code runs on
    /// `import`.
    WheneverTheLibraryIsUsed,
    /// Only when the binary is run (`cargo run`, or the built executable): a library has no
    /// top-level code that runs on use, so no `__name__` check is needed.
    OnlyWhenTheBinaryRuns,
    /// At build time, when cargo compiles `main.rs`.
    WhenTheBinaryIsBuilt,
}

pub fn drill7_when_main_runs() -> Drill7 {
    Drill7::OnlyWhenTheBinaryRuns
}

// ---------------------------------------------------------------------------------------------
// Drill 8: a relative import inside a package.
// ---------------------------------------------------------------------------------------------

/// A package with two sibling modules.
pub mod package {
    /// Given: the thresholds.
    pub mod thresholds {
        /// Disk usage at or above this percentage is critical.
        pub const DISK_CRITICAL: f64 = 95.0;
    }

    /// Uses its sibling through a relative path.
    pub mod alerts {
        use super::thresholds::DISK_CRITICAL as CRITICAL;

        /// Whether a disk `used_percent` full is critical: at or above `DISK_CRITICAL`.
        pub fn is_critical(used_percent: f64) -> bool {
            used_percent >= CRITICAL
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 9: what happens if __init__.py is missing?
// ---------------------------------------------------------------------------------------------

/// `src/monitoring/checks.rs` exists, but `src/monitoring.rs` forgot the line `mod checks;`.
/// What happens?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill9 {
    /// Cargo finds and compiles the file anyway, as Python 3 treats a folder without
    /// `__init__.py` as a namespace package.
    ItIsFoundAnyway,
    /// The file is not compiled at all (even its syntax errors go unnoticed), and every path to
    /// it is a compile error: `could not find checks in monitoring` (E0432, E0433).
    TheFileIsLeftOutAndPathsToItFail,
    /// It compiles, and the program fails at run time when it first calls into `checks`.
    ItFailsAtRunTime,
}

pub fn drill9_missing_mod_declaration() -> Drill9 {
    Drill9::TheFileIsLeftOutAndPathsToItFail
}

// ---------------------------------------------------------------------------------------------
// Drill 10: `python3 -c "import sys; print(sys.path)"`: what do you see?
// ---------------------------------------------------------------------------------------------

/// `use serde::Serialize;` compiles in one crate and fails (E0432) in its neighbour. Where does
/// Rust look for the crate `serde`?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill10 {
    /// In a list of folders searched at run time, like `sys.path`.
    FoldersSearchedAtRunTime,
    /// Only in the crates the package's `Cargo.toml` lists under `[dependencies]` (and the
    /// standard library): cargo hands exactly those to the compiler, and the program carries
    /// them inside, so nothing is searched at run time.
    TheDependenciesInCargoToml,
    /// In every crate installed anywhere on the machine.
    EveryInstalledCrate,
}

pub fn drill10_where_crates_come_from() -> Drill10 {
    Drill10::TheDependenciesInCargoToml
}
