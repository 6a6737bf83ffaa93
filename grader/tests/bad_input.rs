//! Bad input gets one clear line and exit status 2; hints come one tier at a time.

mod support;

use support::FixtureWorkbook;

fn assert_one_clear_line(run: &support::Run, expected: &str) {
    assert_eq!(run.status, 2, "bad input exits 2: {}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line, not a backtrace: {}", run.stderr);
    assert!(lines[0].starts_with("error: "), "{}", lines[0]);
    assert!(
        lines[0].contains(expected),
        "expected `{expected}` in: {}",
        lines[0]
    );
}

#[test]
fn an_unknown_day_lists_the_days_there_are() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let run = workbook.grader(&["day", "7"]).run();
    assert_one_clear_line(
        &run,
        "there is no day 7: the workbook has day 1 (try `cargo day 1`)",
    );
}

#[test]
fn an_unknown_exercise_lists_the_exercises_there_are() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let expected =
        "day 1 has no exercise `mixins`: its exercises are done, assertion, todo, broken, hostile";
    let run = workbook.grader(&["hint", "1", "mixins"]).run();
    assert_one_clear_line(&run, expected);
    let run = workbook.grader(&["day", "1", "--exercise", "mixins"]).run();
    assert_one_clear_line(&run, expected);
}

#[test]
fn running_outside_the_workbook_says_where_to_run_it() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let elsewhere = tempfile::tempdir().unwrap();
    let run = workbook
        .grader(&["day", "1"])
        .current_dir(elsewhere.path())
        .run();
    assert_one_clear_line(&run, "not inside the workbook");
    assert!(
        run.stderr
            .contains("run the command from the workbook's folder")
    );
}

#[test]
fn a_missing_toolchain_says_how_to_install_it() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let run = workbook
        .grader(&["day", "1"])
        .env("CARGO", "/nonexistent/bin/cargo")
        .run();
    assert_eq!(run.status, 2);
    let last = run.stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("error: ")
            && last.contains("cannot run `/nonexistent/bin/cargo`")
            && last.contains("https://rustup.rs"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_broken_manifest_names_the_file_and_the_problem() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let manifest = workbook.path("days/day1-fixture/exercises.toml");
    let text = std::fs::read_to_string(&manifest)
        .unwrap()
        .replace("tests = [\"todo\"]", "tests = [\"done\"]");
    std::fs::write(&manifest, text).unwrap();
    let run = workbook.grader(&["day", "1"]).run();
    assert_one_clear_line(
        &run,
        "exercises.toml: test target `done` belongs to more than one exercise",
    );
}

#[test]
fn hints_come_one_tier_at_a_time() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let run = workbook.grader(&["hint", "1", "assertion"]).run();
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Hint 1 of 3 for A failing assertion (assertion):\nCount again."),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("Use len()."),
        "only the nudge comes first: {}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("More: `cargo hint 1 assertion --level 2`"),
        "{}",
        run.stdout
    );

    let run = workbook
        .grader(&["hint", "1", "assertion", "--level", "3"])
        .run();
    assert!(
        run.stdout.contains("fn count() -> usize { 3 }") && !run.stdout.contains("More:"),
        "{}",
        run.stdout
    );

    let run = workbook.grader(&["hint", "1", "assertion", "--all"]).run();
    for hint in ["Count again.", "Use len().", "fn count() -> usize { 3 }"] {
        assert!(run.stdout.contains(hint), "{}", run.stdout);
    }

    let run = workbook
        .grader(&["hint", "1", "assertion", "--level", "4"])
        .run();
    assert_one_clear_line(&run, "`assertion` has hints 1 to 3");
}

#[test]
fn a_usage_mistake_gets_one_clear_line_and_help_goes_to_stdout() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let run = workbook.grader(&["day", "1", "--exrcise", "done"]).run();
    assert_one_clear_line(
        &run,
        "unknown option `--exrcise` for `cargo day`; did you mean `--exercise`? (see `cargo day --help`)",
    );
    let run = workbook
        .grader(&["hint", "1", "assertion", "--level", "x"])
        .run();
    assert_one_clear_line(&run, "`--level` takes a number, not `x`");

    // The help and the version need no workbook.
    let elsewhere = tempfile::tempdir().unwrap();
    let run = workbook
        .grader(&["day", "--help"])
        .current_dir(elsewhere.path())
        .run();
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Build and grade one day: `cargo day 1`.\n\nUsage: cargo day <DAY>"),
        "{}",
        run.stdout
    );
    let run = workbook
        .grader(&["--version"])
        .current_dir(elsewhere.path())
        .run();
    let version = format!("grader {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!((run.status, run.stdout), (0, version));
}
