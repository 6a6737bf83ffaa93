//! Exercise 3: the binary `sre-toolkit` (the seed's `scripts/run_checks.py`), run as a user would.
//!
//! Cargo builds the binary beside this test and tells it where: `CARGO_BIN_EXE_sre-toolkit`.

use std::process::Command;

// Reads `src/main.rs` for the one thing running it cannot show: that it uses the library.
use workbook_testkit::rust_source;

/// The learner's `src/main.rs`, as the binary under test was built from it.
const MAIN_RS: &str = include_str!("../src/main.rs");

/// The binary under test. The grader runs these tests only when the crate's library and binary
/// compile, so this is always a build of the current sources.
fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_sre-toolkit")
}

struct Run {
    code: Option<i32>,
    stdout: Vec<String>,
    stderr: String,
}

/// A config file in the temporary folder, removed when the test ends, whatever its result (a
/// binary that panics fails the test inside `run`).
struct TempConfig(std::path::PathBuf);

impl TempConfig {
    fn new(name: &str, text: &str) -> TempConfig {
        let path = std::env::temp_dir().join(format!("{name}-{}.conf", std::process::id()));
        std::fs::write(&path, text).expect("write a temporary config");
        TempConfig(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temp path")
    }
}

impl Drop for TempConfig {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn run(args: &[&str]) -> Run {
    let output = Command::new(binary())
        .args(args)
        .output()
        .expect("the binary `sre-toolkit` runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_ne!(
        output.status.code(),
        Some(101),
        "`sre-toolkit {}` panicked instead of reporting:\n{}",
        args.join(" "),
        stderr.lines().take(5).collect::<Vec<_>>().join("\n")
    );
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect(),
        stderr: stderr.into_owned(),
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

fn all_passing_checks_exit_zero() {
    let run = run(&["/=45.0", "/home=12"]);
    assert_eq!(
        run.stdout,
        [
            "[PASS] disk /: 45.0% used (threshold 90.0%)",
            "[PASS] disk /home: 12.0% used (threshold 90.0%)",
        ],
        "one result line per MOUNT=PERCENT, in order, with the default 90% threshold (stderr: {})",
        first_line(&run.stderr)
    );
    assert_eq!(run.code, Some(0), "every check passed: exit status 0");
}

fn a_failing_check_prints_an_alert_and_exits_one() {
    let run = run(&["/=45.0", "/var=95.5"]);
    assert_eq!(
        run.stdout,
        [
            "[PASS] disk /: 45.0% used (threshold 90.0%)",
            "[FAIL] disk /var: 95.5% used (threshold 90.0%)",
            "ALERT: [FAIL] disk /var: 95.5% used (threshold 90.0%)",
        ],
        "the results, then one `ALERT: <message>` line per failure (stderr: {})",
        first_line(&run.stderr)
    );
    assert_eq!(run.code, Some(1), "a check failed: exit status 1");
}

fn the_alerts_come_after_every_result() {
    let run = run(&["/var=95.5", "/=45.0"]);
    assert_eq!(
        run.stdout,
        [
            "[FAIL] disk /var: 95.5% used (threshold 90.0%)",
            "[PASS] disk /: 45.0% used (threshold 90.0%)",
            "ALERT: [FAIL] disk /var: 95.5% used (threshold 90.0%)",
        ],
        "every result first, in order, then the alerts: an ALERT line never comes between two \
         results (stderr: {})",
        first_line(&run.stderr)
    );
    assert_eq!(run.code, Some(1), "a check failed: exit status 1");
}

fn the_config_file_sets_the_threshold() {
    let config = TempConfig::new("sre-toolkit-test", "# strict\ndisk_threshold = 40\n");
    let run = run(&["--config", config.path(), "/=45.0"]);
    assert_eq!(
        run.stdout,
        [
            "[FAIL] disk /: 45.0% used (threshold 40.0%)",
            "ALERT: [FAIL] disk /: 45.0% used (threshold 40.0%)",
        ],
        "`--config FILE` loads the file: its disk_threshold (40) replaces the default (stderr: {})",
        first_line(&run.stderr)
    );
    assert_eq!(
        run.code,
        Some(1),
        "a check failed, so the exit status is 1 (`ExitCode::from(1)`)"
    );
}

fn a_wrong_command_line_exits_two_with_a_message() {
    for args in [
        &[][..],
        &["/var"][..],
        &["/var=lots"][..],
        &["--config", "/no/such/sre-toolkit.conf", "/=1"][..],
        &["--config"][..],
    ] {
        let run = run(args);
        assert_eq!(
            run.code,
            Some(2),
            "`sre-toolkit {}` is a usage error: exit status 2 (got {:?}, stderr: {})",
            args.join(" "),
            run.code,
            first_line(&run.stderr)
        );
        assert!(
            !run.stderr.trim().is_empty(),
            "`sre-toolkit {}` says what is wrong on stderr",
            args.join(" ")
        );
    }
}

fn a_config_file_that_does_not_load_exits_two() {
    let config = TempConfig::new(
        "sre-toolkit-test-bad",
        "disk_threshold = 40\nintervall_secs = 30\n",
    );
    let run = run(&["--config", config.path(), "/=45.0"]);
    assert_eq!(
        run.code,
        Some(2),
        "a config file that `load_config` rejects (here the misspelt key `intervall_secs`) is a \
         usage error: exit status 2 with load_config's message, before any check runs (got {:?}, \
         stdout: {:?})",
        run.code,
        run.stdout
    );
    assert!(
        run.stderr.contains("intervall_secs"),
        "the message on stderr passes on load_config's error, which names the key `intervall_secs`, \
         got: {}",
        first_line(&run.stderr)
    );
    assert!(
        run.stdout.is_empty(),
        "with a config that does not load, no check runs: nothing on stdout, got {:?}",
        run.stdout
    );
}

/// What the binary must take from the library (the task in `src/main.rs` names each), and what it
/// must not define again.
const LIBRARY_ITEMS: [&str; 3] = ["DiskCheck", "alerts_for", "load_config"];
const LIBRARY_NAMES: [&str; 6] = [
    "DiskCheck",
    "CheckResult",
    "Alert",
    "alerts_for",
    "load_config",
    "parse_key_value",
];

fn the_binary_uses_the_library_not_a_copy_of_it() {
    let main = rust_source::Source::new(MAIN_RS);
    if let Some(module) = main.file_modules().first() {
        panic!(
            "src/main.rs declares `mod {module};`: that compiles a second copy of the library's \
             files into the binary instead of using the library. The binary is a crate of its own: \
             remove the `mod` lines and `use sre_toolkit::...` (the library's public face) instead."
        );
    }
    for name in LIBRARY_NAMES {
        for keyword in ["fn", "struct", "enum", "type", "trait"] {
            assert!(
                !main
                    .declared(keyword)
                    .iter()
                    .any(|declared| declared == name),
                "src/main.rs defines its own `{name}` (`{keyword} {name}`): the binary must use the \
                 library's `sre_toolkit::{name}`, not a copy of it"
            );
        }
    }
    for item in LIBRARY_ITEMS {
        assert!(
            main.names_item(&[], item),
            "src/main.rs never names `{item}`: the binary does its work through the library's \
             public face (`DiskCheck` and its `run`, `alerts_for`, `load_config`), the seed's \
             scripts/run_checks.py importing sre_toolkit. Use `sre_toolkit::{item}` rather than \
             redoing its work in the binary."
        );
    }
}

workbook_harness::main!(
    all_passing_checks_exit_zero,
    a_failing_check_prints_an_alert_and_exits_one,
    the_alerts_come_after_every_result,
    the_config_file_sets_the_threshold,
    a_wrong_command_line_exits_two_with_a_message,
    a_config_file_that_does_not_load_exits_two,
    the_binary_uses_the_library_not_a_copy_of_it,
);
