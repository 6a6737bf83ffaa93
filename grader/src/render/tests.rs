//! The text report's tests: what a learner reads, and that text from their code is never obeyed.

use super::*;
use crate::manifest::{Manifest, UnitKind};
use crate::report::{ExerciseReport, TestResult};
use crate::workbook::Crate;

fn day_one() -> Unit {
    let manifest: Manifest = toml::from_str(
        r#"
        kind = "day"
        day = 1
        title = "Traits"

        [[exercise]]
        id = "checks"
        title = "Health checks"
        files = ["src/checks.rs"]
        tests = ["checks"]
        "#,
    )
    .expect("a valid manifest");
    Unit {
        manifest,
        dir: "days/day1".into(),
        package: "day1".into(),
        crates: vec![Crate {
            dir: "days/day1".into(),
            package: "day1".into(),
        }],
    }
}

fn test(name: &str, status: TestStatus, message: Option<&str>) -> TestResult {
    TestResult {
        name: name.into(),
        target: "checks".into(),
        status,
        message: message.map(str::to_owned),
        location: None,
        note: None,
        explanation: None,
        duration_ms: 0,
    }
}

fn report_of(tests: Vec<TestResult>, compile_error: Option<&str>) -> UnitReport {
    let exercise = ExerciseReport {
        id: "checks".into(),
        number: Some(1),
        title: "Health checks".into(),
        python: String::new(),
        file: "days/day1/src/checks.rs".into(),
        status: ExerciseReport::status_of(&tests, None),
        compile_error: compile_error.map(str::to_owned),
        weight: None,
        min_tests: None,
        test_weights: Default::default(),
        tests,
    };
    UnitReport::new(
        UnitKind::Day,
        Some(1),
        "Traits".into(),
        "day1".into(),
        vec![exercise],
    )
}

/// The report with the grader's own styles taken out: what is left must hold no escape.
fn without_our_styles(text: &str) -> String {
    [GREEN, RED, YELLOW, DIM, BOLD]
        .iter()
        .flat_map(|style| [style.render().to_string(), style.render_reset().to_string()])
        .filter(|sequence| !sequence.is_empty())
        .fold(text.to_owned(), |text, sequence| {
            text.replace(&sequence, "")
        })
}

#[test]
fn an_explanation_is_shown_only_for_a_passed_test_and_in_full_only_for_its_exercise_alone() {
    let mut passed = test("drill01", TestStatus::Passed, None);
    passed.explanation = Some("nothing to activate: cargo finds Cargo.toml".into());
    let mut failed = test("drill02", TestStatus::Failed, Some("not that"));
    failed.explanation = Some("the answer to drill 2".into());
    let report = report_of(vec![passed, failed], None);

    let whole_day = day_one();
    let text = without_our_styles(&render(&report, &whole_day, None));
    assert!(
        text.contains(
            "checks: 1 passed answer explains why it is right: `cargo day 1 --exercise checks`"
        ),
        "{text}"
    );
    assert!(!text.contains("nothing to activate"), "{text}");

    let mut alone = day_one();
    let other = alone.manifest.exercises[0].clone();
    alone.manifest.exercises.push(other);
    let text = without_our_styles(&render(&report, &alone, None));
    assert!(
        text.contains("✓ drill01: nothing to activate: cargo finds Cargo.toml"),
        "{text}"
    );
    assert!(!text.contains("the answer to drill 2"), "{text}");
}

#[test]
fn learner_text_is_shown_escaped_and_never_obeyed() {
    let mut failing = test(
        "fake\u{1b}[2Kname",
        TestStatus::Failed,
        Some("\u{1b}[2J\u{1b}[32m✓ all passed\rok \u{202e}deliaf"),
    );
    failing.location = Some("days/day1/src/checks.rs\u{1b}[8m:3:5".into());
    let other = test("other\u{202e}", TestStatus::Failed, None);
    let report = report_of(vec![failing, other], None);
    let text = render(&report, &day_one(), None);

    assert!(
        text.contains("\\u{1b}[2J\\u{1b}[32m✓ all passed\\rok \\u{202e}deliaf"),
        "{text}"
    );
    assert!(text.contains("fake\\u{1b}[2Kname (failing)"), "{text}");
    assert!(
        text.contains("at days/day1/src/checks.rs\\u{1b}[8m:3:5"),
        "{text}"
    );
    assert!(text.contains("other\\u{202e} (failing)"), "{text}");
    assert!(!text.contains('\r') && !text.contains('\u{202e}'), "{text}");
    assert!(
        text.contains(&paint(RED, "✗")),
        "the grader still paints its own marks"
    );
    assert!(
        !without_our_styles(&text).contains('\u{1b}'),
        "the only escape sequences are the grader's styles: {text:?}"
    );
}

#[test]
fn a_compiler_error_quoting_learner_code_is_shown_escaped() {
    let error = "error: unknown start of token: \\u{1b}\n --> days/day1/src/checks.rs:1:5\n  |\n1 | // \u{1b}]0;pwned\u{7}\u{2066}";
    let broken = test("checks", TestStatus::DoesNotCompile, Some(error));
    let report = report_of(vec![broken], Some(error));
    let text = render(&report, &day_one(), None);
    assert!(
        text.contains("    1 | // \\u{1b}]0;pwned\\u{7}\\u{2066}"),
        "{text}"
    );
    assert!(!without_our_styles(&text).contains('\u{1b}'), "{text:?}");
}

#[test]
fn an_ignored_test_is_listed_but_neither_counted_nor_next() {
    let report = report_of(
        vec![
            test("a_later", TestStatus::Ignored, None),
            test("b_works", TestStatus::Passed, None),
            test("c_works_too", TestStatus::Passed, None),
        ],
        None,
    );
    let text = without_our_styles(&render(&report, &day_one(), Some("cargo day 2")));
    assert!(text.contains("2/2 passed · 1 ignored"), "{text}");
    assert!(text.contains("Day 1: every exercise passes."), "{text}");
    assert!(
        text.contains("1 of 1 exercise done · 2 of 2 tests passed · 1 ignored"),
        "{text}"
    );

    let report = report_of(
        vec![
            test("a_later", TestStatus::Ignored, None),
            test("b_fails", TestStatus::Failed, Some("expected 3")),
            test("c_todo", TestStatus::NotStarted, None),
        ],
        None,
    );
    let text = without_our_styles(&render(&report, &day_one(), None));
    assert!(
        text.contains("0/2 passed · 1 not started · 1 failing · 1 ignored"),
        "{text}"
    );
    assert!(text.contains("✗ b_fails (failing)"), "{text}");
    assert!(
        text.contains("Also still to pass: c_todo (not started)\n"),
        "{text}"
    );
    assert!(!text.contains("a_later"), "{text}");

    let report = report_of(vec![test("a_later", TestStatus::Ignored, None)], None);
    let text = without_our_styles(&render(&report, &day_one(), None));
    assert!(
        text.contains("Every one of its tests is marked #[ignore]"),
        "{text}"
    );
}
