//! `cargo grader release DIR`: the repository students receive holds the lessons, stubs, tests and
//! grader and nothing from `solutions/`, refuses folders it must not write to, and its check names
//! a planted leak. One test builds and grades a whole release (minutes when cold); the rest are fast.

mod support;

use std::path::{Path, PathBuf};

use grader::release::check::{ReleaseCheck, check_leaks};
use grader::release::{ReleaseError, ReleaseOptions, check_release, write_release};
use grader::selfcheck::{self, NO_SOLUTIONS_NOTE};
use grader::workbook::Workbook;

use support::FixtureWorkbook;

fn real_workbook() -> Workbook {
    let grader = Path::new(env!("CARGO_MANIFEST_DIR"));
    Workbook::discover(&grader.join("..")).expect("the workbook's manifests load")
}

/// The real workbook, when it has its reference solutions; in a release without them (where
/// these tests run as part of the release's own `cargo test`) there is nothing to compare a
/// release with, and the test says so and checks nothing.
fn real_workbook_with_solutions() -> Option<Workbook> {
    let workbook = real_workbook();
    if workbook.root.join("solutions").is_dir() {
        Some(workbook)
    } else {
        println!(
            "this copy of the workbook has no solutions/ (a release): nothing to compare with"
        );
        None
    }
}

/// A release of the real workbook in a fresh temporary folder (removed with the `TempDir`).
fn released(with_solutions: bool) -> (tempfile::TempDir, PathBuf) {
    let parent = tempfile::tempdir().expect("a temporary folder");
    let dir = parent.path().join("class");
    let options = ReleaseOptions {
        with_solutions,
        force: false,
    };
    let release = write_release(&real_workbook(), &dir, &options).expect("the release is written");
    assert_eq!(release.dir, dir);
    assert!(release.files > 100, "{}", release.summary());
    (parent, dir)
}

/// Every file under `root`, relative to it.
fn files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        for entry in std::fs::read_dir(root.join(&relative)).unwrap().flatten() {
            let path = relative.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn unix_text(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .replace("\r\n", "\n")
}

#[test]
fn a_release_has_the_stubs_tests_and_grader_and_no_solution() {
    let Some(workbook) = real_workbook_with_solutions() else {
        return;
    };
    let (_parent, dir) = released(false);
    for kept in [
        "days/day1-traits/src/ex1_health_checks.rs",
        "days/day1-traits/tests/ex1_health_checks.rs",
        "days/day1-traits/README.md",
        "capstone/exercises.toml",
        "grader/src/main.rs",
        "harness/Cargo.toml",
        "testkit/Cargo.toml",
        "Cargo.toml",
        "Cargo.lock",
        "rust-toolchain.toml",
        ".cargo/config.toml",
        ".ci/run",
        "justfile",
        "docs/GRADING.md",
        ".gitignore",
        "RELEASE.md",
    ] {
        assert!(dir.join(kept).is_file(), "the release has {kept}");
    }
    for left_out in ["solutions", "scripts", "target", ".git"] {
        assert!(
            !dir.join(left_out).exists(),
            "the release has no {left_out}"
        );
    }
    let all = files(&dir);
    assert!(
        !all.iter().any(|f| f.ends_with("variants.toml")),
        "no variants.toml"
    );
    // Checked here on its own, not through the release's check: no learner's file is its solution.
    let solutions = workbook.root.join("solutions");
    for solution in files(&solutions) {
        let shipped = dir.join(&solution);
        if shipped.is_file() {
            assert_ne!(
                unix_text(&shipped),
                unix_text(&solutions.join(&solution)),
                "{} is its reference solution",
                solution.display()
            );
        }
    }
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    assert!(
        readme.lines().nth(2).unwrap_or("").contains("RELEASE.md"),
        "the README points to RELEASE.md under its title:\n{}",
        &readme[..300]
    );
    let problems = check_leaks(&workbook, &dir, false).expect("the check runs");
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_release_with_solutions_keeps_them_and_their_variants() {
    let Some(workbook) = real_workbook_with_solutions() else {
        return;
    };
    let (_parent, dir) = released(true);
    assert!(
        dir.join("solutions/days/day1-traits/src/ex1_health_checks.rs")
            .is_file()
    );
    assert!(dir.join("solutions/capstone/variants.toml").is_file());
    assert!(dir.join("scripts/mutants.sh").is_file());
    assert!(!dir.join("RELEASE.md").exists());
    assert_eq!(
        std::fs::read(dir.join("README.md")).unwrap(),
        std::fs::read(workbook.root.join("README.md")).unwrap(),
        "with the solutions, the README is true as it is"
    );
    let problems = check_leaks(&workbook, &dir, true).expect("the check runs");
    assert!(problems.is_empty(), "{problems:?}");
    let problems = check_leaks(&workbook, &dir, false).expect("the check runs");
    assert!(
        problems
            .iter()
            .any(|p| p.what.contains("solutions/ folder")),
        "{problems:?}"
    );
}

#[test]
fn a_folder_that_is_not_empty_is_refused_unless_forced() {
    let workbook = real_workbook();
    let parent = tempfile::tempdir().expect("a temporary folder");
    let dir = parent.path().join("class");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();
    let refused = write_release(&workbook, &dir, &ReleaseOptions::default())
        .expect_err("a folder with a file in it");
    assert!(matches!(refused, ReleaseError::NotEmpty { .. }));
    assert!(refused.to_string().contains("--force"), "{refused}");
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.txt")).unwrap(),
        "mine"
    );

    let forced = ReleaseOptions {
        force: true,
        ..ReleaseOptions::default()
    };
    write_release(&workbook, &dir, &forced).expect("forced");
    assert!(!dir.join("notes.txt").exists());
    assert!(dir.join("days/day1-traits/Cargo.toml").is_file());
}

#[test]
fn a_folder_inside_the_workbook_or_the_workbook_itself_is_refused() {
    let workbook = real_workbook();
    for dir in [
        workbook.root.join("target/release-for-students"),
        workbook.root.join("days/../class"),
        workbook.root.clone(),
    ] {
        let refused = write_release(&workbook, &dir, &ReleaseOptions::default())
            .expect_err("inside the workbook");
        assert!(
            matches!(refused, ReleaseError::InsideWorkbook { .. }),
            "{refused}"
        );
        assert!(refused.to_string().contains("outside the workbook"));
    }
    assert!(!workbook.root.join("target/release-for-students").exists());
    assert!(!workbook.root.join("class").exists());
}

#[test]
fn the_check_names_a_solution_laid_over_its_stub() {
    let Some(workbook) = real_workbook_with_solutions() else {
        return;
    };
    let (_parent, dir) = released(false);
    let stub = "days/day1-traits/src/ex1_health_checks.rs";
    let solution = workbook.root.join("solutions").join(stub);
    // With Windows line ends, and an alternative hidden under another name.
    let text = std::fs::read_to_string(&solution).unwrap();
    std::fs::write(dir.join(stub), text.replace('\n', "\r\n")).unwrap();
    let variant = "solutions/days/day1-traits/variants/mixins/loops_and_match.rs";
    std::fs::copy(
        workbook.root.join(variant),
        dir.join("days/day1-traits/src/notes.rs"),
    )
    .unwrap();
    std::fs::write(dir.join("capstone/variants.toml"), "").unwrap();

    let problems = check_leaks(&workbook, &dir, false).expect("the check runs");
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3, "{list:#?}");
    assert!(
        list.contains(&format!(
            "release: {stub} has the content of solutions/{stub}: a learner would be handed the \
             answer; put the workbook's stub in its place"
        )),
        "{list:#?}"
    );
    assert!(
        list.iter()
            .any(|p| p.contains("days/day1-traits/src/notes.rs") && p.contains(variant)),
        "{list:#?}"
    );
    assert!(
        list.iter().any(|p| p.contains("capstone/variants.toml")),
        "{list:#?}"
    );
}

/// A workbook without `solutions/` (a release) checks its layout and stubs, and says what it
/// leaves out instead of asking for a solution per file.
#[test]
fn the_self_check_without_solutions_checks_the_stubs_and_says_so() {
    let fixture = FixtureWorkbook::copy_of("workbook");
    std::fs::remove_dir_all(fixture.path("solutions")).unwrap();
    let workbook = Workbook::load(fixture.root()).expect("the fixture loads");
    let capstone = workbook.capstone().expect("the fixture has a capstone");
    let work_dir = tempfile::tempdir().expect("a temporary folder");
    let findings = selfcheck::run(&workbook, &[capstone], work_dir.path(), &|_| {})
        .expect("the self-check runs");
    assert_eq!(findings.notes, [NO_SOLUTIONS_NOTE]);
    assert!(findings.mistakes.is_empty());
    let solution_problems: Vec<_> = findings
        .problems
        .iter()
        .filter(|p| {
            p.what.contains("solutions/")
                || p.what.contains("reference solution")
                || p.place == "solutions"
        })
        .collect();
    assert!(solution_problems.is_empty(), "{solution_problems:#?}");
    // The stub round ran: the fixture's capstone has a stub whose test passes.
    assert!(
        findings
            .problems
            .iter()
            .any(|p| p.what.contains("passes on the stub of `models`")),
        "{:#?}",
        findings.problems
    );
}

/// The slow one: a release builds offline and its stubs grade as not started, and the check leaves
/// nothing behind in it. It builds in the self-check's build folder (`workbook_selfcheck.rs` runs in
/// the same `cargo test`, one test binary after the other), so the dependencies are built once.
#[test]
fn a_release_builds_and_its_stubs_grade_as_not_started() {
    let workbook = real_workbook();
    let (_parent, dir) = released(false);
    let before = files(&dir);
    let check = ReleaseCheck {
        with_solutions: false,
        build_dir: selfcheck::default_work_dir(&workbook).join("build"),
        progress: &|_| {},
    };
    let problems = check_release(&workbook, &dir, &check).expect("the check runs");
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", list.join("\n"));
    assert_eq!(files(&dir), before, "the check left files in the release");
}
