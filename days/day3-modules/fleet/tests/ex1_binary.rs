//! Exercise 1, step 3: the binary `fleet` (the seed's `main.py`), run as a learner would run it.
//!
//! Cargo builds the binary beside this test and tells it where: `CARGO_BIN_EXE_fleet`.

use std::process::Command;

/// The binary under test. The grader runs these tests only when the crate's library and binary
/// compile, so this is always a build of the current sources.
fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_fleet")
}

/// Runs the binary with `args`; its stdout, split into lines.
fn run(args: &[&str]) -> Vec<String> {
    let output = Command::new(binary())
        .args(args)
        .output()
        .expect("the binary `fleet` runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "`fleet {}` must exit with success, but it failed ({}):\n{}",
        args.join(" "),
        output.status,
        stderr.lines().take(5).collect::<Vec<_>>().join("\n")
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| line.trim_end().to_string())
        .collect()
}

fn without_arguments_it_checks_web_01() {
    assert_eq!(
        run(&[]),
        ["web-01 (10.0.1.1:8080): healthy", "default port: 8080"],
        "with no arguments, the program checks web-01 alone (ip 10.0.1.1), then prints the default port"
    );
}

fn it_checks_every_hostname_given() {
    assert_eq!(
        run(&["web-01", "db_01", "cache-3"]),
        [
            "web-01 (10.0.1.1:8080): healthy",
            "db_01 (10.0.1.2:8080): unhealthy",
            "cache-3 (10.0.1.3:8080): healthy",
            "default port: 8080",
        ],
        "one line per argument, in order, the n-th on 10.0.1.<n>; then the default port"
    );
}

workbook_harness::main!(
    without_arguments_it_checks_web_01,
    it_checks_every_hostname_given,
);
