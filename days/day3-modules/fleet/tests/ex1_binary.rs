//! Exercise 1, step 3: the binary `fleet` (the seed's `main.py`), run as a learner would run it.
//!
//! Cargo builds the binary beside this test and tells it where: `CARGO_BIN_EXE_fleet`.

use std::process::Command;

/// The binary under test, once it is known to be built from the current sources. A binary that no
/// longer compiles leaves the last good build in place (or none at all), and cargo still builds and
/// runs these tests: testing that old build would grade code you no longer have.
fn binary() -> &'static str {
    let exe = env!("CARGO_BIN_EXE_fleet");
    let built = std::fs::metadata(exe)
        .and_then(|m| m.modified())
        .unwrap_or_else(|_| {
            panic!("the binary `fleet` was not built: src/main.rs does not compile yet. Run `cargo build -p fleet` to see the compiler's error")
        });
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    if let Some(newest) = newest_file(&src) {
        assert!(
            built >= newest,
            "the binary `fleet` is older than your sources: your latest src/ does not compile into it. Run `cargo build -p fleet` to see the compiler's error"
        );
    }
    exe
}

/// The last time a Rust file under `dir` changed.
fn newest_file(dir: &std::path::Path) -> Option<std::time::SystemTime> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            if path.is_dir() {
                newest_file(&path)
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                entry.metadata().and_then(|m| m.modified()).ok()
            } else {
                None
            }
        })
        .max()
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

#[test]
fn without_arguments_it_checks_web_01() {
    assert_eq!(
        run(&[]),
        ["web-01 (10.0.1.1:8080): healthy", "default port: 8080"],
        "with no arguments, the program checks web-01 alone (ip 10.0.1.1), then prints the default port"
    );
}

#[test]
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
