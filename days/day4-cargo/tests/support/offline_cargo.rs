//! Running cargo on Day 4's projects as the tests need it: offline, on the workbook's stand-in
//! crates, with none of the learner's own cargo settings, and one build folder for every run.
//!
//! - The cargo that builds these tests runs them too (`CARGO` at compile time), with the rustc
//!   beside it: a project's `rust-toolchain.toml` (the learner's, exercise 1) never sends rustup
//!   looking for a toolchain to download.
//! - `CARGO_HOME` is a private folder, so the learner's `~/.cargo/config.toml` and registry cache
//!   are never read; `--config` on the command line (which outranks every settings file) points
//!   crates.io at `registry/`, and `--offline` keeps the network out even so.
//! - Every run builds into one folder beside the test binaries (`target/tmp/day4-cargo`): the
//!   stand-in crates are compiled once, and nothing is written into the learner's project folders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The day's folder: `days/day4-cargo`.
pub fn day_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A project of the day: `projects/NAME`.
pub fn project_dir(name: &str) -> PathBuf {
    day_dir().join("projects").join(name)
}

/// The folder of the nested runs: a build folder and a private `CARGO_HOME`.
fn scratch_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("day4-cargo")
}

/// The build folder every nested cargo run shares.
pub fn target_dir() -> PathBuf {
    scratch_dir().join("target")
}

/// `text` as a TOML basic string, for `--config KEY=VALUE` (a Windows path has backslashes).
fn toml_string(text: &str) -> String {
    let mut quoted = String::from('"');
    for c in text.chars() {
        match c {
            '\\' => quoted.push_str("\\\\"),
            '"' => quoted.push_str("\\\""),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// `cargo ARGS` in `dir`, offline, on the stand-in registry; `Err` says what could not be started.
pub fn cargo(dir: &Path, args: &[&str]) -> Result<Output, String> {
    let cargo = PathBuf::from(env!("CARGO"));
    let mut command = Command::new(&cargo);
    // What this test's own run inherited from cargo (`CARGO_PKG_NAME`, a `CARGO_TARGET_DIR`,
    // `CARGO_BUILD_*` or `CARGO_REGISTRIES_*` from the learner's shell): none of it is for the
    // nested run, and neither is the grader's result file. `RUSTUP_TOOLCHAIN` stays (any rustup
    // proxy below uses the workbook's toolchain), and so does the grader's mark on the test's
    // processes (`WORKBOOK_TEST_RUN`), which is how it finds any that outlive the test.
    for (key, _) in std::env::vars_os() {
        let key_text = key.to_string_lossy();
        if key_text.starts_with("CARGO_")
            || key_text.starts_with("RUSTC_")
            || key_text == "WORKBOOK_HARNESS_RESULT"
            || ["RUSTFLAGS", "RUSTDOCFLAGS", "RUSTC"].contains(&key_text.as_ref())
        {
            command.env_remove(&key);
        }
    }
    let rustc = cargo.with_file_name(format!("rustc{}", std::env::consts::EXE_SUFFIX));
    if rustc.is_file() {
        command.env("RUSTC", rustc);
    }
    let registry = day_dir().join("registry");
    command
        .current_dir(dir)
        .env("CARGO_HOME", scratch_dir().join("cargo-home"))
        .env("CARGO_TARGET_DIR", target_dir())
        .env("CARGO_TERM_COLOR", "never")
        .args(args)
        .arg("--offline")
        .arg("--config")
        .arg("source.crates-io.replace-with=\"day4-fixtures\"")
        .arg("--config")
        .arg(format!(
            "source.day4-fixtures.directory={}",
            toml_string(&registry.to_string_lossy())
        ));
    command
        .output()
        .map_err(|e| format!("could not run {}: {e}", cargo.display()))
}

/// The project at `dir` as its manifest declares it (`cargo metadata --no-deps`: nothing is
/// resolved, so neither the lock file nor the network is touched). `Err` is cargo's own complaint.
pub fn manifest_of(dir: &Path) -> Result<cargo_metadata::Package, String> {
    let output = cargo(dir, &["metadata", "--no-deps", "--format-version", "1"])?;
    if !output.status.success() {
        return Err(cargo_error(&output));
    }
    let metadata: cargo_metadata::Metadata = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cargo metadata printed something unexpected: {e}"))?;
    metadata
        .packages
        .into_iter()
        .next()
        .ok_or_else(|| "cargo metadata found no package in the manifest".to_owned())
}

/// The whole build of the project at `dir` as its lock file pins it (`cargo metadata --locked`:
/// an `Err` when the lock file is missing or does not match the manifest).
pub fn resolved(dir: &Path) -> Result<cargo_metadata::Metadata, String> {
    let output = cargo(dir, &["metadata", "--locked", "--format-version", "1"])?;
    if !output.status.success() {
        return Err(cargo_error(&output));
    }
    serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cargo metadata printed something unexpected: {e}"))
}

/// The manifest of the project `projects/NAME`, or a failure that quotes cargo: every other check
/// of the project reads it.
pub fn project_manifest(name: &str) -> cargo_metadata::Package {
    manifest_of(&project_dir(name)).unwrap_or_else(|error| {
        panic!(
            "cargo cannot read projects/{name}/Cargo.toml:\n{error}\n\
             Fix the manifest first: every other check reads it."
        )
    })
}

/// The build of the project `projects/NAME` as its lock file pins it, or a failure that says how
/// to bring the lock file up to date.
pub fn project_build(name: &str) -> cargo_metadata::Metadata {
    resolved(&project_dir(name)).unwrap_or_else(|error| {
        panic!(
            "Cargo.lock does not match Cargo.toml ({error}).\nRun `cargo build` in \
             projects/{name} and fix what it reports: it brings Cargo.lock up to date (pip \
             freeze, done for you)"
        )
    })
}

/// The versions of the package `name` in a resolved build, oldest first.
pub fn versions_of(
    metadata: &cargo_metadata::Metadata,
    name: &str,
) -> Vec<cargo_metadata::semver::Version> {
    let mut versions: Vec<_> = metadata
        .packages
        .iter()
        .filter(|p| p.name.as_str() == name)
        .map(|p| p.version.clone())
        .collect();
    versions.sort();
    versions
}

/// The lines cargo wrote to stderr that say what went wrong (`error: ...` and what follows).
pub fn cargo_error(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let from_error = stderr
        .find("error")
        .map_or(stderr.as_ref(), |start| &stderr[start..]);
    let lines: Vec<&str> = from_error.lines().take(12).collect();
    lines.join("\n").trim().to_owned()
}

/// Whether the version requirement `req` accepts `version` ("2.31.2").
pub fn accepts(req: &cargo_metadata::semver::VersionReq, version: &str) -> bool {
    req.matches(&version.parse().expect("the tests name valid versions"))
}

/// The toolchain the workbook itself pins: the `channel` of its root `rust-toolchain.toml`.
pub fn workbook_channel() -> String {
    let root = day_dir().join("../../rust-toolchain.toml");
    let text = std::fs::read_to_string(&root).expect("the workbook has a rust-toolchain.toml");
    channel_of(&text).expect("the workbook's rust-toolchain.toml names a channel")
}

/// The `[toolchain] channel` of a `rust-toolchain.toml`'s text, in any TOML spelling.
pub fn channel_of(text: &str) -> Option<String> {
    let table: toml::Table = text.parse().ok()?;
    Some(table.get("toolchain")?.get("channel")?.as_str()?.to_owned())
}
