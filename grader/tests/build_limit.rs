//! The build of a day's tests has a time limit: a constant whose evaluation never ends stops the
//! build of its own test target, which is reported as not compiling with the limit named, while
//! the day's other targets are still built and graded, and no compiler is left running.
//!
//! The test lays out a workbook of its own, in a temporary folder: one day with a fast exercise and
//! a slow one, `build_timeout_secs = 5`.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use support::{copy_dir, exercise};

/// The limit the test's manifest sets.
const BUILD_TIMEOUT_SECS: u64 = 5;
/// Far more than the run needs (a build of two tiny targets, the limit, then one test), and far less
/// than forever: a guard against the grader waiting for the build for good.
const RUN_BOUND: Duration = Duration::from_secs(90);

/// The workspace, with the settings the real harness crate (copied in) inherits.
const WORKSPACE: &str = r#"[workspace]
resolver = "3"
members = ["days/*"]

[workspace.package]
version = "0.1.0"
edition = "2024"
rust-version = "1.95"
license = "MIT OR Apache-2.0"
publish = false

[workspace.lints.rust]
unsafe_code = "forbid"
"#;

const DAY_CARGO_TOML: &str = r#"[package]
name = "day1-limits"
version = "0.1.0"
edition = "2024"
publish = false

[dev-dependencies]
workbook-harness = { path = "../../harness" }

[[test]]
name = "fast"
harness = false

[[test]]
name = "slow"
harness = false
"#;

const MANIFEST: &str = r#"kind = "day"
day = 1
title = "Build limits"
build_timeout_secs = 5

[[exercise]]
id = "fast"
title = "Compiles at once"
files = ["src/fast.rs"]
tests = ["fast"]
hints = ["one", "two", "three"]

[[exercise]]
id = "slow"
title = "A constant that never finishes"
files = ["src/slow.rs"]
tests = ["slow"]
hints = ["one", "two", "three"]
"#;

const FAST: &str = "pub fn two() -> u32 {\n    2\n}\n";

const FAST_TEST: &str = r#"#[path = "../src/fast.rs"]
mod fast;

fn two_is_two() {
    assert_eq!(fast::two(), 2);
}

workbook_harness::main!(two_is_two);
"#;

/// Counts to 2^64 one step at a time, at compile time: rustc would evaluate it for centuries.
const SLOW: &str = r#"#![allow(long_running_const_eval)]

pub const X: u64 = {
    let mut i = 0u64;
    loop {
        i = i.wrapping_add(1);
        if i == 0 {
            break i;
        }
    }
};
"#;

const SLOW_TEST: &str = r#"#[path = "../src/slow.rs"]
mod slow;

fn the_constant_is_zero() {
    assert_eq!(slow::X, 0);
}

workbook_harness::main!(the_constant_is_zero);
"#;

fn write(root: &Path, relative: &str, contents: &str) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create a folder");
    std::fs::write(path, contents).expect("write a file");
}

/// The workbook: a workspace with one day, whose `slow` exercise never finishes compiling.
fn lay_out_workbook(root: &Path) {
    write(root, "Cargo.toml", WORKSPACE);
    // The real harness crate, which the day's tests use by path.
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../harness"),
        &root.join("harness"),
    );
    write(root, "days/day1-limits/Cargo.toml", DAY_CARGO_TOML);
    write(root, "days/day1-limits/exercises.toml", MANIFEST);
    write(root, "days/day1-limits/src/lib.rs", "//! Build limits.\n");
    write(root, "days/day1-limits/src/fast.rs", FAST);
    write(root, "days/day1-limits/tests/fast.rs", FAST_TEST);
    write(root, "days/day1-limits/src/slow.rs", SLOW);
    write(root, "days/day1-limits/tests/slow.rs", SLOW_TEST);
}

/// The processes (other than this one) whose command line mentions `needle`, with that line.
#[cfg(target_os = "linux")]
fn processes_mentioning(needle: &str) -> Vec<String> {
    let me = std::process::id().to_string();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.chars().all(|c| c.is_ascii_digit()) && name != me
        })
        .filter_map(|entry| {
            let cmdline = std::fs::read(entry.path().join("cmdline")).ok()?;
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            cmdline
                .contains(needle)
                .then(|| format!("{}: {cmdline}", entry.file_name().to_string_lossy()))
        })
        .collect()
}

#[test]
fn a_constant_that_never_finishes_stops_its_own_target_only() {
    let workbook = tempfile::Builder::new()
        .prefix("grader-build-limit-")
        .tempdir()
        .expect("a temporary folder");
    let root = workbook.path();
    lay_out_workbook(root);

    let started = Instant::now();
    let output = Command::cargo_bin("grader")
        .expect("the grader binary")
        .current_dir(root)
        .args(["day", "1", "--json"])
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("NO_COLOR")
        // Both test targets build at once even on one core: `fast` must not wait for `slow`.
        .env("CARGO_BUILD_JOBS", "2")
        // Should the limit not work, the grader is stopped here rather than hang the suite.
        .timeout(RUN_BOUND * 2)
        .output()
        .expect("the grader runs");
    let elapsed = started.elapsed();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        elapsed < RUN_BOUND,
        "the grader took {elapsed:?}, more than {RUN_BOUND:?}: the build limit did not stop the build\n{stderr}"
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "an unfinished day exits 1\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let report: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{stdout}\nstderr:\n{stderr}"));

    let slow = exercise(&report, "slow");
    assert_eq!(slow["status"], "does_not_compile", "{slow}");
    let tests = slow["tests"].as_array().expect("tests");
    assert_eq!(
        tests.len(),
        1,
        "one result for each test the target declares: {slow}"
    );
    assert_eq!(tests[0]["name"], "the_constant_is_zero");
    assert_eq!(tests[0]["status"], "does_not_compile");
    let error = slow["compile_error"].as_str().expect("a compile error");
    assert_eq!(tests[0]["message"].as_str(), Some(error));
    for expected in [
        format!("went {BUILD_TIMEOUT_SECS} s without progress"),
        "before `slow` finished compiling".to_owned(),
        "build_timeout_secs".to_owned(),
        "a constant or a macro".to_owned(),
    ] {
        assert!(
            error.contains(&expected),
            "the message says `{expected}`:\n{error}"
        );
    }
    // rustc's warning about the long evaluation shows where it was stuck, in the learner's file.
    assert!(
        error.contains("src/slow.rs"),
        "the message points at the constant in src/slow.rs:\n{error}"
    );

    // The other target was built and its test ran and passed.
    let fast = exercise(&report, "fast");
    assert_eq!(fast["status"], "done", "{fast}");

    // Nothing the build started is left: no rustc still evaluating the constant.
    #[cfg(target_os = "linux")]
    {
        let needle = root.to_string_lossy().into_owned();
        // A process killed with its group is gone at once (its zombie has no command line); allow
        // a moment for a loaded machine. Not longer: without the group kill, rustc itself dies
        // too, but only at its next warning about the long evaluation, seconds later.
        let deadline = Instant::now() + Duration::from_secs(1);
        let mut left = processes_mentioning(&needle);
        while !left.is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
            left = processes_mentioning(&needle);
        }
        assert!(
            left.is_empty(),
            "processes of the build are still running:\n{}",
            left.join("\n")
        );
    }
}
