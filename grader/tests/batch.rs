//! `grader batch` on a class of the fixture workbook: folders, archives, broken and hostile
//! submissions. Every submission gets a result, none changes another's, the workbook or the cache,
//! and none reads the solutions or another submission where the sandbox is in force.

mod support;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use support::{FixtureWorkbook, Run, expected_tricks, snapshot_files};

const DAY: &str = "days/day1-fixture";

/// A class being handed in: each student's submission is a folder (or an archive made from one)
/// that mirrors the workbook's layout.
struct Class {
    dir: tempfile::TempDir,
}

impl Class {
    fn new() -> Self {
        Class {
            dir: tempfile::Builder::new()
                .prefix("grader-class-")
                .tempdir()
                .expect("a temporary folder"),
        }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// A folder submission `student/` with these learner files (paths relative to the day).
    fn folder(&self, student: &str, files: &[(&str, &str)]) -> PathBuf {
        let root = self.path(student);
        for (file, text) in files {
            let path = root.join(DAY).join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        std::fs::create_dir_all(&root).unwrap();
        root
    }

    /// A `.zip` submission with these entries (paths relative to the archive's root).
    fn zip(&self, name: &str, entries: &[(&str, &str)]) -> PathBuf {
        let path = self.path(name);
        let mut writer = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (entry, text) in entries {
            writer.start_file(*entry, options).unwrap();
            writer.write_all(text.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
        path
    }
}

/// The fixture workbook, and the grader's batch run from its root.
fn batch(workbook: &FixtureWorkbook, work: &Path, submissions: &[PathBuf], extra: &[&str]) -> Run {
    batch_with_env(workbook, work, submissions, extra, &[])
}

/// [`batch`] with more environment variables.
fn batch_with_env(
    workbook: &FixtureWorkbook,
    work: &Path,
    submissions: &[PathBuf],
    extra: &[&str],
    env: &[(&str, &str)],
) -> Run {
    let out = work.join("out");
    let work_dir = work.join("work");
    let mut args: Vec<String> = vec![
        "batch".into(),
        "--unit".into(),
        "day1".into(),
        "--format".into(),
        "json,csv,junit,gradescope,markdown".into(),
        "--out".into(),
        out.display().to_string(),
        "--work-dir".into(),
        work_dir.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args.extend(submissions.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut grader = workbook
        .grader(&args)
        .env("TMPDIR", &work.display().to_string());
    for (key, value) in env {
        grader = grader.env(key, value);
    }
    grader.run()
}

fn class_json(work: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(work.join("out/class.json"))
        .unwrap_or_else(|e| panic!("no class.json in {}: {e}", work.display()));
    serde_json::from_str(&text).expect("class.json is JSON")
}

fn submission<'a>(class: &'a serde_json::Value, student: &str) -> &'a serde_json::Value {
    class["submissions"]
        .as_array()
        .expect("submissions")
        .iter()
        .find(|s| s["student"] == student)
        .unwrap_or_else(|| panic!("no submission of {student} in {class:#}"))
}

fn exercise_status(submission: &serde_json::Value, id: &str) -> String {
    submission["exercises"]
        .as_array()
        .expect("exercises")
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no exercise {id} in {submission:#}"))["status"]
        .as_str()
        .unwrap_or("none")
        .to_owned()
}

/// The reference solution of a fixture file, as the student's version.
fn solution(workbook: &FixtureWorkbook, file: &str) -> String {
    std::fs::read_to_string(workbook.path(&format!("solutions/{DAY}/{file}"))).unwrap()
}

#[test]
fn every_kind_of_submission_gets_its_own_result_and_the_batch_succeeds() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let class = Class::new();
    let todo = solution(&workbook, "src/todo.rs");
    let alice = class.folder("alice", &[("src/todo.rs", &todo)]);
    // Bob's archive wraps everything in one folder, as GitHub's downloads do, and changes a
    // canonical test, which is ignored.
    let bob = class.zip(
        "bob.zip",
        &[
            (&format!("bob-main/{DAY}/src/todo.rs"), &todo),
            (
                &format!("bob-main/{DAY}/tests/todo.rs"),
                "fn main() { /* every test passes */ }\n",
            ),
        ],
    );
    let carol = class.path("carol.zip");
    std::fs::write(&carol, b"PK\x03\x04 this is not a whole zip archive").unwrap();
    let dave = class.zip("dave.zip", &[("../../escape.rs", "pub fn x() {}\n")]);
    let erin = class.folder("erin", &[]);

    let work = tempfile::tempdir().unwrap();
    let run = batch(
        &workbook,
        work.path(),
        &[alice, bob, carol, dave, erin],
        // Two workers: the second starts from a copy of the first one's build folder.
        &["--jobs", "2"],
    );
    assert_eq!(
        run.status, 0,
        "grading worked, whatever the class scored: exit 0\nstdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    let class_report = class_json(work.path());
    let alice = submission(&class_report, "alice");
    assert_eq!(alice["outcome"]["kind"], "graded");
    assert_eq!(exercise_status(alice, "todo"), "done", "{alice:#}");
    let bob = submission(&class_report, "bob");
    assert_eq!(exercise_status(bob, "todo"), "done", "{bob:#}");
    let ignored = bob["ignored_files"].to_string();
    assert!(
        ignored.contains(&format!("{DAY}/tests/todo.rs")) && ignored.contains("differs"),
        "bob's changed test is listed as ignored: {ignored}"
    );
    assert_eq!(
        submission(&class_report, "carol")["outcome"]["kind"],
        "unreadable"
    );
    let dave = submission(&class_report, "dave");
    assert_eq!(dave["outcome"]["kind"], "refused", "{dave:#}");
    assert!(
        !class.path("escape.rs").exists() && !work.path().join("escape.rs").exists(),
        "dave's ../ entry was never written"
    );
    let erin = submission(&class_report, "erin");
    assert_eq!(exercise_status(erin, "todo"), "not_started", "{erin:#}");
    for file in ["class.json", "gradebook.csv", "junit.xml", "summary.md"] {
        assert!(
            work.path().join("out").join(file).is_file(),
            "{file} is written"
        );
    }
    let csv = std::fs::read_to_string(work.path().join("out/gradebook.csv")).unwrap();
    assert_eq!(
        csv.lines().count(),
        6,
        "a header and a row per student:\n{csv}"
    );
    assert!(
        work.path()
            .join("out/gradescope/alice/results.json")
            .is_file(),
        "Gradescope's results per student"
    );
}

#[test]
fn a_second_run_takes_unchanged_submissions_from_the_cache() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let class = Class::new();
    let todo = solution(&workbook, "src/todo.rs");
    let alice = class.folder("alice", &[("src/todo.rs", &todo)]);
    let bob = class.folder("bob", &[]);
    let work = tempfile::tempdir().unwrap();
    let first = batch(&workbook, work.path(), &[alice.clone(), bob.clone()], &[]);
    assert_eq!(first.status, 0, "{}", first.stderr);
    let before = class_json(work.path());
    // Bob hands in again, changed; Alice did not.
    std::fs::create_dir_all(bob.join(DAY).join("src")).unwrap();
    std::fs::write(
        bob.join(DAY).join("src/todo.rs"),
        format!("// bob's own\n{todo}"),
    )
    .unwrap();
    let second = batch(&workbook, work.path(), &[alice, bob], &[]);
    assert_eq!(second.status, 0, "{}", second.stderr);
    let after = class_json(work.path());
    assert_eq!(
        submission(&after, "alice")["cached"],
        true,
        "alice is unchanged"
    );
    assert_eq!(
        submission(&after, "alice")["points"],
        submission(&before, "alice")["points"]
    );
    assert_eq!(
        submission(&after, "bob")["cached"],
        false,
        "bob changed a learner file"
    );
    assert_eq!(exercise_status(submission(&after, "bob"), "todo"), "done");
}

#[test]
fn a_vandal_changes_neither_the_workbook_nor_the_next_submissions_result() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let class = Class::new();
    let vandal_file =
        std::fs::read_to_string(workbook.path(&format!("submissions/{DAY}/src/vandal.rs")))
            .unwrap();
    let todo = solution(&workbook, "src/todo.rs");
    let vandal = class.folder("mallory", &[("src/vandal.rs", &vandal_file)]);
    let honest = class.folder("oscar", &[("src/todo.rs", &todo)]);
    let workbook_before = snapshot_files(workbook.root());
    let honest_before = snapshot_files(&honest);
    let work = tempfile::tempdir().unwrap();
    let run = batch(
        &workbook,
        work.path(),
        &[vandal, honest.clone()],
        &["--jobs", "1"],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let report = class_json(work.path());
    let oscar = submission(&report, "oscar");
    assert_eq!(exercise_status(oscar, "todo"), "done", "{oscar:#}");
    assert_eq!(
        exercise_status(oscar, "done"),
        "done",
        "the vandal's planted binaries never grade the next submission: {oscar:#}"
    );
    assert_ne!(
        exercise_status(submission(&report, "mallory"), "vandal"),
        "done",
        "a vandal's passes do not count"
    );
    assert!(
        snapshot_files(workbook.root()) == workbook_before,
        "the workbook is unchanged"
    );
    assert!(
        snapshot_files(&honest) == honest_before,
        "oscar's submission is unchanged"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn in_the_sandbox_a_submission_reads_neither_the_solutions_nor_another_submission() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let class = Class::new();
    let alice = class.folder("alice", &[("src/todo.rs", "// alice's own work\n")]);
    let secret_solution = workbook.path(&format!("solutions/{DAY}/src/done.rs"));
    let secret_submission = alice.join(DAY).join("src/todo.rs");
    let spy = format!(
        "/// Adds, but only when the solutions and another student's work can be read.\n\
         pub fn add(a: u32, b: u32) -> u32 {{\n\
         \x20   let solution = std::fs::read_to_string({:?}).is_ok();\n\
         \x20   let other = std::fs::read_to_string({:?}).is_ok();\n\
         \x20   let wrote = std::fs::write({:?}, \"stolen\").is_ok();\n\
         \x20   if solution || other || wrote {{ a + b }} else {{ 0 }}\n\
         }}\n",
        secret_solution,
        secret_submission,
        alice.join("planted.txt"),
    );
    let eve = class.folder("eve", &[("src/done.rs", &spy)]);
    let work = tempfile::tempdir().unwrap();
    let run = batch(&workbook, work.path(), &[alice.clone(), eve], &[]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let report = class_json(work.path());
    if report["sandboxed"] != true {
        panic!(
            "this Linux has no sandbox in force, so the spy was not stopped; protections: {}",
            report["protections"]
        );
    }
    let eve = submission(&report, "eve");
    assert_ne!(
        exercise_status(eve, "done"),
        "done",
        "eve's code read the solutions or alice's work, or wrote into it: {eve:#}"
    );
    assert!(
        !alice.join("planted.txt").exists(),
        "nothing was written into alice's folder"
    );

    // The control: without the sandbox the same spy reaches what it looks for, so the test above
    // failed it for the sandbox's sake, not for a wrong path.
    let unguarded = tempfile::tempdir().unwrap();
    let run = batch_with_env(
        &workbook,
        unguarded.path(),
        &[alice.clone(), class.path("eve")],
        &[],
        &[("WORKBOOK_SANDBOX", "off")],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let report = class_json(unguarded.path());
    assert_eq!(report["sandboxed"], false);
    assert_eq!(
        exercise_status(submission(&report, "eve"), "done"),
        "done",
        "without the sandbox the spy reads the secrets: {report:#}"
    );
    assert!(
        alice.join("planted.txt").exists(),
        "and writes into alice's folder"
    );
}

#[test]
fn require_sandbox_refuses_to_grade_without_one() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let class = Class::new();
    let alice = class.folder("alice", &[]);
    let work = tempfile::tempdir().unwrap();
    let run = batch_with_env(
        &workbook,
        work.path(),
        &[alice],
        &["--require-sandbox"],
        &[("WORKBOOK_SANDBOX", "off")],
    );
    assert_eq!(
        run.status, 2,
        "grading itself could not be done: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--require-sandbox") && run.stderr.contains("WORKBOOK_SANDBOX=off"),
        "the message names both, whichever the instructor meant to drop: {}",
        run.stderr
    );
    assert!(
        !work.path().join("out/class.json").exists(),
        "nothing was graded"
    );
}

#[test]
fn an_unknown_format_or_unit_is_bad_input() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let class = Class::new();
    let alice = class.folder("alice", &[]);
    let work = tempfile::tempdir().unwrap();
    let run = workbook
        .grader(&["batch", "--format", "pdf", &alice.display().to_string()])
        .env("TMPDIR", &work.path().display().to_string())
        .run();
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no format `pdf`"), "{}", run.stderr);
    let run = workbook
        .grader(&["batch", "--unit", "day9", &alice.display().to_string()])
        .env("TMPDIR", &work.path().display().to_string())
        .run();
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no unit `day9`"), "{}", run.stderr);
    let run = workbook
        .grader(&["batch", "missing-student.zip"])
        .env("TMPDIR", &work.path().display().to_string())
        .run();
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("no submission at missing-student.zip"),
        "{}",
        run.stderr
    );
}

/// A done.rs that adds right but ends the process elsewhere: its policy forbids `std::process`.
const FORBIDDEN_DONE: &str = "pub fn add(a: u32, b: u32) -> u32 {\n    a + b\n}\n\n\
                              pub fn quit() {\n    std::process::exit(0)\n}\n";

#[test]
fn a_forbidden_api_scores_its_exercise_zero_and_the_learner_hears_of_it_first() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let class = Class::new();
    let mallory = class.folder("mallory", &[("src/done.rs", FORBIDDEN_DONE)]);
    let work = tempfile::tempdir().unwrap();
    let run = batch(&workbook, work.path(), &[mallory], &[]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let report = class_json(work.path());
    let mallory = submission(&report, "mallory");
    let done = mallory["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "done")
        .unwrap();
    assert_eq!(
        done["points"], 0.0,
        "its tests pass, but the policy zeroes it: {done:#}"
    );
    let why = done["zeroed_by"].as_str().unwrap_or_default();
    assert!(
        why.contains("not allowed in this exercise: `std::process::exit` at")
            && why.contains(&format!("{DAY}/src/done.rs:6")),
        "the report names the API and where: {why}"
    );

    // The learner's own run says the same, before anyone grades it.
    workbook.write(&format!("{DAY}/src/done.rs"), FORBIDDEN_DONE);
    let run = workbook.grader(&["day", "1", "--exercise", "done"]).run();
    assert_eq!(
        run.status, 1,
        "a run with a policy finding does not count as done"
    );
    assert!(
        run.stdout
            .contains("done: not allowed in this exercise: `std::process::exit` at")
            && run.stdout.contains("scores the exercise 0"),
        "{}",
        run.stdout
    );
}

/// The tests of one exercise in a submission's unit report, with their statuses.
fn test_statuses(
    submission: &serde_json::Value,
    exercise: &str,
) -> std::collections::BTreeMap<String, String> {
    submission["units"][0]["exercises"]
        .as_array()
        .expect("the unit's exercises")
        .iter()
        .find(|e| e["id"] == exercise)
        .unwrap_or_else(|| panic!("no exercise {exercise} in {submission:#}"))["tests"]
        .as_array()
        .expect("tests")
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap_or_default().to_owned(),
                t["status"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn hostile_tricks_in_a_batch_get_their_verdicts_and_the_next_submission_its_own() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let class = Class::new();
    let hostile = |file: &str| {
        std::fs::read_to_string(workbook.path(&format!("submissions/{DAY}/{file}"))).unwrap()
    };
    let trickster = class.folder(
        "trickster",
        &[
            ("src/tricks.rs", &hostile("src/tricks.rs")),
            ("src/macros.rs", &hostile("src/macros.rs")),
        ],
    );
    let todo = solution(&workbook, "src/todo.rs");
    let honest = class.folder("oscar", &[("src/todo.rs", &todo)]);
    let work = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let run = batch(
        &workbook,
        work.path(),
        &[trickster, honest],
        &["--jobs", "1"],
    );
    let elapsed = started.elapsed();
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        elapsed < std::time::Duration::from_secs(300),
        "the batch ended in {elapsed:?}: a trick held it up"
    );
    let report = class_json(work.path());
    let tricks = test_statuses(submission(&report, "trickster"), "tricks");
    let expected: std::collections::BTreeMap<String, String> = expected_tricks()
        .into_iter()
        .map(|(test, verdict)| (test.to_owned(), verdict.to_owned()))
        .collect();
    assert_eq!(
        tricks, expected,
        "in a batch, in the sandbox, every trick gets the verdict a learner's run gives it"
    );
    let oscar = submission(&report, "oscar");
    assert_eq!(exercise_status(oscar, "todo"), "done", "{oscar:#}");
    assert_eq!(exercise_status(oscar, "tricks"), "not_started", "{oscar:#}");
}
