//! # `sre-toolkit`, the binary (the seed's `scripts/run_checks.py`)
//!
//! A crate of its own beside the library: it uses the library by its name (`sre_toolkit::...`),
//! through its public face only. Its `fn main` is the seed's `if __name__ == "__main__"`.
//!
//! ```text
//! sre-toolkit [--config FILE] MOUNT=PERCENT...
//! ```
//!
//! 1. The settings: with `--config FILE` as the first two arguments, read the file and
//!    `load_config` it; otherwise `Config::default()`.
//! 2. Every other argument is `MOUNT=PERCENT` (`/var=95.5`): a `DiskCheck` with the config's
//!    `disk_threshold`. Run each, in order, and print each result (its display line).
//! 3. After all the results, print one line `ALERT: <message>` per alert of `alerts_for(results)`.
//! 4. The exit status says how it went, as monitoring plugins do: `ExitCode::SUCCESS` when every
//!    check passed, `ExitCode::from(1)` when one failed, and `ExitCode::from(2)` with a message on
//!    stderr when the command line is wrong (no checks, an argument that is not `MOUNT=PERCENT`,
//!    a config file that cannot be read or loaded), before any check runs. For a config file that
//!    `load_config` rejects, the message includes `load_config`'s error (which names the key).
//!
//! The binary does its work through the library: `load_config`, `DiskCheck` and its `run`,
//! `alerts_for`. It defines none of the library's items again, and declares no module (`mod
//! config;` here would compile the library's files a second time, into the binary). Running the
//! binary cannot show this, so one test reads this file (comments aside): it names `DiskCheck`,
//! `alerts_for` and `load_config` (or the names your `use ... as ...` gives them), defines no
//! `fn`, `struct`, `enum`, `type` or `trait` called `DiskCheck`, `CheckResult`, `Alert`,
//! `alerts_for`, `load_config` or `parse_key_value`, and has no `mod name;` line. Any import
//! spelling is fine.
//!
//! ```text
//! $ sre-toolkit /=45.0 /var=95.5
//! [PASS] disk /: 45.0% used (threshold 90.0%)
//! [FAIL] disk /var: 95.5% used (threshold 90.0%)
//! ALERT: [FAIL] disk /var: 95.5% used (threshold 90.0%)
//! $ echo $?
//! 1
//! ```
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

use std::process::ExitCode;

// TODO: `use` what you need from the library `sre_toolkit`.

fn main() -> ExitCode {
    todo!("run the disk checks given on the command line")
}
