//! `grader day 1` against a learner who tries every trick of issue 8 on the grader: correct code
//! that prints oddly or leaves processes behind must pass; wrong code that fakes a pass must not;
//! code that hangs, floods, hoards or writes where it must not is stopped and named. Each run must
//! end within a bound, leave no process running and change nothing outside scratch space.
//!
//! The hostile learner files are in the fixture's `submissions/` (mirroring the learner's paths):
//! each test lays them over the stubs of a private copy of the fixture, as a learner's edit would.
//! The stubs themselves are plain `todo!()`s, so the other tests of the fixture never meet them.
//!
//! Beyond the items of issue 8, a few tests try what a later run builds on (binaries and the
//! harness library planted in `target/` by a run of another exercise), a result file that is a
//! FIFO, and a panic message of megabytes.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use support::{FixtureWorkbook, exercise, expected_tricks, snapshot_files};
use wait_timeout::ChildExt as _;

const FIXTURE: &str = "workbook";
const DAY: &str = "days/day1-fixture";
/// The learner's files that have a hostile version in `submissions/`, relative to the day.
const SUBMISSIONS: [&str; 3] = ["src/tricks.rs", "src/vandal.rs", "src/macros.rs"];
/// A whole grader run, its build included, must end within this.
const RUN_BOUND: Duration = Duration::from_secs(60);
/// A run still going after this is stopped, so that a hang fails the test instead of the suite.
const HANG_LIMIT: Duration = Duration::from_secs(180);
/// Every grader run carries this variable with a value of its own, and so does every process it
/// starts (unless one clears its environment): that is how leftovers are found.
const TAG_ENV: &str = "GRADER_HOSTILE_TEST_RUN";
const LEFT_RUNNING: &str = "left a process running after it ended; it was stopped";

/// A private copy of the fixture with the hostile learner files laid over the stubs.
fn hostile_workbook() -> FixtureWorkbook {
    hostile_workbook_with(&SUBMISSIONS)
}

/// A private copy of the fixture with some of the hostile learner files laid over the stubs.
fn hostile_workbook_with(submissions: &[&str]) -> FixtureWorkbook {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    for file in submissions {
        let hostile = std::fs::read_to_string(workbook.path(&format!("submissions/{DAY}/{file}")))
            .expect("a hostile submission");
        workbook.write(&format!("{DAY}/{file}"), &hostile);
    }
    workbook
}

/// A grader run in progress, started with its own tag and a private temporary folder.
struct Running {
    child: Child,
    pid: u32,
    tag: String,
    started: Instant,
    stdout: JoinHandle<String>,
    stderr: JoinHandle<String>,
    /// The grader's TMPDIR: its scratch space, which it must leave empty.
    tmp: tempfile::TempDir,
}

/// How a run ended.
struct Finished {
    status: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
    pid: u32,
    tag: String,
    tmp: tempfile::TempDir,
}

impl Finished {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Asserts that the grader left its scratch space empty and no process running.
    fn assert_clean(&self) {
        let left: Vec<PathBuf> = std::fs::read_dir(self.tmp.path())
            .expect("the grader's temporary folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        assert!(
            left.is_empty(),
            "the grader left files in its temporary folder: {left:?}"
        );
        assert_nothing_left_running(&self.tag, self.pid);
    }
}

fn start(workbook: &FixtureWorkbook, args: &[&str], env: &[(&str, &str)]) -> Running {
    static RUNS: AtomicU64 = AtomicU64::new(0);
    let tag = format!(
        "{}-{}",
        std::process::id(),
        RUNS.fetch_add(1, Ordering::Relaxed)
    );
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let mut command = Command::new(env!("CARGO_BIN_EXE_grader"));
    command
        .current_dir(workbook.root())
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CARGO_TARGET_DIR")
        .env("TMPDIR", tmp.path())
        .env(TAG_ENV, &tag)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let started = Instant::now();
    let mut child = command.spawn().expect("the grader starts");
    let stdout = read_all(child.stdout.take().expect("piped stdout"));
    let stderr = read_all(child.stderr.take().expect("piped stderr"));
    Running {
        pid: child.id(),
        child,
        tag,
        started,
        stdout,
        stderr,
        tmp,
    }
}

fn read_all(mut stream: impl std::io::Read + Send + 'static) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

impl Running {
    /// Waits for the run to end (at most `limit`; a run still going then is killed and fails).
    fn finish(mut self, limit: Duration) -> Finished {
        let status = match self.child.wait_timeout(limit).expect("wait for the grader") {
            Some(status) => status,
            None => {
                let _ = self.child.kill();
                let _ = self.child.wait();
                let leftovers = stop_leftovers(&self.tag, self.pid);
                panic!(
                    "the grader was still running after {limit:?}; it was killed (and with it {leftovers:?})"
                );
            }
        };
        let elapsed = self.started.elapsed();
        Finished {
            status: status.code(),
            stdout: self.stdout.join().expect("stdout reader"),
            stderr: self.stderr.join().expect("stderr reader"),
            elapsed,
            pid: self.pid,
            tag: self.tag,
            tmp: self.tmp,
        }
    }
}

fn run_grader(workbook: &FixtureWorkbook, args: &[&str]) -> Finished {
    start(workbook, args, &[]).finish(HANG_LIMIT)
}

/// The processes (but this one) whose environment carries this run's tag or the grader's marker
/// for its tests (`WORKBOOK_TEST_RUN=<grader's pid>-…`), with their command lines. A zombie has no
/// environment left, and is not running.
#[cfg(target_os = "linux")]
fn processes_of_run(tag: &str, grader_pid: u32) -> Vec<(u32, String)> {
    let needles = [
        format!("{TAG_ENV}={tag}\0").into_bytes(),
        format!("WORKBOOK_TEST_RUN={grader_pid}-").into_bytes(),
    ];
    let me = std::process::id();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let environ = std::fs::read(entry.path().join("environ")).ok()?;
            let carries = needles.iter().any(|needle| {
                environ
                    .windows(needle.len())
                    .any(|w| w == needle.as_slice())
            });
            if pid == me || !carries {
                return None;
            }
            let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
            Some((pid, String::from_utf8_lossy(&cmdline).replace('\0', " ")))
        })
        .collect()
}

#[cfg(not(target_os = "linux"))]
fn processes_of_run(_tag: &str, _grader_pid: u32) -> Vec<(u32, String)> {
    Vec::new()
}

/// Kills what a run left running (by pid, only processes carrying its tag or marker), so that a
/// failing test leaves nothing behind either; returns what it found.
fn stop_leftovers(tag: &str, grader_pid: u32) -> Vec<(u32, String)> {
    let leftovers = processes_of_run(tag, grader_pid);
    for (pid, _) in &leftovers {
        let _ = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
    }
    leftovers
}

/// What the run left running, given two seconds to end; those are killed.
fn left_running(tag: &str, grader_pid: u32) -> Vec<(u32, String)> {
    let deadline = Instant::now() + Duration::from_secs(2);
    while !processes_of_run(tag, grader_pid).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    stop_leftovers(tag, grader_pid)
}

/// Nothing the run started is still running, shortly after the grader ended.
fn assert_nothing_left_running(tag: &str, grader_pid: u32) {
    let leftovers = left_running(tag, grader_pid);
    assert!(
        leftovers.is_empty(),
        "processes of the grader's run were still running after it ended (now killed): {leftovers:?}"
    );
}

/// One test's entry in the JSON report.
#[derive(Debug, Clone)]
struct Entry {
    status: String,
    message: String,
    note: Option<String>,
    duration_ms: u64,
}

/// exercise → test → entry, from the JSON report.
fn entries(report: &serde_json::Value) -> BTreeMap<String, BTreeMap<String, Entry>> {
    let mut map = BTreeMap::new();
    for exercise in report["exercises"].as_array().expect("exercises") {
        let tests = map
            .entry(exercise["id"].as_str().expect("an id").to_owned())
            .or_insert_with(BTreeMap::new);
        for test in exercise["tests"].as_array().expect("tests") {
            tests.insert(
                test["name"].as_str().expect("a name").to_owned(),
                Entry {
                    status: test["status"].as_str().expect("a status").to_owned(),
                    message: test["message"].as_str().unwrap_or_default().to_owned(),
                    note: test["note"].as_str().map(str::to_owned),
                    duration_ms: test["duration_ms"].as_u64().expect("a duration"),
                },
            );
        }
    }
    map
}

/// The files below `root` (but `target/`) that differ between two snapshots, relative to `root`.
fn changed_files(
    root: &Path,
    before: &[(PathBuf, Vec<u8>)],
    after: &[(PathBuf, Vec<u8>)],
) -> BTreeSet<String> {
    let before: BTreeMap<&PathBuf, &Vec<u8>> = before.iter().map(|(p, c)| (p, c)).collect();
    let after: BTreeMap<&PathBuf, &Vec<u8>> = after.iter().map(|(p, c)| (p, c)).collect();
    before
        .keys()
        .chain(after.keys())
        .filter(|path| before.get(*path) != after.get(*path))
        .map(|path| {
            path.strip_prefix(root)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

#[test]
fn every_trick_gets_its_right_verdict_in_time_and_leaves_nothing_behind() {
    // Not the vandal: a run in which a test changes the build output counts no pass at all (see
    // `a_changed_build_output_voids_every_pass_of_its_run`), which would hide the tricks' verdicts.
    let workbook = hostile_workbook_with(&["src/tricks.rs", "src/macros.rs"]);
    let fixture_source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let source_before = snapshot_files(&fixture_source);
    let before = snapshot_files(workbook.root());

    let run = run_grader(&workbook, &["day", "1", "--json"]);
    assert!(
        run.elapsed < RUN_BOUND,
        "the whole run, build included, took {:?}",
        run.elapsed
    );
    assert_eq!(
        run.status,
        Some(1),
        "an unfinished day exits 1\n{}",
        run.stderr
    );
    run.assert_clean();
    let report = run.json();
    let all = entries(&report);

    // --- tricks: every canonical test, and only those, with its verdict.
    let tricks = &all["tricks"];
    let verdicts: BTreeMap<&str, &str> = tricks
        .iter()
        .map(|(name, entry)| (name.as_str(), entry.status.as_str()))
        .collect();
    assert_eq!(
        verdicts,
        expected_tricks(),
        "each trick's verdict; the learner's own #[test] functions are not among the tests"
    );
    for (name, entry) in tricks {
        let leaves_processes = (name == "leaves_a_background_process_holding_stdout" && cfg!(unix))
            || (name == "leaves_a_setsid_process_behind" && cfg!(target_os = "linux"));
        if leaves_processes {
            assert_eq!(
                entry.note.as_deref(),
                Some(LEFT_RUNNING),
                "{name} passes with a note"
            );
            assert!(
                entry.duration_ms < 2000,
                "{name} ends as soon as its own process does, not after a grace period: {entry:?}"
            );
        } else if entry.status == "passed" {
            assert_eq!(entry.note, None, "{name} left nothing running: {entry:?}");
        }
    }
    let message = |name: &str| tricks[name].message.as_str();
    assert!(
        message("prints_libtest_pass_lines_and_exits").contains("process::exit"),
        "{}",
        message("prints_libtest_pass_lines_and_exits")
    );
    let forged = message("forges_its_result_file");
    assert!(
        forged.contains("not written by the test harness")
            || forged.contains("exited before the test finished"),
        "a forged result is no result: {forged}"
    );
    assert!(
        message("prints_200_mb_then_fails").contains("the answer after 200 MB of output"),
        "the assertion after 200 MB of output is kept: {}",
        message("prints_200_mb_then_fails")
    );
    assert!(
        message("a_panic_message_with_terminal_escapes").contains('\u{1b}'),
        "the JSON keeps the message as it is, escape and all"
    );

    // --- the other exercises the tricks touch, and the fixture's own loop.
    assert_eq!(all["hostile"]["loops_forever"].status, "timed_out");
    let macros = exercise(&report, "macros");
    assert_eq!(
        macros["status"], "does_not_compile",
        "an assert_eq of the learner's own never disarms the tests"
    );
    let error = macros["compile_error"].as_str().unwrap_or_default();
    assert!(
        error.contains("assert_eq") && error.contains("defined multiple times"),
        "rustc refuses the learner's assert_eq: {error}"
    );
    assert_eq!(
        all["toolkit"]["the_binary_prints_the_banner"].status, "failed",
        "the toolkit's banner is still todo!()"
    );
    assert_eq!(
        report["warnings"],
        serde_json::json!([]),
        "nothing that grading relies on changed"
    );

    // --- the chain of sessions without an environment that a trick left: gone too (Linux).
    #[cfg(target_os = "linux")]
    {
        let sleeping: Vec<String> = std::fs::read_dir("/proc")
            .expect("/proc")
            .flatten()
            .filter_map(|e| std::fs::read(e.path().join("cmdline")).ok())
            .map(|c| String::from_utf8_lossy(&c).replace('\0', " "))
            .filter(|c| c.trim_end() == "/bin/sleep 32")
            .collect();
        assert!(
            sleeping.is_empty(),
            "a process 30 sessions deep, with no marker, outlived the grader: {sleeping:?}"
        );
    }

    // --- nothing changed in the workbook, and no file of the repository.
    let after = snapshot_files(workbook.root());
    assert_eq!(
        changed_files(workbook.root(), &before, &after),
        BTreeSet::new(),
        "grading writes nothing outside target/ and scratch space"
    );
    assert!(
        source_before == snapshot_files(&fixture_source),
        "the repository's fixture is never touched"
    );
}

#[test]
fn the_text_report_shows_terminal_escapes_from_a_panic_escaped() {
    let workbook = hostile_workbook();
    let run = start(
        &workbook,
        &["day", "1", "--exercise", "tricks"],
        &[("NO_COLOR", "1")],
    )
    .finish(HANG_LIMIT);
    assert!(run.elapsed < RUN_BOUND, "took {:?}", run.elapsed);
    assert_eq!(run.status, Some(1), "{}", run.stderr);
    run.assert_clean();
    let shown =
        "\\u{1b}[2J\\u{1b}[H\\u{1b}[32m✓ all passed\\u{1b}[0m\\rok \\u{202e}deliaf ton\\u{202c}";
    assert!(
        run.stdout
            .contains("a_panic_message_with_terminal_escapes (failing)")
            && run.stdout.contains(shown),
        "the panic's message is shown, escaped:\n{}",
        run.stdout
    );
    for raw in ['\u{1b}', '\r', '\u{202e}', '\u{202c}'] {
        assert!(
            !run.stdout.contains(raw),
            "no {raw:?} reaches the terminal (NO_COLOR: not even the grader's own colours):\n{}",
            run.stdout.escape_debug()
        );
    }
}

/// The vandal's tests pass on their own, but they overwrite other targets' binaries and rewrite
/// canonical files: the run counts none of their passes, names what changed, and exits non-zero.
#[test]
fn a_changed_build_output_voids_every_pass_of_its_run() {
    let workbook = hostile_workbook();
    // Grading one exercise builds only its own test binaries: build the siblings the vandal
    // overwrites first.
    for sibling in ["done", "todo"] {
        run_grader(&workbook, &["day", "1", "--exercise", sibling, "--json"]);
    }
    let run = run_grader(&workbook, &["day", "1", "--exercise", "vandal", "--json"]);
    assert!(run.elapsed < RUN_BOUND, "took {:?}", run.elapsed);
    run.assert_clean();
    let report = run.json();
    let vandal = &entries(&report)["vandal"];
    assert!(
        vandal
            .values()
            .all(|e| e.status == "crashed" && e.message.contains("changed the build output")),
        "a pass from a run in which a test changed the build output does not count: {vandal:?}"
    );
    let warnings = report["warnings"].to_string();
    assert!(
        warnings.contains("changed the build output"),
        "the report says the build output changed: {warnings}"
    );
    assert!(
        warnings.contains("days/day1-fixture/tests/assertion.rs")
            && warnings.contains("days/day1-fixture/exercises.toml"),
        "{warnings}"
    );
    assert_ne!(
        run.status,
        Some(0),
        "a run in which a canonical file changed is not a pass"
    );
}

/// A run of one exercise (`--exercise vandal`) whose code overwrites the test binary of another
/// exercise (`todo`, with a copy of `done`'s passing one) and the crate binary that a third
/// exercise's test runs (`toolkit`, with a script printing the expected banner). Neither target is
/// graded in that run; later runs grade them. Issue 8: "nothing a test does changes what a later
/// run reports".
#[test]
fn binaries_planted_by_a_run_of_another_exercise_never_count_later() {
    let workbook = hostile_workbook();
    let vandal = run_grader(&workbook, &["day", "1", "--exercise", "vandal", "--json"]);
    vandal.assert_clean();

    let mut wrong = Vec::new();
    let todo = run_grader(&workbook, &["day", "1", "--exercise", "todo", "--json"]);
    todo.assert_clean();
    let todo_tests: BTreeMap<String, String> = entries(&todo.json())["todo"]
        .iter()
        .map(|(name, entry)| (name.clone(), entry.status.clone()))
        .collect();
    let expected = BTreeMap::from([
        ("parses_a_port".to_owned(), "not_started".to_owned()),
        ("parses_another_port".to_owned(), "not_started".to_owned()),
    ]);
    // The vandal's run saw the `todo` binary change (the whole build output is stamped), deleted
    // it and its fingerprint: cargo builds it anew here.
    if todo_tests != expected {
        wrong.push(format!(
            "`--exercise todo` after `--exercise vandal`: expected {expected:?}, got {todo_tests:?} (exit status {:?})",
            todo.status
        ));
    }
    if cfg!(unix) {
        let toolkit = run_grader(&workbook, &["day", "1", "--exercise", "toolkit", "--json"]);
        toolkit.assert_clean();
        let banner = &entries(&toolkit.json())["toolkit"]["the_binary_prints_the_banner"];
        // The planted script was seen and deleted with the toolkit's fingerprints: rebuilt here.
        if banner.status != "failed" {
            wrong.push(format!(
                "`--exercise toolkit` after `--exercise vandal`: expected failed (banner() is todo!()), got {banner:?} (exit status {:?})",
                toolkit.status
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A run of one exercise (`--exercise todo`) whose code builds a rigged copy of the test harness
/// (every result a pass, carrying the run's secret) and lays it over the harness library in
/// `target/`. The next build links the test targets it rebuilds against it. Issue 8: "nothing a
/// test does changes what a later run reports".
#[test]
fn a_harness_planted_in_target_never_grades_a_later_run() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    let planter = std::fs::read_to_string(workbook.path(&format!("submissions/{DAY}/src/todo.rs")))
        .expect("the planting submission");
    workbook.write(&format!("{DAY}/src/todo.rs"), &planter);
    let plant = run_grader(&workbook, &["day", "1", "--exercise", "todo", "--json"]);
    plant.assert_clean();
    let planted = entries(&plant.json());
    assert!(
        planted["todo"]
            .values()
            .all(|e| e.status == "crashed" && e.message.contains("changed the build output")),
        "the planting code ran, and its run counts no pass: {:?}",
        planted["todo"]
    );

    // The learner edits the exercise that still fails, and grades it.
    let assertion = format!("{DAY}/src/assertion.rs");
    let text = std::fs::read_to_string(workbook.path(&assertion)).expect("assertion.rs");
    workbook.write(&assertion, &format!("{text}\n// an edit\n"));
    let later = run_grader(
        &workbook,
        &["day", "1", "--exercise", "assertion", "--json"],
    );
    later.assert_clean();
    let verdict = entries(&later.json())["assertion"]["counts_three_servers"].clone();
    // The planted harness library was deleted with its fingerprint: the rebuilt test binary links
    // an honest harness, and count_servers() still returns 2.
    assert_eq!(
        verdict.status, "failed",
        "count_servers() returns 2, not 3: {verdict:?}"
    );
}

/// A test whose code plants a cargo configuration in the target folder, where the cargo that
/// trybuild runs below it would read it (a rustc wrapper there fakes every compile-fail check): the
/// run counts no pass, says what changed, and removes it.
#[test]
fn a_cargo_config_planted_in_the_target_folder_is_seen_and_removed() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    workbook.write(
        &format!("{DAY}/src/todo.rs"),
        "pub fn parse_port(text: &str) -> u16 {\n    let exe = std::env::current_exe().unwrap();\n    let target = exe.ancestors().nth(3).unwrap();\n    std::fs::create_dir_all(target.join(\".cargo\")).unwrap();\n    std::fs::write(target.join(\".cargo/config.toml\"), \"[build]\\nrustc-wrapper = \\\"/bin/false\\\"\\n\").unwrap();\n    text.trim().parse().unwrap()\n}\n",
    );
    let run = run_grader(&workbook, &["day", "1", "--exercise", "todo", "--json"]);
    run.assert_clean();
    let report = run.json();
    for (name, entry) in &entries(&report)["todo"] {
        assert!(
            entry.status == "crashed" && entry.message.contains("changed the build output"),
            "{name}: a pass from a run that planted a cargo config does not count: {entry:?}"
        );
    }
    let warnings = report["warnings"].to_string();
    assert!(
        warnings.contains(".cargo") && warnings.contains("config.toml"),
        "the report names the planted config: {warnings}"
    );
    assert_ne!(run.status, Some(0));
    assert!(
        !workbook.path("target/.cargo/config.toml").exists(),
        "the planted config is removed, so no later build reads it"
    );
}

/// A test whose code plants a hidden crate under `days/`, where cargo's `days/*` members glob takes
/// it: the run names it and does not count, and the grader never takes it for a day.
#[test]
fn a_hidden_crate_planted_under_days_is_named() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    workbook.write(
        &format!("{DAY}/src/todo.rs"),
        "pub fn parse_port(text: &str) -> u16 {\n    let _ = std::fs::create_dir_all(\"../.shadow/src\");\n    let _ = std::fs::write(\"../.shadow/src/lib.rs\", \"\");\n    text.trim().parse().unwrap()\n}\n",
    );
    let run = run_grader(&workbook, &["day", "1", "--exercise", "todo", "--json"]);
    run.assert_clean();
    let warnings = run.json()["warnings"].to_string();
    assert!(
        warnings.contains(".shadow"),
        "the report names what was planted under days/: {warnings}"
    );
    assert_ne!(
        run.status,
        Some(0),
        "a run that planted a crate is not a pass"
    );
    let list = run_grader(&workbook, &["list"]);
    assert!(
        !list.stdout.contains(".shadow"),
        "a hidden folder is nobody's day: {}",
        list.stdout
    );
}

/// A test that turns its own result file into a named pipe (no writer ever opens it) and exits:
/// no result, so crashed, and the grader must not wait for the pipe.
#[cfg(unix)]
#[test]
fn a_result_file_turned_into_a_fifo_hangs_nothing() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    workbook.write(
        &format!("{DAY}/src/todo.rs"),
        "pub fn parse_port(text: &str) -> u16 {\n    let _ = text;\n    if let Ok(path) = std::env::var(\"WORKBOOK_HARNESS_RESULT\") {\n        let _ = std::process::Command::new(\"mkfifo\").arg(path).status();\n    }\n    std::process::exit(0)\n}\n",
    );
    // Opening a FIFO with no writer blocks for good: the grader opens only a regular file.
    let run = start(
        &workbook,
        &["day", "1", "--exercise", "todo", "--json"],
        &[],
    )
    .finish(RUN_BOUND / 2);
    run.assert_clean();
    for (name, entry) in &entries(&run.json())["todo"] {
        assert_eq!(entry.status, "crashed", "{name}: no result: {entry:?}");
    }
}

/// A panic message of 20 MB on one line: the test fails, and the report keeps a bounded part of
/// the message, as it does of output (64 KiB, head and tail).
#[test]
fn a_huge_panic_message_does_not_flood_the_report() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    workbook.write(
        &format!("{DAY}/src/todo.rs"),
        "pub fn parse_port(text: &str) -> u16 {\n    panic!(\"{text} {}\", \"x\".repeat(20 << 20))\n}\n",
    );
    let run = run_grader(&workbook, &["day", "1", "--exercise", "todo", "--json"]);
    run.assert_clean();
    for (name, entry) in &entries(&run.json())["todo"] {
        assert_eq!(entry.status, "failed", "{name}");
        // A message is capped in bytes too, not only in lines: one line can be megabytes.
        assert!(
            entry.message.len() < 1 << 20,
            "{name}: a {} byte message in the report",
            entry.message.len()
        );
    }
}

/// Sends SIGTERM (what Ctrl-C's SIGINT does too) to a grader grading `exercise`, whose timeout is
/// raised from `timeout` to 120 s, once processes whose command lines hold all of `running` run;
/// asserts that it exits with 130 within seconds and returns what was left running (now killed).
#[cfg(unix)]
fn sigterm_while(exercise: &str, timeout: &str, running: &[&str]) -> Vec<(u32, String)> {
    let workbook = hostile_workbook();
    // Build first, so that the signal reaches the grader while a test runs, not while cargo builds.
    let build = run_grader(&workbook, &["day", "1", "--exercise", "done", "--json"]);
    assert_eq!(build.status, Some(0), "{}", build.stderr);
    let manifest = format!("{DAY}/exercises.toml");
    let text = std::fs::read_to_string(workbook.path(&manifest)).expect("the manifest");
    let line = format!("timeout_secs = {timeout}\n");
    assert_eq!(
        text.matches(&line).count(),
        1,
        "{exercise}'s timeout: {text}"
    );
    workbook.write(&manifest, &text.replace(&line, "timeout_secs = 120\n"));

    let grader = start(&workbook, &["day", "1", "--exercise", exercise], &[]);
    let waiting = Instant::now();
    if cfg!(target_os = "linux") {
        loop {
            let processes = processes_of_run(&grader.tag, grader.pid);
            let started = |needle: &&str| processes.iter().any(|(_, cmd)| cmd.contains(*needle));
            if running.iter().all(started) {
                break;
            }
            assert!(
                waiting.elapsed() < Duration::from_secs(60),
                "{running:?} never all ran: {processes:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    } else {
        std::thread::sleep(Duration::from_secs(3));
    }
    let signalled = Instant::now();
    let kill = Command::new("kill")
        .args(["-TERM", &grader.pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    let (tag, pid) = (grader.tag.clone(), grader.pid);
    let ended = grader.finish(Duration::from_secs(30));
    let took = signalled.elapsed();
    let leftovers = left_running(&tag, pid);
    assert_eq!(ended.status, Some(130), "{}", ended.stderr);
    assert!(took < Duration::from_secs(5), "it took {took:?} to stop");
    leftovers
}

/// SIGTERM to the grader while a test spins: exit 130 at once, and the test is stopped.
#[cfg(unix)]
#[test]
fn sigterm_stops_the_running_test_and_exits_130() {
    let leftovers = sigterm_while("hostile", "2", &["--exact loops_forever"]);
    assert!(
        leftovers.is_empty(),
        "the running test survived SIGTERM to the grader (now killed): {leftovers:?}"
    );
}

/// SIGTERM to the grader while a test spins with a spinning child in its process group and a
/// sleeping one that left it with setsid: every one of them is stopped.
#[cfg(target_os = "linux")]
#[test]
fn sigterm_stops_what_the_running_test_started_with_setsid_too() {
    let leftovers = sigterm_while(
        "tricks",
        "4",
        &["--exact loops_with_looping_children", "while :", "sleep 60"],
    );
    // `sleep 60`, which the running test started with setsid, left its process group: the signal
    // handler sweeps for the tests' markers and the grader's orphans too.
    assert!(
        leftovers.is_empty(),
        "processes of the running test survived SIGTERM to the grader (now killed): {leftovers:?}"
    );
}

/// A rigged reference solution (libtest's pass lines, then exit 0) fails the self-check; and what
/// it writes into the real workbook (found through its parent's working folder) is named.
#[test]
fn the_self_check_sees_through_a_rigged_solution() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    workbook.write("solutions/days/day1-fixture/src/done.rs", RIGGED_SOLUTION);
    let before = snapshot_files(workbook.root());
    let run = run_grader(&workbook, &["check"]);
    assert!(run.elapsed < RUN_BOUND * 2, "took {:?}", run.elapsed);
    assert_eq!(run.status, Some(1), "{}\n{}", run.stdout, run.stderr);
    // The self-check keeps its stages (and their build cache) in the temporary folder, by design:
    // only processes are checked.
    assert_nothing_left_running(&run.tag, run.pid);
    let problems: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with('✗')).collect();
    for test in ["adds_small_numbers", "adds_zero"] {
        let expected = format!(
            "✗ Day 1: the reference solution of `done` does not pass done::{test} (crashed)"
        );
        assert!(
            problems.iter().any(|p| p.starts_with(&expected)),
            "expected `{expected}` among:\n{}",
            problems.join("\n")
        );
    }
    let changed = changed_files(workbook.root(), &before, &snapshot_files(workbook.root()));
    for file in &changed {
        assert!(
            run.stdout.contains(&format!(
                "✗ workbook: {file} changed while the self-check ran"
            )),
            "the rigged solution changed {file} in the real workbook, and the self-check must say so:\n{}",
            run.stdout
        );
    }
}

/// `done` as a cheat writes it: answers wrong, tries to write into the real workbook (its parent,
/// the grader, runs in it), prints libtest's lines for a pass and exits 0.
const RIGGED_SOLUTION: &str = r#"pub fn add(a: u32, b: u32) -> u32 {
    #[cfg(unix)]
    {
        let real = format!("/proc/{}/cwd/days/day1-fixture/src/todo.rs", std::os::unix::process::parent_id());
        if let Ok(mut file) = std::fs::OpenOptions::new().append(true).open(&real) {
            use std::io::Write as _;
            let _ = file.write_all(b"\n// written by a rigged solution\n");
        }
    }
    let name = std::thread::current().name().unwrap_or("test").to_owned();
    println!("test {name} ... ok");
    println!();
    println!("test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s");
    let _ = (a, b);
    std::process::exit(0)
}
"#;
