//! `grader capstone`: areas weighted to a score out of 100, the learner's own tests counted, and
//! `--demo` running the reference solution without touching the learner's files.

mod support;

use support::{FixtureWorkbook, snapshot_files};

#[test]
fn the_capstone_is_scored_by_the_weights_of_its_areas() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    let run = workbook.grader(&["capstone", "--json"]).run();
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("is graded by how many of your tests pass, not by what they catch"),
        "without planted bugs the grader says how own tests are graded: {}",
        run.stderr
    );
    let report = run.json();
    assert_eq!(report["kind"], "capstone");
    assert_eq!(report["day"], serde_json::Value::Null);
    assert_eq!(
        report["score"], 40,
        "models: 1 of 2 tests of 40 points; report: none of 20; own tests: 1 of the 2 required, of 40"
    );
    assert_eq!(report["exercises"][2]["min_tests"], 2);
    assert_eq!(report["exercises"][2]["status"], "in_progress");

    let run = workbook.grader(&["capstone"]).run();
    insta::assert_snapshot!("fixture_capstone_report", run.stdout);
}

#[test]
fn a_finished_capstone_scores_100_and_exits_zero() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    workbook
        .solve("capstone/src/lib.rs")
        .solve("capstone/src/report.rs")
        .solve("capstone/tests/my_tests.rs");
    let run = workbook.grader(&["capstone", "--json"]).run();
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert_eq!(run.json()["score"], 100);
}

#[test]
fn own_tests_count_when_they_pass_and_should_panic_and_ignore_are_understood() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    workbook.solve("capstone/src/lib.rs").write(
        "capstone/tests/my_tests.rs",
        "#[test]\nfn passes() {}\n\n#[test]\nfn fails() {\n    assert_eq!(fixture_monitor::threshold(), 80, \"my threshold\");\n}\n\n#[test]\n#[should_panic(expected = \"boom\")]\nfn panics_as_expected() {\n    panic!(\"boom\");\n}\n\n#[test]\n#[ignore]\nfn later() {}\n",
    );
    let report = workbook.grader(&["capstone", "--json"]).run().json();
    let own = &report["exercises"][2];
    let status = |name: &str| {
        own["tests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .map(|t| t["status"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("no test {name}: {own}"))
    };
    assert_eq!(status("passes"), "passed");
    assert_eq!(
        status("panics_as_expected"),
        "passed",
        "a #[should_panic] test that panics passes"
    );
    assert_eq!(status("fails"), "failed");
    assert_eq!(status("later"), "ignored", "an ignored test did not run");
    assert_eq!(
        report["score"], 66,
        "40 for models, none for report, and for two passing own tests of the two required, 40 \
         less the third of it that the failing one costs: never all of it while a test fails"
    );
    assert_eq!(
        own["status"], "in_progress",
        "a failing own test leaves the area unfinished"
    );
    assert_eq!(report["summary"]["ignored"], 1);
}

/// With bugs planted in the reference solution, the learner's own tests earn the share of them
/// they catch, and the whole area only when every bug is caught.
#[test]
fn own_tests_are_graded_by_the_planted_bugs_they_catch() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    workbook
        .solve("capstone/src/lib.rs")
        .solve("capstone/src/report.rs")
        .write(
            "solutions/capstone/variants.toml",
            r#"
[[mistake]]
exercise = "models"
about = "the threshold is 0"
plant = true
edits = [{ file = "src/lib.rs", find = "    90", replace = "    0" }]

[[mistake]]
exercise = "models"
about = "the status line forgets the number"
plant = true
edits = [{ file = "src/lib.rs", find = "{used}% used", replace = "% used" }]
"#,
        );
    let own_tests = |report: &serde_json::Value| report["exercises"][2].clone();

    // Two tests that assert nothing catch nothing.
    workbook.write(
        "capstone/tests/my_tests.rs",
        "#[test]\nfn one() {\n    assert!(true);\n}\n\n#[test]\nfn two() {\n    assert!(true);\n}\n",
    );
    let run = workbook.grader(&["capstone", "--json"]).run();
    let report = run.json();
    assert_eq!(
        report["score"],
        60,
        "models and report, and nothing for tests that catch no bug: {}",
        own_tests(&report)
    );
    assert_eq!(own_tests(&report)["status"], "in_progress");
    let text = workbook.grader(&["capstone"]).run().stdout;
    assert!(
        text.contains("catches: the threshold is 0")
            && text.contains("None of your tests fails when the code has this bug"),
        "{text}"
    );

    // One bug caught of two.
    workbook.write(
        "capstone/tests/my_tests.rs",
        "#[test]\nfn threshold_is_ninety() {\n    assert_eq!(fixture_monitor::threshold(), 90);\n}\n\n\
         #[test]\nfn two() {\n    assert!(true);\n}\n",
    );
    let report = workbook.grader(&["capstone", "--json"]).run().json();
    assert_eq!(
        report["score"],
        80,
        "half of the bugs: {}",
        own_tests(&report)
    );

    // A test that holds only for the learner's own (wrong) threshold fails on the reference.
    let reference_lib = std::fs::read_to_string(workbook.path("capstone/src/lib.rs")).unwrap();
    workbook
        .write(
            "capstone/src/lib.rs",
            &reference_lib.replace("    90", "    95"),
        )
        .write(
            "capstone/tests/my_tests.rs",
            "#[test]\nfn threshold_is_95() {\n    assert_eq!(fixture_monitor::threshold(), 95);\n}\n\n\
             #[test]\nfn status_names_the_percentage() {\n    assert!(fixture_monitor::status_line(7).contains('7'));\n}\n",
        );
    let text = workbook
        .grader(&["capstone", "--area", "own-tests"])
        .run()
        .stdout;
    let shown_first = text
        .split("Next:")
        .nth(1)
        .and_then(|next| next.lines().nth(1))
        .unwrap_or_default();
    assert!(
        shown_first.contains("threshold_is_95 (on the reference solution) (failing)"),
        "a test that is wrong about correct code is shown first: {text}"
    );
    assert!(
        text.contains("`threshold_is_95` fails on the reference solution, which is correct"),
        "{text}"
    );

    // Tests that use a helper of the learner's own do not compile against the reference: no bug
    // is tried, and the area earns nothing.
    workbook
        .write(
            "capstone/src/lib.rs",
            &format!("{reference_lib}\npub fn my_helper() -> u32 {{\n    1\n}}\n"),
        )
        .write(
            "capstone/tests/my_tests.rs",
            "#[test]\nfn helper() {\n    assert_eq!(fixture_monitor::my_helper(), 1);\n}\n\n\
             #[test]\nfn threshold_is_ninety() {\n    assert_eq!(fixture_monitor::threshold(), 90);\n}\n",
        );
    let report = workbook.grader(&["capstone", "--json"]).run().json();
    assert_eq!(report["score"], 60, "{}", own_tests(&report));
    let untried = own_tests(&report)["tests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| {
            t["target"] == "planted_bugs"
                && t["message"]
                    .as_str()
                    .is_some_and(|m| m.starts_with("Not tried"))
        })
        .count();
    assert_eq!(untried, 2, "{}", own_tests(&report));
    let text = workbook
        .grader(&["capstone", "--area", "own-tests"])
        .run()
        .stdout;
    assert!(
        text.contains("Your tests do not compile against the reference solution"),
        "{text}"
    );

    // Both caught: the whole area.
    workbook
        .write("capstone/src/lib.rs", &reference_lib)
        .solve("capstone/tests/my_tests.rs");
    let run = workbook.grader(&["capstone", "--json"]).run();
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert_eq!(run.json()["score"], 100);
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
            .contains("the capstone has no area `alerts`: its areas are models, report, own-tests"),
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

#[test]
fn a_compile_error_in_a_later_areas_file_leads_to_that_area() {
    let workbook = FixtureWorkbook::copy_of("workbook");
    workbook.write(
        "capstone/src/report.rs",
        "pub fn percent(used: u32) -> String {\n    used\n}\n",
    );
    let run = workbook.grader(&["capstone"]).run();
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains(
            "Next: the area report, in capstone/src/report.rs\n  It does not compile yet."
        ),
        "the learner is sent to the file the error is in, not to the first unfinished area: {}",
        run.stdout
    );
    assert!(
        run.stdout.contains("`cargo hint capstone report`"),
        "{}",
        run.stdout
    );
}
