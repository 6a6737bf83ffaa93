//! `grader capstone`: areas weighted to a score out of 100, the learner's own tests counted, and
//! `--demo` running the reference solution without touching the learner's files.

mod support;

use support::{FixtureWorkbook, snapshot_files};

#[test]
fn the_capstone_is_scored_by_the_weights_of_its_areas() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let run = workbook.grader(&["capstone", "--json"]).run();
    assert_eq!(run.status, 1, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["kind"], "capstone");
    assert_eq!(report["day"], serde_json::Value::Null);
    assert_eq!(
        report["score"], 50,
        "models: 1 of 2 tests of 60 points; own tests: 1 of the 2 required, of 40 points"
    );
    assert_eq!(report["exercises"][1]["min_tests"], 2);
    assert_eq!(report["exercises"][1]["status"], "in_progress");

    let run = workbook.grader(&["capstone"]).run();
    insta::assert_snapshot!("fixture_capstone_report", run.stdout);
}

#[test]
fn a_finished_capstone_scores_100_and_exits_zero() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    workbook
        .solve("capstone/src/lib.rs")
        .solve("capstone/tests/my_tests.rs");
    let run = workbook.grader(&["capstone", "--json"]).run();
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert_eq!(run.json()["score"], 100);
}

#[test]
fn own_tests_that_fail_do_not_count() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    workbook.solve("capstone/src/lib.rs").write(
        "capstone/tests/my_tests.rs",
        "#[test]\nfn passes() {}\n\n#[test]\nfn fails() {\n    assert_eq!(fixture_monitor::threshold(), 80, \"my threshold\");\n}\n",
    );
    let report = workbook.grader(&["capstone", "--json"]).run().json();
    assert_eq!(
        report["score"], 80,
        "60 for models, 40 * 1/2 for one passing own test of two"
    );
    assert_eq!(report["exercises"][1]["status"], "in_progress");
}

#[test]
fn the_demo_runs_the_reference_solution_and_leaves_the_learners_files_alone() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let before = snapshot_files(workbook.root());
    let run = workbook.grader(&["capstone", "--demo"]).run();
    assert_eq!(run.status, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout, "demo: all systems nominal (42% used)\n",
        "the demo's binary ran with the manifest's arguments, built from the solution (the stub would reach todo!())"
    );
    let after = snapshot_files(workbook.root());
    assert!(
        before == after,
        "the demo must not write to the workbook outside target/"
    );
}

#[test]
fn capstone_hints_and_unknown_areas() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let run = workbook.grader(&["hint", "capstone", "models"]).run();
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Nudge for models."), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("More: `cargo hint capstone models --level 2`"),
        "{}",
        run.stdout
    );

    let run = workbook.grader(&["hint", "capstone", "alerts"]).run();
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("the capstone has no area `alerts`: its areas are models, own-tests"),
        "{}",
        run.stderr
    );
    let run = workbook.grader(&["hint", "one", "models"]).run();
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("`one` is neither a day's number nor `capstone`"),
        "{}",
        run.stderr
    );
}
