//! # `sre-toolkit`, the binary (planted mistake: the check redone in the binary)
//!
//! ```text
//! sre-toolkit [--config FILE] MOUNT=PERCENT...
//! ```
//!
//! Runs a disk check per argument, prints the results and the alerts, and exits with 0 when all
//! passed, 1 when one failed, 2 when the command line is wrong.
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

// The library, by its name: a binary is a crate of its own, and `crate::` would be this binary.
use sre_toolkit::{Config, load_config};

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("sre-toolkit: {message}");
            eprintln!("usage: sre-toolkit [--config FILE] MOUNT=PERCENT...");
            ExitCode::from(2)
        }
    }
}

/// Runs the checks; whether they all passed, or what is wrong with the command line.
fn run(mut args: Vec<String>) -> Result<bool, String> {
    let config = if args.first().is_some_and(|a| a == "--config") {
        let path = args.get(1).ok_or("--config needs a file")?.clone();
        args.drain(..2);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read the config file {path}: {e}"))?;
        load_config(&text).map_err(|e| format!("{path}: {e}"))?
    } else {
        Config::default()
    };
    if args.is_empty() {
        return Err("no checks: give at least one MOUNT=PERCENT".to_string());
    }
    let mut all_passed = true;
    let mut alerts = Vec::new();
    for arg in &args {
        let (mount_point, percent) = arg
            .split_once('=')
            .ok_or_else(|| format!("`{arg}` is not MOUNT=PERCENT"))?;
        let used: f64 = percent
            .parse()
            .map_err(|_| format!("`{percent}` in `{arg}` is not a number"))?;
        let threshold = config.disk_threshold;
        let passed = used < threshold;
        let status = if passed { "PASS" } else { "FAIL" };
        let line =
            format!("[{status}] disk {mount_point}: {used:.1}% used (threshold {threshold:.1}%)");
        println!("{line}");
        if !passed {
            all_passed = false;
            alerts.push(line);
        }
    }
    for alert in &alerts {
        println!("ALERT: {alert}");
    }
    Ok(all_passed)
}
