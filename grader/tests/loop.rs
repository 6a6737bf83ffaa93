//! The learner's loop: results kept between runs are shown again only while everything they were
//! graded from is unchanged, and an edit runs only the tests it can affect.

mod support;

use std::collections::BTreeMap;

use support::{FixtureWorkbook, Run, exercise};

/// How many tests a run ran (each "Running N tests…" or "Running 1 test…" line); 0 when it ran
/// none.
fn tests_run(run: &Run) -> usize {
    run.stderr
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("Running ")?;
            let count = rest
                .strip_suffix(" tests…")
                .or_else(|| rest.strip_suffix(" test…"))?;
            count.parse::<usize>().ok()
        })
        .sum()
}

/// (exercise, test) → status, from the run's JSON report.
fn statuses(run: &Run) -> BTreeMap<(String, String), String> {
    support::statuses(&run.json())
}

fn test_count(run: &Run, id: &str) -> usize {
    exercise(&run.json(), id)["tests"]
        .as_array()
        .expect("tests")
        .len()
}

#[test]
fn kept_results_are_reused_only_while_what_they_were_graded_from_is_unchanged() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let day = ["day", "1", "--json"];

    let first = workbook.grader(&day).run();
    assert!(
        tests_run(&first) > 0,
        "the first run runs the tests\n{}",
        first.stderr
    );

    // Nothing changed: the same report, with nothing built and no test run, but the one that
    // timed out (a slow moment is never kept).
    let again = workbook.grader(&day).run();
    assert_eq!(statuses(&again), statuses(&first), "the same results");
    assert_eq!(
        tests_run(&again),
        test_count(&first, "hostile"),
        "with no change, only the exercise with a timed-out test runs again\n{}",
        again.stderr
    );

    // One exercise's file changes: its tests run (and the timed-out ones), no other's.
    workbook.solve("days/day1-fixture/src/todo.rs");
    let edited = workbook.grader(&day).run();
    assert_eq!(
        tests_run(&edited),
        test_count(&first, "todo") + test_count(&first, "hostile"),
        "an edit to todo.rs runs todo's tests, not every exercise's\n{}",
        edited.stderr
    );
    let after_edit = statuses(&edited);
    assert_eq!(
        after_edit[&("todo".to_owned(), "parses_a_port".to_owned())],
        "passed",
        "the edited exercise is graded anew"
    );
    assert_eq!(
        after_edit[&("done".to_owned(), "adds_small_numbers".to_owned())],
        "passed",
        "an exercise the edit cannot affect keeps its results"
    );

    // A canonical test changes (as a workbook update would): its exercise runs again.
    let test_file = workbook.path("days/day1-fixture/tests/done.rs");
    let mut text = std::fs::read_to_string(&test_file).expect("the test file");
    text.push_str("\n// an update to the test\n");
    std::fs::write(&test_file, text).expect("write the test file");
    let updated = workbook.grader(&day).run();
    assert!(
        tests_run(&updated) >= test_count(&first, "done") + test_count(&first, "hostile"),
        "a changed canonical file means nothing kept is trusted\n{}",
        updated.stderr
    );

    // A learner file of another exercise that is only read by its own tests changes back: the
    // results are those of the stub again, never the kept ones of the solution.
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/workbook/days/day1-fixture/src/todo.rs"),
        workbook.path("days/day1-fixture/src/todo.rs"),
    )
    .expect("restore the stub");
    let restored = workbook.grader(&day).run();
    assert_eq!(
        statuses(&restored)[&("todo".to_owned(), "parses_a_port".to_owned())],
        "not_started",
        "the stub's results, not the solution's"
    );
}

#[test]
fn the_binary_a_test_runs_is_part_of_what_its_results_are_kept_under() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let only = ["day", "1", "--json", "--exercise", "toolkit"];
    let first = workbook.grader(&only).run();
    assert_eq!(
        statuses(&first)[&(
            "toolkit".to_owned(),
            "the_binary_prints_the_banner".to_owned()
        )],
        "failed"
    );
    workbook.solve("days/day1-fixture/toolkit/src/lib.rs");
    let solved = workbook.grader(&only).run();
    assert_eq!(
        statuses(&solved)[&(
            "toolkit".to_owned(),
            "the_binary_prints_the_banner".to_owned()
        )],
        "passed",
        "the test runs the new binary\n{}",
        solved.stderr
    );
}

#[test]
fn a_check_that_fails_on_an_untouched_stub_reads_not_started_until_the_file_changes() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let only = ["day", "1", "--json", "--exercise", "assertion"];
    let failing = ("assertion".to_owned(), "counts_three_servers".to_owned());
    // Without a record of the stubs, nothing is taken for untouched.
    let unrecorded = workbook.grader(&only).run();
    assert_eq!(statuses(&unrecorded)[&failing], "failed");

    let recorded = workbook.grader(&["check", "--record-stubs"]).run();
    assert_eq!(recorded.status, 0, "{}", recorded.stderr);
    assert!(
        recorded.stdout.contains("days/day1-fixture/stubs.toml"),
        "{}",
        recorded.stdout
    );
    let untouched = workbook.grader(&only).run();
    assert_eq!(
        statuses(&untouched)[&failing],
        "not_started",
        "the stub as shipped has not been started\n{}",
        untouched.stdout
    );

    // Any edit, even a comment (with CRLF line endings, as a Windows checkout has them, it would
    // still be the stub), and the check's verdict is the learner's.
    let stub = workbook.path("days/day1-fixture/src/assertion.rs");
    let text = std::fs::read_to_string(&stub).expect("the stub");
    std::fs::write(&stub, text.replace('\n', "\r\n")).expect("write the stub");
    assert_eq!(
        statuses(&workbook.grader(&only).run())[&failing],
        "not_started",
        "CRLF line endings are the same stub"
    );
    std::fs::write(&stub, format!("{text}\n// started\n")).expect("edit the stub");
    assert_eq!(
        statuses(&workbook.grader(&only).run())[&failing],
        "failed",
        "an edited file's failures are failures"
    );
}

/// A module the learner put in a file of their own builds and passes here, but handing in takes
/// only the exercises' files: the report says so, and the run does not count as done.
#[test]
fn a_source_file_the_workbook_did_not_ship_is_named_as_left_out_of_handing_in() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let only = ["day", "1", "--exercise", "done"];
    let recorded = workbook.grader(&["check", "--record-stubs"]).run();
    assert_eq!(recorded.status, 0, "{}", recorded.stderr);
    let done = workbook.grader(&only).run();
    assert_eq!(
        done.status, 0,
        "the solved exercise is done\n{}",
        done.stdout
    );

    // An editor's hidden lock file, and a file that is not Rust, are not the learner's modules.
    workbook.write("days/day1-fixture/src/.#done.rs", "lock");
    workbook.write("days/day1-fixture/src/notes.md", "my notes");
    let still = workbook.grader(&only).run();
    assert_eq!(still.status, 0, "{}", still.stdout);

    workbook.write(
        "days/day1-fixture/src/done/helpers.rs",
        "pub fn two() -> u32 { 2 }\n",
    );
    let added = workbook.grader(&only).run();
    assert_eq!(
        added.status, 1,
        "a file left out of handing in: not done\n{}",
        added.stdout
    );
    for expected in [
        "days/day1-fixture/src/done/helpers.rs",
        "an instructor's grading leaves it out",
        "the file that declares `mod helpers;`",
    ] {
        assert!(
            added.stdout.contains(expected),
            "`{expected}` in the report:\n{}",
            added.stdout
        );
    }
    let json = workbook
        .grader(&["day", "1", "--exercise", "done", "--json"])
        .run()
        .json();
    let warnings = json["warnings"].as_array().expect("warnings").clone();
    assert!(
        warnings.iter().any(|w| w
            .as_str()
            .is_some_and(|w| w.contains("src/done/helpers.rs"))),
        "{warnings:?}"
    );

    let week = workbook.grader(&["progress"]).run();
    assert!(
        week.stdout
            .contains("this run does not count: `cargo day 1` says why"),
        "the week does not show Day 1 as counting either:\n{}",
        week.stdout
    );

    std::fs::remove_file(workbook.path("days/day1-fixture/src/done/helpers.rs")).unwrap();
    let removed = workbook.grader(&only).run();
    assert_eq!(removed.status, 0, "{}", removed.stdout);
}

#[test]
fn every_unit_of_the_workbook_records_its_stubs_as_they_are() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workbook root");
    let workbook = grader::workbook::Workbook::load(root).expect("the workbook loads");
    for unit in &workbook.units {
        assert_eq!(
            grader::grade::stubs::check_record(root, unit, true),
            None,
            "{}'s stubs.toml",
            unit.label()
        );
    }
}

#[test]
fn the_week_shows_every_unit_and_the_next_thing_to_do_and_is_never_stale() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let week = workbook.grader(&["progress"]).run();
    assert_eq!(week.status, 0, "{}", week.stderr);
    for expected in [
        "The week at a glance",
        "Day 1",
        "Capstone",
        "✓ done",
        "○ todo",
        "… assertion",
        "Next: finish `assertion` (Day 1",
        "then run `cargo day 1`",
    ] {
        assert!(
            week.stdout.contains(expected),
            "`{expected}` in:\n{}",
            week.stdout
        );
    }

    // A change since the last report is graded now, not shown from what was kept.
    workbook.solve("days/day1-fixture/src/todo.rs");
    let after = workbook.grader(&["progress"]).run();
    assert!(
        after.stdout.contains("✓ todo"),
        "the solved exercise is done:\n{}",
        after.stdout
    );
}

#[test]
fn nothing_is_kept_from_a_run_during_which_a_learner_file_was_written() {
    use grader::grade::results_cache::ResultsCache;
    use grader::report::UnitReport;

    let workbook = FixtureWorkbook::copy_of("workbook");
    let run = workbook
        .grader(&["day", "1", "--json", "--exercise", "done"])
        .run();
    let report: UnitReport = serde_json::from_str(&run.stdout).expect("a JSON report");
    let done = &report.exercises[0];
    let loaded = grader::workbook::Workbook::load(workbook.root()).expect("the fixture loads");
    let unit = loaded.day(1).expect("day 1");
    let target = workbook.path("target-of-this-test");
    let file = workbook.path("days/day1-fixture/src/done.rs");

    // Control: nothing written while "grading", so the report is kept and found again.
    let cache = ResultsCache::open(workbook.root(), &target, unit);
    cache.keep_report(done);
    cache.save();
    assert!(
        ResultsCache::open(workbook.root(), &target, unit)
            .report("done")
            .is_some(),
        "a run with no change is kept"
    );
    std::fs::remove_dir_all(&target).expect("forget it");

    // The learner saves another version while cargo builds, then saves the first one back: the
    // digests match again, but what was built and tested may be the other version.
    let cache = ResultsCache::open(workbook.root(), &target, unit);
    let text = std::fs::read_to_string(&file).expect("the learner's file");
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&file, format!("{text}\n// another version\n")).expect("save");
    std::fs::write(&file, &text).expect("save back");
    cache.keep_report(done);
    cache.save();
    assert!(
        ResultsCache::open(workbook.root(), &target, unit)
            .report("done")
            .is_none(),
        "results of a run during which a learner file was written are not kept"
    );
}
