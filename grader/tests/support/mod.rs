//! A small builder over assert_cmd: a private copy of a fixture workbook, and the grader run in it.
// Each test crate includes this module and uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A fixture workbook copied to a temporary folder, so that builds and edits stay out of the tree.
pub struct FixtureWorkbook {
    dir: TempDir,
}

/// What one run of the grader printed, and how it ended.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl FixtureWorkbook {
    /// A copy of `grader/tests/fixtures/<name>`.
    pub fn copy_of(name: &str) -> Self {
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let dir = tempfile::Builder::new()
            .prefix("grader-fixture-")
            .tempdir()
            .expect("a temporary folder");
        copy_dir(&source, dir.path());
        // The canonical tests' harness is the real workbook's: the fixture's crates use it by path.
        let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("../harness");
        copy_dir(&harness, &dir.path().join("harness"));
        FixtureWorkbook { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Replaces a file, as a learner editing an exercise would.
    pub fn write(&self, relative: &str, contents: &str) -> &Self {
        let path = self.path(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("make a fixture folder");
        }
        std::fs::write(path, contents).expect("write a fixture file");
        self
    }

    /// Copies the fixture's reference solution of `file` over the learner's file.
    pub fn solve(&self, file: &str) -> &Self {
        let solution = std::fs::read_to_string(self.path(&format!("solutions/{file}")))
            .expect("a solution file");
        self.write(file, &solution)
    }

    /// The grader with these arguments, run from the workbook's root.
    pub fn grader(&self, args: &[&str]) -> Grader {
        Grader {
            command: {
                let mut command = Command::cargo_bin("grader").expect("the grader binary");
                command
                    .current_dir(self.root())
                    .args(args)
                    .env_remove("NO_COLOR")
                    .env_remove("CLICOLOR_FORCE")
                    .env_remove("CARGO_TARGET_DIR");
                command
            },
        }
    }
}

/// One grader invocation being set up.
pub struct Grader {
    command: Command,
}

impl Grader {
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.command.env(key, value);
        self
    }

    pub fn current_dir(mut self, dir: &Path) -> Self {
        self.command.current_dir(dir);
        self
    }

    pub fn run(mut self) -> Run {
        let output = self.command.output().expect("the grader runs");
        Run {
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    /// The stdout parsed as the JSON report.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// Copies a folder, but `target/` folders.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create a folder");
    for entry in std::fs::read_dir(from)
        .expect("read a fixture folder")
        .flatten()
    {
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            if entry.file_name() != "target" {
                copy_dir(&entry.path(), &target);
            }
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a fixture file");
        }
    }
}

/// Every file below `dir` (but `target/`) with its contents, to prove that nothing was written.
pub fn snapshot_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("read a folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                if entry.file_name() != "target" {
                    pending.push(path);
                }
            } else {
                let contents = std::fs::read(&path).expect("read a file");
                files.push((path, contents));
            }
        }
    }
    files.sort();
    files
}

/// The report's exercise with this id.
pub fn exercise<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["exercises"]
        .as_array()
        .expect("exercises")
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no exercise {id} in {report}"))
}

/// The tests of the `tricks` exercise and the verdict each must get, on this system.
pub fn expected_tricks() -> std::collections::BTreeMap<&'static str, &'static str> {
    let linux = cfg!(target_os = "linux");
    std::collections::BTreeMap::from([
        // Correct code, however it prints or whatever it leaves behind: passed.
        ("writes_stdout_without_a_newline", "passed"),
        ("writes_invalid_utf8_to_stdout", "passed"),
        ("a_child_process_prints_to_stdout", "passed"),
        ("a_thread_prints_after_the_test_returns", "passed"),
        ("leaves_a_background_process_holding_stdout", "passed"),
        ("leaves_a_setsid_process_behind", "passed"),
        ("runs_under_memory_file_and_process_limits", "passed"),
        // Wrong code that fakes a pass: never passed.
        ("prints_libtest_pass_lines_and_exits", "crashed"),
        ("forges_its_result_file", "crashed"),
        // Hangs, floods and hoards: stopped, each with its own result.
        ("loops_with_looping_children", "timed_out"),
        ("prints_200_mb_then_fails", "failed"),
        // Without a memory limit (not Linux) it does not allocate, and answers wrong.
        ("allocates_8_gib", if linux { "crashed" } else { "failed" }),
        ("a_panic_message_with_terminal_escapes", "failed"),
    ])
}

/// (exercise, test) → status, from a JSON report.
pub fn statuses(
    report: &serde_json::Value,
) -> std::collections::BTreeMap<(String, String), String> {
    let mut map = std::collections::BTreeMap::new();
    for exercise in report["exercises"].as_array().expect("exercises") {
        for test in exercise["tests"].as_array().expect("tests") {
            map.insert(
                (
                    exercise["id"].as_str().unwrap().to_owned(),
                    test["name"].as_str().unwrap().to_owned(),
                ),
                test["status"].as_str().unwrap().to_owned(),
            );
        }
    }
    map
}
