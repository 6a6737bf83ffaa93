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

use sre_toolkit::{Config, DiskCheck, alerts_for, load_config};

fn usage(message: &str) -> ExitCode {
    eprintln!("sre-toolkit: {message}");
    eprintln!("usage: sre-toolkit [--config FILE] MOUNT=PERCENT...");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let config = if args.first().map(String::as_str) == Some("--config") {
        if args.len() < 2 {
            return usage("--config needs a file");
        }
        let path = args[1].clone();
        args.drain(..2);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => return usage(&format!("cannot read {path}: {e}")),
        };
        match load_config(&text) {
            Ok(c) => c,
            Err(e) => return usage(&format!("bad config {path}: {e}")),
        }
    } else {
        Config::default()
    };
    if args.is_empty() {
        return usage("no checks given");
    }
    let mut checks = Vec::new();
    for arg in &args {
        let parsed = arg
            .rsplit_once('=')
            .and_then(|(mount, pct)| pct.trim().parse::<f64>().ok().map(|p| (mount, p)));
        match parsed {
            Some((mount, used)) => checks.push(DiskCheck {
                mount_point: mount.to_string(),
                used_percent: used,
                threshold: config.disk_threshold,
            }),
            None => return usage(&format!("not MOUNT=PERCENT: {arg:?}")),
        }
    }
    let results: Vec<_> = checks.iter().map(DiskCheck::run).collect();
    for r in &results {
        println!("{r}");
    }
    let alerts = alerts_for(&results);
    for a in &alerts {
        println!("ALERT: {}", a.message);
    }
    if alerts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
