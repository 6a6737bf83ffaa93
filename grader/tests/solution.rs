//! `grader solution` and `grader reset` in a copy of the fixture workbook: the solution only after a
//! pass (or with `--force`), and the shipped stub back from git history.

mod support;

use std::path::Path;
use std::process::Command;

use support::{FixtureWorkbook, Run};

const FIXTURE: &str = "workbook";
const TODO: &str = "days/day1-fixture/src/todo.rs";
const STUB: &str = "pub fn parse_port(text: &str) -> u16 {\n    let _ = text;\n    todo!()\n}\n";
const EDIT: &str = "pub fn parse_port(text: &str) -> u16 {\n    text.parse().unwrap()\n}\n";

/// Runs git in `dir` as a learner would, whatever the surrounding environment says.
fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(["-c", "user.name=Learner", "-c", "user.email=l@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(["-c", "core.autocrlf=false"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("git runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "git {args:?} failed: {stderr}");
}

/// A copy of the fixture workbook, committed as shipped in a repository of its own.
fn committed_workbook() -> FixtureWorkbook {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    git(workbook.root(), &["init", "-q"]);
    git(workbook.root(), &["add", "."]);
    git(workbook.root(), &["commit", "-q", "-m", "as shipped"]);
    workbook
}

fn read(workbook: &FixtureWorkbook, path: &str) -> String {
    std::fs::read_to_string(workbook.path(path)).expect("a file to read")
}

fn run(workbook: &FixtureWorkbook, args: &[&str]) -> Run {
    // A test folder inside some other repository must not lend the copy its history.
    let ceiling = workbook.root().parent().expect("a parent folder");
    workbook
        .grader(args)
        .env("GIT_CEILING_DIRECTORIES", &ceiling.display().to_string())
        .run()
}

/// The stdout of a run that must succeed.
fn succeeds(run: Run) -> String {
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    run.stdout
}

fn has(text: &str, wanted: &str) {
    assert!(text.contains(wanted), "no {wanted:?} in:\n{text}");
}

fn assert_fails(run: &Run, wanted: &[&str]) {
    assert_eq!(
        run.status, 2,
        "an error exits 2\n{}{}",
        run.stdout, run.stderr
    );
    assert_says(run, wanted);
}

fn assert_says(run: &Run, wanted: &[&str]) {
    for text in wanted {
        assert!(run.stderr.contains(text), "no {text:?} in:\n{}", run.stderr);
    }
}

#[test]
fn the_solution_waits_for_a_pass_then_comes_with_a_diff() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    let before = run(&workbook, &["solution", "1", "todo"]);
    // Not done yet is the learner's state, not bad input: 1, as an unfinished day exits.
    assert_eq!(before.status, 1, "{}{}", before.stdout, before.stderr);
    assert_says(
        &before,
        &[
            "`todo` does not pass yet",
            "`cargo day 1 --exercise todo`",
            "; its 3 hints: `cargo hint 1 todo` shows the first, `--level 2` the next;",
            "`cargo solution 1 todo --force`",
        ],
    );
    assert!(before.stdout.is_empty(), "nothing shown: {}", before.stdout);

    let mine = "pub fn parse_port(text: &str) -> u16 {\n    // Any port will do.\n    \
                text.parse().expect(\"a port number\")\n}\n";
    workbook.write(TODO, mine);
    let after = run(&workbook, &["solution", "1", "todo"]);
    let expected = "\
The reference solution of `todo` (Day 1: Not started)

==> solutions/days/day1-fixture/src/todo.rs <==
pub fn parse_port(text: &str) -> u16 {
    text.parse().expect(\"a port number\")
}

--- yours: days/day1-fixture/src/todo.rs
+++ reference: solutions/days/day1-fixture/src/todo.rs
@@ -1,4 +1,3 @@
 pub fn parse_port(text: &str) -> u16 {
-    // Any port will do.
     text.parse().expect(\"a port number\")
 }
";
    assert_eq!(succeeds(after), expected, "plain text, not a terminal");
}

#[test]
fn force_shows_it_unchecked_and_a_file_like_the_reference_is_called_identical() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    let forced = run(&workbook, &["solution", "1", "todo", "--force"]);
    assert!(
        !forced.stderr.contains("Checking"),
        "not graded: {}",
        forced.stderr
    );
    has(
        &succeeds(forced),
        "@@ -1,4 +1,3 @@\n pub fn parse_port(text: &str) -> u16 {\n-    let _ = text;\n-    \
         todo!()\n+    text.parse().expect(\"a port number\")\n }\n",
    );

    // CRLF line endings (a Windows checkout) make no difference.
    let done = "days/day1-fixture/src/done.rs";
    workbook.write(done, &read(&workbook, done).replace('\n', "\r\n"));
    let shown = succeeds(run(&workbook, &["solution", "1", "done", "--force"]));
    has(
        &shown,
        &format!("\nYour `{done}` is identical to the reference.\n"),
    );
    assert!(!shown.contains("--- yours"), "{shown}");

    // Each of an exercise's files, in the manifest's order.
    let toolkit = succeeds(run(&workbook, &["solution", "1", "toolkit", "--force"]));
    let lib = toolkit.find("==> solutions/days/day1-fixture/toolkit/src/lib.rs <==");
    let main = toolkit.find("==> solutions/days/day1-fixture/toolkit/src/main.rs <==");
    assert!(lib.is_some() && main.is_some() && lib < main, "{toolkit}");
    has(
        &toolkit,
        "--- yours: days/day1-fixture/toolkit/src/lib.rs\n",
    );
}

#[test]
fn a_release_without_solutions_says_so() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    std::fs::remove_dir_all(workbook.path("solutions")).unwrap();
    let run = run(&workbook, &["solution", "1", "todo", "--force"]);
    assert_fails(
        &run,
        &[
            "has no reference solutions",
            "the instructor's release leaves them out",
        ],
    );
}

#[test]
fn an_unknown_exercise_is_named_with_the_real_ones() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    for command in ["solution", "reset"] {
        let run = run(&workbook, &[command, "1", "nope"]);
        assert_fails(&run, &["day 1 has no exercise `nope`", "todo"]);
    }
}

#[test]
fn reset_puts_the_stub_back_and_keeps_every_version_in_its_own_backup() {
    let workbook = committed_workbook();
    let reset = || succeeds(run(&workbook, &["reset", "1", "todo"]));
    workbook.write(TODO, EDIT);
    let first = reset();
    let backup = format!("{TODO}.backup-1");
    assert!(first.starts_with("As shipped: commit "), "{first}");
    has(&first, "(your last commit: your branch has no upstream");
    let restored = format!("\n{TODO}: put back as shipped; your version is in {backup}\n");
    has(&first, &restored);
    assert!(
        first.ends_with("\nRun `cargo day 1 --exercise todo` to see where it stands.\n"),
        "{first}"
    );
    assert_eq!(read(&workbook, TODO), STUB);
    assert_eq!(read(&workbook, &backup), EDIT);

    // A second reset never overwrites the first backup, even with a gap in the numbers.
    workbook.write(&format!("{TODO}.backup-3"), "older");
    workbook.write(TODO, "second try\n");
    has(&reset(), &format!("your version is in {TODO}.backup-4\n"));
    assert_eq!(read(&workbook, &format!("{TODO}.backup-4")), "second try\n");
    assert_eq!(read(&workbook, &backup), EDIT);

    // Already the stub (with CRLF line endings, too): left alone, no backup.
    workbook.write(TODO, &STUB.replace('\n', "\r\n"));
    has(
        &reset(),
        &format!("\n{TODO}: already as shipped, left alone\n"),
    );
    assert_eq!(read(&workbook, TODO), STUB.replace('\n', "\r\n"));
    assert!(!workbook.path(&format!("{TODO}.backup-5")).exists());

    // A CRLF checkout gets the stub with CRLF; a missing file comes back.
    workbook.write(TODO, &EDIT.replace('\n', "\r\n"));
    reset();
    assert_eq!(read(&workbook, TODO), STUB.replace('\n', "\r\n"));
    std::fs::remove_file(workbook.path(TODO)).unwrap();
    has(
        &reset(),
        &format!("\n{TODO}: was missing, put back as shipped\n"),
    );
    assert_eq!(read(&workbook, TODO), STUB);
}

#[test]
fn reset_starts_from_where_the_branch_left_its_upstream() {
    let shipped = committed_workbook();
    let scene = tempfile::tempdir().unwrap();
    let clone = scene.path().join("clone");
    let origin = shipped.root().display().to_string();
    git(scene.path(), &["clone", "-q", &origin, "clone"]);
    let reset = || {
        succeeds(
            shipped
                .grader(&["reset", "1", "todo"])
                .current_dir(&clone)
                .run(),
        )
    };
    let read = |path: &str| std::fs::read_to_string(clone.join(path)).unwrap();

    // The learner commits their work on the cloned branch, then on a branch of their own.
    std::fs::write(clone.join(TODO), EDIT).unwrap();
    git(&clone, &["commit", "-q", "-am", "my work"]);
    has(&reset(), "(where your branch left origin/main)");
    assert_eq!(read(TODO), STUB);
    assert_eq!(read(&format!("{TODO}.backup-1")), EDIT);

    // A branch of its own has no upstream: where it left origin's default branch counts.
    git(&clone, &["switch", "-q", "-c", "mine"]);
    std::fs::write(clone.join(TODO), "my own branch\n").unwrap();
    git(&clone, &["commit", "-q", "-am", "my work again"]);
    has(&reset(), "(where your branch left origin/main)");
    assert_eq!(read(TODO), STUB);
}

#[test]
fn reset_without_git_history_says_what_to_do_and_touches_nothing() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    workbook.write(TODO, EDIT);
    let run = run(&workbook, &["reset", "1", "todo"]);
    assert_fails(
        &run,
        &[
            "has no git history",
            "not a git repository",
            &format!("copy `{TODO}` from the workbook's repository"),
        ],
    );
    assert_eq!(read(&workbook, TODO), EDIT);
    assert!(!workbook.path(&format!("{TODO}.backup-1")).exists());

    // No git at all.
    let empty = tempfile::tempdir().unwrap();
    let no_git = workbook
        .grader(&["reset", "1", "todo"])
        .env("PATH", &empty.path().display().to_string())
        .run();
    assert_fails(&no_git, &["git is not installed", "install git"]);
    assert_eq!(read(&workbook, TODO), EDIT);
}

#[test]
fn reset_of_a_file_the_commit_lacks_names_the_commit_and_touches_nothing() {
    let workbook = committed_workbook();
    git(workbook.root(), &["rm", "-q", "--cached", TODO]);
    git(workbook.root(), &["commit", "-q", "-m", "untrack it"]);
    workbook.write(TODO, EDIT);
    let run = run(&workbook, &["reset", "1", "todo"]);
    assert_fails(
        &run,
        &[
            &format!("`{TODO}` is not in commit "),
            "copy it from the workbook's repository",
        ],
    );
    assert_eq!(read(&workbook, TODO), EDIT);
}
