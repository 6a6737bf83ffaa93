//! `grader day N` against a fixture workbook whose tests pass, fail, reach todo!(), do not compile,
//! loop forever, call process::exit(0), abort, overflow their stack and print megabytes.

mod support;

use std::collections::BTreeMap;

use support::{FixtureWorkbook, snapshot_files, statuses};

const FIXTURE: &str = "workbook";

#[test]
fn every_kind_of_result_is_classified_with_its_reason() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    let run = workbook.grader(&["day", "1", "--json"]).run();
    assert_eq!(run.status, 1, "an unfinished day exits 1\n{}", run.stderr);
    let report = run.json();
    let expected = [
        ("done", "adds_small_numbers", "passed"),
        ("done", "adds_zero", "passed"),
        ("assertion", "counts_some_servers", "passed"),
        ("assertion", "counts_three_servers", "failed"),
        ("todo", "parses_a_port", "not_started"),
        ("todo", "parses_another_port", "not_started"),
        // A target that does not compile still counts each test its `main!` declares.
        ("broken", "answers", "does_not_compile"),
        ("hostile", "loops_forever", "timed_out"),
        ("hostile", "exits_zero_before_asserting", "crashed"),
        ("hostile", "prints_megabytes_then_fails", "failed"),
        ("hostile", "overflows_its_stack", "crashed"),
        ("hostile", "aborts", "crashed"),
        ("toolkit", "the_binary_prints_the_banner", "failed"),
        // The hostile exercises' stubs are plain todo!()s (grader/tests/hostile.rs lays the
        // hostile versions over them).
        ("tricks", "loops_with_looping_children", "not_started"),
        ("tricks", "writes_stdout_without_a_newline", "not_started"),
        ("tricks", "writes_invalid_utf8_to_stdout", "not_started"),
        ("tricks", "a_child_process_prints_to_stdout", "not_started"),
        (
            "tricks",
            "a_thread_prints_after_the_test_returns",
            "not_started",
        ),
        (
            "tricks",
            "leaves_a_background_process_holding_stdout",
            "not_started",
        ),
        ("tricks", "leaves_a_setsid_process_behind", "not_started"),
        (
            "tricks",
            "runs_under_memory_file_and_process_limits",
            "not_started",
        ),
        (
            "tricks",
            "prints_libtest_pass_lines_and_exits",
            "not_started",
        ),
        ("tricks", "forges_its_result_file", "not_started"),
        ("tricks", "prints_200_mb_then_fails", "not_started"),
        ("tricks", "allocates_8_gib", "not_started"),
        (
            "tricks",
            "a_panic_message_with_terminal_escapes",
            "not_started",
        ),
        ("vandal", "overwrites_sibling_test_binaries", "not_started"),
        ("vandal", "rewrites_a_canonical_test_file", "not_started"),
        ("vandal", "rewrites_the_manifest", "not_started"),
        ("vandal", "replaces_a_binary_the_tests_run", "not_started"),
        ("macros", "doubles_two", "not_started"),
        ("macros", "doubles_zero", "not_started"),
    ];
    let expected: BTreeMap<_, _> = expected
        .iter()
        .map(|(e, t, s)| (((*e).to_owned(), (*t).to_owned()), (*s).to_owned()))
        .collect();
    assert_eq!(statuses(&report), expected);

    let test = |exercise: &str, name: &str| -> serde_json::Value {
        report["exercises"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == exercise)
            .and_then(|e| {
                e["tests"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|t| t["name"] == name)
            })
            .cloned()
            .unwrap_or_else(|| panic!("no test {exercise}::{name}"))
    };
    let failed = test("assertion", "counts_three_servers");
    assert!(
        failed["message"]
            .as_str()
            .unwrap()
            .contains("expected 3 servers"),
        "the assertion message reaches the report: {failed}"
    );
    assert_eq!(
        failed["location"],
        "days/day1-fixture/tests/assertion.rs:5:5"
    );
    let todo = test("todo", "parses_a_port");
    assert_eq!(
        todo["location"], "days/day1-fixture/src/todo.rs:3:5",
        "a todo!() points at the learner's file, relative to the workbook"
    );
    let shouting = test("hostile", "prints_megabytes_then_fails");
    let message = shouting["message"].as_str().unwrap();
    assert!(
        message.contains("the shouting test fails after its output"),
        "the panic after megabytes of output is still found: {message}"
    );
    let exited = test("hostile", "exits_zero_before_asserting");
    assert!(
        exited["message"]
            .as_str()
            .unwrap()
            .contains("process::exit")
    );
    let overflow = test("hostile", "overflows_its_stack");
    assert!(
        overflow["message"]
            .as_str()
            .unwrap()
            .contains("stack overflowed")
    );
    let broken = test("broken", "answers");
    let error = broken["message"].as_str().unwrap();
    assert!(error.contains("error[E0308]: mismatched types"), "{error}");
    assert!(
        error.contains("--> days/day1-fixture/src/broken.rs:2:5"),
        "compiler errors name the learner's file relative to the workbook: {error}"
    );
    assert!(
        !error.contains(&*workbook.root().to_string_lossy()),
        "no absolute paths: {error}"
    );

    assert_eq!(report["schema"], 1);
    assert_eq!(report["kind"], "day");
    assert_eq!(report["day"], 1);
    assert_eq!(report["summary"]["tests"], 32);
    assert_eq!(report["summary"]["passed"], 3);
    assert_eq!(report["summary"]["exercises_done"], 1);
    let exercises = report["exercises"].as_array().unwrap();
    let ids: Vec<&str> = exercises
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "done",
            "assertion",
            "todo",
            "broken",
            "hostile",
            "toolkit",
            "tricks",
            "vandal",
            "macros"
        ],
        "the manifest's order"
    );
    assert_eq!(exercises[0]["status"], "done");
    assert_eq!(exercises[2]["status"], "not_started");
    assert_eq!(exercises[3]["status"], "does_not_compile");
    assert_eq!(exercises[4]["status"], "in_progress");
}

#[test]
fn the_text_report_leads_to_the_first_unfinished_exercise() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    let run = workbook.grader(&["day", "1"]).run();
    assert_eq!(run.status, 1);
    assert!(
        !run.stdout.contains('\u{1b}'),
        "no colour when the output is not a terminal"
    );
    insta::assert_snapshot!("fixture_day_report", run.stdout);
    assert!(
        run.stderr.contains("Compiling day1-fixture") && run.stderr.contains("Running 31 tests"),
        "the learner sees what the build is doing: {}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("could not compile"),
        "cargo's closing error lines are left to the report: {}",
        run.stderr
    );

    let forced = workbook
        .grader(&["day", "1"])
        .env("CLICOLOR_FORCE", "1")
        .run();
    assert!(forced.stdout.contains('\u{1b}'), "colour when forced");
}

#[test]
fn an_exercise_that_does_not_compile_shows_the_compilers_first_error() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    let run = workbook.grader(&["day", "1", "--exercise", "broken"]).run();
    assert_eq!(run.status, 1);
    insta::assert_snapshot!("fixture_broken_exercise", run.stdout);
}

#[test]
fn a_day_whose_exercises_all_pass_exits_zero_and_grading_writes_nothing() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    for file in [
        "src/assertion",
        "src/todo",
        "src/broken",
        "src/hostile",
        "src/tricks",
        "src/vandal",
        "src/macros",
        "toolkit/src/lib",
    ] {
        workbook.solve(&format!("days/day1-fixture/{file}.rs"));
    }
    let before = snapshot_files(workbook.root());
    let run = workbook.grader(&["day", "1"]).run();
    assert_eq!(run.status, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("Day 1: every exercise passes"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("9 of 9 exercises done · 32 of 32 tests passed"),
        "{}",
        run.stdout
    );
    let after = snapshot_files(workbook.root());
    assert!(
        before == after,
        "grading must not write to the workbook outside target/"
    );
}

#[test]
fn the_self_check_finds_stubs_that_pass_and_solutions_that_fail_or_are_unkempt() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    // Break one reference solution, and make another pass but need clippy's and rustfmt's care.
    workbook.write(
        "solutions/days/day1-fixture/src/todo.rs",
        "pub fn parse_port(_: &str) -> u16 {\n    80\n}\n",
    );
    workbook.write(
        "solutions/days/day1-fixture/src/done.rs",
        "pub fn add(a: u32, b: u32) -> u32 {\n    return a + b;\n}\n",
    );
    workbook.write(
        "solutions/days/day1-fixture/src/broken.rs",
        "pub fn answer() -> u32 { 42 }\n",
    );
    // The self-check stages in the temporary folder: a private one, removed with the test.
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let run = workbook
        .grader(&["check"])
        .env("TMPDIR", &scratch.path().display().to_string())
        .run();
    assert_eq!(run.status, 1, "{}\n{}", run.stdout, run.stderr);
    let problems: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with('✗')).collect();
    let stub_passes = "a test must fail until the learner has done the work";
    let expected = [
        "✗ Day 1: the reference solution of `todo` does not pass todo::parses_a_port (failing): assertion `left == right` failed".to_owned(),
        "✗ Day 1: the reference solution of `todo` does not pass todo::parses_another_port (failing): assertion `left == right` failed".to_owned(),
        "✗ solutions: clippy (warnings denied) finds:".to_owned(),
        "✗ solutions: not formatted by rustfmt".to_owned(),
        "✗ Day 1: there is no solutions/days/day1-fixture/variants.toml".to_owned(),
        "✗ Capstone: there is no solutions/capstone/variants.toml".to_owned(),
        format!("✗ Day 1: done::adds_small_numbers passes on the stub of `done`: {stub_passes}"),
        format!("✗ Day 1: done::adds_zero passes on the stub of `done`: {stub_passes}"),
        format!("✗ Day 1: assertion::counts_some_servers passes on the stub of `assertion`: {stub_passes}"),
        format!("✗ Capstone: models::the_threshold_is_ninety passes on the stub of `models`: {stub_passes}"),
    ];
    assert_eq!(problems.len(), expected.len(), "{}", run.stdout);
    for (problem, expected) in problems.iter().zip(&expected) {
        assert!(
            problem.starts_with(expected.as_str()),
            "expected `{expected}`, got `{problem}`"
        );
    }
    assert!(
        run.stdout.contains("needless_return"),
        "clippy names its lint: {}",
        run.stdout
    );
    assert!(
        run.stdout.contains("broken.rs"),
        "rustfmt names the file: {}",
        run.stdout
    );
    // `broken` says its stub does not compile, so that is no problem, and the example test in the
    // capstone's own-tests file is the learner's, not a stub that passes by accident.
    assert!(!run.stdout.contains("`broken`"), "{}", run.stdout);
    assert!(!run.stdout.contains("my_tests"), "{}", run.stdout);
}

/// An alternative that fails and a mistake that no test catches are problems; `--mistakes` shows
/// the first message a learner who makes each mistake reads.
#[test]
fn the_self_check_grades_alternatives_and_planted_mistakes() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    workbook.write(
        "solutions/days/day1-fixture/variants/done_fold.rs",
        "pub fn add(a: u32, b: u32) -> u32 {\n    [a, b].iter().sum()\n}\n",
    );
    workbook.write(
        "solutions/days/day1-fixture/variants.toml",
        r#"
[[alternative]]
exercise = "done"
about = "a sum over an array"
files = { "src/done.rs" = "variants/done_fold.rs" }

[[alternative]]
exercise = "done"
about = "claimed correct, but subtracts"
edits = [{ file = "src/done.rs", find = "a + b", replace = "a.abs_diff(b)" }]

[[mistake]]
exercise = "done"
about = "multiplies instead of adding"
edits = [{ file = "src/done.rs", find = "a + b", replace = "a * b" }]

[[mistake]]
exercise = "done"
about = "harmless: the sum the other way round"
edits = [{ file = "src/done.rs", find = "a + b", replace = "b + a" }]

[[mistake]]
exercise = "done"
about = "an edit whose text is gone"
edits = [{ file = "src/done.rs", find = "a - b", replace = "b" }]
"#,
    );
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let run = workbook
        .grader(&["check", "--unit", "day1", "--mistakes"])
        .env("TMPDIR", &scratch.path().display().to_string())
        .run();
    assert_eq!(run.status, 1, "{}\n{}", run.stdout, run.stderr);
    let problems: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with('✗')).collect();
    for expected in [
        "✗ Day 1: the alternative `done`: claimed correct, but subtracts does not pass: done::adds_small_numbers failing",
        "✗ Day 1: the mistake `done`: harmless: the sum the other way round is not caught: every test of `done` passes",
        "✗ Day 1: mistake `done`: an edit whose text is gone: its edit of src/done.rs finds no `a - b` there",
        "✗ Day 1: `assertion` has 0 alternative solution(s) and 0 planted mistake(s) in solutions/days/day1-fixture/variants.toml",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "expected `{expected}` among:\n{}",
            problems.join("\n")
        );
    }
    assert!(
        !run.stdout.contains("a sum over an array"),
        "the good alternative passes: {}",
        run.stdout
    );
    assert!(
        !problems
            .iter()
            .any(|p| p.contains("multiplies instead of adding")),
        "the caught mistake is no problem: {}",
        run.stdout
    );
    // `--mistakes`: each mistake, then what the learner reads first.
    let shown = run
        .stdout
        .split("Day 1: mistake `done`: multiplies instead of adding")
        .nth(1)
        .expect("--mistakes lists the caught mistake");
    let first_lines: Vec<&str> = shown.lines().skip(1).take(3).collect();
    assert!(
        first_lines[0].contains("done::adds_small_numbers failing"),
        "{first_lines:?}"
    );
    assert!(
        run.stdout
            .contains("NOT CAUGHT: every test of its exercise passes"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("Capstone"),
        "--unit day1 checks Day 1 only: {}",
        run.stdout
    );
}

#[test]
fn a_crate_that_does_not_compile_hides_no_other_exercise() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    workbook.write(
        "days/day1-fixture/toolkit/src/lib.rs",
        "pub fn banner() -> String {\n    missing_helper()\n}\n",
    );
    let report = workbook.grader(&["day", "1", "--json"]).run().json();
    let by_test = statuses(&report);
    let status = |e: &str, t: &str| by_test[&(e.to_owned(), t.to_owned())].as_str();
    assert_eq!(status("done", "adds_zero"), "passed");
    assert_eq!(status("todo", "parses_a_port"), "not_started");
    // The binary test never compiles because the library it links does not: that error is shown.
    assert_eq!(
        status("toolkit", "the_binary_prints_the_banner"),
        "does_not_compile"
    );
    let toolkit = &report["exercises"][5];
    let error = toolkit["compile_error"].as_str().unwrap();
    assert!(
        error.contains("cannot find function `missing_helper`")
            && error.contains("days/day1-fixture/toolkit/src/lib.rs"),
        "the toolkit's own first error, not another exercise's: {error}"
    );

    // A day library that does not compile fails the day's targets, not the other crate's.
    workbook.write("days/day1-fixture/src/lib.rs", "pub fn oops( {}\n");
    workbook.solve("days/day1-fixture/toolkit/src/lib.rs");
    let report = workbook.grader(&["day", "1", "--json"]).run().json();
    let by_test = statuses(&report);
    assert_eq!(
        by_test[&("done".to_owned(), "adds_zero".to_owned())],
        "does_not_compile"
    );
    assert_eq!(
        by_test[&(
            "toolkit".to_owned(),
            "the_binary_prints_the_banner".to_owned()
        )],
        "passed"
    );
    let done_error = report["exercises"][0]["compile_error"].as_str().unwrap();
    assert!(
        done_error.contains("days/day1-fixture/src/lib.rs"),
        "{done_error}"
    );
}

#[test]
fn a_binary_that_no_longer_compiles_is_never_tested_in_its_old_build() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    workbook.solve("days/day1-fixture/toolkit/src/lib.rs");
    let toolkit = (
        "toolkit".to_owned(),
        "the_binary_prints_the_banner".to_owned(),
    );
    let report = workbook.grader(&["day", "1", "--json"]).run().json();
    assert_eq!(statuses(&report)[&toolkit], "passed");

    // Cargo keeps the last good binary and still builds the tests that run it.
    workbook.write(
        "days/day1-fixture/toolkit/src/main.rs",
        "fn main() {\n    println!(\"{}\", fixture_toolkit::banner(1));\n}\n",
    );
    let report = workbook.grader(&["day", "1", "--json"]).run().json();
    let by_test = statuses(&report);
    assert_eq!(
        by_test[&(
            "toolkit".to_owned(),
            "the_binary_prints_the_banner".to_owned()
        )],
        "does_not_compile",
        "the test of a binary that does not compile must not pass on its old build: {by_test:?}"
    );
    let error = report["exercises"][5]["compile_error"].as_str().unwrap();
    assert!(
        error.contains("days/day1-fixture/toolkit/src/main.rs"),
        "the binary's own error is shown: {error}"
    );
    assert_eq!(
        by_test[&("done".to_owned(), "adds_zero".to_owned())],
        "passed"
    );
}

#[test]
fn grading_one_exercise_never_claims_the_whole_day() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    let run = workbook.grader(&["day", "1", "--exercise", "done"]).run();
    assert_eq!(run.status, 0, "the graded exercise passes: {}", run.stdout);
    assert!(
        run.stdout
            .contains("done passes.\nRun `cargo day 1` to see the whole day."),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("every exercise passes"),
        "{}",
        run.stdout
    );
}
